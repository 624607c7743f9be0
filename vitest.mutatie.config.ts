/**
 * The tests that `npm run mutatie` (StrykerJS) runs against every mutant of src/model and src/params:
 * the fast in-process tests of the model, the parameter reader and the small goldens. Left out: the
 * LibreOffice and PDF tests (minutes per run, and they test the renderers) and the tests that start the
 * CLI as a child process or change the working folder (a mutant is only active inside the test process,
 * and Stryker runs vitest in worker threads, where process.chdir is not allowed). Also left out: the tests
 * with a time budget (test/unit/grenzen.test.ts, the random input mutations of test/params/mutatie.test.ts):
 * under Stryker's instrumentation they are slower, so they fail the initial run or would "kill" a mutant by
 * being slow rather than by a wrong value.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/model/**/*.test.ts', 'test/params/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/tarieventabel.test.ts'],
    exclude: ['test/unit/grenzen.test.ts', 'test/params/mutatie.test.ts'],
    testTimeout: 60_000,
    // every mutant is switched on at run time, so the modules need not be loaded again for each run
    isolate: false,
  },
});
