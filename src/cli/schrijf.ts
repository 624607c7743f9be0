/**
 * Writes a command's output folder (output/<set>/) safely.
 *
 * - Only a folder that tariefbouw wrote is ever replaced: one with the marker file UITVOER_MERK, or (output from
 *   before the marker) one that holds nothing but files a build writes. A set folder, a folder that holds or lies in
 *   a set, a file, anything else: refused before rendering (UitvoerFout, exit 2), nothing touched.
 * - Per target one lock file with the pid of its holder. A second run waits for the first; a lock whose process is
 *   gone is taken over.
 * - The new folder is written completely next to the old one (marker last), then swapped in with two renames.
 *   Whatever an interrupted run left (a half-written new folder, the old folder parked between the renames, a
 *   stale lock) is repaired by the next run on that target before it writes: the old folder comes back, the rest
 *   is removed.
 * - Several commands write into one folder (genereer, indexeer). The marker lists which command wrote each file;
 *   a command replaces its own files and carries every other file over unchanged, so nothing one command wrote is
 *   lost by another.
 */
import { createHash } from 'node:crypto';
import {
  linkSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { sorteerTekst } from '../shared/sorteer.ts';
import { CliFout } from './fouten.ts';
import { zichtbaar } from '../shared/stuurtekens.ts';

/** The marker file in every output folder; its lines are `<command>\t<file>`. */
export const UITVOER_MERK = '.tariefbouw-uitvoer';
const MERK_KOP =
  '# Deze map is geschreven door tariefbouw; een volgende build vervangt de bestanden hieronder.\n# Per regel: het commando dat het bestand schreef, een tab, de naam van het bestand.\n';

/** Files a build writes, for output folders from before the marker existed. */
const UITVOER_NAAM = /^(tarieven\.csv|opbouw\.json|[^/\\]+\.(pdf|xlsx|html)|indexatie-\d{4}\.md)$/;

/** A problem with the place to write (usage: exit 2) or with the machine (disk full, no permission: exit 1). */
export class UitvoerFout extends CliFout {}

export interface UitvoerOpties {
  /** the command that writes (genereer, indexeer): its earlier files are replaced, other commands' files kept */
  eigenaar: string;
  /** set folders this command reads; the output may not be, contain or lie inside one of them */
  setMappen: string[];
  /** how long to wait for another run on the same target before refusing (default two minutes) */
  wachtMs?: number;
}

function toon(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}

/** Turns a file-system error into a Dutch message; unknown errors pass unchanged. */
export function omgevingsFout(e: unknown, waar: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const plek = toon(waar);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UitvoerFout(1, `de schijf is vol bij het schrijven in ${plek}`, { hint: 'maak ruimte vrij of kies met --out een andere map' });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UitvoerFout(1, `geen toestemming om te schrijven in ${plek}${code === 'EROFS' ? ' (alleen-lezen bestandssysteem)' : ''}`, {
        hint: 'kies met --out een map waarin u mag schrijven, of pas de rechten aan',
      });
    case 'ENAMETOOLONG':
      return new UitvoerFout(2, `de naam is te lang voor het bestandssysteem: ${plek}`, { hint: 'kies een kortere --out of een kortere naam voor de set' });
    case 'ENOTDIR':
    case 'EEXIST':
      return new UitvoerFout(2, `${plek} ligt onder een bestand, niet onder een map`, { hint: 'kies met --out een map' });
    case 'EIO':
    case 'EMFILE':
    case 'ENFILE':
      return new UitvoerFout(1, `het bestandssysteem weigert het schrijven in ${plek} (${code})`, { hint: 'probeer het opnieuw; blijft het, controleer de schijf' });
    default:
      return e;
  }
}

function soortVan(p: string): 'map' | 'bestand' | 'ander' | 'geen' {
  try {
    const s = lstatSync(p);
    return s.isDirectory() ? 'map' : s.isFile() ? 'bestand' : 'ander';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'geen';
    throw omgevingsFout(e, p);
  }
}

const isSet = (map: string) => soortVan(path.join(map, 'model.yaml')) === 'bestand';
const binnen = (kind: string, ouder: string) => {
  const r = path.relative(ouder, kind);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
};

/** A set folder at most `diepte` levels below `map` (hidden folders and node_modules skipped; bounded). */
function zoekSet(map: string, diepte: number, budget = { n: 5000 }): string | undefined {
  if (diepte < 0 || budget.n <= 0) return undefined;
  let namen: string[];
  try {
    namen = readdirSync(map);
  } catch {
    return undefined;
  }
  for (const n of sorteerTekst(namen)) {
    if (--budget.n <= 0) return undefined;
    if (n.startsWith('.') || n === 'node_modules') continue;
    const p = path.join(map, n);
    if (soortVan(p) !== 'map') continue;
    if (isSet(p)) return p;
    const dieper = zoekSet(p, diepte - 1, budget);
    if (dieper) return dieper;
  }
  return undefined;
}

/** Which command wrote each file of an existing output folder; undefined when the folder is not tariefbouw's. */
function leesUitvoer(doel: string): Map<string, string> | undefined {
  const namen = readdirSync(doel);
  if (namen.includes(UITVOER_MERK)) {
    const eigenaren = new Map<string, string>();
    for (const regel of readFileSync(path.join(doel, UITVOER_MERK), 'utf8').split('\n')) {
      const m = /^([a-z-]+)\t(.+)$/.exec(regel);
      if (m && namen.includes(m[2]!)) eigenaren.set(m[2]!, m[1]!);
    }
    return eigenaren;
  }
  // Output from before the marker: only files a build writes.
  const eigenaren = new Map<string, string>();
  for (const n of namen) {
    if (!UITVOER_NAAM.test(n) || soortVan(path.join(doel, n)) !== 'bestand') return undefined;
    eigenaren.set(n, n.startsWith('indexatie-') ? 'indexeer' : 'genereer');
  }
  return eigenaren;
}

/**
 * Everything that can be checked before rendering: the target is no set and holds none, lies in none, is a
 * folder tariefbouw wrote (or does not exist yet), and its name fits the file system.
 */
export function controleerDoel(doel: string, setMappen: string[]): void {
  try {
    controleer(doel, setMappen);
  } catch (e) {
    throw omgevingsFout(e, doel);
  }
}

function controleer(doel: string, setMappen: string[]): void {
  const out = path.dirname(doel);
  for (let m = out; ; m = path.dirname(m)) {
    if (soortVan(m) === 'map' && isSet(m)) {
      throw new UitvoerFout(2, `${m === out ? `${toon(out)} is een parameterset` : `${toon(out)} ligt in de parameterset ${toon(m)}`}; daarin schrijft tariefbouw niet`, {
        verwacht: 'een map voor de uitvoer buiten elke set, zoals output',
        gevonden: `--out ${toon(out)}`,
        hint: 'laat --out weg (dan output/) of kies een map buiten models/',
      });
    }
    if (path.dirname(m) === m) break;
  }
  const bevat = setMappen.find((s) => binnen(path.resolve(s), out)) ?? zoekSet(out, 3);
  if (bevat) {
    throw new UitvoerFout(2, `${toon(out)} bevat de parameterset ${toon(bevat)}; daarin schrijft tariefbouw niet`, {
      verwacht: 'een map voor de uitvoer die geen set bevat, zoals output',
      gevonden: `--out ${toon(out)}`,
      hint: 'laat --out weg (dan output/) of kies een map buiten models/',
    });
  }
  for (const naam of [path.basename(doel), `.tariefbouw-lock-${sleutel(doel)}`]) {
    if (Buffer.byteLength(naam) > 255) throw new UitvoerFout(2, `de naam ${naam.slice(0, 40)}… is te lang voor het bestandssysteem (${Buffer.byteLength(naam)} bytes, ten hoogste 255)`, { hint: 'geef de set een kortere mapnaam' });
  }
  const soortOut = soortVan(out);
  if (soortOut !== 'map' && soortOut !== 'geen') {
    throw new UitvoerFout(2, `--out ${toon(out)} is geen map`, { verwacht: 'een map (of een naam die nog niet bestaat)', gevonden: soortOut === 'bestand' ? 'een bestand' : 'geen gewone map', hint: 'kies met --out een map' });
  }
  const soort = soortVan(doel);
  if (soort === 'geen') return;
  if (soort !== 'map' || leesUitvoer(doel) === undefined) {
    throw new UitvoerFout(2, `${toon(doel)} bestaat al en is geen uitvoer van tariefbouw; tariefbouw vervangt alleen een map die het zelf schreef`, {
      verwacht: `geen ${path.basename(doel)} in ${toon(out)}, of een map met het merkbestand ${UITVOER_MERK}`,
      gevonden: soort === 'map' ? `een map met ${readdirSync(doel).length} andere bestanden` : soort === 'bestand' ? 'een bestand' : 'geen gewone map',
      hint: 'kies met --out een andere map, of verplaats wat daar staat',
    });
  }
}

function sleutel(doel: string): string {
  return createHash('sha256').update(path.basename(doel)).digest('hex').slice(0, 12);
}

/** The lock file of a target: next to it, with a fixed-length name (any set name fits the file system). */
export function slotBestand(doel: string): string {
  return path.join(path.dirname(path.resolve(doel)), `.tariefbouw-lock-${sleutel(doel)}`);
}

function leeft(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Fault injection for the tests (TARIEFBOUW_STORING=<point>): the process dies there as with kill -9. */
function storingsPunt(punt: string): void {
  if (process.env.TARIEFBOUW_STORING === punt) process.kill(process.pid, 'SIGKILL');
}

const slaap = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Uitvoerplek {
  /** Writes the files (name → bytes) as the command's complete output in one swap. */
  schrijf(bestanden: Map<string, string | Buffer>): void;
  /** Releases the lock; call in finally. */
  vrij(): void;
}

/**
 * Checks the target, takes its lock (waiting for another run) and repairs what an interrupted run left.
 * Call before rendering, so a wrong --out costs nothing.
 */
/**
 * Takes the lock in one atomic step: the pid is written to a file of our own, which is then hard-linked to the lock
 * name. A lock that exists is therefore never seen empty — with open('wx') + write, another run could read the
 * just-created empty file, judge it stale and take it over, so that two runs held the lock at once.
 */
function neemSlot(slot: string): boolean {
  const eigen = `${slot}.${process.pid}.nieuw`;
  try {
    writeFileSync(eigen, `${process.pid}\n`);
  } catch (e) {
    throw omgevingsFout(e, slot);
  }
  try {
    linkSync(eigen, slot);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // EEXIST: another run holds the lock. ENOENT: our file was cleared in between (by a run of an older version
    // that cleared every lock file): try again.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw omgevingsFout(e, slot);
  } finally {
    rmSync(eigen, { force: true });
  }
}

export async function reserveerUitvoer(doel: string, opties: UitvoerOpties): Promise<Uitvoerplek> {
  doel = path.resolve(doel);
  controleerDoel(doel, opties.setMappen);
  const ouder = path.dirname(doel);
  const id = sleutel(doel);
  const slot = slotBestand(doel);
  try {
    mkdirSync(ouder, { recursive: true });
  } catch (e) {
    throw omgevingsFout(e, ouder);
  }
  const tot = Date.now() + (opties.wachtMs ?? 120_000);
  let gemeld = false;
  for (;;) {
    if (neemSlot(slot)) break;
    let inhoud = '';
    try {
      inhoud = readFileSync(slot, 'utf8');
    } catch {
      continue; // released in the meantime
    }
    const pid = Number.parseInt(inhoud, 10);
    if (!Number.isInteger(pid) || pid <= 0 || !leeft(pid)) {
      // Stale: its process is gone. Park it under our own name first, so two runs cannot both take it over.
      const apart = `${slot}.${process.pid}`;
      try {
        renameSync(slot, apart);
        if (readFileSync(apart, 'utf8') === inhoud) unlinkSync(apart);
        else renameSync(apart, slot);
      } catch {
        /* someone else got there first: try again */
      }
      continue;
    }
    if (Date.now() >= tot) {
      throw new UitvoerFout(1, `${toon(doel)} wordt al geschreven door een andere tariefbouw (proces ${pid})`, {
        hint: `wacht tot dat proces klaar is; bestaat het niet meer, verwijder dan ${toon(slot)}`,
      });
    }
    if (!gemeld) {
      process.stderr.write(zichtbaar(`tariefbouw: wacht op een andere tariefbouw die ${toon(doel)} schrijft (proces ${pid}) …\n`));
      gemeld = true;
    }
    await slaap(100);
  }
  let vrij = false;
  const geefVrij = () => {
    if (vrij) return;
    vrij = true;
    rmSync(slot, { force: true });
  };
  try {
    herstel(doel, id);
    controleerDoel(doel, opties.setMappen); // again, now that we hold the lock
  } catch (e) {
    geefVrij();
    throw omgevingsFout(e, doel);
  }
  return {
    schrijf: (bestanden) => {
      if (vrij) throw new Error('uitvoerplek is al vrijgegeven');
      schrijfOnderSlot(doel, id, bestanden, opties.eigenaar);
    },
    vrij: geefVrij,
  };
}

/** Repairs what an interrupted run on this target left behind; only called while holding the lock. */
function herstel(doel: string, id: string): void {
  const ouder = path.dirname(doel);
  const naam = path.basename(doel);
  const resten = readdirSync(ouder)
    .map((n) => ({ n, m: /^\.tariefbouw-(tmp|oud)-(.+)-(\d+)$/.exec(n) }))
    .filter((x) => x.m && (x.m[2] === id || (x.m[2] === naam && !leeft(Number(x.m[3]))))); // also the names of versions before the lock
  if (soortVan(doel) === 'geen') {
    // Killed between the two renames: the previous output is parked as -oud-; put it back.
    const oud = resten.find((x) => x.m![1] === 'oud' && leesUitvoer(path.join(ouder, x.n)) !== undefined);
    if (oud) renameSync(path.join(ouder, oud.n), doel);
  }
  for (const x of resten) rmSync(path.join(ouder, x.n), { recursive: true, force: true });
  // lock files a killed run left half-made or parked (…-lock-<id>.<pid> and ….<pid>.nieuw); never those of a live
  // run, which may be about to link its .nieuw file as the lock
  for (const n of readdirSync(ouder)) {
    const m = n.startsWith(`.tariefbouw-lock-${id}.`) ? /\.(\d+)(\.nieuw)?$/.exec(n) : null;
    if (m && !leeft(Number(m[1]))) rmSync(path.join(ouder, n), { force: true });
  }
}

function schrijfOnderSlot(doel: string, id: string, bestanden: Map<string, string | Buffer>, eigenaar: string): void {
  const ouder = path.dirname(doel);
  const tijdelijk = path.join(ouder, `.tariefbouw-tmp-${id}-${process.pid}`);
  const oud = path.join(ouder, `.tariefbouw-oud-${id}-${process.pid}`);
  for (const naam of bestanden.keys()) {
    if (naam === UITVOER_MERK || naam.includes('/') || naam.includes('\\') || naam.startsWith('.')) throw new Error(`ongeldige bestandsnaam voor de uitvoer: ${naam}`);
  }
  const eigenaren = new Map<string, string>();
  let gelukt = false;
  try {
    rmSync(tijdelijk, { recursive: true, force: true });
    mkdirSync(tijdelijk);
    for (const naam of sorteerTekst([...bestanden.keys()])) {
      writeFileSync(path.join(tijdelijk, naam), bestanden.get(naam)!);
      eigenaren.set(naam, eigenaar);
      storingsPunt('tijdens-schrijven');
    }
    // Carry over what other commands wrote (and anything not ours that is not in the marker).
    const bestaand = soortVan(doel) === 'map' ? leesUitvoer(doel) : undefined;
    if (bestaand) {
      for (const naam of sorteerTekst(readdirSync(doel))) {
        if (naam === UITVOER_MERK || bestanden.has(naam)) continue;
        const van = bestaand.get(naam);
        if (van === eigenaar) continue; // our own file that this run no longer writes
        const bron = path.join(doel, naam);
        if (soortVan(bron) === 'map') continue;
        try {
          linkSync(bron, path.join(tijdelijk, naam));
        } catch {
          copyFileSync(bron, path.join(tijdelijk, naam));
        }
        if (van) eigenaren.set(naam, van);
      }
    }
    const regels = sorteerTekst([...eigenaren].map(([n, e]) => `${e}\t${n}`));
    // The marker last: a folder with a marker is complete.
    writeFileSync(path.join(tijdelijk, UITVOER_MERK), `${MERK_KOP}${regels.join('\n')}\n`);
    const hadDoel = soortVan(doel) !== 'geen';
    if (hadDoel) renameSync(doel, oud);
    storingsPunt('tussen-renames');
    renameSync(tijdelijk, doel);
    gelukt = true;
    storingsPunt('na-renames');
    rmSync(oud, { recursive: true, force: true });
  } catch (e) {
    if (!gelukt) {
      rmSync(tijdelijk, { recursive: true, force: true });
      if (soortVan(doel) === 'geen' && soortVan(oud) === 'map') renameSync(oud, doel);
    }
    throw omgevingsFout(e, doel);
  }
}

/** Checks, locks, writes and unlocks in one go (for callers that render before, and already checked). */
export async function schrijfMapAtomisch(doel: string, bestanden: Map<string, string | Buffer>, opties: UitvoerOpties): Promise<void> {
  const plek = await reserveerUitvoer(doel, opties);
  try {
    plek.schrijf(bestanden);
  } finally {
    plek.vrij();
  }
}
