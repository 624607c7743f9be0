/**
 * Thin adapter from the document model to pdfmake 0.3: cover, table of
 * contents (the headings are also the bookmark tree), running header and footer
 * with "pagina X van Y", tables that repeat their header, never split a row and
 * start and end with at least three rows on a page, a CONCEPT watermark, metadata. Fonts are the TTFs shipped in fonts/; dates
 * come from the document, so two builds are byte-identical.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
type ContentText = Extract<Content, { text: unknown }>;
type ContentTable = Extract<Content, { table: unknown }>;
import { kaftFeiten, type Blok, type Cel, type Document, type Rij, type Tekst } from '../docmodel/document.ts';
import { datumTekst } from '../shared/datum.ts';
import { TARIEFBOUW_VERSIE } from '../shared/versie.ts';

const FONTMAP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fonts', 'Roboto');

let klaar = false;
function zetLettertypen() {
  if (klaar) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONTMAP, 'Roboto-Regular.ttf'),
      bold: path.join(FONTMAP, 'Roboto-Medium.ttf'),
      italics: path.join(FONTMAP, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONTMAP, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONTMAP + path.sep));
  klaar = true;
}

const KLEUR = { tekst: '#1d1d1b', kop: '#17365d', grijs: '#5f6368', lijn: '#c8ccd2', kopvlak: '#e3e9f1', nadruk: '#f1f3f6', rood: '#b00020', link: '#1f4e9b' };
/**
 * Styles as objects, spread into the nodes: pdfmake resolves a named style on every word it measures
 * (with an allocation per lookup); properties on the node itself are found at once.
 */
/** The smallest letter in any document: 9 pt (readable in print; the published PDFs hold to the same). */
export const KLEINSTE = 9;

const S: Record<string, Record<string, unknown>> = {
  h1: { fontSize: 17, bold: true, color: KLEUR.kop, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12.5, bold: true, color: KLEUR.kop, margin: [0, 12, 0, 5] },
  h3: { fontSize: 10.5, bold: true, color: KLEUR.kop, margin: [0, 8, 0, 3] },
  toc1: { bold: true, fontSize: 10 },
  toc2: { fontSize: 9 },
  toc3: { fontSize: KLEINSTE, color: KLEUR.grijs },
  alinea: { margin: [0, 0, 0, 6] },
  klein: { fontSize: KLEINSTE, color: KLEUR.grijs, margin: [0, 0, 0, 6] },
  tabel: { fontSize: KLEINSTE, lineHeight: 1.15 },
  tabelklein: { fontSize: KLEINSTE, lineHeight: 1.1 },
  tabelkop: { bold: true, fillColor: KLEUR.kopvlak, color: KLEUR.kop },
  tabeltitel: { bold: true, fontSize: 10, color: KLEUR.kop, margin: [0, 4, 0, 1] },
  veldlabel: { bold: true, color: KLEUR.grijs, fontSize: KLEINSTE },
  kopregel: { fontSize: KLEINSTE, color: KLEUR.grijs },
  kaftklein: { fontSize: 10, color: KLEUR.grijs },
  kafttitel: { fontSize: 32, bold: true, color: KLEUR.kop, lineHeight: 1.05 },
  kaftondertitel: { fontSize: 14, color: KLEUR.kop, margin: [0, 6, 0, 0] },
};

/** Room kept below a heading for the start of what follows, so a heading never ends a page. */
const HOUD_BIJ_VOLGENDE = 72;

/** Metadata is written into XMP without escaping (pdfkit): keep markup characters out. */
function veiligeMeta(s: string): string {
  return s.replace(/&/g, ' en ').replace(/[<>"]/g, '').replace(/\s+/g, ' ').trim();
}

/** Characters the embedded font lacks, with a stand-in it has. */
const VERVANG: [RegExp, string][] = [
  [/→/g, '»'],
  [/⇒/g, '»'],
  [/←/g, '«'],
  [/≈/g, '~'],
];
function glyfen(s: string): string {
  return VERVANG.reduce((x, [re, door]) => x.replace(re, door), s);
}

function tekstNaar(x: Tekst): ContentText | string {
  x = { ...x, tekst: glyfen(x.tekst) };
  if (!x.vet && !x.cursief && !x.code && !x.link && !x.klein) return x.tekst;
  const o: Record<string, unknown> = { text: x.tekst };
  if (x.vet) o.bold = true;
  if (x.cursief) o.italics = true;
  if (x.code) o.background = '#eceff3';
  if (x.link) Object.assign(o, { link: x.link, color: KLEUR.link, decoration: 'underline' });
  if (x.klein) Object.assign(o, { fontSize: KLEINSTE, color: KLEUR.grijs });
  return o as unknown as ContentText;
}

function celNaar(c: Cel, extra: Record<string, unknown> = {}): TableCell {
  // One text node per cell, lines joined with a line break: far fewer nodes for pdfmake to measure.
  const runs: (ContentText | string)[] = [];
  c.forEach((regel, i) => {
    if (i > 0) runs.push('\n');
    for (const x of regel) runs.push(tekstNaar(x));
  });
  return { text: runs, ...extra } as TableCell;
}

/**
 * Marks that pageBreakBefore reads (pdfmake hands a node's headlineLevel on): the first of the last three rows of a
 * table and its last row; an entry of the table of contents with its number among all entries.
 */
type Merk = { staart: number } | { einde: number } | { voor: number };

/** An entry of the table of contents: a heading with its id (for the page number and the link). */
interface Inhoudsregel {
  id: string;
  tekst: string;
  niveau: 1 | 2 | 3;
}

interface Context {
  teller: number;
  /** tables marked for the rule on their last rows, and those that break before their last three */
  tabellen: number;
  breken: ReadonlySet<number>;
  /** the entries of the table of contents so far */
  inhoud: Inhoudsregel[];
  /** width and height of the text area in points */
  breedte: number;
  hoogte: number;
  /** ids of the current level-1 and level-2 headings, for the bookmark tree */
  hoofdstuk?: string;
  paragraaf?: string;
}

function tabelLayout(koprijen: number, metTitel: boolean) {
  return {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => {
      if (i === 0 || (metTitel && i === 1)) return 0;
      if (i === koprijen) return 0.9;
      if (i === node.table.body.length) return 0.6;
      return 0.35;
    },
    vLineWidth: () => 0,
    hLineColor: (i: number) => (i === koprijen ? KLEUR.kop : KLEUR.lijn),
    paddingLeft: (i: number) => (i === 0 ? 2 : 5),
    paddingRight: () => 5,
    paddingTop: () => 2.5,
    paddingBottom: () => 2.5,
  };
}

/**
 * Could a row be taller than a page? pdfmake drops what does not fit of an unbreakable row, so such a table
 * may split its rows instead. A rough, generous estimate: about 0.55 em per character.
 */
function rijenPassen(rijen: Cel[][], breedtes: (number | '*' | 'auto')[], ctx: Context, letter: number): boolean {
  const vast = breedtes.reduce<number>((a, w) => a + (typeof w === 'number' ? w : 0), 0);
  const vrij = breedtes.filter((w) => typeof w !== 'number').length;
  const rest = Math.max(40, (ctx.breedte - vast) / Math.max(1, vrij));
  const maxRegels = (ctx.hoogte * 0.6) / (letter * 1.25);
  return rijen.every((r) =>
    r.every((c, i) => {
      const w = breedtes[i];
      const perRegel = Math.max(4, ((typeof w === 'number' ? w : rest) - 10) / (letter * 0.55));
      return c.reduce((n, regel) => n + Math.max(1, Math.ceil(regel.reduce((m, x) => m + x.tekst.length, 0) / perRegel)), 0) <= maxRegels;
    }),
  );
}

/** Lines a cell takes, by the same rough estimate as rijenPassen. */
function celRegels(c: Cel, w: number | '*' | 'auto', rest: number): number {
  const perRegel = Math.max(4, ((typeof w === 'number' ? w : rest) - 10) / (KLEINSTE * 0.55));
  return c.reduce((n, regel) => n + Math.max(1, Math.ceil(regel.reduce((m, x) => m + x.tekst.length, 0) / perRegel)), 0);
}

/**
 * Roughly how high the start of a table is that travels as one piece (its title, header and first three rows,
 * see keepWithHeaderRows): the room a heading keeps below itself when a table follows.
 */
function tabelBegin(b: Extract<Blok, { soort: 'tabel' }>, ctx: Context, rijen = 3): number {
  return Math.min(ctx.hoogte * 0.85, tabelHoogte(b, ctx, rijen));
}

/** Roughly how high a table's title, header and first rows are. */
function tabelHoogte(b: Extract<Blok, { soort: 'tabel' }>, ctx: Context, rijen: number): number {
  const breedtes = b.kolommen.map((k) => k.breedte);
  const vast = breedtes.reduce<number>((a, w) => a + (typeof w === 'number' ? w : 0), 0);
  const rest = Math.max(40, (ctx.breedte - vast) / Math.max(1, breedtes.filter((w) => typeof w !== 'number').length));
  const regel = KLEINSTE * 1.25;
  const hoogte = (cellen: Cel[]) => Math.max(1, ...cellen.map((c, i) => celRegels(c, breedtes[i] ?? '*', rest))) * regel + 6;
  const kop = (b.titel ? 20 : 0) + hoogte(b.kolommen.map((k) => [[{ tekst: k.kop }]] as Cel));
  const hoog = b.rijen.slice(0, rijen).reduce((s, r) => s + hoogte(r.cellen), 0);
  return kop + hoog + 12;
}

/**
 * How many rows travel with the header: three, so a table never starts with one or two rows at the foot of a page;
 * all of a table of four or five rows (split anywhere, it would start or end with fewer than three), when they fit.
 */
function rijenBijKop(b: Extract<Blok, { soort: 'tabel' }>, ctx: Context): number {
  const n = b.rijen.length;
  if (n <= 3) return n;
  if (n <= 5 && tabelHoogte(b, ctx, n) < ctx.hoogte * 0.9) return n;
  return 3;
}

/** Puts a mark on the first cell of a row with text (an empty cell has no position to report). */
function merk(rij: TableCell[], m: Merk, breken?: ReadonlySet<number>): void {
  const cel = rij.find((c) => {
    const t = (c as { text?: unknown }).text;
    return Array.isArray(t) ? t.length > 0 : typeof t === 'string' && t !== '';
  });
  if (!cel) return;
  (cel as { headlineLevel?: Merk }).headlineLevel = m;
  // with an id pdfmake keeps the node's page right when an unbreakable row moves to the next page
  (cel as { id?: string }).id = 'staart' in m ? `rij-${m.staart}-staart` : 'voor' in m ? `rij-${m.voor}-voor` : `rij-${m.einde}-einde`;
  // the break on every cell of the row: on one cell only, pdfmake would leave the others on the page before
  if ('staart' in m && breken?.has(m.staart)) for (const c of rij) if (Object.keys(c as object).length) (c as { pageBreak?: string }).pageBreak = 'before';
}

/** Marks the first of the last three rows and the last row of a table of six rows or more (see volgStaarten). */
function merkStaart(body: TableCell[][], ctx: Context): void {
  const id = ++ctx.tabellen;
  merk(body[body.length - 6]!, { voor: id });
  merk(body[body.length - 3]!, { staart: id }, ctx.breken);
  merk(body[body.length - 1]!, { einde: id });
}

/**
 * The rule on the last rows of a table, over whole layouts: pdfmake reports every node's pages after a layout
 * (pageBreakBefore). A table (and the table of contents) must end with at least three rows on its last page: when
 * its last row is not on the page of the first of its last three, those three go to the next page together. All
 * such tables of one layout are collected and the document is laid out again with a page break before their
 * first of the last three; a few rounds settle it, so the time stays a few layouts, also for a large set.
 */
class OpnieuwOpmaken extends Error {}

interface Staarten {
  /** tables that break before the first of their last three rows */
  breken: ReadonlySet<number>;
  /** the pages of the marked rows in this layout, and the tables that must break too */
  staart: Map<number, number>;
  voor: Map<number, number>;
  einden: number;
  nieuw: Set<number>;
  /** breaks of an earlier round that now leave fewer than three rows before them (the layout above moved): undone */
  weg: Set<number>;
  nooit: ReadonlySet<number>;
  /** the last round: lay out as it is */
  laatste: boolean;
}

function volgStaarten(st: Staarten, totaal: () => number) {
  return (node: { headlineLevel?: unknown; pageNumbers?: number[] }): boolean => {
    const m = node.headlineLevel as Merk | undefined;
    if (!m || typeof m !== 'object') return false;
    const paginas = node.pageNumbers ?? [];
    if ('staart' in m) st.staart.set(m.staart, paginas[0] ?? 0);
    else if ('voor' in m) st.voor.set(m.voor, paginas[0] ?? 0);
    else {
      // only where three rows stay before the break (the row three above the first of the last three is on its page):
      // otherwise the break would leave a page with one or two rows of the table (tall rows)
      const p = st.staart.get(m.einde);
      if (p !== undefined && paginas[0] !== p && st.voor.get(m.einde) === p && !st.breken.has(m.einde) && !st.nooit.has(m.einde)) st.nieuw.add(m.einde);
      if (st.breken.has(m.einde) && st.voor.get(m.einde) !== (paginas[0] ?? 0) - 1) st.weg.add(m.einde);
      if (++st.einden === totaal() && (st.nieuw.size || st.weg.size) && !st.laatste) throw new OpnieuwOpmaken();
    }
    return false;
  };
}

const INHOUD_MARGE: [number, number, number, number][] = [
  [0, 6, 0, 0],
  [14, 1, 0, 0],
  [28, 0, 0, 0],
];

/**
 * The table of contents as a table of its own (pdfmake's toc is rebuilt on every layout, so a page break set in it
 * would not last): a row per heading with its page number (pageReference) and a link to it. Its last page holds
 * at least three entries, like every table.
 */
function inhoudsopgave(ctx: Context): Content[] {
  const body: TableCell[][] = ctx.inhoud.map((r) => {
    const marge = INHOUD_MARGE[r.niveau - 1]!;
    return [
      { text: r.tekst, ...S[`toc${r.niveau}`], margin: marge, linkToDestination: r.id } as TableCell,
      { pageReference: r.id, alignment: 'right', color: KLEUR.grijs, margin: [0, marge[1], 0, marge[3]] } as unknown as TableCell,
    ];
  });
  if (body.length >= 6) merkStaart(body, ctx);
  return [
    { text: 'Inhoud', ...S.h1, pageBreak: 'before' } as Content,
    ...(body.length ? [{ table: { dontBreakRows: true, widths: ['*', 'auto'], body }, layout: 'noBorders' } as Content] : []),
  ];
}

/**
 * A column as wide as the longest word of its header (bold 9 pt, about 0.58 em a letter, and the padding), so a header
 * breaks between words and never inside one («cao Gehandicaptenzorg»); the shared column ('*') gives the room.
 */
function kolomBreedtes(b: Extract<Blok, { soort: 'tabel' }>): (number | '*' | 'auto')[] {
  const breedtes = b.kolommen.map((k) => k.breedte);
  if (!breedtes.includes('*')) return breedtes;
  return b.kolommen.map((k) => {
    if (typeof k.breedte !== 'number') return k.breedte;
    const woord = Math.max(...k.kop.split(/\s+/).map((w) => w.length));
    return Math.max(k.breedte, Math.ceil(woord * KLEINSTE * 0.58 + 10));
  });
}

function tabel(b: Extract<Blok, { soort: 'tabel' }>, ctx: Context): ContentTable {
  const n = b.kolommen.length;
  const body: TableCell[][] = [];
  if (b.titel) body.push([{ text: b.titel, ...S.tabeltitel, colSpan: n }, ...Array.from({ length: n - 1 }, () => ({}))]);
  body.push(b.kolommen.map((k) => ({ text: k.kop, ...S.tabelkop, ...(k.rechts ? { alignment: 'right' } : {}) }) as TableCell));
  const koprijen = body.length;
  for (const r of b.rijen) body.push(rij(r, b));
  const passen = rijenPassen(b.rijen.map((r) => r.cellen), b.kolommen.map((k) => k.breedte), ctx, KLEINSTE);
  // a table never ends with one or two rows on a page of their own (see breekVoor)
  if (b.rijen.length >= 6) merkStaart(body, ctx);
  return {
    table: {
      headerRows: koprijen,
      // a table never starts with one or two rows at the foot of a page: its first three rows go with the header
      keepWithHeaderRows: passen ? rijenBijKop(b, ctx) : 0,
      dontBreakRows: passen,
      widths: kolomBreedtes(b),
      body,
    },
    layout: tabelLayout(koprijen, !!b.titel),
    ...(b.klein ? S.tabelklein : S.tabel),
    margin: [0, 2, 0, 10],
  } as ContentTable;
}

function rij(r: Rij, b: Extract<Blok, { soort: 'tabel' }>): TableCell[] {
  const n = b.kolommen.length;
  if (r.stijl === 'tussenkop') {
    return [celNaar(r.cellen[0]!, { colSpan: n, bold: true, fillColor: KLEUR.nadruk }), ...Array.from({ length: n - 1 }, () => ({}) as TableCell)];
  }
  return r.cellen.map((c, i) => {
    const extra = { ...(b.kolommen[i]?.rechts ? { alignment: 'right' } : {}), ...(r.stijl === 'nadruk' ? { bold: true, fillColor: KLEUR.nadruk } : {}) };
    // noWrap would also join the lines of one text node: one node per line instead
    if (b.kolommen[i]?.geenTerugloop) return { stack: c.map((regel) => ({ text: regel.map(tekstNaar), noWrap: true })), ...extra } as TableCell;
    return celNaar(c, extra);
  });
}

function kop(b: Extract<Blok, { soort: 'kop' }>, ctx: Context): ContentText {
  const id = `kop-${++ctx.teller}`;
  const node: Record<string, unknown> = { text: b.tekst, ...S[`h${b.niveau}`], id };
  if (b.inhoud) {
    ctx.inhoud.push({ id, tekst: b.tekst, niveau: b.niveau });
    node.outline = true;
    const ouder = b.niveau === 2 ? ctx.hoofdstuk : b.niveau === 3 ? (ctx.paragraaf ?? ctx.hoofdstuk) : undefined;
    if (ouder) node.outlineParentId = ouder;
    if (b.niveau === 1) {
      ctx.hoofdstuk = id;
      ctx.paragraaf = undefined;
    } else if (b.niveau === 2) ctx.paragraaf = id;
  }
  if (b.nieuwePagina) node.pageBreak = 'before';
  return node as unknown as ContentText;
}

function blokken(lijst: Blok[], ctx: Context): Content[] {
  const uit: Content[] = [];
  for (let i = 0; i < lijst.length; i++) {
    const b = lijst[i]!;
    if (b.soort === 'kop') {
      // Keep a heading with what follows: an invisible spacer travels with the heading, and the next
      // block is pulled back up over it. If the two no longer fit, both move to the next page.
      // A run of headings (a contract, then its first product) stays together with the block after it,
      // unless a later heading starts a page of its own.
      let j = i + 1;
      while (lijst[j]?.soort === 'kop' && !(lijst[j] as { nieuwePagina?: boolean }).nieuwePagina) j++;
      const koppen = lijst.slice(i, j).map((x) => kop(x as Extract<Blok, { soort: 'kop' }>, ctx));
      const volgende = lijst[j];
      if (!volgende || volgende.soort === 'kop') {
        uit.push(...koppen);
        i = j - 1;
        continue;
      }
      const rest = blok(volgende, ctx);
      const nieuw = (koppen[0] as { pageBreak?: string }).pageBreak;
      if (nieuw) delete (koppen[0] as { pageBreak?: string }).pageBreak;
      // a table moves as a piece (title, header, first rows): keep room for that piece, not just a few lines
      const ruimte = volgende.soort === 'tabel' ? Math.max(HOUD_BIJ_VOLGENDE, tabelBegin(volgende, ctx, rijenBijKop(volgende, ctx))) : HOUD_BIJ_VOLGENDE;
      uit.push({ stack: [...koppen, { canvas: [], margin: [0, ruimte, 0, 0] }], unbreakable: true, ...(nieuw ? { pageBreak: 'before' } : {}) } as Content);
      uit.push({ stack: [rest], margin: [0, -ruimte, 0, 0] } as Content);
      i = j;
      continue;
    }
    uit.push(blok(b, ctx));
  }
  return uit;
}

function blok(b: Blok, ctx: Context): Content {
  switch (b.soort) {
    case 'kop':
      return kop(b, ctx);
    case 'alinea':
      return { text: b.inhoud.map(tekstNaar), ...(b.klein ? S.klein : S.alinea) } as Content;
    case 'lijst': {
      const items = b.items.map((item) => ({ stack: blokken(item, ctx), margin: [0, 0, 0, 2] }));
      return (b.genummerd ? { ol: items, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] }) as Content;
    }
    case 'tabel':
      return tabel(b, ctx);
    case 'velden':
      return {
        table: {
          widths: [118, '*'],
          dontBreakRows: rijenPassen(b.rijen.map((r) => [[[{ tekst: r.label }]], r.waarde]), [118, '*'], ctx, 9.5),
          body: b.rijen.map((r) => [{ text: r.label, ...S.veldlabel }, celNaar(r.waarde)]),
        },
        layout: { hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.6 : 0.35), vLineWidth: () => 0, hLineColor: () => KLEUR.lijn, paddingLeft: (i: number) => (i === 0 ? 2 : 6), paddingTop: () => 3, paddingBottom: () => 3 },
        margin: [0, 2, 0, 10],
      } as Content;
    case 'kader':
      return {
        table: { widths: ['*'], body: [[{ stack: blokken(b.blokken, ctx), fillColor: '#f3f6fa' }]] },
        layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 2.5 : 0), vLineColor: () => KLEUR.kop, paddingLeft: () => 9, paddingRight: () => 9, paddingTop: () => 6, paddingBottom: () => 2 },
        margin: [0, 2, 0, 10],
      } as Content;
    case 'regel':
      return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.breedte, y2: 0, lineWidth: 0.5, lineColor: KLEUR.lijn }], margin: [0, 4, 0, 10] } as Content;
    case 'invoegen':
      throw new Error(`blok ${b.naam} is niet ingevuld (${b.bestand}:${b.regel})`);
  }
}

function kaft(doc: Document): Content[] {
  const ruimte = doc.liggend ? 0.35 : 1;
  const regels = kaftFeiten(doc);
  return [
    ...(doc.opdrachtgever ? [{ text: doc.opdrachtgever, ...S.kaftklein, margin: [0, 30 * ruimte, 0, 0] } as Content] : [{ text: '', margin: [0, 30 * ruimte, 0, 0] } as Content]),
    ...(doc.gemeenten.length ? [{ text: `namens de gemeenten ${doc.gemeenten.slice(0, -1).join(', ')}${doc.gemeenten.length > 1 ? ' en ' : ''}${doc.gemeenten[doc.gemeenten.length - 1]}`, ...S.kaftklein } as Content] : []),
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 60, h: 5, color: KLEUR.kop }], margin: [0, 90 * ruimte, 0, 14] } as Content,
    { text: doc.titel, ...S.kafttitel },
    ...(doc.ondertitel ? [{ text: doc.ondertitel, ...S.kaftondertitel } as Content] : []),
    { text: `${doc.regio} · tariefjaar ${doc.tariefjaar}`, ...S.kaftondertitel, margin: [0, 2, 0, 40 * ruimte] } as Content,
    {
      table: { widths: [80, '*'], body: regels.map(([a, b]) => [{ text: a, ...S.veldlabel }, a === 'Vingerafdruk' ? { text: b, fontSize: KLEINSTE, color: KLEUR.grijs } : a === 'Status' && doc.concept ? { text: b, bold: true, color: KLEUR.rood } : { text: b }]) },
      layout: { hLineWidth: (i: number) => (i === 0 ? 0 : 0.35), vLineWidth: () => 0, hLineColor: () => KLEUR.lijn, paddingLeft: (i: number) => (i === 0 ? 0 : 6), paddingTop: () => 4, paddingBottom: () => 4 },
    } as Content,
    {
      table: { widths: ['*'], body: [[{ text: doc.statusTekst, color: doc.concept ? KLEUR.rood : KLEUR.tekst, fontSize: 9 }]] },
      layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => (doc.concept ? KLEUR.rood : KLEUR.lijn), vLineColor: () => (doc.concept ? KLEUR.rood : KLEUR.lijn), paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 6 },
      margin: [0, 24 * ruimte, 0, 0],
    } as Content,
    {
      text: `Gemaakt met tariefbouw ${TARIEFBOUW_VERSIE} uit de parameterset met deze vingerafdruk: dezelfde set geeft met dezelfde versie van tariefbouw dezelfde tarieven en hetzelfde document.`,
      ...S.klein,
      margin: [0, 12, 0, 0],
    } as Content,
  ];
}

export function documentDefinitie(doc: Document, staarten?: Staarten): TDocumentDefinitions {
  const ctx: Context = { teller: 0, tabellen: 0, breken: staarten?.breken ?? new Set(), inhoud: [], breedte: doc.liggend ? 842 - 112 : 595 - 112, hoogte: (doc.liggend ? 595 : 842) - 62 - 56 };
  const inhoud: Content[] = [...kaft(doc)];
  const stroom = blokken(doc.blokken, ctx);
  if (doc.inhoudsopgave) inhoud.push(...inhoudsopgave(ctx));
  const eerste = stroom[0] as { pageBreak?: string } | undefined;
  if (eerste && !eerste.pageBreak) stroom.unshift({ text: '', pageBreak: 'after' } as Content);
  inhoud.push(...stroom);
  const datum = new Date(`${doc.datum}T12:00:00Z`);
  const korteTitel = `${doc.titel}${doc.ondertitel ? ` ${doc.ondertitel}` : ''}`;
  return {
    pageSize: 'A4',
    pageOrientation: doc.liggend ? 'landscape' : 'portrait',
    pageMargins: [56, 62, 56, 56],
    version: '1.7',
    language: 'nl-NL',
    displayTitle: true,
    info: {
      title: veiligeMeta(`${korteTitel} ${doc.regio} ${doc.tariefjaar}`),
      author: veiligeMeta(doc.opdrachtgever ?? doc.regio),
      subject: veiligeMeta(doc.onderwerp),
      keywords: veiligeMeta(doc.trefwoorden.join(', ')),
      creator: `tariefbouw ${TARIEFBOUW_VERSIE}`,
      producer: `tariefbouw ${TARIEFBOUW_VERSIE} met pdfmake`,
      creationDate: datum,
      modDate: datum,
    },
    ...(doc.concept ? { watermark: { text: 'CONCEPT', color: KLEUR.rood, opacity: 0.07, bold: true, fontSize: 120, angle: -50 } } : {}),
    header: (pagina: number) =>
      pagina === 1
        ? null
        : {
            columns: [
              { text: `${korteTitel} · ${doc.regio} ${doc.tariefjaar}`, ...S.kopregel },
              { text: doc.concept ? [{ text: `versie ${doc.versie} · ` }, { text: 'CONCEPT', bold: true, color: KLEUR.rood }] : `versie ${doc.versie} · definitief`, ...S.kopregel, alignment: 'right', width: 'auto' },
            ],
            margin: [56, 28, 56, 0],
          },
    footer: (pagina: number, aantal: number) =>
      pagina === 1
        ? null
        : {
            columns: [
              { text: `vingerafdruk ${doc.vingerafdruk.slice(0, 16)} · tariefbouw ${TARIEFBOUW_VERSIE}`, ...S.kopregel },
              { text: `pagina ${pagina} van ${aantal}`, ...S.kopregel, alignment: 'right', width: 'auto' },
            ],
            margin: [56, 22, 56, 0],
          },
    content: inhoud,
    ...(staarten ? { pageBreakBefore: volgStaarten(staarten, () => ctx.tabellen) } : {}),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.22, color: KLEUR.tekst },
  } as TDocumentDefinitions;
}

/** Layouts at most: one, and the rounds that move the last rows of tables (two to five for the default set). */
const RONDEN = 8;

export async function schrijfPdf(doc: Document): Promise<Buffer> {
  zetLettertypen();
  let breken = new Set<number>();
  const nooit = new Set<number>();
  for (let ronde = 1; ; ronde++) {
    const staarten: Staarten = { breken, staart: new Map(), voor: new Map(), einden: 0, nieuw: new Set(), weg: new Set(), nooit, laatste: ronde === RONDEN };
    try {
      return await pdfmake.createPdf(documentDefinitie(doc, staarten)).getBuffer();
    } catch (e) {
      if (!(e instanceof OpnieuwOpmaken)) throw e;
      for (const id of staarten.weg) nooit.add(id);
      breken = new Set([...breken, ...staarten.nieuw].filter((id) => !nooit.has(id)));
    }
  }
}
