/**
 * Tagged PDFs for publication: the HTML edition printed in the system Chromium (driven with puppeteer-core),
 * which writes a structure tree from the semantic HTML (headings, paragraphs, lists, tables with TH and TD,
 * links) and bookmarks from the headings. The file is then finished with pdf-lib:
 * - text and graphics outside the structure tree (the running header and footer in the page margin, borders
 *   and backgrounds) are marked as /Artifact, so a screen reader skips them;
 * - every link annotation gets a description (/Contents): the heading it leads to, or the link text and address;
 * - /Lang nl-NL, /DisplayDocTitle, title, author, subject and keywords, and XMP metadata with dc:title,
 *   dc:language and pdfuaid:part 1;
 * - dates from the document (never the clock) and a document ID derived from the content, so two builds give
 *   the same bytes.
 * Chromium is needed only here: concept builds use pdfmake (pdf.ts) and run without it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../docmodel/document.ts';
import { korteTitel, linkBeschrijvingen, schrijfHtml } from './html.ts';

const FONTMAP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fonts', 'Roboto');

/** Where Chromium is looked for: TARIEFBOUW_CHROMIUM, then the usual Debian and distribution paths. */
export const CHROMIUM_PADEN = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function vindChromium(): string | undefined {
  const eigen = process.env.TARIEFBOUW_CHROMIUM;
  if (eigen) return existsSync(eigen) ? eigen : undefined;
  return CHROMIUM_PADEN.find((p) => existsSync(p));
}

export class ChromiumOntbreekt extends Error {
  constructor() {
    super(
      `Chromium ontbreekt: --publicatie maakt getagde (toegankelijke) PDF's door de HTML-uitgave in Chromium af te drukken.\n` +
        `  gezocht: ${process.env.TARIEFBOUW_CHROMIUM ? `TARIEFBOUW_CHROMIUM=${process.env.TARIEFBOUW_CHROMIUM}` : CHROMIUM_PADEN.join(', ')}\n` +
        `  hint: installeer het Debian-pakket chromium (apt-get install chromium) of wijs met TARIEFBOUW_CHROMIUM een Chromium of Chrome aan; zonder --publicatie zijn er CONCEPT-PDF's zonder Chromium`,
    );
  }
}

/** The embedded Roboto of the PDFs, as @font-face rules with data URLs: the printed page loads nothing from outside. */
let lettertypenCss: string | undefined;
function lettertypen(): string {
  if (lettertypenCss) return lettertypenCss;
  const vlak = (bestand: string, gewicht: number, stijl: string) =>
    `@font-face{font-family:Roboto;font-weight:${gewicht};font-style:${stijl};src:url(data:font/ttf;base64,${readFileSync(path.join(FONTMAP, bestand)).toString('base64')}) format("truetype")}`;
  lettertypenCss = [vlak('Roboto-Regular.ttf', 400, 'normal'), vlak('Roboto-Medium.ttf', 700, 'normal'), vlak('Roboto-Italic.ttf', 400, 'italic'), vlak('Roboto-MediumItalic.ttf', 700, 'italic')].join('');
  return lettertypenCss;
}

/** One browser for all documents of a build. */
export async function drukGetagdePdfs(documenten: Document[], klaar: (naam: string, pdf: Buffer) => void = () => {}): Promise<Map<string, Buffer>> {
  const chromium = vindChromium();
  if (!chromium) throw new ChromiumOntbreekt();
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--disable-extensions', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const uit = new Map<string, Buffer>();
  try {
    const pagina = await browser.newPage();
    // nothing from outside: the page is self-contained and every request would be a mistake
    await pagina.setRequestInterception(true);
    pagina.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
    await pagina.emulateMediaType('print');
    for (const doc of documenten) {
      await pagina.setContent(schrijfHtml(doc, { extraCss: lettertypen() }), { waitUntil: 'load' });
      await pagina.evaluate(() => document.fonts.ready.then(() => true));
      const ruw = await pagina.pdf({ tagged: true, outline: true, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
      const pdf = await maakToegankelijk(ruw, doc);
      uit.set(`${doc.naam}.pdf`, pdf);
      klaar(`${doc.naam}.pdf`, pdf);
    }
  } finally {
    await browser.close();
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------------------
// content streams: mark what is outside the structure tree as an artifact

type Token = { soort: 'operator' | 'operand'; tekst: string };

const WIT = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const SCHEIDING = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Splits a content stream into operands and operators, keeping their text. */
function tokens(s: string): Token[] {
  const uit: Token[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (WIT.has(c)) {
      i++;
      continue;
    }
    const begin = i;
    const ch = s[i]!;
    if (ch === '%') {
      while (i < n && s[i] !== '\n' && s[i] !== '\r') i++;
      continue;
    }
    if (ch === '(') {
      let diepte = 0;
      for (; i < n; i++) {
        if (s[i] === '\\') {
          i++;
          continue;
        }
        if (s[i] === '(') diepte++;
        else if (s[i] === ')' && --diepte === 0) break;
      }
      i++;
      uit.push({ soort: 'operand', tekst: s.slice(begin, i) });
      continue;
    }
    if (ch === '<' && s[i + 1] === '<') {
      // a dictionary operand: up to the matching >>
      let diepte = 0;
      for (; i < n; i++) {
        if (s[i] === '(') {
          let d = 0;
          for (; i < n; i++) {
            if (s[i] === '\\') {
              i++;
              continue;
            }
            if (s[i] === '(') d++;
            else if (s[i] === ')' && --d === 0) break;
          }
          continue;
        }
        if (s[i] === '<' && s[i + 1] === '<') {
          diepte++;
          i++;
        } else if (s[i] === '>' && s[i + 1] === '>') {
          diepte--;
          i++;
          if (diepte === 0) break;
        }
      }
      i++;
      uit.push({ soort: 'operand', tekst: s.slice(begin, i) });
      continue;
    }
    if (ch === '<') {
      i = s.indexOf('>', i) + 1;
      uit.push({ soort: 'operand', tekst: s.slice(begin, i) });
      continue;
    }
    if (ch === '[' || ch === ']' || ch === '{' || ch === '}') {
      i++;
      uit.push({ soort: 'operand', tekst: ch });
      continue;
    }
    if (ch === '/') i++;
    while (i < n && !WIT.has(s.charCodeAt(i)) && !SCHEIDING.has(s.charCodeAt(i))) i++;
    const woord = s.slice(begin, i);
    const operand = ch === '/' || /^[+-]?(\d+\.?\d*|\.\d+)$/.test(woord) || woord === 'true' || woord === 'false' || woord === 'null';
    if (!operand && woord === 'BI') throw new Error('inline afbeelding in een inhoudsstroom: niet ondersteund');
    uit.push({ soort: operand ? 'operand' : 'operator', tekst: woord });
  }
  return uit;
}

const PAD_BOUW = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PAD_VERF = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/**
 * Wraps every text object, painted path, XObject and shading outside marked content in /Artifact BMC … EMC.
 * Returns the new stream and how many pieces were marked.
 */
export function markeerArtefacten(stroom: string): { stroom: string; artefacten: number } {
  const toks = tokens(stroom);
  // group into operations: operands followed by their operator
  const ops: { operator: string; tekst: string }[] = [];
  let operanden: string[] = [];
  for (const t of toks) {
    if (t.soort === 'operand') operanden.push(t.tekst);
    else {
      ops.push({ operator: t.tekst, tekst: [...operanden, t.tekst].join(' ') });
      operanden = [];
    }
  }
  const uit: string[] = [];
  let diepte = 0;
  let artefacten = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.operator === 'BMC' || op.operator === 'BDC') diepte++;
    else if (op.operator === 'EMC') diepte = Math.max(0, diepte - 1);
    if (diepte > 0 || op.operator === 'EMC') {
      uit.push(op.tekst);
      continue;
    }
    if (op.operator === 'BT') {
      let j = i;
      while (j < ops.length && ops[j]!.operator !== 'ET') j++;
      const stuk = ops.slice(i, j + 1);
      // marked content inside the text object: fine when it only carries /ActualText (ligatures), not an MCID
      if (stuk.some((o) => (o.operator === 'BDC' && o.tekst.includes('/MCID')) || (o.operator === 'BMC' && !o.tekst.startsWith('/Span')))) {
        uit.push(op.tekst);
        continue;
      }
      uit.push('/Artifact BMC', ...stuk.map((o) => o.tekst), 'EMC');
      artefacten++;
      i = j;
      continue;
    }
    if (PAD_BOUW.has(op.operator)) {
      let j = i;
      while (j < ops.length && (PAD_BOUW.has(ops[j]!.operator) || ops[j]!.operator === 'W' || ops[j]!.operator === 'W*')) j++;
      const eind = ops[j];
      if (eind && PAD_VERF.has(eind.operator)) {
        uit.push('/Artifact BMC', ...ops.slice(i, j + 1).map((o) => o.tekst), 'EMC');
        artefacten++;
      } else uit.push(...ops.slice(i, Math.min(j + 1, ops.length)).map((o) => o.tekst));
      i = j;
      continue;
    }
    if (op.operator === 'Do' || op.operator === 'sh') {
      uit.push('/Artifact BMC', op.tekst, 'EMC');
      artefacten++;
      continue;
    }
    uit.push(op.tekst);
  }
  return { stroom: `${uit.join('\n')}\n`, artefacten };
}

// ---------------------------------------------------------------------------------------------------------

function xmlEsc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function xmp(velden: { titel: string; auteur: string; onderwerp: string; trefwoorden: string; datum: string; producent: string }): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEsc(velden.titel)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xmlEsc(velden.auteur)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEsc(velden.onderwerp)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>${velden.datum}</xmp:CreateDate>
<xmp:ModifyDate>${velden.datum}</xmp:ModifyDate>
<xmp:MetadataDate>${velden.datum}</xmp:MetadataDate>
<xmp:CreatorTool>tariefbouw</xmp:CreatorTool>
<pdf:Producer>${xmlEsc(velden.producent)}</pdf:Producer>
<pdf:Keywords>${xmlEsc(velden.trefwoorden)}</pdf:Keywords>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

export const PRODUCENT = 'tariefbouw; Chromium (Skia/PDF) en pdf-lib';

/** Finishes Chromium's tagged PDF: artifacts, link descriptions, language, metadata, fixed dates and ID. */
export async function maakToegankelijk(ruw: Uint8Array, doc: Document): Promise<Buffer> {
  const { PDFDocument, PDFName, PDFString, PDFHexString, PDFArray, PDFDict, PDFRawStream, PDFHeader, decodePDFRawStream } = await import('pdf-lib');
  const pdf = await PDFDocument.load(ruw, { updateMetadata: false });
  const ctx = pdf.context;
  const titel = `${korteTitel(doc)} ${doc.regio} ${doc.tariefjaar}`;
  const datum = new Date(`${doc.datum}T12:00:00Z`);
  pdf.setTitle(titel, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.opdrachtgever ?? doc.regio);
  pdf.setSubject(doc.onderwerp);
  pdf.setKeywords(doc.trefwoorden);
  pdf.setCreator('tariefbouw');
  pdf.setProducer(PRODUCENT);
  pdf.setCreationDate(datum);
  pdf.setModificationDate(datum);
  pdf.setLanguage('nl-NL');
  ctx.header = PDFHeader.forVersion(1, 7);

  const beschrijvingen = linkBeschrijvingen(doc);
  for (const pagina of pdf.getPages()) {
    const node = pagina.node;
    // the content: one stream (Chromium) or an array of streams
    const inhoud = node.get(PDFName.of('Contents'));
    const refs = inhoud instanceof PDFArray ? inhoud.asArray() : inhoud ? [inhoud] : [];
    const delen: string[] = [];
    for (const ref of refs) {
      const stroom = ctx.lookup(ref);
      if (!(stroom instanceof PDFRawStream)) throw new Error('onverwachte inhoudsstroom');
      delen.push(Buffer.from(decodePDFRawStream(stroom).decode()).toString('latin1'));
    }
    const { stroom } = markeerArtefacten(delen.join('\n'));
    node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(Buffer.from(stroom, 'latin1'))));
    node.set(PDFName.of('Tabs'), PDFName.of('S'));
    // link descriptions
    const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const a of annots?.asArray() ?? []) {
      const annot = ctx.lookup(a);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const dest = annot.get(PDFName.of('Dest'));
      const actie = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = actie?.get(PDFName.of('URI'));
      let tekst: string | undefined;
      if (dest instanceof PDFName) {
        const id = decodeURIComponent(dest.decodeText());
        tekst = beschrijvingen.get(`#${id}`) ?? 'Naar een plek in dit document';
      } else if (uri instanceof PDFString || uri instanceof PDFHexString) {
        const adres = uri.decodeText();
        tekst = beschrijvingen.get(adres) ?? adres;
      }
      if (tekst) annot.set(PDFName.of('Contents'), PDFHexString.fromText(tekst));
    }
  }

  const meta = ctx.stream(
    Buffer.from(
      xmp({ titel, auteur: doc.opdrachtgever ?? doc.regio, onderwerp: doc.onderwerp, trefwoorden: doc.trefwoorden.join(', '), datum: datum.toISOString().replace('.000Z', 'Z'), producent: PRODUCENT }),
      'utf8',
    ),
    { Type: 'Metadata', Subtype: 'XML' },
  );
  pdf.catalog.set(PDFName.of('Metadata'), ctx.register(meta));
  // a document ID from what the document is, never random: same set and text, same ID
  const id = createHash('md5').update(`${doc.naam}\n${doc.vingerafdruk}\n${doc.versie}\n${doc.datum}\n${titel}`).digest('hex');
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return Buffer.from(await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}
