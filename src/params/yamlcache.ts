/**
 * A cache of read YAML files, so that a command run dozens of times a day while a set is edited only parses
 * the files that changed. An entry is keyed by the SHA-256 of the file's shown name, its exact text and the
 * code that reads it (the modules next to this one and the YAML library's version): the same key always
 * gives the same result, so a hit is exactly what leesYaml would return, positions and problems included.
 * The cache is off unless the command line switches it on (stelYamlCacheIn); it never holds anything the
 * set does not already hold, and a cache that cannot be read or written is simply not used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Probleem } from '../shared/problems.ts';
import { fragmentVan, leesYaml, type Pos, type Posities, type YamlResultaat } from './yaml.ts';

/** Format of an entry; raise it when the encoding below changes. */
const FORMAAT = 1;
/** Above this many entries the oldest half is removed (an entry is about as large as its YAML file). */
const MAXIMUM = 2000;

let cacheMap: string | undefined;
let codeSleutel: string | undefined;

/** Switches the cache on for this process (a folder), or off (undefined). */
export function stelYamlCacheIn(map: string | undefined): void {
  cacheMap = map;
}

/** leesYaml, from the cache when this exact text was read before by this exact code. */
export function leesYamlMetCache(bestand: string, bron: string, posities: Posities): YamlResultaat {
  if (cacheMap === undefined) return leesYaml(bestand, bron, posities);
  const sleutel = createHash('sha256').update(`${code()}\0${bestand}\0${bron}`).digest('hex');
  const plek = path.join(cacheMap, `${sleutel}.json`);
  const bewaard = lees(plek);
  if (bewaard !== undefined) {
    try {
      return ontpak(bewaard, bestand, bron, posities);
    } catch {
      // a damaged entry: read the file again below and overwrite it
    }
  }
  const r = leesYaml(bestand, bron, posities);
  bewaar(plek, inpak(r, posities));
  return r;
}

/**
 * What the result depends on besides the text: the reading code and the YAML library. The code is every
 * module next to this one (src/params, dist/params, or the bundle's folder, whichever this runs from), so any
 * change to the reading code, however it was built, starts a new cache.
 */
function code(): string {
  if (codeSleutel !== undefined) return codeSleutel;
  const h = createHash('sha256').update(`formaat ${FORMAAT}\0`);
  const hier = path.dirname(fileURLToPath(import.meta.url));
  for (const naam of readdirSync(hier).filter((n) => /\.(js|ts)$/.test(n)).sort()) h.update(`${naam}\0`).update(readFileSync(path.join(hier, naam)));
  try {
    h.update(readFileSync(createRequire(import.meta.url).resolve('yaml/package.json')));
  } catch {
    h.update('yaml onbekend');
  }
  return (codeSleutel = h.digest('hex'));
}

// ---- encoding: plain JSON; a position is [regel, kolom] (its fragment is taken from the text again) ----

type PosCode = [number, number];
type Knoop = string | boolean | null | { m: [string, PosCode, PosCode, Knoop][]; p: PosCode } | { s: [PosCode, Knoop][]; p: PosCode };
interface Ingang {
  waarde: Knoop;
  problemen: Probleem[];
}

function inpak(r: YamlResultaat, posities: Posities): Ingang {
  const pc = (p: Pos | undefined): PosCode => (p ? [p.regel, p.kolom] : [1, 1]);
  const knoop = (w: unknown): Knoop => {
    if (w === null || typeof w === 'string' || typeof w === 'boolean') return w;
    if (Array.isArray(w)) {
      const ni = posities.van(w);
      return { s: w.map((x, i) => [pc(ni?.waarden.get(String(i))), knoop(x)]), p: pc(ni?.pos) };
    }
    if (typeof w === 'object') {
      const ni = posities.van(w);
      return { m: Object.entries(w as Record<string, unknown>).map(([k, x]) => [k, pc(ni?.sleutels.get(k)), pc(ni?.waarden.get(k)), knoop(x)]), p: pc(ni?.pos) };
    }
    throw new Error(`onverwachte waarde in YAML-resultaat: ${typeof w}`);
  };
  return { waarde: knoop(r.waarde), problemen: r.problemen };
}

function ontpak(ingang: Ingang, bestand: string, bron: string, posities: Posities): YamlResultaat {
  const regels = bron.split(/\r?\n/);
  const pos = ([regel, kolom]: PosCode): Pos => ({ bestand, regel, kolom, fragment: fragmentVan(regels[regel - 1] ?? '', kolom) });
  const knoop = (k: Knoop): unknown => {
    if (k === null || typeof k === 'string' || typeof k === 'boolean') return k;
    if ('s' in k) {
      const arr: unknown[] = [];
      const ni = posities.zet(arr, pos(k.p));
      k.s.forEach(([p, x], i) => {
        const q = pos(p);
        ni.waarden.set(String(i), q);
        ni.sleutels.set(String(i), q);
        arr.push(knoop(x));
      });
      return arr;
    }
    const obj: Record<string, unknown> = {};
    const ni = posities.zet(obj, pos(k.p));
    for (const [naam, ps, pw, x] of k.m) {
      ni.sleutels.set(naam, pos(ps));
      ni.waarden.set(naam, pos(pw));
      obj[naam] = knoop(x);
    }
    return obj;
  };
  return { waarde: knoop(ingang.waarde), problemen: ingang.problemen };
}

function lees(plek: string): Ingang | undefined {
  try {
    return JSON.parse(readFileSync(plek, 'utf8')) as Ingang;
  } catch {
    return undefined;
  }
}

function bewaar(plek: string, ingang: Ingang): void {
  try {
    mkdirSync(path.dirname(plek), { recursive: true });
    const tijdelijk = `${plek}.${process.pid}.tmp`;
    writeFileSync(tijdelijk, JSON.stringify(ingang));
    renameSync(tijdelijk, plek);
    ruimOp(path.dirname(plek));
  } catch {
    // a cache that cannot be written is not used; the command itself is unaffected
  }
}

/** Keeps the folder bounded: above MAXIMUM entries the least recently written half goes. */
function ruimOp(map: string): void {
  const namen = readdirSync(map).filter((n) => n.endsWith('.json'));
  if (namen.length <= MAXIMUM) return;
  // at equal times the name decides; readdirSync already gives the names in order (libuv sorts them) and sort is stable
  // Stryker disable next-line EqualityOperator,UnaryOperator,ConditionalExpression,ArrowFunction: readdirSync geeft de namen al gesorteerd en sort is stabiel, dus bij gelijke tijd blijft de volgorde op naam ook zonder deze vergelijking; geen map laat het verschil zien
  const opNaam = (a: { n: string }, b: { n: string }) => (a.n < b.n ? -1 : a.n > b.n ? 1 : 0);
  const metTijd = namen.map((n) => ({ n, t: statSync(path.join(map, n)).mtimeMs })).sort((a, b) => a.t - b.t || opNaam(a, b));
  for (const { n } of metTijd.slice(0, metTijd.length - MAXIMUM / 2)) rmSync(path.join(map, n), { force: true });
}
