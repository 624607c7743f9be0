/**
 * The light part of the CLI that every command needs before it loads anything heavy: where the
 * package is, where the region's repository starts (its root), and the types every command shares.
 * Only node: built-ins here, so `tariefbouw --help` stays quick.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The set a command uses when none is given and the repository's tariefbouw.yaml names none. */
export const STANDAARD_SET = 'voorbeeldregio-2027';
/** The folder of the installed package (or of this repository): fonts, templates, schemas, the example set. */
export const PAKKET_MAP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The file that marks the root of a region's repository (written by `tariefbouw init`). */
export const CONFIG_BESTAND = 'tariefbouw.yaml';

export class Afgebroken extends Error {
  constructor(readonly code: number) {
    super(`afgebroken met code ${code}`);
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function isMap(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The root of the region's repository, found like git finds its own: from `start` upwards, the first folder
 * with a tariefbouw.yaml, or with a models/ folder next to a .git or package.json. The search stops at the top
 * of a git repository. Undefined when there is none (then commands work in the folder they were started in).
 */
export function vindWortel(start: string = process.cwd()): string | undefined {
  let map = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(map, CONFIG_BESTAND))) return map;
    const git = existsSync(path.join(map, '.git'));
    if (isMap(path.join(map, 'models')) && (git || existsSync(path.join(map, 'package.json')))) return map;
    const ouder = path.dirname(map);
    if (git || ouder === map) return undefined;
    map = ouder;
  }
}

/** The folder every command reads from and writes to: the repository root, else the working folder. */
export function wortel(): string {
  return vindWortel() ?? process.cwd();
}

/**
 * The default set: `standaardset:` in the root's tariefbouw.yaml, else STANDAARD_SET. The file is read with a
 * line match rather than the YAML library, so commands that need no set do not load it.
 */
export function standaardSet(root: string = wortel()): string {
  const config = path.join(root, CONFIG_BESTAND);
  if (!existsSync(config)) return STANDAARD_SET;
  const m = /^standaardset:[ \t]*["']?([^"'#\s]+)["']?[ \t]*(#.*)?$/m.exec(readFileSync(config, 'utf8'));
  return m?.[1] ?? STANDAARD_SET;
}

/** A path for a message: relative to the working folder, with forward slashes. */
export function toonPad(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/**
 * Where read YAML files are cached (src/params/yamlcache.ts): TARIEFBOUW_CACHE names a folder, or switches the
 * cache off with `uit`; by default the user's cache folder (XDG_CACHE_HOME or ~/.cache), never the repository.
 */
export function yamlCacheMap(omgeving: NodeJS.ProcessEnv = process.env): string | undefined {
  const keuze = omgeving.TARIEFBOUW_CACHE?.trim();
  if (keuze === 'uit' || keuze === '0' || keuze === 'nee') return undefined;
  if (keuze) return path.resolve(keuze);
  const basis = omgeving.XDG_CACHE_HOME?.trim() || (omgeving.HOME ? path.join(omgeving.HOME, '.cache') : undefined);
  return basis ? path.join(basis, 'tariefbouw', 'yaml') : undefined;
}
