/**
 * Reads the files of a parameter set folder (and of the sets it builds on)
 * into position-aware plain data, merging overlays. The only file-system code
 * of the parameter layer.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Probleem } from '../shared/problems.ts';
import { duizendtallen, GRENZEN, ingekort } from './grenzen.ts';
import { Posities } from './yaml.ts';
import { leesYamlMetCache } from './yamlcache.ts';
import { bedoeldeU } from './zodfouten.ts';

export const LOSSE_BESTANDEN = [
  'model.yaml',
  'bronnen.yaml',
  'productiviteit.yaml',
  'opslagen.yaml',
  'afronding.yaml',
  'varianten.yaml',
  'controletotalen.yaml',
  'indexcijfers.yaml',
  'volumes.yaml',
  'signalen.yaml',
  'inkoop.yaml',
] as const;
export const MAPPEN = ['cao', 'producten', 'aanbieders'] as const;

export interface RuweSet {
  /** Folder of the set itself. */
  map: string;
  id: string;
  /** relative path (e.g. cao/jeugdzorg.yaml) → merged data */
  bestanden: Map<string, unknown>;
  /** relative path → display path of the file that defined it last */
  weergave: Map<string, string>;
  bases: string[];
  /** The folder of the set this one builds on directly (an indexation round loads it on its own). */
  basis?: { map: string };
  vingerafdruk: string;
  problemen: Probleem[];
}

function toon(p: string, weergaveBasis: string): string {
  const rel = path.relative(weergaveBasis, p);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const PARAMETERSLEUTELS = ['eenheid', 'waarde', 'reeks', 'geldig_van', 'geldig_tot', 'bron', 'status'];

function isParameter(v: Record<string, unknown>): boolean {
  return 'eenheid' in v && ('waarde' in v || 'reeks' in v);
}

/**
 * Overlay merge: maps merge key by key; lists, scalars and parameters (blocks
 * with an `eenheid`) are replaced whole, so an overridden value never mixes
 * with the base's series. Positions travel with the values.
 */
export function voegSamen(basis: unknown, over: unknown, posities: Posities): unknown {
  // A parameter (a block with eenheid and waarde or reeks) is replaced whole; a product, which also has
  // an eenheid, is merged key by key.
  if (!isObject(basis) || !isObject(over) || isParameter(over)) return over;
  // A parameter overlaid by a block of another form (winst_en_risico with conventie and percentage)
  // is replaced by that block; mixing both forms would be neither.
  if (isParameter(basis) && !PARAMETERSLEUTELS.some((k) => k in over) && Object.keys(over).some((k) => k !== 'toelichting')) return over;
  const uit: Record<string, unknown> = {};
  const pb = posities.van(basis);
  const po = posities.van(over);
  const ni = posities.zet(uit, po?.pos ?? pb!.pos);
  for (const [k, v] of Object.entries(basis)) {
    uit[k] = v;
    const ks = pb?.sleutels.get(k);
    const vs = pb?.waarden.get(k);
    if (ks) ni.sleutels.set(k, ks);
    if (vs) ni.waarden.set(k, vs);
  }
  for (const [k, v] of Object.entries(over)) {
    uit[k] = k in basis ? voegSamen(basis[k], v, posities) : v;
    const ks = po?.sleutels.get(k);
    const vs = po?.waarden.get(k);
    if (ks) ni.sleutels.set(k, ks);
    if (vs) ni.waarden.set(k, vs);
  }
  return uit;
}

/**
 * Reads one file of the set as UTF-8 text, or reports why not. Opened without following a link and without
 * blocking; the type and size are checked on the open file itself, so a file swapped after the listing is
 * caught too. A file that is not UTF-8 text is refused without echoing any of it.
 */
function leesTekst(vol: string, toonNaam: string, problemen: Probleem[]): string | undefined {
  const fout = (melding: string, extra: Partial<Probleem>) => problemen.push({ ernst: 'fout', bestand: toonNaam, regel: 1, kolom: 1, melding, ...extra });
  let fd: number;
  try {
    fd = openSync(vol, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'onbekend';
    fout('het bestand kan niet worden gelezen', {
      verwacht: 'een leesbaar gewoon bestand',
      gevonden: code === 'ELOOP' ? 'een symbolische koppeling' : code === 'EACCES' || code === 'EPERM' ? 'geen leesrechten' : `systeemfout ${code}`,
      hint: 'controleer het bestand en de rechten erop',
    });
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      fout('het bestand is geen gewoon bestand', { verwacht: 'een gewoon YAML-bestand', gevonden: 'een map, pipe of apparaat', hint: 'vervang het door een gewoon bestand met de parameters' });
      return undefined;
    }
    if (st.size > GRENZEN.bestandsgrootte) {
      fout('het bestand is te groot voor een parameterbestand', {
        verwacht: `hoogstens ${duizendtallen(GRENZEN.bestandsgrootte / 1024)} kB (het grootste bestand van de standaardset is 13 kB)`,
        gevonden: `${duizendtallen(Math.ceil(st.size / 1024))} kB`,
        hint: 'splits de gegevens over meer bestanden (bijvoorbeeld een productbestand per contract), of controleer of hier het goede bestand staat',
      });
      return undefined;
    }
    // Read at most one byte past the limit: the size can change between fstat and read.
    const buf = Buffer.alloc(GRENZEN.bestandsgrootte + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n >= buf.length) break;
    }
    if (n > GRENZEN.bestandsgrootte) {
      fout('het bestand is te groot voor een parameterbestand', {
        verwacht: `hoogstens ${duizendtallen(GRENZEN.bestandsgrootte / 1024)} kB`,
        gevonden: 'een bestand dat tijdens het lezen groeide',
        hint: 'controleer of hier het goede bestand staat',
      });
      return undefined;
    }
    const bytes = buf.subarray(0, n);
    let tekst: string;
    try {
      tekst = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      tekst = '';
    }
    if ((tekst === '' && n > 0) || tekst.includes('\0')) {
      fout('het bestand is geen tekst', {
        verwacht: 'YAML-tekst in UTF-8',
        gevonden: `${duizendtallen(n)} bytes die geen UTF-8-tekst zijn (de inhoud wordt niet getoond)`,
        hint: 'een parameterbestand is platte tekst; sla het op als UTF-8, of verwijder het als het hier niet hoort',
      });
      return undefined;
    }
    return tekst;
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of a file for a message's code frame, read only if it is a regular file within the size limit
 * (never a link, pipe or device); otherwise no lines.
 */
export function regelsVoorFragment(bestand: string): string[] {
  try {
    const st = lstatSync(bestand);
    if (!st.isFile() || st.size > GRENZEN.bestandsgrootte) return [];
    const problemen: Probleem[] = [];
    return leesTekst(bestand, bestand, problemen)?.split(/\r?\n/) ?? [];
  } catch {
    return [];
  }
}

export function leesSet(map: string, posities: Posities, weergaveBasis: string, bezocht: string[] = []): RuweSet {
  const absoluut = path.resolve(map);
  const id = path.basename(absoluut);
  const problemen: Probleem[] = [];
  const bestanden = new Map<string, unknown>();
  const weergave = new Map<string, string>();
  const hash = createHash('sha256');
  const fout = (bestand: string, melding: string, extra: Partial<Probleem> = {}) =>
    problemen.push({ ernst: 'fout', bestand, regel: 1, kolom: 1, melding, ...extra });

  if (!existsSync(absoluut) || !statSync(absoluut).isDirectory()) {
    fout(toon(absoluut, weergaveBasis), 'parameterset niet gevonden', {
      verwacht: 'een map met ten minste model.yaml',
      gevonden: 'geen map op deze plek',
      hint: 'geef de naam van een map onder models/ of een pad naar een setmap',
    });
    return { map: absoluut, id, bestanden, weergave, bases: [], vingerafdruk: '', problemen };
  }

  // Only regular files in the set folder itself are read: a symbolic link (which git stores, so a pull
  // request can add one) could point at a file outside the set, a device or a FIFO. The type is taken with
  // lstat before anything is opened, so a FIFO never blocks the reader.
  const relatief: string[] = [];
  const isYaml = (naam: string) => naam.endsWith('.yaml') || naam.endsWith('.yml');
  const soortFout = (rel: string, vol: string, st: Stats): boolean => {
    const naam = toon(vol, weergaveBasis);
    if (st.isSymbolicLink()) {
      const doel = (() => {
        try {
          return readlinkSync(vol);
        } catch {
          return '?';
        }
      })();
      const bestaat = existsSync(vol);
      fout(naam, `${rel} is een symbolische koppeling`, {
        verwacht: 'een gewoon bestand of een gewone map in de setmap',
        gevonden: `een koppeling naar ${ingekort(doel, 80)}${bestaat ? '' : ' (dat bestaat niet)'}`,
        hint: 'een set leest geen koppelingen, ook niet binnen de set, zodat wat in git staat precies is wat de set gebruikt; kopieer het bestand in de set',
      });
      return true;
    }
    if (st.isDirectory()) {
      if (!isYaml(rel)) return false;
      fout(naam, `${rel} is een map, geen bestand`, {
        verwacht: `een YAML-bestand ${rel}`,
        gevonden: 'een map met die naam',
        hint: 'hernoem de map; een naam op .yaml is voor een bestand',
      });
      return true;
    }
    if (!st.isFile()) {
      fout(naam, `${rel} is geen gewoon bestand`, {
        verwacht: 'een gewoon YAML-bestand',
        gevonden: st.isFIFO() ? 'een named pipe (FIFO)' : st.isSocket() ? 'een socket' : 'een apparaatbestand',
        hint: 'vervang het door een gewoon bestand met de parameters',
      });
      return true;
    }
    return false;
  };
  /** A folder's entries, or a positioned error when it cannot be read (no permission, removed meanwhile). */
  const lijst = (map: string): string[] => {
    try {
      return readdirSync(map).sort();
    } catch (e) {
      fout(toon(map, weergaveBasis), 'de map kan niet worden gelezen', {
        verwacht: 'een leesbare map',
        gevonden: `systeemfout ${(e as NodeJS.ErrnoException).code ?? 'onbekend'}`,
        hint: 'controleer de map en de rechten erop',
      });
      return [];
    }
  };
  const soort = (vol: string): Stats | undefined => {
    try {
      return lstatSync(vol);
    } catch {
      return undefined; // removed between listing and lstat: as if it was never there
    }
  };
  for (const naam of lijst(absoluut)) {
    const vol = path.join(absoluut, naam);
    const st = soort(vol);
    const inMap = (MAPPEN as readonly string[]).includes(naam);
    if (!st || (!isYaml(naam) && !inMap)) continue;
    if (soortFout(naam, vol, st)) continue;
    if (st.isDirectory()) {
      for (const sub of lijst(vol)) {
        if (!isYaml(sub)) continue;
        const rel = `${naam}/${sub}`;
        const sst = soort(path.join(vol, sub));
        if (sst && !soortFout(rel, path.join(vol, sub), sst)) relatief.push(rel);
      }
      continue;
    }
    if (st.isFile() && !inMap) relatief.push(naam);
  }

  for (const rel of relatief) {
    const vol = path.join(absoluut, rel);
    const toonNaam = toon(vol, weergaveBasis);
    if (rel.endsWith('.yml')) {
      fout(toonNaam, 'bestandsnaam eindigt op .yml', { verwacht: 'de extensie .yaml', gevonden: '.yml', hint: `hernoem het bestand naar ${path.basename(rel, '.yml')}.yaml` });
      continue;
    }
    const bekend = (LOSSE_BESTANDEN as readonly string[]).includes(rel) || MAPPEN.some((m) => rel.startsWith(`${m}/`));
    if (!bekend) {
      fout(toonNaam, `onbekend bestand '${rel}' in de parameterset`, {
        verwacht: `een van ${LOSSE_BESTANDEN.join(', ')}, of een bestand in ${MAPPEN.map((m) => `${m}/`).join(', ')}`,
        gevonden: rel,
        hint: (() => {
          const s = bedoeldeU(rel, [...LOSSE_BESTANDEN]);
          return s ? `bedoelde u '${s}'? De set leest alleen bekende bestanden, zodat niets ongemerkt wordt overgeslagen` : 'verplaats of hernoem het bestand; de set leest alleen bekende bestanden, zodat niets ongemerkt wordt overgeslagen';
        })(),
      });
      continue;
    }
    const tekst = leesTekst(vol, toonNaam, problemen);
    if (tekst === undefined) continue;
    hash.update(`${rel}\0${tekst}\0`);
    const r = leesYamlMetCache(toonNaam, tekst, posities);
    problemen.push(...r.problemen);
    bestanden.set(rel, r.waarde);
    weergave.set(rel, toonNaam);
  }

  if (!bestanden.has('model.yaml')) {
    const modelNaam = toon(path.join(absoluut, 'model.yaml'), weergaveBasis);
    // a model.yaml that could not be read has its own message already
    if (!problemen.some((p) => p.bestand === modelNaam)) {
      fout(modelNaam, 'model.yaml ontbreekt', {
        verwacht: 'een bestand model.yaml met naam, regio, tariefjaar en versie',
        gevonden: 'geen model.yaml in de setmap',
        hint: 'elke parameterset begint met model.yaml',
      });
    }
    return { map: absoluut, id, bestanden, weergave, bases: [], vingerafdruk: '', problemen };
  }

  const model = bestanden.get('model.yaml');
  const basisNaam = isObject(model) && typeof model.basis === 'string' ? model.basis : undefined;
  let bases: string[] = [];
  let directeBasis: RuweSet['basis'];
  if (basisNaam !== undefined) {
    const basisMap = path.resolve(absoluut, basisNaam.includes('/') ? basisNaam : path.join('..', basisNaam));
    const pos = posities.waarde(model, 'basis');
    const plek = { bestand: weergave.get('model.yaml')!, regel: pos?.regel ?? 1, kolom: pos?.kolom ?? 1, fragment: pos?.fragment ?? '' };
    if (bezocht.includes(basisMap) || basisMap === absoluut) {
      problemen.push({ ernst: 'fout', ...plek, melding: 'kring in basis-verwijzingen', verwacht: 'een basisset die niet (via andere sets) naar deze set terugwijst', gevonden: [...bezocht, absoluut, basisMap].map((m) => path.basename(m)).join(' → '), hint: 'verwijder een van de basis-verwijzingen' });
    } else if (!existsSync(path.join(basisMap, 'model.yaml'))) {
      problemen.push({ ernst: 'fout', ...plek, melding: `basisset '${basisNaam}' niet gevonden`, verwacht: 'de naam van een set naast deze set, of een relatief pad naar een setmap', gevonden: toon(basisMap, weergaveBasis), hint: 'controleer de spelling van basis:' });
    } else {
      const basis = leesSet(basisMap, posities, weergaveBasis, [...bezocht, absoluut]);
      problemen.push(...basis.problemen);
      hash.update(`basis\0${basis.vingerafdruk}\0`);
      bases = [basis.id, ...basis.bases];
      directeBasis = { map: basisMap };
      for (const [rel, data] of basis.bestanden) {
        if (!bestanden.has(rel)) {
          bestanden.set(rel, data);
          weergave.set(rel, basis.weergave.get(rel)!);
        } else {
          const eigen = bestanden.get(rel);
          const samen = voegSamen(data, eigen, posities);
          if (rel === 'model.yaml' && isObject(samen)) {
            delete samen.basis;
            // a round's indexering is its own: never mixed with that of the round it builds on
            if (isObject(eigen) && 'indexering' in eigen) samen.indexering = eigen.indexering;
          }
          bestanden.set(rel, samen);
        }
      }
    }
  }

  return { map: absoluut, id, bestanden, weergave, bases, ...(directeBasis ? { basis: directeBasis } : {}), vingerafdruk: hash.digest('hex'), problemen };
}
