/**
 * The tests that `npm run mutatie` (StrykerJS) runs against every mutant of src/model and src/params:
 * the fast in-process tests of the model, the parameter reader and the small goldens. Left out:
 * - the LibreOffice and PDF tests (minutes per run, and they test the renderers);
 * - every test file that changes the working folder (`process.chdir`, or the CLI in-process through
 *   `voerUit` of test/cli/hulp.ts): Stryker runs vitest in worker threads, where process.chdir is not
 *   allowed. Found by reading the files, so a new test file of that kind is left out by itself;
 * - the tests with a time budget (test/unit/grenzen.test.ts, the random input mutations of
 *   test/params/mutatie.test.ts): under Stryker's instrumentation they are slower, so they fail the initial
 *   run or would "kill" a mutant by being slow rather than by a wrong value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const MAPPEN = ['test/model', 'test/params', 'test/unit', 'test/golden'];
const MET_TIJDSBUDGET = ['test/unit/grenzen.test.ts', 'test/params/mutatie.test.ts'];

const bestanden = [...MAPPEN.flatMap((m) => readdirSync(m, { recursive: true, encoding: 'utf8' }).map((f) => `${m}/${f}`)), 'test/tarieventabel.test.ts'].filter((f) =>
  f.endsWith('.test.ts'),
);
const wisseltVanMap = bestanden.filter((f) => /process\.chdir|\bvoerUit\b/.test(readFileSync(f, 'utf8')));

export default defineConfig({
  test: {
    environment: 'node',
    include: bestanden,
    exclude: [...MET_TIJDSBUDGET, ...wisseltVanMap],
    testTimeout: 60_000,
    // every mutant is switched on at run time, so the modules need not be loaded again for each run
    isolate: false,
  },
});
