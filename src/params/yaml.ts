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
  for (const e of doc.errors) {
    if (e.code === 'DUPLICATE_KEY') {
      probleem(e.pos[0], 'dubbele sleutel', {
        verwacht: 'elke sleutel één keer per blok',
        gevonden: 'een sleutel die in dit blok al eerder voorkomt',
        hint: 'verwijder of hernoem een van de twee; YAML zou anders stilzwijgend de laatste waarde nemen',
      });
    } else {
      probleem(e.pos[0], 'het bestand is geen geldige YAML', {
        gevonden: e.message.split('\n')[0],
        hint: 'controleer inspringing (spaties, geen tabs), dubbele punten en aanhalingstekens op deze regel',
      });
    }
  }
  if (doc.errors.length > 0) return { waarde: null, problemen };

  const zetom = (node: YamlNode | null | undefined): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      probleem(node.range?.[0] ?? 0, 'ankers en aliassen (& en *) zijn niet toegestaan', {
        verwacht: 'elke waarde voluit geschreven',
        gevonden: `alias *${node.source}`,
        hint: 'schrijf de waarde uit, zodat een reviewer in de diff ziet wat er geldt',
      });
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

  return { waarde: zetom(doc.contents as YamlNode | null), problemen };
}
