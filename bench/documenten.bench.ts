/**
 * Benchmark: the full build of `genereer` (compute, both workbooks, every PDF and
 * the PvE checklist), each measurement in a fresh process so that it is cold, as
 * a CLI run always is, and so that its peak memory is its own.
 *
 * - the CLI on the default set, as a user runs it (Node start, loading included);
 * - the same build inside one process, from loading the set to the last byte;
 * - generated sets of 100 and 1 000 products.
 * Targets: default set < 3 s; 1 000 products < 12 s and < 800 MB peak, and the
 * growth from 100 to 1 000 products reported (linear is × 10).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const WORTEL = path.resolve(import.meta.dirname, '..');
const SJABLONEN = path.join(WORTEL, 'templates');
const STANDAARD = process.env.BENCH_SET ?? 'models/voorbeeldregio-2027';

interface Meting {
  seconden: number;
  piekMb: number;
  tekst: string;
}

/** One build in this process; prints a JSON line for the parent. */
async function bouwHier(soort: string, publicatie = false): Promise<void> {
  // the compiled modules (npm run bench builds them first), as the installed command runs them: with the PDFs
  // split over a worker thread, which needs compiled JavaScript
  const dist = (m: string) => pathToFileURL(path.join(WORTEL, 'dist', m)).href;
  const { laadParameterset } = (await import(dist('params/laden.js'))) as typeof import('../src/params/laden.ts');
  const { berekenTarieven } = (await import(dist('model/bereken.js'))) as typeof import('../src/model/bereken.ts');
  const { vulDocumenten } = (await import(dist('cli/documenten.js'))) as typeof import('../src/cli/documenten.ts');
  const { bouwUitvoer } = (await import(dist('cli/genereer.js'))) as typeof import('../src/cli/genereer.ts');
  const { synthetischeSet } = await import('./synthetisch.ts');
  const t0 = performance.now();
  const set = soort === 'standaard' ? laadParameterset(STANDAARD).set : synthetischeSet(laadParameterset('test/fixtures/sets/volledig-inkoop').set, Number(soort));
  const plan = berekenTarieven(set);
  const gevuld = vulDocumenten(set, plan, { publicatie, sjablonen: SJABLONEN, ...(soort === 'standaard' ? { setMap: STANDAARD } : {}) });
  const uit = await bouwUitvoer(set, plan, gevuld);
  const seconden = (performance.now() - t0) / 1000;
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const pdfs = [...uit].filter(([n]) => n.endsWith('.pdf'));
  const werkboeken = [...uit].filter(([n]) => n.endsWith('.xlsx'));
  const tekst = `${set.producten.length} producten, ${plan.tarieven.length} tarieven → ${werkboeken.length} werkboeken ${mb(werkboeken.reduce((a, [, b]) => a + b.length, 0))} MB, ${pdfs.length} PDF's ${mb(pdfs.reduce((a, [, b]) => a + b.length, 0))} MB (${pdfs.map(([n, b]) => `${n.replace('.pdf', '')} ${mb(b.length)}`).join(', ')})`;
  console.log(JSON.stringify({ seconden, piekMb: process.resourceUsage().maxRSS / 1024, tekst }));
}

function inNieuwProces(soort: string, publicatie = false): Meting {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, publicatie ? '--hier-publicatie' : '--hier', soort], { cwd: WORTEL, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`meting ${soort} mislukt:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Meting;
}

/** The CLI as a user runs it; peak memory from a preload that reports it at exit. */
function cli(set = STANDAARD, ...extra: string[]): Meting {
  const uit = mkdtempSync(path.join(tmpdir(), 'tariefbouw-bench-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nPIEK "+process.resourceUsage().maxRSS+"\\n"))', path.join(WORTEL, 'bin', 'tariefbouw.js'), 'genereer', set, '--out', uit, ...extra], {
    cwd: WORTEL,
    encoding: 'utf8',
  });
  const seconden = (performance.now() - t0) / 1000;
  rmSync(uit, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`genereer mislukt:\n${r.stderr}`);
  return { seconden, piekMb: Number(/PIEK (\d+)/.exec(r.stderr)![1]) / 1024, tekst: `tariefbouw genereer${extra.length ? ` ${extra.join(' ')}` : ''}` };
}

function mediaan(ms: Meting[]): Meting {
  return [...ms].sort((a, b) => a.seconden - b.seconden)[Math.floor(ms.length / 2)]!;
}

const regel = (naam: string, m: Meting, doel: string) => console.log(`${naam}: ${m.tekst} in ${m.seconden.toFixed(2)} s, piek-rss ${m.piekMb.toFixed(0)} MB${doel ? ` (doel ${doel})` : ''}`);

if (process.argv[2] === '--hier' || process.argv[2] === '--hier-publicatie') {
  await bouwHier(process.argv[3]!, process.argv[2] === '--hier-publicatie');
} else {
  console.log(`tariefbouw documenten (alle PDF's en werkboeken), elke meting een vers proces · Node ${process.version}\n`);
  // BENCH_PUBLICATIE=alleen: only the publication measurements below
  if (process.env.BENCH_PUBLICATIE !== 'alleen') {
  regel(`${STANDAARD}, de CLI (mediaan van 3)`, mediaan([cli(), cli(), cli()]), '< 3 s');
  regel(`${STANDAARD}, in het proces (mediaan van 3)`, mediaan([inNieuwProces('standaard'), inNieuwProces('standaard'), inNieuwProces('standaard')]), '< 3 s');
  const m100 = inNieuwProces('100');
  regel('synthetisch 100', m100, '');
  const m1000 = inNieuwProces('1000');
  regel('synthetisch 1 000', m1000, '< 12 s, < 800 MB');
  console.log(`\ngroei 100 → 1 000 producten: × ${(m1000.seconden / m100.seconden).toFixed(1)} (lineair is × 10)`);
  }
  // publication: the PDFs printed as tagged PDFs in Chromium, next to the concept build of the same set
  const { vindChromium } = await import('../src/render/publicatie.ts');
  if (!vindChromium()) console.log('\npublicatie: overgeslagen, Chromium ontbreekt');
  else {
    const PUB = 'test/fixtures/sets/publicatie';
    console.log('');
    regel(`${PUB}, CONCEPT, de CLI (mediaan van 3)`, mediaan([cli(PUB), cli(PUB), cli(PUB)]), '');
    regel(`${PUB}, --publicatie, de CLI (mediaan van 3)`, mediaan([cli(PUB, '--publicatie'), cli(PUB, '--publicatie'), cli(PUB, '--publicatie')]), '');
    regel(`${STANDAARD} als publicatie (getagde PDF's), in het proces (mediaan van 3)`, mediaan([inNieuwProces('standaard', true), inNieuwProces('standaard', true), inNieuwProces('standaard', true)]), '');
    regel('synthetisch 100 als publicatie', inNieuwProces('100', true), '');
  }
}
