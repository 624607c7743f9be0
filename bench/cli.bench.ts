/**
 * Benchmark of the command as a user runs it (npm run bench), measured side by side in one run on this machine:
 *
 * - `controleer` and `bereken` on the example set against `node -e 0` (target: at most 5 ×), `--help` (at most 3 ×);
 * - the full build (`genereer`) against LibreOffice converting the generated tariefbijlage.xlsx alone to PDF
 *   (`soffice --headless --convert-to pdf`; target: at most 0,5 ×).
 *
 * `controleer` and `bereken` are measured three ways, because the YAML cache (src/params/yamlcache.ts) makes the
 * difference: "ongewijzigd" (every file read before: the cache's best case), "1 bestand gewijzigd" (one product
 * file edited before each run, the case of someone editing a set: the target applies here) and "zonder cache"
 * (TARIEFBOUW_CACHE=uit, as a first run on a fresh machine).
 *
 * Every measurement is a fresh process (cold, as a CLI run always is); the rounds are interleaved, so that a busy
 * moment on a shared machine hits every command alike, and each figure is the median. CPU time (user + system) is
 * printed next to the wall-clock time: on a machine that others share, it is the steadier of the two.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const WORTEL = path.resolve(import.meta.dirname, '..');
const BIN = path.join(WORTEL, 'bin', 'tariefbouw.js');
const SET = 'voorbeeldregio-2027';
const RONDES = Number(process.env.BENCH_RONDES ?? 7);
// reports the child's CPU time and peak memory on exit (stderr, last line)
const METER = 'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nMETING "+(u.userCPUTime+u.systemCPUTime)+" "+u.maxRSS+"\\n")})';

interface Meting {
  s: number;
  cpu: number;
  mb: number;
}

function meet(args: string[], cwd = WORTEL, cache = CACHE): Meting {
  const t0 = performance.now();
  const env = { ...process.env, TARIEFBOUW_CACHE: cache };
  const r = spawnSync(process.execPath, ['--import', METER, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const s = (performance.now() - t0) / 1000;
  const m = /METING (\d+) (\d+)\s*$/.exec(r.stderr);
  if (r.status !== 0 && !(args.includes('controleer') && r.status === 0)) throw new Error(`${args.join(' ')} gaf ${r.status}:\n${r.stderr}`);
  return { s, cpu: m ? Number(m[1]) / 1e6 : Number.NaN, mb: m ? Number(m[2]) / 1024 : Number.NaN };
}

function soffice(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const nl = (x: number, d = 2) => x.toFixed(d).replace('.', ',');

const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-bench-cli-'));
const CACHE = path.join(werk, 'cache');
try {
  console.log(`tariefbouw als commando, ${RONDES} rondes door elkaar, mediaan · Node ${process.version}\n`);
  // a copy of the example set whose product file is edited before each run of the "1 bestand gewijzigd" rows
  const kopie = path.join(werk, 'regio');
  cpSync(path.join(WORTEL, 'models', SET), path.join(kopie, 'models', SET), { recursive: true });
  cpSync(path.join(WORTEL, 'package.json'), path.join(kopie, 'package.json'));
  const bewerk = (i: number) => appendFileSync(path.join(kopie, 'models', SET, 'producten', 'ambulant-jeugd.yaml'), `# bewerking ${i}\n`);
  const RIJEN = [
    ['node -e 0', '', () => meet(['-e', '0'])],
    ['--help', '≤ 3 ×', () => meet([BIN, '--help'])],
    ['controleer, ongewijzigd', '', () => meet([BIN, 'controleer', SET])],
    ['controleer, 1 bestand gewijzigd', '≤ 5 ×', (i: number) => (bewerk(i), meet([BIN, 'controleer', SET], kopie))],
    ['controleer, zonder cache', '', () => meet([BIN, 'controleer', SET], WORTEL, 'uit')],
    ['bereken, ongewijzigd', '', () => meet([BIN, 'bereken', SET])],
    ['bereken, 1 bestand gewijzigd', '≤ 5 ×', (i: number) => (bewerk(i + 1000), meet([BIN, 'bereken', SET], kopie))],
    ['bereken, zonder cache', '', () => meet([BIN, 'bereken', SET], WORTEL, 'uit')],
  ] as const;
  const reeksen = new Map<string, Meting[]>(RIJEN.map(([k]) => [k, []]));
  meet([BIN, 'controleer', SET]); // fills the cache for the "ongewijzigd" rows
  for (let i = 0; i < RONDES; i++) for (const [k, , doe] of RIJEN) reeksen.get(k)!.push(doe(i));
  const med = (k: string) => ({ s: mediaan(reeksen.get(k)!.map((m) => m.s)), cpu: mediaan(reeksen.get(k)!.map((m) => m.cpu)), mb: mediaan(reeksen.get(k)!.map((m) => m.mb)) });
  const node = med('node -e 0');
  for (const [k, doel] of RIJEN) {
    const m = med(k);
    console.log(
      `${k.padEnd(32)} ${nl(m.s * 1000, 0).padStart(6)} ms  (${nl(m.s / node.s, 1)} × node -e 0${doel ? `, doel ${doel}` : ''})   cpu ${nl(m.cpu * 1000, 0)} ms (${nl(m.cpu / node.cpu, 1)} ×)   piek ${nl(m.mb, 0)} MB`,
    );
  }

  // the full build against LibreOffice converting its tariefbijlage.xlsx
  const bouw: Meting[] = [];
  for (let i = 0; i < 3; i++) bouw.push(meet([BIN, 'genereer', SET, '--out', path.join(werk, `uit${i}`)]));
  const g = { s: mediaan(bouw.map((m) => m.s)), cpu: mediaan(bouw.map((m) => m.cpu)), mb: mediaan(bouw.map((m) => m.mb)) };
  console.log(`\ngenereer    ${nl(g.s)} s  cpu ${nl(g.cpu)} s  piek ${nl(g.mb, 0)} MB (laden, rekenen, werkboeken, PDF's, webpagina's; mediaan van 3)`);
  const so = soffice();
  if (!so) console.log('LibreOffice (soffice) ontbreekt: de verhouding met de conversie is niet gemeten.');
  else {
    const xlsx = path.join(werk, 'tariefbijlage.xlsx');
    copyFileSync(path.join(werk, 'uit0', SET, 'tariefbijlage.xlsx'), xlsx);
    const profiel = `file://${path.join(werk, 'lo-profiel')}`;
    const conversie = () => {
      const t0 = performance.now();
      const r = spawnSync(so, [`-env:UserInstallation=${profiel}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.join(werk, 'pdf'), xlsx], { encoding: 'utf8' });
      if (r.status !== 0 || !existsSync(path.join(werk, 'pdf', 'tariefbijlage.pdf'))) throw new Error(`soffice mislukt:\n${r.stderr}`);
      return (performance.now() - t0) / 1000;
    };
    conversie(); // the first run creates the profile; not counted
    const lo = mediaan([conversie(), conversie(), conversie()]);
    console.log(`soffice     ${nl(lo)} s  (tariefbijlage.xlsx → PDF, mediaan van 3 na een eerste run)`);
    console.log(`genereer ÷ soffice = ${nl(g.s / lo)} (doel ≤ 0,5)`);
  }
} finally {
  rmSync(werk, { recursive: true, force: true });
}
