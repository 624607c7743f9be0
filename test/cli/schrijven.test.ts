/**
 * The writer of output folders (src/cli/schrijf.ts) under attack: an --out that would replace a set, kill -9 at each
 * point of the swap, a stale lock, concurrent runs, and files of two commands in one folder.
 * Expected values: the rules in the header of schrijf.ts; every run afterwards must succeed and leave no
 * .tariefbouw-* folder or lock behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reserveerUitvoer, schrijfMapAtomisch, slotBestand, UITVOER_MERK, UitvoerFout } from '../../src/cli/schrijf.ts';
import { voerUit } from './hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PROCES = path.join(ROOT, 'test/cli/schrijfproces.ts');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-schrijven-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));

/** Every file below a folder with its bytes, to prove that nothing was touched. */
function inhoud(map: string): Record<string, string> {
  const uit: Record<string, string> = {};
  const loop = (m: string) => {
    for (const n of readdirSync(m).sort()) {
      const p = path.join(m, n);
      if (statSync(p).isDirectory()) loop(p);
      else uit[path.relative(map, p)] = readFileSync(p, 'base64');
    }
  };
  loop(map);
  return uit;
}

function resten(map: string): string[] {
  return readdirSync(map).filter((n) => n.startsWith('.tariefbouw-'));
}

function schrijfProces(doel: string, eigenaar: string, bestanden: Record<string, string>, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', PROCES, doel, eigenaar, ...Object.entries(bestanden).map(([n, i]) => `${n}=${i}`)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('genereer vervangt alleen een map die tariefbouw schreef', () => {
  const map = path.join(werk, 'verlies');
  mkdirSync(path.join(map, 'models'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(map, 'models/volledig'), { recursive: true });
  const set = path.join(map, 'models/volledig');
  const voor = inhoud(set);

  it.each([
    [['genereer', 'models/volledig', '--out', 'models'], map, 'models bevat de parameterset models/volledig; daarin schrijft tariefbouw niet'],
    [['genereer', './volledig', '--out', '.'], path.join(map, 'models'), '. bevat de parameterset volledig; daarin schrijft tariefbouw niet'],
    [['genereer', 'models/volledig', '--out', 'models/volledig'], map, 'models/volledig is een parameterset; daarin schrijft tariefbouw niet'],
    [['genereer', 'models/volledig', '--out', 'models/volledig/cao'], map, 'models/volledig/cao ligt in de parameterset models/volledig; daarin schrijft tariefbouw niet'],
    [['genereer', 'models/volledig', '--out', '.'], map, '. bevat de parameterset models/volledig; daarin schrijft tariefbouw niet'],
  ])('%j (in %s) weigert vóór het renderen, exit 2, de set ongemoeid', async (args, cwd, melding) => {
    const r = await voerUit(args, cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`fout: ${melding}`);
    expect(r.err).toContain('hint: laat --out weg (dan output/) of kies een map buiten models/');
    expect(r.err).toContain('Er is niets geschreven.');
    expect(r.err).not.toContain('documenten maken'); // refused before rendering
    expect(r.err).not.toContain('interne fout');
    expect(inhoud(set)).toEqual(voor);
    expect(resten(map)).toEqual([]);
    expect(resten(path.join(map, 'models'))).toEqual([]);
  });

  it('een bestaande map die tariefbouw niet schreef, blijft staan (exit 2)', async () => {
    const eigen = path.join(map, 'eigen/volledig');
    mkdirSync(eigen, { recursive: true });
    writeFileSync(path.join(eigen, 'notities.txt'), 'van mij\n');
    const r = await voerUit(['genereer', 'models/volledig', '--out', 'eigen'], map);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fout: eigen/volledig bestaat al en is geen uitvoer van tariefbouw; tariefbouw vervangt alleen een map die het zelf schreef');
    expect(r.err).toContain('gevonden: een map met 1 andere bestanden');
    expect(r.err).not.toContain('documenten maken');
    expect(readdirSync(eigen)).toEqual(['notities.txt']);
    expect(resten(path.join(map, 'eigen'))).toEqual([]);
  });

  it('--out die een bestand is: exit 2, Nederlandse melding', async () => {
    writeFileSync(path.join(map, 'een-bestand'), 'x');
    const r = await voerUit(['genereer', 'models/volledig', '--out', 'een-bestand'], map);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fout: --out een-bestand is geen map');
    expect(r.err).toContain('gevonden: een bestand');
    expect(readFileSync(path.join(map, 'een-bestand'), 'utf8')).toBe('x');
  });

  it('een naam die te lang is voor het bestandssysteem: exit 2 vóór het renderen', async () => {
    const lang = 'x'.repeat(300);
    const r = await voerUit(['genereer', 'models/volledig', '--out', lang], map);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fout: de naam is te lang voor het bestandssysteem');
    expect(r.err).not.toContain('interne fout');
  });

  it('een gewone build schrijft het merkbestand; de volgende vervangt de map', async () => {
    const r1 = await voerUit(['genereer', 'models/volledig', '--out', 'uit'], map);
    expect(r1.code).toBe(0);
    const merk = readFileSync(path.join(map, 'uit/volledig', UITVOER_MERK), 'utf8');
    expect(merk.split('\n').filter((l) => l.startsWith('genereer\t'))).toContain('genereer\ttarieven.csv');
    const r2 = await voerUit(['genereer', 'models/volledig', '--out', 'uit'], map);
    expect(r2.code).toBe(0);
    expect(readFileSync(path.join(map, 'uit/volledig', UITVOER_MERK), 'utf8')).toBe(merk);
    expect(resten(path.join(map, 'uit'))).toEqual([]);
    expect(inhoud(set)).toEqual(voor);
  });
});

describe('uitvoer van voor het merkbestand en van twee commando’s', () => {
  it('een map met alleen tarieven.csv (een verse clone) wordt vervangen', async () => {
    const doel = path.join(werk, 'oud-formaat/set');
    mkdirSync(doel, { recursive: true });
    writeFileSync(path.join(doel, 'tarieven.csv'), 'oud\n');
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'nieuw\n']]), { eigenaar: 'genereer', setMappen: [] });
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('nieuw\n');
  });

  it('genereer laat het overzicht van indexeer staan, en omgekeerd; een eigen vervallen bestand verdwijnt', async () => {
    const doel = path.join(werk, 'twee/set-2028');
    const opties = (eigenaar: string) => ({ eigenaar, setMappen: [] });
    await schrijfMapAtomisch(doel, new Map([['indexatie-2028.md', 'overzicht\n']]), opties('indexeer'));
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'a\n'], ['addendum-x.pdf', 'x']]), opties('genereer'));
    expect(readdirSync(doel).sort()).toEqual([UITVOER_MERK, 'addendum-x.pdf', 'indexatie-2028.md', 'tarieven.csv']);
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'b\n']]), opties('genereer'));
    expect(readdirSync(doel).sort()).toEqual([UITVOER_MERK, 'indexatie-2028.md', 'tarieven.csv']);
    expect(readFileSync(path.join(doel, 'indexatie-2028.md'), 'utf8')).toBe('overzicht\n');
    await schrijfMapAtomisch(doel, new Map([['indexatie-2028.md', 'overzicht 2\n']]), opties('indexeer'));
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('b\n');
    expect(readFileSync(path.join(doel, UITVOER_MERK), 'utf8').split('\n').slice(2)).toEqual(['genereer\ttarieven.csv', 'indexeer\tindexatie-2028.md', '']);
    expect(resten(path.dirname(doel))).toEqual([]);
  });
});

describe('onderbroken en gelijktijdige runs', () => {
  for (const punt of ['tijdens-schrijven', 'tussen-renames', 'na-renames']) {
    it(`kill -9 ${punt}: de volgende run herstelt en ruimt op`, () => {
      const uit = path.join(werk, `kill-${punt}`);
      const doel = path.join(uit, 'set');
      expect(schrijfProces(doel, 'genereer', { 'tarieven.csv': 'een', 'opbouw.json': '{}' }).status).toBe(0);
      const r = schrijfProces(doel, 'genereer', { 'tarieven.csv': 'twee', 'opbouw.json': '{}' }, { TARIEFBOUW_STORING: punt });
      expect(r.signal).toBe('SIGKILL');
      // what the kill left: a lock, and a half-written or parked folder
      expect(resten(uit).length).toBeGreaterThanOrEqual(2);
      if (punt === 'tussen-renames') expect(existsSync(doel)).toBe(false);
      const r2 = schrijfProces(doel, 'genereer', { 'tarieven.csv': 'drie', 'opbouw.json': '{}' });
      expect(r2.stderr).toBe('');
      expect(r2.status).toBe(0);
      expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('drie');
      expect(readdirSync(doel).sort()).toEqual([UITVOER_MERK, 'opbouw.json', 'tarieven.csv']);
      expect(resten(uit)).toEqual([]);
    });
  }

  it('na een kill tussen de renames komt de vorige uitvoer terug, ook als er niets nieuws geschreven wordt', async () => {
    const uit = path.join(werk, 'terug');
    const doel = path.join(uit, 'set');
    expect(schrijfProces(doel, 'genereer', { 'tarieven.csv': 'een' }).status).toBe(0);
    expect(schrijfProces(doel, 'genereer', { 'tarieven.csv': 'twee' }, { TARIEFBOUW_STORING: 'tussen-renames' }).signal).toBe('SIGKILL');
    expect(existsSync(doel)).toBe(false);
    const plek = await reserveerUitvoer(doel, { eigenaar: 'genereer', setMappen: [] });
    plek.vrij();
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('een');
    expect(resten(uit)).toEqual([]);
  });

  it('resten van een oudere versie (.tariefbouw-tmp-<set>-<pid>, -oud-) worden opgeruimd; een geparkeerde vorige uitvoer komt terug', async () => {
    const uit = path.join(werk, 'oude-resten');
    const dood = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    mkdirSync(path.join(uit, `.tariefbouw-tmp-set-${dood}`), { recursive: true });
    mkdirSync(path.join(uit, `.tariefbouw-oud-set-${dood}`));
    writeFileSync(path.join(uit, `.tariefbouw-oud-set-${dood}`, 'tarieven.csv'), 'vorige');
    mkdirSync(path.join(uit, `.tariefbouw-tmp-andere-set-${dood}`)); // another target: not ours to touch
    const plek = await reserveerUitvoer(path.join(uit, 'set'), { eigenaar: 'genereer', setMappen: [] });
    plek.vrij();
    expect(readFileSync(path.join(uit, 'set/tarieven.csv'), 'utf8')).toBe('vorige');
    expect(resten(uit)).toEqual([`.tariefbouw-tmp-andere-set-${dood}`]);
  });

  it('twee gelijktijdige genereer-runs op één set: beide exit 0, dezelfde uitvoer als één run, geen resten', async () => {
    const map = path.join(werk, 'twee-genereer');
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(map, 'models/volledig'), { recursive: true });
    const BIN = path.join(ROOT, 'bin', 'tariefbouw.js');
    const start = () =>
      new Promise<{ code: number | null; err: string }>((klaar) => {
        const p = spawn(process.execPath, [BIN, 'genereer', 'models/volledig', '--out', 'uit'], { cwd: map });
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => klaar({ code, err }));
      });
    const [a, b] = await Promise.all([start(), start()]);
    expect([a.code, b.code], a.err + b.err).toEqual([0, 0]);
    expect(a.err + b.err).not.toMatch(/ENOTEMPTY|interne fout/);
    const csv = readFileSync(path.join(map, 'uit/volledig/tarieven.csv'));
    expect(resten(path.join(map, 'uit'))).toEqual([]);
    expect(spawnSync(process.execPath, [BIN, 'genereer', 'models/volledig', '--out', 'uit'], { cwd: map }).status).toBe(0);
    expect(readFileSync(path.join(map, 'uit/volledig/tarieven.csv')).equals(csv)).toBe(true);
  });

  it('een slot van een proces dat niet meer bestaat wordt overgenomen', async () => {
    const uit = path.join(werk, 'oud-slot');
    const doel = path.join(uit, 'set');
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'een']]), { eigenaar: 'genereer', setMappen: [] });
    const dood = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    expect(Number(dood.stdout)).toBeGreaterThan(0);
    writeFileSync(slotBestand(doel), `${dood.stdout}\n`);
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'twee']]), { eigenaar: 'genereer', setMappen: [], wachtMs: 0 });
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('twee');
    expect(resten(uit)).toEqual([]);
  });

  it('de halfgemaakte slotbestanden van een levend proces blijven staan, die van een dood proces gaan weg', async () => {
    // A run that holds the lock cleans up what killed runs left, but must not remove the .nieuw file another live
    // run has just written and is about to link as the lock (that made concurrent runs fail with ENOENT).
    const uit = path.join(werk, 'halve-sloten');
    const doel = path.join(uit, 'set');
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'een']]), { eigenaar: 'genereer', setMappen: [] });
    const dood = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const levend = process.ppid; // the test runner's parent: alive for the whole test
    const slot = slotBestand(doel);
    for (const pid of [dood, levend]) {
      writeFileSync(`${slot}.${pid}.nieuw`, `${pid}\n`);
      writeFileSync(`${slot}.${pid}`, `${pid}\n`);
    }
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'twee']]), { eigenaar: 'genereer', setMappen: [] });
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('twee');
    expect(resten(uit).sort()).toEqual([path.basename(`${slot}.${levend}`), path.basename(`${slot}.${levend}.nieuw`)].sort());
    for (const n of resten(uit)) rmSync(path.join(uit, n));
  });

  it('een tweede run wacht op de eerste, en weigert duidelijk als die te lang duurt', async () => {
    const uit = path.join(werk, 'wacht');
    const doel = path.join(uit, 'set');
    const eerste = await reserveerUitvoer(doel, { eigenaar: 'genereer', setMappen: [] });
    const fout = await reserveerUitvoer(doel, { eigenaar: 'genereer', setMappen: [], wachtMs: 300 }).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(UitvoerFout);
    expect((fout as UitvoerFout).code).toBe(1);
    expect((fout as UitvoerFout).tekst()).toContain(`fout: ${doel} wordt al geschreven door een andere tariefbouw (proces ${process.pid})`);
    // released after 300 ms: the second run waits and then writes
    setTimeout(() => {
      eerste.schrijf(new Map([['tarieven.csv', 'eerste']]));
      eerste.vrij();
    }, 300);
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'tweede']]), { eigenaar: 'genereer', setMappen: [], wachtMs: 10_000 });
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('tweede');
    expect(resten(uit)).toEqual([]);
  });

  it('vier gelijktijdige processen op één doel: alle vier exit 0, een volledige map, geen resten', async () => {
    const uit = path.join(werk, 'gelijktijdig');
    const doel = path.join(uit, 'set');
    const runs = [1, 2, 3, 4].map(
      (i) =>
        new Promise<{ code: number | null; err: string }>((klaar) => {
          const p = spawn(process.execPath, ['--import', 'tsx', PROCES, doel, 'genereer', `tarieven.csv=${i}`, `opbouw.json=${i}`], { cwd: ROOT });
          let err = '';
          p.stderr.on('data', (d) => (err += d));
          p.on('close', (code) => klaar({ code, err }));
        }),
    );
    const uitkomsten = await Promise.all(runs);
    for (const u of uitkomsten) expect(u.err.split('\n').filter((l) => l && !l.startsWith('tariefbouw: wacht op een andere tariefbouw'))).toEqual([]);
    expect(uitkomsten.map((u) => u.code)).toEqual([0, 0, 0, 0]);
    const csv = readFileSync(path.join(doel, 'tarieven.csv'), 'utf8');
    expect(readFileSync(path.join(doel, 'opbouw.json'), 'utf8')).toBe(csv);
    expect(resten(uit)).toEqual([]);
  });
});
