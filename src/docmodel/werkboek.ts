/**
 * A format-neutral workbook: sheets of typed cells, formulas already in
 * spreadsheet syntax with their cached results, and defined names. The xlsx
 * renderer only serialises this. Pure.
 */
import type { Decimal } from '../shared/decimal.ts';
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

/** A sheet name Excel accepts: max 31 characters, none of []:*?/\ , unique (case-insensitive). */
export function veiligeBladnaam(naam: string, bezet: Set<string>): string {
  let basis = naam.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Blad';
  basis = basis.slice(0, 31).trimEnd();
  let kandidaat = basis;
  for (let i = 2; bezet.has(kandidaat.toLowerCase()); i++) {
    const achter = ` (${i})`;
    kandidaat = basis.slice(0, 31 - achter.length).trimEnd() + achter;
  }
  bezet.add(kandidaat.toLowerCase());
  return kandidaat;
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
}

const RANG = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/** An expression as spreadsheet formula text, with only the parentheses precedence needs. */
export function formule(e: Expr, ctx: FormuleContext): string {
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
  return uit(e);
}
