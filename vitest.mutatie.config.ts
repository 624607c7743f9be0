/**
 * The tests that `npm run mutatie` (StrykerJS) runs against every mutant of src/model and src/params:
 * the in-process tests of the model, the review commands, the parameter reader and the small goldens. Left out:
 * - the LibreOffice and PDF tests (minutes per run, and they test the renderers);
 * - test/review/ronde-e2e.test.ts (whole document builds, a minute per run) and
 *   test/review/indexeer-storing.test.ts (it injects write failures into node:fs);
 * - the tests with a time budget (test/unit/grenzen.test.ts, the random input mutations of
 *   test/params/mutatie.test.ts): under Stryker's instrumentation they are slower, so they fail the initial
 *   run or would "kill" a mutant by being slow rather than by a wrong value.
 */
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The tests of each run (MUTATIE_RUN, see stryker.config.mjs). A mutant that only tests of another folder would
// catch counts as surviving: the score is a floor.
const RUN = process.env.MUTATIE_RUN ?? 'model-kern';
const TESTS: Record<string, string[]> = {
  'model-kern': ['test/model', 'test/review/jeugd-wmo.test.ts'],
  'model-review': ['test/model', 'test/review'],
  params: ['test/params'],
};
const MAPPEN = [...(TESTS[RUN] ?? ['test/model', 'test/review', 'test/params']), 'test/unit', 'test/golden', 'test/tarieventabel.test.ts'];
const MET_TIJDSBUDGET = ['test/unit/grenzen.test.ts', 'test/params/mutatie.test.ts'];
// whole document builds (a minute per run) and injected write failures (they replace node:fs)
const TE_ZWAAR = ['test/review/ronde-e2e.test.ts', 'test/review/indexeer-storing.test.ts'];

const bestanden = MAPPEN.flatMap((m) => (m.endsWith('.ts') ? [m] : readdirSync(m, { recursive: true, encoding: 'utf8' }).map((f) => `${m}/${f}`))).filter((f) => f.endsWith('.test.ts'));

export default defineConfig({
  test: {
    environment: 'node',
    include: bestanden,
    exclude: [...MET_TIJDSBUDGET, ...TE_ZWAAR],
    // Stryker runs vitest in worker threads, where process.chdir is not allowed: this gives such a test a working
    // folder of its own, so the CLI can run in-process as in the other tests
    setupFiles: ['test/mutatie/werkmap.ts'],
    testTimeout: 60_000,
    // a property test tries a tenth of its inputs (test/eigenschap.ts): it runs again for every mutant it covers
    // the YAML cache off: a hit skips reading and checking a file, so a mutant there would never run
    env: { TARIEFBOUW_EIGENSCHAP_RUNS: '0.1', TARIEFBOUW_CACHE: 'uit' },
    // every mutant is switched on at run time, so the modules need not be loaded again for each run
    isolate: false,
  },
});
