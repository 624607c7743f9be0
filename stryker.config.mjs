// StrykerJS: mutation testing of the model and the parameter reader (`npm run mutatie`, scripts/mutatie.mjs).
// Every mutant is a small change to src/model or src/params; a test must fail on it. See docs/mutatie.md.
// One run per MUTATIE_RUN (the same names in vitest.mutatie.config.ts, which picks the tests of each run):
// - model-kern: src/model except the review code, against the model tests;
// - model-review: src/model/vergelijk.ts, indexering.ts and begroting.ts, against the model and the review tests
//   (those run whole review commands; against the rest of the model they would make each mutant cost a minute);
// - params: src/params, against the parameter tests.
// MUTATIE_BESTANDEN="src/model/signalen.ts src/model/afronding.ts" limits a run to a few files.
export const REVIEW = ['src/model/vergelijk.ts', 'src/model/indexering.ts', 'src/model/begroting.ts'];
const RUNS = {
  'model-kern': ['src/model/**/*.ts', ...REVIEW.map((b) => `!${b}`)],
  'model-review': REVIEW,
  params: ['src/params/**/*.ts'],
};
const run = process.env.MUTATIE_RUN ?? 'model-kern';
if (!RUNS[run]) throw new Error(`MUTATIE_RUN=${run}: verwacht ${Object.keys(RUNS).join(', ')}`);
const bestanden = process.env.MUTATIE_BESTANDEN?.split(/\s+/).filter(Boolean);
const mutate = bestanden ?? RUNS[run];
const naam = bestanden ? `${run}-deel` : run;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutatie.config.ts', related: false },
  checkers: process.env.MUTATIE_CHECKER === 'uit' ? [] : ['typescript'],
  // the checker types only src/: with the tests it took most of a run's time
  tsconfigFile: 'tsconfig.mutatie.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate,
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants and zod schemas) would each need the whole test set: 38 % of the
  // mutants and an estimated 93 % of the run time. They are reported as ignored; see docs/mutatie.md.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/mutatie/${naam}.incremental.json`,
  concurrency: 2,
  timeoutMS: 20000,
  plugins: ['@stryker-mutator/*', './scripts/stryker-voortgang.mjs'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json', 'voortgang'],
  htmlReporter: { fileName: `reports/mutatie/${naam}.html` },
  jsonReporter: { fileName: `reports/mutatie/${naam}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, maxTestsToLog: 0 },
  // In place, not in a sandbox copy: some review tests measure text that contains paths, and the sandbox's longer
  // paths changed what fits. Stryker puts every file back when the run ends, also after Ctrl-C (not after kill -9;
  // then `git checkout src` does it).
  inPlace: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['output/**', '!output/*/tarieven.csv', 'reports', '.stryker-tmp', 'node_modules'],
};
