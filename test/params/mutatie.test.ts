/**
 * Seeded mutation test of the standard set (models/voorbeeldregio-2027): every file's text is mutated the way a
 * hurried edit or a hostile pull request would (lines deleted, duplicated or swapped, numbers made absurd,
 * junk characters, wrong indentation, renamed keys, truncated files …) and `tariefbouw controleer` is run on
 * the result, in this process. Every outcome must be exit 0 or 1, never an internal error; every error must
 * point inside its file (line and column that exist) and have verwacht, gevonden and hint; no run may take
 * 5 s or more.
 *
 * npm test runs a fixed set of seeds. More, for a nightly or manual run:
 *   FUZZ_SEED=7 FUZZ_AANTAL=2000 npx vitest run test/params/mutatie.test.ts
 * The summary line (mutations, exit codes, crashes, slow runs) is printed at the end; the README's
 * "Grenzen en robuustheid" gives the figures of the last large run.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SET = path.join(ROOT, 'models', 'voorbeeldregio-2027');
const SEED = Number(process.env.FUZZ_SEED ?? 20270101);
const AANTAL = Number(process.env.FUZZ_AANTAL ?? 30);
const TIJDSLIMIET_MS = 5000;

/** mulberry32: a small seeded generator, so a failing mutation can be replayed from its seed and number. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function yamlBestanden(map: string, rel = ''): string[] {
  return readdirSync(path.join(map, rel))
    .sort()
    .flatMap((naam) => {
      const r = rel ? `${rel}/${naam}` : naam;
      return statSync(path.join(map, r)).isDirectory() ? yamlBestanden(map, r) : naam.endsWith('.yaml') ? [r] : [];
    });
}

const ABSURDE_GETALLEN = ['0', '-1', '-250000', '0.0000000001', '1000000', '99999999999', '9'.repeat(30), '9'.repeat(310), '1'.repeat(400), '1e400', '.inf', '.nan', '12,50', '1.2.3', '0x1F', '-0', '007', ''];
const RUIS = ['{', '}', '[', ']', ':', ': ', '- ', '? ', '&a ', '*a', '!!binary ', '!', '"', "'", '#', '\t', '%', '@', '`', '|', '>', '\u001b[2K', '\r', '\u2028', '\u202e', 'ü', '\u{1F600}', '\\', ',', '~', 'null', '---\n', '...\n', '<<: *a\n'];
const WAARDEN = ['[]', '{}', '~', 'null', 'true', '"  "', "''", '[1, 2]', '{a: 1}', '- x', '2027-02-30', '2027-13-01', '31-12-2027', 'jaar', 'procent', 'onbekend', 'x'.repeat(500)];

interface Mutatie {
  omschrijving: string;
  tekst: string;
}

/** One mutation of a file's text, chosen and placed by `r`. */
function muteer(tekst: string, r: () => number): Mutatie {
  const regels = tekst.split('\n');
  const kies = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const i = Math.floor(r() * regels.length);
  const soort = Math.floor(r() * 13);
  const met = (nieuw: string[], omschrijving: string): Mutatie => ({ omschrijving: `regel ${i + 1}: ${omschrijving}`, tekst: nieuw.join('\n') });
  const kopie = [...regels];
  switch (soort) {
    case 0:
      kopie.splice(i, 1);
      return met(kopie, 'verwijderd');
    case 1:
      kopie.splice(i, 0, regels[i]!);
      return met(kopie, 'verdubbeld');
    case 2: {
      const j = Math.min(regels.length - 1, i + 1);
      [kopie[i], kopie[j]] = [kopie[j]!, kopie[i]!];
      return met(kopie, 'verwisseld met de volgende');
    }
    case 3: {
      // a number on the line (or, if none, on the first line after it that has one) becomes absurd
      for (let k = 0; k < regels.length; k++) {
        const n = (i + k) % regels.length;
        const m = /(?<=[:\-\[,]\s*)-?\d+(?:\.\d+)?(?=\s*(?:$|,|\]|#))/.exec(regels[n]!);
        if (m) {
          const nieuw = kies(ABSURDE_GETALLEN);
          kopie[n] = regels[n]!.slice(0, m.index) + nieuw + regels[n]!.slice(m.index + m[0].length);
          return { omschrijving: `regel ${n + 1}: getal ${m[0]} → ${nieuw.length > 20 ? `${nieuw.slice(0, 12)}… (${nieuw.length} tekens)` : nieuw}`, tekst: kopie.join('\n') };
        }
      }
      return met(kopie, 'geen getal gevonden');
    }
    case 4: {
      const regel = regels[i]!;
      const k = Math.floor(r() * (regel.length + 1));
      const ruis = kies(RUIS);
      kopie[i] = regel.slice(0, k) + ruis + regel.slice(k);
      return met(kopie, `${JSON.stringify(ruis)} ingevoegd op kolom ${k + 1}`);
    }
    case 5: {
      const delta = kies([-4, -2, -1, 1, 2, 4]);
      kopie[i] = delta > 0 ? ' '.repeat(delta) + regels[i] : regels[i]!.replace(new RegExp(`^ {0,${-delta}}`), '');
      return met(kopie, `inspringing ${delta > 0 ? '+' : ''}${delta}`);
    }
    case 6: {
      // a key renamed to another key of the same file
      const sleutels = [...new Set(regels.map((l) => /^\s*(?:-\s+)?([A-Za-z0-9_.-]+):/.exec(l)?.[1]).filter((s): s is string => !!s))];
      const m = /^(\s*(?:-\s+)?)([A-Za-z0-9_.-]+):/.exec(regels[i]!);
      if (!m || !sleutels.length) return met(kopie, 'geen sleutel');
      const nieuw = kies(sleutels);
      kopie[i] = m[1] + nieuw + regels[i]!.slice(m[0].length - 1);
      return met(kopie, `sleutel ${m[2]} → ${nieuw}`);
    }
    case 7: {
      // a value replaced by a value of another kind
      const m = /^(\s*(?:-\s+)?[A-Za-z0-9_.-]+:\s)(.+)$/.exec(regels[i]!);
      if (!m) return met(kopie, 'geen waarde');
      const nieuw = kies(WAARDEN);
      kopie[i] = m[1] + nieuw;
      return met(kopie, `waarde → ${nieuw.length > 20 ? `${nieuw.slice(0, 12)}…` : nieuw}`);
    }
    case 8:
      return { omschrijving: `afgekapt na ${i} regels`, tekst: regels.slice(0, i).join('\n') };
    case 9: {
      // a block removed: the line and every more indented line after it
      const inspring = (l: string) => l.length - l.trimStart().length;
      let j = i + 1;
      while (j < regels.length && (regels[j]!.trim() === '' || inspring(regels[j]!) > inspring(regels[i]!))) j++;
      kopie.splice(i, j - i);
      return met(kopie, `blok van ${j - i} regels verwijderd`);
    }
    case 10: {
      // a letter of an identifier or word changed (a typo)
      const regel = regels[i]!;
      const posities = [...regel.matchAll(/[a-z]/g)].map((m) => m.index!);
      if (!posities.length) return met(kopie, 'geen letter');
      const k = kies(posities);
      const letter = kies([...'abcdefghijklmnopqrstuvwxyz']);
      kopie[i] = regel.slice(0, k) + letter + regel.slice(k + 1);
      return met(kopie, `tikfout op kolom ${k + 1} (${letter})`);
    }
    case 11:
      return { omschrijving: 'leeg bestand', tekst: kies(['', '\n', '# alleen commentaar\n', '---\n', 'x']) };
    default: {
      // a line copied to another place in the file
      const j = Math.floor(r() * regels.length);
      kopie.splice(j, 0, regels[i]!);
      return met(kopie, `gekopieerd naar regel ${j + 1}`);
    }
  }
}

interface Uitkomst {
  code: number;
  err: string;
  ms: number;
}

/** The problems that break the contract: no internal error, every error positioned with verwacht/gevonden/hint. */
function gebreken(u: Uitkomst): string[] {
  const uit: string[] = [];
  if (u.code !== 0 && u.code !== 1) uit.push(`afsluitcode ${u.code}: ${u.err.slice(0, 400)}`);
  if (u.err.includes('interne fout')) uit.push('interne fout');
  if (u.ms >= TIJDSLIMIET_MS) uit.push(`duurde ${Math.round(u.ms)} ms`);
  const blokken = u.err.split(/\n(?=\S)/);
  for (const blok of blokken) {
    const kop = /^(.+?):(\d+):(\d+): (fout|waarschuwing): (.*)$/m.exec(blok);
    if (!kop || kop.index !== 0) continue;
    const [, bestand, regel, kolom, ernst, melding] = kop;
    if (ernst !== 'fout') continue;
    for (const veld of ['verwacht', 'gevonden', 'hint']) if (!new RegExp(`^  ${veld}: \\S`, 'm').test(blok)) uit.push(`${melding}: geen ${veld}`);
    let regels: string[] | undefined;
    try {
      const vol = path.resolve(bestand!);
      regels = statSync(vol).isFile() ? readFileSync(vol, 'utf8').split('\n') : undefined;
    } catch {
      regels = undefined;
    }
    // a folder (map cao/ ontbreekt …) is a position too, at 1:1
    if (regels === undefined) {
      if (regel !== '1' || kolom !== '1') uit.push(`${bestand}:${regel}:${kolom} ${melding}: plek in een bestand dat niet bestaat`);
      continue;
    }
    const r = Number(regel);
    const k = Number(kolom);
    if (r < 1 || r > regels.length || k < 1 || k > (regels[r - 1]?.length ?? 0) + 1) uit.push(`${bestand}:${regel}:${kolom} ${melding}: plek buiten het bestand`);
  }
  return uit;
}

describe(`mutatietest van de standaardset (seed ${SEED}, ${AANTAL} mutaties)`, () => {
  const werk = mkdtempSync(path.join(os.tmpdir(), 'tariefbouw-mutatie-'));
  const map = path.join(werk, 'voorbeeldregio-2027');
  cpSync(SET, map, { recursive: true });
  const bestanden = yamlBestanden(map);
  const origineel = new Map(bestanden.map((b) => [b, readFileSync(path.join(map, b), 'utf8')]));
  afterAll(() => rmSync(werk, { recursive: true, force: true }));

  it('de onveranderde set slaagt (anders zegt de test niets)', async () => {
    const err: string[] = [];
    const code = await main(['controleer', map], { out: () => {}, err: (s) => err.push(s) });
    expect(code, err.join('')).toBe(0);
  });

  it('elke mutatie eindigt in 0 of 1, met volledige meldingen, binnen 5 s', async () => {
    const r = generator(SEED);
    const codes = new Map<number, number>();
    const bevindingen: string[] = [];
    let langste = 0;
    for (let n = 0; n < AANTAL; n++) {
      const bestand = bestanden[Math.floor(r() * bestanden.length)]!;
      const m = muteer(origineel.get(bestand)!, r);
      writeFileSync(path.join(map, bestand), m.tekst);
      let err = '';
      const t0 = performance.now();
      let code: number;
      try {
        code = await main(['controleer', map], { out: () => {}, err: (s) => (err += s) });
      } catch (e) {
        code = -1;
        err = `geworpen: ${String(e)}`;
      }
      const ms = performance.now() - t0;
      langste = Math.max(langste, ms);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      // positions are checked against the mutated file, so it is restored only afterwards
      for (const g of gebreken({ code, err, ms })) bevindingen.push(`mutatie ${n} (seed ${SEED}) ${bestand} ${m.omschrijving}: ${g}`);
      writeFileSync(path.join(map, bestand), origineel.get(bestand)!);
    }
    const samenvatting = `${AANTAL} mutaties (seed ${SEED}): ${[...codes].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${n}× code ${c}`).join(', ')}; ${bevindingen.length} gebreken; langste run ${Math.round(langste)} ms`;
    console.log(samenvatting);
    expect(bevindingen.slice(0, 30)).toEqual([]);
    expect([...codes.keys()].every((c) => c === 0 || c === 1)).toBe(true);
  }, 600_000);
});
