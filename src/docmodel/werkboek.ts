/**
 * A format-neutral workbook: sheets of typed cells, formulas already in
 * spreadsheet syntax with their cached results, and defined names. The xlsx
 * renderer only serialises this. Pure.
 */
import { Decimal } from '../shared/decimal.ts';
import type { Expr } from '../model/expressie.ts';

export type Formaat = 'tekst' | 'euro' | 'euro3' | 'euro4' | 'procent' | 'getal' | 'getal4' | 'uren' | 'aantal';

/** The format of a tariff: cents, or tenths of a cent where its rounding rule kept them (never a second rounding on display). */
export function tariefFormaat(d: { decimalPlaces(): number }): Formaat {
  return d.decimalPlaces() > 2 ? 'euro3' : 'euro';
}
/** invoerlang: an answer cell whose text wraps and whose row grows; status: a protected formula that tells a bidder what is missing. */
export type Stijl = 'kop' | 'invoer' | 'invoerlang' | 'berekend' | 'tekst' | 'tekstlang' | 'blokkop' | 'tarief' | 'uitleg' | 'concept' | 'status';

export interface Cel {
  /** Plain value: text, or an exact decimal (converted to a number only in the renderer). */
  waarde?: string | Decimal;
  /** Formula without leading '=', in invariant (English) spreadsheet syntax. */
  formule?: string;
  /** Cached result of the formula, from the decimal model. */
  resultaat?: Decimal | string;
  formaat?: Formaat;
  stijl?: Stijl;
}

export interface Kolom {
  kop: string;
  breedte: number;
  formaat?: Formaat;
}

export interface Blad {
  naam: string;
  kolommen: Kolom[];
  /** Rows below the header row; null is an empty cell. */
  rijen: (Cel | null)[][];
  /** Rows above the header (title lines), written first. */
  titel?: string[];
  bevriesKolommen?: number;
  autofilter?: boolean;
  liggend?: boolean;
  /** Shown on the print footer. */
  voettekst?: string;
  /** Cells a bidder may edit, if the sheet is protected. */
  beveiligd?: boolean;
  /** A drop-down per column: on every row, or on the rows given (0-based, in rijen). One range per run of rows, never overlapping. */
  keuzelijsten?: { kolom: number; opties: string[]; rijen?: number[] }[];
  /** Cells in a column that contain this text are shown as a warning (red), e.g. a knock-out answered Nee. */
  waarschuwingen?: { kolom: number; bevat: string }[];
}

export interface Werkboek {
  titel: string;
  onderwerp: string;
  maker: string;
  /** Fixed document date (from the set), so two builds are byte-identical. */
  datum: string;
  bladen: Blad[];
  namen: { naam: string; blad: string; rij: number; kolom: number }[];
}

/** Column number (1-based) → letters. */
export function kolomLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function celAdres(rij: number, kolom: number): string {
  return `${kolomLetters(kolom)}${rij}`;
}

/** Short words a shortened sheet name does not end on before its "…". */
const LOSSE_WOORDEN = new Set(['en', 'of', 'van', 'de', 'het', 'bij', 'voor', 'met', 'in', 'op', 'tot', 'aan']);

/**
 * A sheet name Excel accepts and a reader can tell apart: at most 31 characters, none of []:*?/\, unique
 * (case-insensitive). A longer name is shortened by whole words with "…" in the middle and its last word kept
 * ("Opbouw Dagbesteding … Jeugd" next to "Opbouw Dagbesteding … Wmo"), never cut inside a word and never
 * given a "(2)". Only a name that stays taken after every shortening gets a number.
 */
export function veiligeBladnaam(naam: string, bezet: Set<string>): string {
  const basis = naam.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim() || 'Blad';
  const vrij = (k: string) => k.length <= 31 && !bezet.has(k.toLowerCase());
  const neem = (k: string) => {
    bezet.add(k.toLowerCase());
    return k;
  };
  if (vrij(basis)) return neem(basis);
  const woorden = basis.split(' ');
  const kandidaten: string[] = [];
  for (let k = woorden.length - 1; k >= 1; k--) {
    let begin = woorden.slice(0, k);
    while (begin.length > 1 && LOSSE_WOORDEN.has(begin[begin.length - 1]!.toLowerCase())) begin = begin.slice(0, -1);
    const voor = begin.join(' ');
    if (k < woorden.length - 1) kandidaten.push(`${voor} … ${woorden[woorden.length - 1]}`);
    kandidaten.push(`${voor} …`);
  }
  // the first that fits keeps the most words from the start (and the last word, where it fits)
  const passend = kandidaten.find(vrij);
  if (passend) return neem(passend);
  const kort = [basis, ...kandidaten].find((k) => k.length <= 27) ?? woorden[0]!.slice(0, 27);
  for (let i = 2; ; i++) if (vrij(`${kort} ${i}`)) return neem(`${kort} ${i}`);
}

/** Reference to a cell on another sheet. */
export function bladRef(blad: string, rij: number, kolom: number, huidigBlad?: string): string {
  const adres = celAdres(rij, kolom);
  if (blad === huidigBlad) return adres;
  return `'${blad.replace(/'/g, "''")}'!${adres}`;
}

function simpleHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}

/**
 * A defined name Excel and LibreOffice accept for a parameter path: ASCII
 * letters, digits, '_' and '.', starting with a letter, never shaped like a
 * cell reference, at most 255 characters, unique (case-insensitive).
 */
export function veiligeNaam(pad: string, bezet: Set<string>): string {
  let n = pad
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/_(?=\.)|(?<=\.)_/g, '')
    .replace(/^[^A-Za-z_]+/, '')
    .replace(/_$/, '');
  if (!n) n = 'p';
  if (/^[A-Za-z]{1,3}\d+$/.test(n) || /^[Rr]\d*[Cc]\d*$/.test(n) || !n.includes('.')) n = `p.${n}`;
  if (n.length > 240) n = `${n.slice(0, 230)}.${simpleHash(pad)}`;
  let kandidaat = n;
  for (let i = 2; bezet.has(kandidaat.toLowerCase()); i++) kandidaat = `${n}.${i}`;
  bezet.add(kandidaat.toLowerCase());
  return kandidaat;
}

export interface FormuleContext {
  param: (pad: string, geldigVan: string) => string;
  stap: (id: string) => string;
  extern: (product: string, variant: string, stap: string) => string;
  /**
   * A reference whose cell holds a percentage as a spreadsheet does: 23 % as 0.23 with a % format, so that a
   * reader who types 23 % gets 23 %. The model computes with 23 and divides by 100; the formula then uses the
   * cell itself where the model divides by 100 (x × p ÷ 100 becomes x*p, (100 − p) ÷ 100 becomes 1-p).
   */
  procent?: (x: Expr) => boolean;
}

const RANG = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

const HONDERD = (x: Expr) => x.soort === 'getal' && x.waarde.eq(100);

/** The expression with its percentage references read as fractions (the cell holds p ÷ 100), same value. */
function alsFracties(e: Expr, procent: (x: Expr) => boolean): Expr {
  const bevat = (x: Expr): boolean =>
    procent(x) || (x.soort === 'op' ? bevat(x.links) || bevat(x.rechts) : x.soort === 'fn' ? x.args.some(bevat) : false);
  /** x ÷ 100 with the percentages as fractions, where that needs no ÷ 100 of its own. */
  const gedeeld = (x: Expr): Expr | undefined => {
    if (procent(x)) return x;
    if (x.soort !== 'op') return undefined;
    if (x.op === '*') {
      // a percentage as a factor itself first: ((a × p ÷ 100) × q) ÷ 100 becomes a*p*q
      if (procent(x.rechts)) return { ...x, links: heel(x.links), rechts: x.rechts };
      const l = bevat(x.links) ? gedeeld(x.links) : undefined;
      if (l) return { ...x, links: l, rechts: heel(x.rechts) };
      const r = bevat(x.rechts) ? gedeeld(x.rechts) : undefined;
      return r ? { ...x, links: heel(x.links), rechts: r } : undefined;
    }
    if (x.op === '/') {
      const l = bevat(x.links) ? gedeeld(x.links) : undefined;
      return l ? { ...x, links: l, rechts: heel(x.rechts) } : undefined;
    }
    if (!bevat(x.links) && !bevat(x.rechts)) return undefined;
    const kant = (y: Expr): Expr | undefined => (bevat(y) ? gedeeld(y) : y.soort === 'getal' ? { soort: 'getal', waarde: y.waarde.div(100) } : undefined);
    const l = kant(x.links);
    const r = kant(x.rechts);
    return l && r ? { ...x, links: l, rechts: r } : undefined;
  };
  /** x itself, with the percentages as fractions. */
  const heel = (x: Expr): Expr => {
    if (procent(x)) return { soort: 'op', op: '*', links: x, rechts: { soort: 'getal', waarde: new Decimal(100) } };
    if (x.soort === 'op') {
      if (x.op === '/' && HONDERD(x.rechts) && bevat(x.links)) {
        const g = gedeeld(x.links);
        if (g) return g;
      }
      return { ...x, links: heel(x.links), rechts: heel(x.rechts) };
    }
    if (x.soort === 'fn') return { ...x, args: x.args.map(heel) };
    return x;
  };
  return heel(e);
}

/**
 * An expression as spreadsheet formula text, with only the parentheses precedence needs. With `alsProcent` the
 * formula gives the value ÷ 100, for a cell that shows a percentage.
 */
export function formule(e: Expr, ctx: FormuleContext, opties: { alsProcent?: boolean } = {}): string {
  const procent = ctx.procent;
  const geheel: Expr = opties.alsProcent ? { soort: 'op', op: '/', links: e, rechts: { soort: 'getal', waarde: new Decimal(100) } } : e;
  const x = procent ? alsFracties(geheel, procent) : geheel;
  const uit = (x: Expr, ouder?: { op: keyof typeof RANG; rechts: boolean }): string => {
    switch (x.soort) {
      case 'getal':
        return x.waarde.isNeg() ? `(${x.waarde.toFixed()})` : x.waarde.toFixed();
      case 'param':
        return ctx.param(x.ref.pad, x.ref.geldig_van);
      case 'stap':
        return ctx.stap(x.stap);
      case 'extern':
        return ctx.extern(x.product, x.variant, x.stap);
      case 'fn':
        return `${x.fn}(${x.args.map((a) => uit(a)).join(',')})`;
      case 'op': {
        const tekst = `${uit(x.links, { op: x.op, rechts: false })}${x.op}${uit(x.rechts, { op: x.op, rechts: true })}`;
        if (!ouder) return tekst;
        const nodig = RANG[x.op] < RANG[ouder.op] || (ouder.rechts && RANG[x.op] === RANG[ouder.op] && (ouder.op === '-' || ouder.op === '/'));
        return nodig ? `(${tekst})` : tekst;
      }
    }
  };
  return uit(x);
}
