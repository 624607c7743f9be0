/**
 * The publishable documents of a set: reads the templates, fills them, and
 * renders the PDFs and the PvE checklist. Also the --publicatie check.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CliFout } from './fouten.ts';
import path from 'node:path';
import type { ParameterSet } from '../params/types.ts';
import type { Tarievenplan } from '../model/types.ts';
import { publicatieBezwaren, type Bezwaar } from '../model/publicatie.ts';
import { nummerKoppen, toegestaneBlokken, variantLabel, vulIn, zichtbareTarieven, type DocumentOpties, type DocumentSpec } from '../docmodel/documenten/gemeenschappelijk.ts';
import { productenboekSpec } from '../docmodel/documenten/productenboek.ts';
import { tariefbijlageSpec } from '../docmodel/documenten/tariefbijlage.ts';
import { programmaVanEisenSpec, programmaVanEisenWerkboek } from '../docmodel/documenten/programma-van-eisen.ts';
import { addendumSpec } from '../docmodel/documenten/addendum.ts';
import { indexatieSpec } from '../docmodel/documenten/indexatie.ts';
import { indexatieMarkdown, indexatieOverzicht } from '../docmodel/indexatie.ts';
import { berekenTarieven } from '../model/bereken.ts';
import { renderSjabloon, SjabloonFout } from '../render/sjablonen.ts';
import { schrijfPdf } from '../render/pdf.ts';
import { schrijfHtml, schrijfIndex } from '../render/html.ts';
import { schrijfXlsx } from '../render/xlsx.ts';
import type { Document } from '../docmodel/document.ts';
import type { Werkboek } from '../docmodel/werkboek.ts';
import { Afgebroken, PAKKET_MAP, wortel } from './wortel.ts';
import { ChromiumOntbreekt, drukGetagdePdfs, vindChromium } from '../render/publicatie.ts';

/** The templates folder: --sjablonen, else templates/ in the repository root, else the package's own. */
export function vindSjablonen(map: string | undefined): string {
  if (map) {
    const vol = path.resolve(map);
    let isMap = false;
    try {
      isMap = statSync(vol).isDirectory();
    } catch {
      /* does not exist */
    }
    if (!isMap) {
      throw new CliFout(2, `--sjablonen ${map} ${existsSync(vol) ? 'is geen map' : 'bestaat niet'}`, {
        verwacht: 'een map met de sjablonen (*.md.hbs), zoals een kopie van templates/',
        gevonden: map,
        hint: 'laat --sjablonen weg voor de sjablonen van tariefbouw',
      });
    }
    return vol;
  }
  const lokaal = path.join(wortel(), 'templates');
  return existsSync(lokaal) ? lokaal : path.join(PAKKET_MAP, 'templates');
}

function toon(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}

export function documentSpecs(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): DocumentSpec[] {
  const specs = [productenboekSpec(set, plan, opties), tariefbijlageSpec(set, plan, opties)];
  if (set.inkoop) specs.push(programmaVanEisenSpec(set, plan, opties));
  for (const a of set.aanbieders) if (plan.tarieven.some((x) => x.variant === `aanbieder-${a.id}`)) specs.push(addendumSpec(set, plan, a, opties));
  return specs;
}

/** Fills a spec's template; throws SjabloonFout with the template's file and line. */
export function vulSjabloon(spec: DocumentSpec, sjablonen: string) {
  const bestand = path.join(sjablonen, spec.sjabloon);
  if (!existsSync(bestand)) {
    throw new SjabloonFout({
      ernst: 'fout',
      bestand: toon(bestand),
      regel: 1,
      kolom: 1,
      melding: `sjabloon ${spec.sjabloon} ontbreekt`,
      verwacht: `een bestand ${spec.sjabloon} in ${toon(sjablonen)}`,
      gevonden: 'geen bestand',
      hint: 'kopieer het sjabloon uit de map templates/ van tariefbouw',
    });
  }
  const blokken = renderSjabloon({ bestand: toon(bestand), tekst: readFileSync(bestand, 'utf8') }, spec.view, toegestaneBlokken(spec));
  const gevuld = vulIn(blokken, spec);
  return { ...spec.document, blokken: spec.genummerd ? nummerKoppen(gevuld) : gevuld };
}

export interface DocumentenOpties extends DocumentOpties {
  sjablonen: string;
}

export interface GevuldeDocumenten {
  documenten: Document[];
  /** programma-van-eisen.xlsx, when the set has inkoop.yaml */
  checklist?: Werkboek;
  /** An indexation round: the overview for providers as Markdown and workbook (indexatie-<jaar>.md and .xlsx); its PDF is one of the documents. */
  indexatie?: { jaar: number; markdown: string; werkboek: Werkboek };
}

/** Fills every template. Synchronous, so a template error stops the build before anything is rendered. */
export function vulDocumenten(set: ParameterSet, plan: Tarievenplan, opties: DocumentenOpties): GevuldeDocumenten {
  const documenten = documentSpecs(set, plan, opties).map((s) => vulSjabloon(s, opties.sjablonen));
  // An indexation round: the overview for providers is part of its outputs, so genereer rebuilds it too.
  let indexatie: GevuldeDocumenten['indexatie'];
  const basis = set.indexering?.basis;
  if (basis && set.indexcijfers) {
    const basisPlan = berekenTarieven(basis);
    documenten.push(vulSjabloon(indexatieSpec(set, plan, basisPlan, { ...opties, basisNaam: basis.naam }), opties.sjablonen));
    // sent to every provider: an aanbieder-specifiek tarief only when the set shows it in all documents
    const overzicht = indexatieOverzicht(basisPlan, { ...plan, tarieven: zichtbareTarieven(set, plan.tarieven) }, { concept: !opties.publicatie, label: (t) => variantLabel(set, t) });
    indexatie = { jaar: plan.model.tariefjaar, markdown: indexatieMarkdown(overzicht), werkboek: overzicht.werkboek };
  }
  return {
    documenten,
    ...(set.inkoop ? { checklist: programmaVanEisenWerkboek(set, plan, opties) } : {}),
    ...(indexatie ? { indexatie } : {}),
  };
}

/**
 * Renders the documents and the checklist; `klaar` is told each file as it is finished, for progress on long builds.
 * Every document comes as a PDF and as its HTML edition, with index.html listing them. A concept PDF is laid out by
 * pdfmake (no Chromium needed, and it claims no tagging); a published one (--publicatie) is the HTML edition printed
 * in Chromium as a tagged PDF (render/publicatie.ts).
 * One document after the other: laying out in worker threads was measured on two cores (no gain for the default
 * set, about 7 % for 1 000 products at 500 MB more memory) and is not worth it.
 */
export async function renderDocumenten(gevuld: GevuldeDocumenten, klaar: (bestand: string, bytes: number) => void = () => {}): Promise<Map<string, Buffer>> {
  const uit = new Map<string, Buffer>();
  const gepubliceerd = gevuld.documenten.filter((d) => !d.concept);
  if (gepubliceerd.length) {
    for (const [naam, pdf] of await drukGetagdePdfs(gepubliceerd, (n, b) => klaar(n, b.length))) uit.set(naam, pdf);
  }
  for (const d of gevuld.documenten) {
    if (!d.concept) continue;
    const pdf = await schrijfPdf(d);
    uit.set(`${d.naam}.pdf`, pdf);
    klaar(`${d.naam}.pdf`, pdf.length);
  }
  for (const [naam, html] of htmlUitgave(gevuld.documenten)) {
    uit.set(naam, html);
    klaar(naam, html.length);
  }
  if (gevuld.checklist) {
    const xlsx = await schrijfXlsx(gevuld.checklist);
    uit.set('programma-van-eisen.xlsx', xlsx);
    klaar('programma-van-eisen.xlsx', xlsx.length);
  }
  if (gevuld.indexatie) {
    const md = Buffer.from(gevuld.indexatie.markdown, 'utf8');
    uit.set(`indexatie-${gevuld.indexatie.jaar}.md`, md);
    klaar(`indexatie-${gevuld.indexatie.jaar}.md`, md.length);
    const xlsx = await schrijfXlsx(gevuld.indexatie.werkboek);
    uit.set(`indexatie-${gevuld.indexatie.jaar}.xlsx`, xlsx);
    klaar(`indexatie-${gevuld.indexatie.jaar}.xlsx`, xlsx.length);
  }
  return uit;
}

/** One document as PDF (tagged through Chromium when it is published) and as HTML edition, by file name. */
export async function renderDocument(d: Document): Promise<Map<string, Buffer>> {
  const pdf = d.concept ? await schrijfPdf(d) : (await drukGetagdePdfs([d])).get(`${d.naam}.pdf`)!;
  return new Map([
    [`${d.naam}.pdf`, pdf],
    [`${d.naam}.html`, Buffer.from(schrijfHtml(d, { naast: [['PDF', `${d.naam}.pdf`]] }), 'utf8')],
  ]);
}

/** The HTML edition: one page per document and index.html, by file name. */
export function htmlUitgave(documenten: Document[]): Map<string, Buffer> {
  const uit = new Map<string, Buffer>();
  for (const d of documenten) uit.set(`${d.naam}.html`, Buffer.from(schrijfHtml(d, { naast: [['PDF', `${d.naam}.pdf`]] }), 'utf8'));
  uit.set('index.html', Buffer.from(schrijfIndex(documenten.map((d) => ({ document: d, bestanden: [['webpagina', `${d.naam}.html`], ['PDF', `${d.naam}.pdf`]] }))), 'utf8'));
  return uit;
}

/** All PDFs and the PvE workbook, by file name. */
export async function maakDocumenten(set: ParameterSet, plan: Tarievenplan, opties: DocumentenOpties): Promise<Map<string, Buffer>> {
  return renderDocumenten(vulDocumenten(set, plan, opties));
}

/** The reasons publication is refused, one line each with file:line, and a summary. */
export function bezwarenTekst(bezwaren: Bezwaar[], commando: 'genereer' | 'indexeer' = 'genereer'): string {
  const regels = bezwaren.map((b) => `${b.bestand}:${b.regel}:${b.kolom}: ${b.melding}${b.verwacht ? ` (verwacht ${b.verwacht}, ${b.gevonden})` : ''}`);
  const tel = (s: Bezwaar['soort']) => bezwaren.filter((b) => b.soort === s).length;
  const delen = [
    tel('status') ? `${tel('status')} ${tel('status') === 1 ? 'waarde is' : 'waarden zijn'} niet vastgesteld` : '',
    tel('bron') ? `${tel('bron')} zonder bron` : '',
    tel('controletotaal') ? `${tel('controletotaal')} ${tel('controletotaal') === 1 ? 'controletotaal klopt' : 'controletotalen kloppen'} niet` : '',
  ].filter(Boolean);
  return `${regels.join('\n')}\n\nPublicatie geweigerd: ${delen.join(', ')}.\nVervang deze waarden door vastgestelde waarden met een bron, of ${commando} zonder --publicatie: dan krijgt elk document een CONCEPT-merk.\n`;
}

/** --publicatie prints tagged PDFs in Chromium: say so before any work is done when it is missing. */
export function chromiumVoorPublicatie(io: { err: (s: string) => void }): void {
  if (vindChromium()) return;
  io.err(`fout: ${new ChromiumOntbreekt().message}\nEr is niets geschreven.\n`);
  throw new Afgebroken(1);
}

export { publicatieBezwaren, SjabloonFout };
