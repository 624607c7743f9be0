import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Probleem } from '../shared/problems.ts';

/** Where a key or value was written: file, 1-based line and column, and the line's text. */
export interface Pos {
  bestand: string;
  regel: number;
  kolom: number;
  fragment: string;
}

interface NodeInfo {
  pos: Pos;
  /** Position of each key (maps) by key name. */
  sleutels: Map<string, Pos>;
  /** Position of each value by key name or list index. */
  waarden: Map<string, Pos>;
}

const VERBODEN_SLEUTELS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Remembers, for every object and array produced from YAML, where it and its
 * keys and values were written. Survives overlay merges because the merge
 * copies positions along with values.
 */
export class Posities {
  private readonly info = new WeakMap<object, NodeInfo>();

  zet(obj: object, pos: Pos): NodeInfo {
    const ni: NodeInfo = { pos, sleutels: new Map(), waarden: new Map() };
    this.info.set(obj, ni);
    return ni;
  }

  van(obj: object): NodeInfo | undefined {
    return this.info.get(obj);
  }

  /** Position of the node itself. */
  node(obj: unknown): Pos | undefined {
    return typeof obj === 'object' && obj !== null ? this.info.get(obj)?.pos : undefined;
  }

  waarde(obj: unknown, sleutel: string | number): Pos | undefined {
    if (typeof obj !== 'object' || obj === null) return undefined;
    return this.info.get(obj)?.waarden.get(String(sleutel));
  }

  sleutel(obj: unknown, sleutel: string | number): Pos | undefined {
    if (typeof obj !== 'object' || obj === null) return undefined;
    return this.info.get(obj)?.sleutels.get(String(sleutel));
  }

  /**
   * Best position for a path below `root`: the value at the path if it exists,
   * otherwise the nearest existing ancestor (a missing key is reported at the
   * map that should have held it).
   */
  zoek(root: unknown, pad: readonly (string | number)[], voorkeur: 'waarde' | 'sleutel' = 'waarde'): Pos | undefined {
    let huidig: unknown = root;
    let beste = this.node(root);
    for (let i = 0; i < pad.length; i++) {
      const stap = pad[i]!;
      if (typeof huidig !== 'object' || huidig === null) break;
      const laatste = i === pad.length - 1;
      const p = laatste && voorkeur === 'sleutel' ? this.sleutel(huidig, stap) ?? this.waarde(huidig, stap) : this.waarde(huidig, stap);
      if (p === undefined) break;
      beste = p;
      huidig = (huidig as Record<string, unknown>)[String(stap)];
    }
    return beste;
  }
}

export interface YamlResultaat {
  waarde: unknown;
  problemen: Probleem[];
}

/**
 * Reads one YAML file into plain data. Numbers keep their exact source text
 * ("12.50" stays "12.50", never a float); anchors/aliases, duplicate keys and
 * keys such as __proto__ are reported as problems. All positions are recorded.
 */
export function leesYaml(bestand: string, bron: string, posities: Posities): YamlResultaat {
  const lc = new LineCounter();
  const regels = bron.split(/\r?\n/);
  const problemen: Probleem[] = [];
  const pos = (offset: number): Pos => {
    const { line, col } = lc.linePos(offset);
    return { bestand, regel: line, kolom: col, fragment: regels[line - 1] ?? '' };
  };
  const probleem = (offset: number, melding: string, extra: Partial<Probleem> = {}) => {
    problemen.push({ ernst: 'fout', ...pos(offset), melding, ...extra });
  };

  const doc = parseDocument(bron, {
    lineCounter: lc,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    merge: false,
    version: '1.2',
  });
  // Duplicate keys are all reported; of the other syntax errors only the first, because later ones are
  // usually consequences of it.
  const dubbele = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const andere = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const e of dubbele) {
    const { line, col } = lc.linePos(e.pos[0]);
    const tekstRegel = regels[line - 1] ?? '';
    const naam = /^\s*(?:-\s+)?["']?([^"':]+)["']?\s*:/.exec(tekstRegel.slice(0))?.[1]?.trim() ?? 'sleutel';
    // the first occurrence: the nearest line above at the same column with the same key
    let eerste: number | undefined;
    for (let r = line - 2; r >= 0; r--) {
      const t = regels[r] ?? '';
      const inspring = t.length - t.trimStart().length;
      if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
      if (inspring < col - 1) break;
      if (inspring === col - 1 && new RegExp(`^\\s*["']?${naam.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`).test(t)) eerste = r + 1;
    }
    probleem(e.pos[0], `dubbele sleutel '${naam}'`, {
      verwacht: 'elke sleutel één keer per blok',
      gevonden: eerste !== undefined ? `'${naam}' staat ook op regel ${eerste}` : `'${naam}' staat eerder in dit blok`,
      hint: 'verwijder of hernoem een van de twee; YAML zou anders stilzwijgend de laatste waarde nemen',
    });
  }
  const e = andere[0];
  if (e) {
    const vertaling = YAML_FOUTEN[e.code] ?? { gevonden: 'de tekst op deze plek past niet in de YAML-opbouw', hint: 'controleer inspringing (spaties, geen tabs), dubbele punten en aanhalingstekens' };
    const offset = e.code === 'MISSING_CHAR' ? openingsteken(bron, e.pos[0]) : e.pos[0];
    probleem(offset, 'het bestand is geen geldige YAML', { ...vertaling });
  }
  if (doc.errors.length > 0) return { waarde: null, problemen };

  const zetom = (node: YamlNode | null | undefined): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      aliassen.push(node.range?.[0] ?? 0);
      if (aliassen.length === 1) {
        probleem(node.range?.[0] ?? 0, 'ankers en aliassen (& en *) zijn niet toegestaan', {
          verwacht: 'elke waarde voluit geschreven',
          gevonden: `alias *${node.source}`,
          hint: 'schrijf de waarde uit, zodat een reviewer in de diff ziet wat er geldt',
        });
      }
      return null;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'number' || typeof v === 'bigint') return node.source ?? String(v);
      if (typeof v === 'boolean' || v === null) return v;
      return String(v);
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const ni = posities.zet(obj, pos(node.range?.[0] ?? 0));
      for (const paar of node.items) {
        const k = paar.key as YamlNode | null;
        const kOffset = k && 'range' in k && k.range ? k.range[0] : (node.range?.[0] ?? 0);
        if (!isScalar(k)) {
          probleem(kOffset, 'een sleutel moet een eenvoudige naam zijn', { gevonden: 'een lijst of blok als sleutel' });
          continue;
        }
        const naam = typeof k.value === 'number' ? (k.source ?? String(k.value)) : String(k.value);
        if (VERBODEN_SLEUTELS.has(naam)) {
          probleem(kOffset, `de sleutel '${naam}' is niet toegestaan`, {
            verwacht: 'een gewone parameternaam',
            gevonden: naam,
            hint: 'deze naam is gereserveerd; kies een andere sleutel',
          });
          continue;
        }
        const v = paar.value as YamlNode | null;
        ni.sleutels.set(naam, pos(kOffset));
        ni.waarden.set(naam, pos(v && 'range' in v && v.range ? v.range[0] : kOffset));
        obj[naam] = zetom(v);
      }
      return obj;
    }
    if (isSeq(node)) {
      const arr: unknown[] = [];
      const ni = posities.zet(arr, pos(node.range?.[0] ?? 0));
      node.items.forEach((item, i) => {
        const n = item as YamlNode | null;
        const p = pos(n && 'range' in n && n.range ? n.range[0] : (node.range?.[0] ?? 0));
        ni.waarden.set(String(i), p);
        ni.sleutels.set(String(i), p);
        arr.push(zetom(n));
      });
      return arr;
    }
    return null;
  };

  const aliassen: number[] = [];
  const waarde = zetom(doc.contents as YamlNode | null);
  if (aliassen.length > 1) {
    const eerste = problemen.find((p) => p.melding.startsWith('ankers en aliassen'));
    if (eerste) eerste.gevonden = `${eerste.gevonden} en nog ${aliassen.length - 1} andere alias${aliassen.length - 1 === 1 ? '' : 'sen'} in dit bestand (geen ervan wordt uitgevouwen)`;
  }
  return { waarde, problemen };
}

const YAML_FOUTEN: Record<string, { gevonden: string; hint: string }> = {
  TAB_AS_INDENT: { gevonden: 'een tab als inspringing', hint: 'spring in met spaties; YAML staat geen tabs toe' },
  MISSING_CHAR: { gevonden: 'een aanhalingsteken of haakje dat niet wordt gesloten', hint: 'sluit de tekst af met hetzelfde teken waarmee hij begint' },
  BAD_INDENT: { gevonden: 'een regel die verkeerd is ingesprongen', hint: 'sleutels van hetzelfde blok staan recht onder elkaar' },
  BLOCK_AS_IMPLICIT_KEY: { gevonden: 'een sleutel zonder dubbele punt, of een waarde die over meer regels loopt', hint: 'elke sleutel eindigt op een dubbele punt en een spatie, zoals naam: waarde' },
  MULTILINE_IMPLICIT_KEY: { gevonden: 'een sleutel die over meer regels loopt', hint: 'controleer of de vorige regel een dubbele punt mist' },
  UNEXPECTED_TOKEN: { gevonden: 'een onverwacht teken', hint: 'controleer dubbele punten, streepjes voor lijstelementen en aanhalingstekens' },
  BAD_SCALAR_START: { gevonden: 'een waarde die begint met een teken dat YAML reserveert (zoals @, ` of %)', hint: 'zet de waarde tussen aanhalingstekens' },
  MULTIPLE_DOCS: { gevonden: 'meer dan één document (---) in het bestand', hint: 'één bestand bevat één document' },
  BAD_DQ_ESCAPE: { gevonden: 'een ongeldige \\-code tussen dubbele aanhalingstekens', hint: 'gebruik enkele aanhalingstekens of schrijf \\\\ voor een backslash' },
  KEY_OVER_1024_CHARS: { gevonden: 'een sleutel van meer dan 1024 tekens', hint: 'kort de sleutel in' },
};

/** For an unclosed quote, point at the quote that opens it rather than at the end of the file. */
function openingsteken(bron: string, offset: number): number {
  const voor = bron.slice(0, offset);
  const q = Math.max(voor.lastIndexOf('"'), voor.lastIndexOf("'"));
  return q >= 0 ? q : offset;
}
