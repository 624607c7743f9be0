#!/usr/bin/env node
// npm run mutatie: StrykerJS over src/model (two runs: the core against the model tests, the review code against
// the model and review tests) and src/params (one run), each with its own tests and incremental file; then the score
// per folder and per file, and every surviving mutant.
//   npm run mutatie                   both folders
//   npm run mutatie -- src/params     one folder
//   npm run mutatie -- --rapport      only the summary of the reports already in reports/mutatie/
// See docs/mutatie.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MAPPEN = ['src/model', 'src/params'];
const RUNS = { 'src/model': ['model-kern', 'model-review'], 'src/params': ['params'] };
const args = process.argv.slice(2);
const alleenRapport = args.includes('--rapport');
const gekozen = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/\/$/, ''));
for (const m of gekozen) {
  if (!MAPPEN.includes(m)) {
    console.error(`mutatie: onbekende map ${m}\n  verwacht: ${MAPPEN.join(' of ')}\n  hint: laat de map weg voor allebei`);
    process.exit(2);
  }
}
const mappen = gekozen.length ? gekozen : MAPPEN;
const rapport = (run) => path.join('reports', 'mutatie', `${run}.json`);

const duur = new Map();
if (!alleenRapport) {
  for (const map of mappen) {
    for (const run of RUNS[map]) {
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [path.join('node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run'], {
        stdio: 'inherit',
        env: { ...process.env, MUTATIE_RUN: run },
      });
      duur.set(map, (duur.get(map) ?? 0) + (Date.now() - t0) / 1000);
      if (r.status !== 0) {
        console.error(`mutatie: de run ${run} (${map}) faalde (code ${r.status})`);
        process.exit(r.status ?? 1);
      }
    }
  }
}

const GEVONDEN = new Set(['Killed', 'Timeout']);
const GEMIST = new Set(['Survived', 'NoCoverage']);
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1).replace('.', ',')} %` : '—');
const DOEL = { 'src/model': 85, 'src/params': 75 };

let onderDoel = false;
for (const map of mappen) {
  const ontbreekt = RUNS[map].filter((run) => !existsSync(rapport(run)));
  if (ontbreekt.length) {
    console.log(`\n${map}: geen rapport van ${ontbreekt.map(rapport).join(', ')}; draai npm run mutatie -- ${map}`);
    onderDoel = true;
    continue;
  }
  const json = { files: Object.assign({}, ...RUNS[map].map((run) => JSON.parse(readFileSync(rapport(run), 'utf8')).files)) };
  const tel = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, Ignored: 0, RuntimeError: 0 };
  const perBestand = [];
  const overlevenden = [];
  for (const [bestand, { mutants }] of Object.entries(json.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const t = { gevonden: 0, gemist: 0 };
    for (const m of mutants) {
      tel[m.status] = (tel[m.status] ?? 0) + 1;
      if (GEVONDEN.has(m.status)) t.gevonden++;
      if (GEMIST.has(m.status)) {
        t.gemist++;
        overlevenden.push(`${bestand}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (geen test raakt hem)' : ''}: ${JSON.stringify(m.replacement ?? '').slice(0, 80)}`);
      }
    }
    perBestand.push([bestand, t]);
  }
  const gevonden = tel.Killed + tel.Timeout;
  const gemist = tel.Survived + tel.NoCoverage;
  const score = gevonden / (gevonden + gemist || 1);
  if (100 * score < DOEL[map]) onderDoel = true;
  console.log(`\n${map}: score ${pct(gevonden, gevonden + gemist)} (doel ≥ ${DOEL[map]} %)${duur.has(map) ? `, run ${Math.round(duur.get(map) / 60)} min` : ''}`);
  console.log(`  gedood ${tel.Killed}, time-out ${tel.Timeout}, overleefd ${tel.Survived}, niet geraakt ${tel.NoCoverage}; buiten de score: compileert niet ${tel.CompileError}, genegeerd ${tel.Ignored} (statisch of met een Stryker disable-reden)`);
  for (const [bestand, t] of perBestand) if (t.gevonden + t.gemist) console.log(`  ${pct(t.gevonden, t.gevonden + t.gemist).padStart(8)}  ${String(t.gemist).padStart(3)} gemist  ${bestand}`);
  if (overlevenden.length) console.log(`  overlevenden:\n${overlevenden.map((o) => `    ${o}`).join('\n')}`);
}
process.exitCode = onderDoel ? 1 : 0;
