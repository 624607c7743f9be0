/**
 * A format-neutral publishable document: a cover, an optional table of
 * contents and a flow of blocks (headings, paragraphs, lists, tables). Prose
 * blocks come from the templates, tables from the model; the PDF renderer
 * only lays this out. Pure.
 */
import { datumTekst } from '../shared/datum.ts';
import { TARIEFBOUW_VERSIE } from '../shared/versie.ts';

export interface Tekst {
  tekst: string;
  vet?: boolean;
  cursief?: boolean;
  code?: boolean;
  link?: string;
  /** Smaller, grey: details under a main line (parameters, sources). */
  klein?: boolean;
}

/** A table cell: one or more lines, each a run of styled text. */
export type Cel = Tekst[][];

export interface Kolom {
  kop: string;
  /** Width in points, '*' (share the rest) or 'auto' (as wide as the content). */
  breedte: number | '*' | 'auto';
  rechts?: boolean;
  /** Lines in this column never wrap (the column is as wide as its longest line): for stacked values that must stay level with their neighbours. */
  geenTerugloop?: boolean;
}

export interface Rij {
  cellen: Cel[];
  /** 'nadruk' for a result row (the tariff), 'tussenkop' for a row that names a group. */
  stijl?: 'nadruk' | 'tussenkop';
}

export type Blok =
  | { soort: 'kop'; niveau: 1 | 2 | 3; tekst: string; /** in the table of contents and the bookmarks */ inhoud: boolean; nieuwePagina?: boolean }
  | { soort: 'alinea'; inhoud: Tekst[]; klein?: boolean }
  | { soort: 'lijst'; genummerd: boolean; items: Blok[][] }
  | {
      soort: 'tabel';
      kolommen: Kolom[];
      rijen: Rij[];
      /** Heading printed above the table and repeated with its header row on every page it spans. */
      titel?: string;
      klein?: boolean;
    }
  | { soort: 'velden'; rijen: { label: string; waarde: Cel }[] }
  | { soort: 'kader'; blokken: Blok[] }
  | { soort: 'regel' }
  /** Where a template asks for a model block ({{blok "naam" argument}}); resolved by the document builder. */
  | { soort: 'invoegen'; naam: string; argument?: string; bestand: string; regel: number };

export interface Document {
  /** File name without extension, e.g. productenboek or addendum-zorgboerderij-de-linde. */
  naam: string;
  /** Document title on the cover and in the metadata, e.g. Productenboek. */
  titel: string;
  /** Second line on the cover, e.g. the aanbieder of an addendum. */
  ondertitel?: string;
  onderwerp: string;
  trefwoorden: string[];
  regio: string;
  opdrachtgever?: string;
  gemeenten: string[];
  tariefjaar: number;
  versie: string;
  /** Document date (ISO), from the set: never the clock. */
  datum: string;
  vingerafdruk: string;
  /** A concept carries a CONCEPT mark on every page. */
  concept: boolean;
  /** Why the document is a concept, or that it is published; on the cover. */
  statusTekst: string;
  inhoudsopgave: boolean;
  /** Landscape pages, for wide tables. */
  liggend?: boolean;
  blokken: Blok[];
}

export const t = (tekst: string, opmaak: Omit<Tekst, 'tekst'> = {}): Tekst => ({ tekst, ...opmaak });
/** A cell with one line of plain text. */
export const cel = (tekst: string, opmaak: Omit<Tekst, 'tekst'> = {}): Cel => [[t(tekst, opmaak)]];

/**
 * What every cover states, in this order, for every edition (PDF and web page alike): the facts a reader needs to tell
 * one version of a document from another and to trace it back to its parameter set.
 */
export function kaftFeiten(doc: Document): [string, string][] {
  return [
    ['Regio', doc.regio],
    ['Tariefjaar', String(doc.tariefjaar)],
    ['Versie', doc.versie],
    ['Datum', datumTekst(doc.datum)],
    ['Status', doc.concept ? 'CONCEPT' : 'Definitief'],
    ['Vingerafdruk', doc.vingerafdruk],
    ['Gemaakt met', `tariefbouw ${TARIEFBOUW_VERSIE}`],
  ];
}

