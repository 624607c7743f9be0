/**
 * The tests that `npm run mutatie` (StrykerJS) runs against every mutant of src/model and src/params:
 * the fast in-process tests of the model, the parameter reader and the small goldens. Left out: the
 * LibreOffice and PDF tests (minutes per run, and they test the renderers) and the tests that start the
 * CLI as a child process or change the working folder (a mutant is only active inside the test process,
 * and Stryker runs vitest in worker threads, where process.chdir is not allowed).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/model/**/*.test.ts', 'test/params/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/tarieventabel.test.ts'],
    testTimeout: 60_000,
    // every mutant is switched on at run time, so the modules need not be loaded again for each run
    isolate: false,
  },
});
