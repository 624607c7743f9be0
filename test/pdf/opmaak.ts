/**
 * Reading a PDF's layout from its text positions (pdftotext -bbox): pages as lines of words, the tables that continue
 * over a page break with their rows on either side, the entries of the table of contents per page, and words
 * broken inside a word in a table. Used by test/pdf/opmaak.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Woord {
  x: number;
  y: number;
  /** Height of the word box: the font size × about 1.17 for Roboto. */
  h: number;
  tekst: string;
}
export interface Regel {
  y: number;
  h: number;
  woorden: Woord[];
  tekst: string;
}
export interface Pagina {
  hoogte: number;
  regels: Regel[];
}

/** Every page as lines of words (words on the same baseline, left to right), from pdftotext -bbox. */
export function paginas(pdf: Buffer): Pagina[] {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'tariefbouw-opmaak-')), 'doc.pdf');
  writeFileSync(f, pdf);
  const xml = execFileSync('pdftotext', ['-bbox', f, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const uit: Pagina[] = [];
  for (const p of xml.split('<page ').slice(1)) {
    const hoogte = Number(/height="([\d.]+)"/.exec(p)![1]);
    const woorden: Woord[] = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[3]), h: Number(m[3]) - Number(m[2]), tekst: m[4]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') }))
      // the CONCEPT watermark: huge, rotated letters
      .filter((w) => w.h < 40);
    const regels: Regel[] = [];
    for (const w of [...woorden].sort((a, b) => a.y - b.y || a.x - b.x)) {
      const r = regels.find((x) => Math.abs(x.y - w.y) < 1.5);
      if (r) r.woorden.push(w);
      else regels.push({ y: w.y, h: 0, woorden: [w], tekst: '' });
    }
    for (const r of regels) {
      r.woorden.sort((a, b) => a.x - b.x);
      r.h = Math.max(...r.woorden.map((w) => w.h));
      r.tekst = r.woorden.map((w) => w.tekst).join(' ');
    }
    uit.push({ hoogte, regels: regels.sort((a, b) => a.y - b.y) });
  }
  return uit;
}

/** The lines between the running header and footer. */
export const inhoud = (p: Pagina) => p.regels.filter((r) => r.y > 60 && r.y < p.hoogte - 45);
/** A line of table text: 9 pt (box 10.55); a paragraph is 9.5 pt (11.13), a table title 10 pt. */
const isTabelregel = (r: Regel) => r.h < 10.8;
/** Within a cell the next line follows at about 12 pt; a new row (paddings and rule) at about 17 pt; after the table more. */
const NIEUWE_RIJ = 14.5;
const EINDE_TABEL = 22;

/** The rows in a run of table lines: a new row where the gap to the line above is a row's, not a line's. */
function rijenIn(regels: Regel[]): number {
  let n = regels.length ? 1 : 0;
  for (let i = 1; i < regels.length; i++) if (regels[i]!.y - regels[i - 1]!.y > NIEUWE_RIJ) n++;
  return n;
}

/** The lines of a table from `van` on, up to where it ends on this page (a large gap, or text that is not a table's). */
function tabelTot(regels: Regel[], van: number): Regel[] {
  const uit: Regel[] = [];
  for (let i = van; i < regels.length; i++) {
    const r = regels[i]!;
    if (!isTabelregel(r) || (uit.length && r.y - uit[uit.length - 1]!.y > EINDE_TABEL)) break;
    uit.push(r);
  }
  return uit;
}

export interface Splitsing {
  /** 1-based number of the page the table continues on */
  pagina: number;
  kop: string;
  /** rows of the table at the foot of the page before */
  boven: number;
  /** rows of the table on this page, and whether it ends here */
  onder: number;
  eindigtHier: boolean;
}

/**
 * Every table that continues over a page break, read from the positions: pdfmake repeats a table's title and header
 * on the next page, so a page whose first lines repeat lines of the page before continues the table that starts there.
 */
export function splitsingen(ps: Pagina[]): Splitsing[] {
  const uit: Splitsing[] = [];
  const herhaald = (k: number): { j: number; m: number } | undefined => {
    const rs = inhoud(ps[k]!);
    const vorige = inhoud(ps[k - 1]!);
    if (!rs.length || rs[0]!.h > 12) return undefined;
    for (let j = vorige.length - 1; j >= 0; j--) {
      if (vorige[j]!.tekst !== rs[0]!.tekst) continue;
      let m = 1;
      while (m < rs.length && j + m < vorige.length && vorige[j + m]!.tekst === rs[m]!.tekst) m++;
      // a table that continues runs to the foot of the page before; a new table with the same title and header does not
      if (tabelTot(vorige, j + m).length !== vorige.length - (j + m)) return undefined;
      return { j, m };
    }
    return undefined;
  };
  for (let k = 1; k < ps.length; k++) {
    const h = herhaald(k);
    if (!h) continue;
    const rs = inhoud(ps[k]!);
    const vorige = inhoud(ps[k - 1]!);
    const verder = k + 1 < ps.length && herhaald(k + 1) !== undefined && inhoud(ps[k + 1]!)[0]!.tekst === rs[0]!.tekst;
    const onder = verder ? rs.slice(h.m) : tabelTot(rs, h.m);
    uit.push({ pagina: k + 1, kop: rs.slice(0, h.m).map((r) => r.tekst).join(' / '), boven: rijenIn(vorige.slice(h.j + h.m)), onder: rijenIn(onder), eindigtHier: !verder });
  }
  return uit;
}

/** The table of contents: its pages and the entries on each (a line that ends in a page number ends an entry). */
export function inhoudsopgave(ps: Pagina[]): number[] {
  const start = ps.findIndex((p) => inhoud(p)[0]?.tekst === 'Inhoud');
  if (start < 0) return [];
  const perPagina: number[] = [];
  for (let k = start; k < ps.length; k++) {
    const rs = inhoud(ps[k]!).filter((r) => r.tekst !== 'Inhoud');
    // an entry: its number stands right, on its own line box or at the end of the title's line
    const nummers = rs.filter((r) => /^\d+$/.test(r.woorden[r.woorden.length - 1]!.tekst) && r.woorden[r.woorden.length - 1]!.x > 400);
    if (k > start && (nummers.length === 0 || nummers.length < rs.length / 3)) break;
    perPagina.push(nummers.length);
  }
  return perPagina;
}

/**
 * Words broken inside a word in a table: a word of letters at the end of a line whose rest stands as a word on the
 * next line of the same row, where the whole word occurs elsewhere in the document («Gehandicaptenz» / «org»).
 */
export function gebrokenWoorden(ps: Pagina[]): string[] {
  const woorden = new Set<string>();
  // a word that also stands inside a line (not at its end) is a word of its own (uur, per)
  const binnen = new Set<string>();
  for (const p of ps)
    for (const r of p.regels)
      r.woorden.forEach((w, i) => {
        woorden.add(w.tekst);
        if (i < r.woorden.length - 1) binnen.add(w.tekst);
      });
  const uit: string[] = [];
  ps.forEach((p, i) => {
    const rs = inhoud(p);
    rs.forEach((r, k) => {
      const volgende = rs[k + 1];
      if (!isTabelregel(r) || !volgende || volgende.y - r.y > NIEUWE_RIJ) return;
      const onder = new Set(volgende.woorden.map((w) => w.tekst));
      for (const w of r.woorden) {
        if (!/^[A-Za-zÀ-ÿ]{3,}$/.test(w.tekst) || binnen.has(w.tekst)) continue;
        for (const rest of onder) if (/^[a-zà-ÿ]+$/.test(rest) && woorden.has(w.tekst + rest)) uit.push(`p. ${i + 1}: «${w.tekst}» / «${rest}» in «${r.tekst.slice(0, 60)}»`);
      }
    });
  });
  return uit;
}

