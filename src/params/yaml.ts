import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
import type { Probleem } from '../shared/problems.ts';
import { duizendtallen, GRENZEN, ingekort } from './grenzen.ts';

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

// The YAML library is loaded on first use: when every file of a set comes from the cache (yamlcache.ts),
// a command never pays for loading it.
let bibliotheek: typeof import('yaml') | undefined;
function yamlBibliotheek(): typeof import('yaml') {
  return (bibliotheek ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

const VERBODEN_SLEUTELS = new Set(['__proto__', 'constructor', 'prototype']);
/** A value that `tariefbouw init` left to fill in: INVULLEN, optionally followed by what belongs there. */
const PLAATSHOUDER = /^INVULLEN\b:?/;

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

/** Control characters that can hide or rewrite lines in a terminal or CI log (tab, LF and CR+LF are fine). */
const STUURTEKEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\r(?!\n)/;

function stuurtekenNaam(c: string): string {
  const code = c.codePointAt(0)!;
  const namen: Record<number, string> = { 0x1b: 'ESC', 0x0d: 'CR zonder LF', 0x00: 'NUL', 0x07: 'BEL', 0x08: 'backspace', 0x7f: 'DEL', 0x2028: 'regelscheiding', 0x2029: 'alineascheiding' };
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${namen[code] ? ` (${namen[code]})` : code >= 0x202a ? ' (tekstrichting)' : ''}`;
}

const LANG_WOORD = new RegExp(`\\S{${GRENZEN.woordlengte + 1},}`);

/** The source line for a code frame: control characters made visible, a very long line cut after the column. */
export function fragmentVan(regel: string, kolom: number): string {
  const zichtbaar = STUURTEKEN.test(regel) ? regel.replace(new RegExp(STUURTEKEN.source, 'g'), '\uFFFD') : regel;
  const max = Math.max(GRENZEN.fragment, kolom + 40);
  return zichtbaar.length > max ? `${zichtbaar.slice(0, max)}…` : zichtbaar;
}

/**
 * How deep the text nests, measured before the parser (which recurses and runs out of stack around 900
 * levels) sees it: the column where a line's content starts (spaces and block indicators such as '- ')
 * and the depth of [ ] and { }. Linear in the text. Returns the offset of the first place over a limit.
 */
function teDiep(bron: string): { offset: number; soort: 'inspringing' | 'haakjes'; waarde: number } | undefined {
  let offset = 0;
  let kolom = 0;
  let regelBegin = true;
  let haakjes = 0;
  let vorige = '';
  const { CST, Lexer } = yamlBibliotheek();
  for (const tok of new Lexer().lex(bron)) {
    const inBron = tok !== CST.DOCUMENT && tok !== CST.FLOW_END && tok !== CST.SCALAR;
    // after the scalar marker comes the scalar's text (a block scalar's text may begin with spaces)
    const type = vorige === CST.SCALAR ? 'inhoud' : CST.tokenType(tok);
    vorige = tok;
    if (type === 'inhoud') {
      offset += tok.length;
      regelBegin = tok.endsWith('\n');
      if (regelBegin) kolom = 0;
      continue;
    }
    switch (type) {
      case 'newline':
        kolom = 0;
        regelBegin = true;
        break;
      case 'space':
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        if (regelBegin) {
          kolom += tok.length;
          if (kolom > GRENZEN.inspringing) return { offset: offset + tok.length, soort: 'inspringing', waarde: kolom };
        }
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        regelBegin = false;
        if (++haakjes > GRENZEN.haakjesdiepte) return { offset, soort: 'haakjes', waarde: haakjes };
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        haakjes = Math.max(0, haakjes - 1);
        regelBegin = false;
        break;
      case 'doc-mode':
      case 'flow-error-end':
      case 'scalar':
        if (inBron) regelBegin = false;
        break;
      default:
        regelBegin = false;
    }
    if (inBron) offset += tok.length;
  }
  return undefined;
}

function regelKolom(bron: string, offset: number): { regel: number; kolom: number } {
  let regel = 1;
  let begin = 0;
  for (let i = bron.indexOf('\n'); i !== -1 && i < offset; i = bron.indexOf('\n', i + 1)) {
    regel++;
    begin = i + 1;
  }
  return { regel, kolom: offset - begin + 1 };
}

/**
 * Reads one YAML file into plain data. Numbers keep their exact source text
 * ("12.50" stays "12.50", never a float); anchors/aliases, duplicate keys,
 * control characters and keys such as __proto__ are reported as problems.
 * Every limit in grenzen.ts is checked before or while parsing, so the work
 * stays linear in the size of the file. All positions are recorded.
 */
export function leesYaml(bestand: string, bron: string, posities: Posities): YamlResultaat {
  const { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlBibliotheek();
  const lc = new LineCounter();
  const regels = bron.split(/\r?\n/);
  const problemen: Probleem[] = [];
  const pos = (offset: number): Pos => {
    const { line, col } = lc.linePos(offset);
    return { bestand, regel: line, kolom: col, fragment: fragmentVan(regels[line - 1] ?? '', col) };
  };
  const probleem = (offset: number, melding: string, extra: Partial<Probleem> = {}) => {
    problemen.push({ ernst: 'fout', ...pos(offset), melding, ...extra });
  };
  const direct = (offset: number, melding: string, extra: Partial<Probleem>): YamlResultaat => {
    const { regel, kolom } = regelKolom(bron, offset);
    return { waarde: null, problemen: [{ ernst: 'fout', bestand, regel, kolom, fragment: fragmentVan(regels[regel - 1] ?? '', kolom), melding, ...extra }] };
  };

  // Checked on the text first: what the parser would choke on, and what would reach a terminal raw.
  const stuur = STUURTEKEN.exec(bron);
  if (stuur) {
    return direct(stuur.index, 'onzichtbaar stuurteken in het bestand', {
      verwacht: 'gewone tekst: letters, cijfers, leestekens, spaties, tabs en regeleinden',
      gevonden: `het stuurteken ${stuurtekenNaam(stuur[0])} (in de regel hierboven als \uFFFD getoond)`,
      hint: 'verwijder het teken; zulke tekens kunnen in een terminal of CI-log regels verbergen of overschrijven',
    });
  }
  const diep = teDiep(bron);
  if (diep) {
    return direct(diep.offset, diep.soort === 'inspringing' ? 'de opbouw is te diep ingesprongen' : 'te veel haakjes in elkaar', {
      verwacht:
        diep.soort === 'inspringing'
          ? `hoogstens ${GRENZEN.inspringing} tekens inspringing, spaties en streepjes samen (de standaardset springt hoogstens 10 in)`
          : `hoogstens ${GRENZEN.haakjesdiepte} lijsten of blokken tussen [ ] of { } in elkaar`,
      gevonden: diep.soort === 'inspringing' ? `meer dan ${GRENZEN.inspringing} tekens inspringing` : `${diep.waarde} haakjes diep`,
      hint: 'zo diep nest geen parameterset; controleer of het bestand goed is ingesprongen en of de haakjes gesloten worden',
    });
  }

  const doc = parseDocument(bron, {
    lineCounter: lc,
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    merge: false,
    version: '1.2',
  });
  // Duplicate keys are all found (in one linear pass below, with the line of the first occurrence); of the
  // other syntax errors only the first is reported, because later ones are usually consequences of it.
  const e = doc.errors[0];
  const syntaxfout = e !== undefined;
  if (e) {
    const vertaling = YAML_FOUTEN[e.code] ?? {
      verwacht: 'sleutels met een dubbele punt (naam: waarde) en lijsten met streepjes, met spaties ingesprongen',
      gevonden: 'de tekst op deze plek past niet in de YAML-opbouw',
      hint: 'controleer inspringing (spaties, geen tabs), dubbele punten en aanhalingstekens',
    };
    const offset = e.code === 'MISSING_CHAR' ? openingsteken(bron, e.pos[0]) : e.pos[0];
    probleem(offset, e.code === 'RESOURCE_EXHAUSTION' ? 'het bestand is te groot of te diep genest' : 'het bestand is geen geldige YAML', { ...vertaling });
    if (e.code === 'RESOURCE_EXHAUSTION') return { waarde: null, problemen };
  }

  let dubbele = 0;
  const dubbel = (offset: number, naam: string, eerste: Pos | undefined) => {
    dubbele++;
    if (dubbele <= GRENZEN.dubbeleSleutels) {
      probleem(offset, `dubbele sleutel '${ingekort(naam, 60)}'`, {
        verwacht: 'elke sleutel één keer per blok',
        gevonden: eerste ? `'${ingekort(naam, 60)}' staat ook op regel ${eerste.regel}` : `'${ingekort(naam, 60)}' staat eerder in dit blok`,
        hint: 'verwijder of hernoem een van de twee; YAML zou anders stilzwijgend de laatste waarde nemen',
      });
    } else if (dubbele === GRENZEN.dubbeleSleutels + 1) {
      dubbeleRest = offset;
    }
  };
  let dubbeleRest: number | undefined;
  const teLang = (offset: number, wat: string, lengte: number) =>
    probleem(offset, `${wat} is te lang`, {
      verwacht: `hoogstens ${duizendtallen(GRENZEN.tekstlengte)} tekens`,
      gevonden: `${duizendtallen(lengte)} tekens`,
      hint: 'een parameterset bevat geen teksten van deze lengte; controleer of hier het goede bestand of de goede waarde staat',
    });

  const zetom = (node: YamlNode | null | undefined): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      aliassen.push(node.range?.[0] ?? 0);
      if (aliassen.length === 1) {
        probleem(node.range?.[0] ?? 0, 'ankers en aliassen (& en *) zijn niet toegestaan', {
          verwacht: 'elke waarde voluit geschreven',
          gevonden: `alias *${ingekort(node.source, 60)}`,
          hint: 'schrijf de waarde uit, zodat een reviewer in de diff ziet wat er geldt',
        });
      }
      return null;
    }
    if (isScalar(node)) {
      const v = node.value;
      // A placeholder from `tariefbouw init`: reported until it is filled in, before any other check of the file.
      if (typeof v === 'string' && PLAATSHOUDER.test(v)) {
        probleem(node.range?.[0] ?? 0, `nog in te vullen: ${v.replace(PLAATSHOUDER, '').trim() || 'een waarde'}`, {
          verwacht: 'de waarde van de regio, met haar bron en status',
          gevonden: 'INVULLEN',
          hint: 'vervang de hele tekst tussen aanhalingstekens door de waarde; de voorbeeldset noemt een gangbare waarde',
        });
      }
      if (typeof v === 'number' || typeof v === 'bigint') return node.source ?? String(v);
      if (typeof v === 'boolean' || v === null) return v;
      const t = String(v);
      const offset = node.range?.[0] ?? 0;
      if (t.length > GRENZEN.tekstlengte) teLang(offset, 'de tekst', t.length);
      else {
        const woord = LANG_WOORD.exec(t);
        if (woord) {
          probleem(offset, 'een woord in de tekst is te lang', {
            verwacht: `woorden (tekens zonder spatie) van hoogstens ${GRENZEN.woordlengte} tekens; de langste in de standaardset is een webadres van 172`,
            gevonden: `een woord van ${duizendtallen(woord[0].length)} tekens: '${ingekort(woord[0], 40)}'`,
            hint: 'zet spaties tussen de woorden; een woord van deze lengte past op geen bladzijde en maakt het opmaken van de documenten traag',
          });
        }
      }
      const c = STUURTEKEN.exec(t);
      if (c) {
        probleem(offset, 'onzichtbaar stuurteken in een tekst', {
          verwacht: 'gewone tekst zonder stuurtekens',
          gevonden: `het stuurteken ${stuurtekenNaam(c[0])}, geschreven als \\-code tussen aanhalingstekens`,
          hint: 'verwijder de \\-code; zulke tekens kunnen in een terminal, CI-log of document regels verbergen of overschrijven',
        });
      }
      return t;
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const ni = posities.zet(obj, pos(node.range?.[0] ?? 0));
      for (const paar of node.items) {
        const k = paar.key as YamlNode | null;
        const kOffset = k && 'range' in k && k.range ? k.range[0] : (node.range?.[0] ?? 0);
        if (!isScalar(k)) {
          probleem(kOffset, 'een sleutel moet een eenvoudige naam zijn', {
            verwacht: 'een naam gevolgd door een dubbele punt, zoals waarde:',
            gevonden: k === null ? 'een lege sleutel' : 'een lijst of blok als sleutel',
            hint: 'schrijf de sleutel als gewone naam; een lijst of blok hoort achter de dubbele punt',
          });
          continue;
        }
        const naam = typeof k.value === 'number' ? (k.source ?? String(k.value)) : String(k.value);
        if (naam.length > GRENZEN.tekstlengte) {
          teLang(kOffset, 'de sleutel', naam.length);
          continue;
        }
        if (VERBODEN_SLEUTELS.has(naam)) {
          probleem(kOffset, `de sleutel '${naam}' is niet toegestaan`, {
            verwacht: 'een gewone parameternaam',
            gevonden: naam,
            hint: 'deze naam is gereserveerd; kies een andere sleutel',
          });
          continue;
        }
        if (Object.hasOwn(obj, naam)) {
          dubbel(kOffset, naam, ni.sleutels.get(naam));
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
  const aantalVoor = problemen.length;
  const waarde = zetom(doc.contents as YamlNode | null);
  if (dubbeleRest !== undefined) {
    probleem(dubbeleRest, `nog ${dubbele - GRENZEN.dubbeleSleutels} dubbele sleutels in dit bestand`, {
      verwacht: 'elke sleutel één keer per blok',
      gevonden: `${dubbele} dubbele sleutels; de eerste ${GRENZEN.dubbeleSleutels} staan hierboven, de volgende begint hier`,
      hint: 'zoveel dubbele sleutels wijzen op een samengevoegd of gekopieerd bestand; herstel het vanuit git',
    });
  }
  if (syntaxfout) {
    // after a syntax error only the duplicate keys are certain; other findings may be consequences of it
    const na = problemen.splice(aantalVoor).filter((p) => p.melding.startsWith('dubbele sleutel') || p.melding.includes('dubbele sleutels'));
    problemen.push(...na);
    return { waarde: null, problemen };
  }
  if (aliassen.length > 1) {
    const eerste = problemen.find((p) => p.melding.startsWith('ankers en aliassen'));
    if (eerste) eerste.gevonden = `${eerste.gevonden} en nog ${aliassen.length - 1} andere alias${aliassen.length - 1 === 1 ? '' : 'sen'} in dit bestand (geen ervan wordt uitgevouwen)`;
  }
  if (waarde !== null && (typeof waarde !== 'object' || Array.isArray(waarde))) {
    const begin = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
    probleem(begin, 'het bestand bevat geen blok met sleutels', {
      verwacht: 'sleutels op het bovenste niveau, zoals naam: … (zie docs/parameters.md)',
      gevonden: Array.isArray(waarde) ? 'een lijst' : `alleen de waarde '${ingekort(String(waarde), 40)}'`,
      hint: 'een parameterbestand begint met sleutels aan het begin van de regel; controleer of dit het goede bestand is',
    });
    return { waarde: null, problemen };
  }
  return { waarde, problemen };
}

const YAML_FOUTEN: Record<string, { verwacht: string; gevonden: string; hint: string }> = {
  TAB_AS_INDENT: { verwacht: 'inspringing met spaties', gevonden: 'een tab als inspringing', hint: 'spring in met spaties; YAML staat geen tabs toe' },
  MISSING_CHAR: { verwacht: 'een sluitend aanhalingsteken of haakje', gevonden: 'een aanhalingsteken of haakje dat niet wordt gesloten', hint: 'sluit de tekst af met hetzelfde teken waarmee hij begint' },
  BAD_INDENT: { verwacht: 'sleutels van één blok even ver ingesprongen', gevonden: 'een regel die verkeerd is ingesprongen', hint: 'sleutels van hetzelfde blok staan recht onder elkaar' },
  BLOCK_AS_IMPLICIT_KEY: { verwacht: 'een sleutel met een dubbele punt erachter, zoals naam: waarde', gevonden: 'een sleutel zonder dubbele punt, of een waarde die over meer regels loopt', hint: 'elke sleutel eindigt op een dubbele punt en een spatie, zoals naam: waarde' },
  MULTILINE_IMPLICIT_KEY: { verwacht: 'een sleutel op één regel, met een dubbele punt erachter', gevonden: 'een sleutel die over meer regels loopt', hint: 'controleer of de vorige regel een dubbele punt mist' },
  UNEXPECTED_TOKEN: { verwacht: 'een sleutel (naam:), een lijstelement (- ) of een waarde', gevonden: 'een onverwacht teken', hint: 'controleer dubbele punten, streepjes voor lijstelementen en aanhalingstekens' },
  BAD_SCALAR_START: { verwacht: 'een waarde die met een letter, cijfer of aanhalingsteken begint', gevonden: 'een waarde die begint met een teken dat YAML reserveert (zoals @, ` of %)', hint: 'zet de waarde tussen aanhalingstekens' },
  MULTIPLE_DOCS: { verwacht: 'één document per bestand', gevonden: 'meer dan één document (---) in het bestand', hint: 'één bestand bevat één document' },
  BAD_DQ_ESCAPE: { verwacht: 'tussen dubbele aanhalingstekens alleen geldige \\-codes, zoals \\n of \\"', gevonden: 'een ongeldige \\-code tussen dubbele aanhalingstekens', hint: 'gebruik enkele aanhalingstekens of schrijf \\\\ voor een backslash' },
  KEY_OVER_1024_CHARS: { verwacht: 'een sleutel van hoogstens 1024 tekens', gevonden: 'een sleutel van meer dan 1024 tekens', hint: 'kort de sleutel in' },
  RESOURCE_EXHAUSTION: { verwacht: `hoogstens ${GRENZEN.inspringing} tekens inspringing en ${GRENZEN.haakjesdiepte} haakjes diep`, gevonden: 'een opbouw die te diep genest is om te lezen', hint: 'zo diep nest geen parameterset; controleer de inspringing en de haakjes' },
};

/** For an unclosed quote, point at the quote that opens it rather than at the end of the file. */
function openingsteken(bron: string, offset: number): number {
  const voor = bron.slice(0, offset);
  const q = Math.max(voor.lastIndexOf('"'), voor.lastIndexOf("'"));
  return q >= 0 ? q : offset;
}
