#!/usr/bin/env node
// npm run mutatie: StrykerJS over src/model and then src/params (each its own run, its own tests and its own
// incremental file), then the score per folder and per file, and every surviving mutant.
//   npm run mutatie                   both folders
//   npm run mutatie -- src/params     one folder
//   npm run mutatie -- --rapport      only the summary of the reports already in reports/mutatie/
// See docs/mutatie.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MAPPEN = ['src/model', 'src/params'];
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
const rapport = (map) => path.join('reports', 'mutatie', `${path.basename(map)}.json`);

const duur = new Map();
if (!alleenRapport) {
  for (const map of mappen) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [path.join('node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run'], {
      stdio: 'inherit',
      env: { ...process.env, MUTATIE_MAP: map },
    });
    duur.set(map, (Date.now() - t0) / 1000);
    if (r.status !== 0) {
      console.error(`mutatie: de run over ${map} faalde (code ${r.status})`);
      process.exit(r.status ?? 1);
    }
  }
}

const GEVONDEN = new Set(['Killed', 'Timeout']);
const GEMIST = new Set(['Survived', 'NoCoverage']);
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1).replace('.', ',')} %` : '—');
const DOEL = { 'src/model': 85, 'src/params': 75 };

let onderDoel = false;
for (const map of mappen) {
  if (!existsSync(rapport(map))) {
    console.log(`\n${map}: geen rapport (${rapport(map)}); draai npm run mutatie -- ${map}`);
    onderDoel = true;
    continue;
  }
  const json = JSON.parse(readFileSync(rapport(map), 'utf8'));
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
