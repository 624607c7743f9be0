/** What the publishable documents share: the spec a template fills, cover facts, labels. Pure. */
import type { ParameterSet, Product } from '../../params/types.ts';
import type { ParamGebruik, Stap, Tarief, Tarievenplan } from '../../model/types.ts';
import { PRODUCTEENHEDEN } from '../../params/schema.ts';
import { waardeOp } from '../../params/regels.ts';
import { EENHEID_TEKST, euro, euroTarief, getal } from '../../shared/format.ts';
import { datumTekst } from '../../shared/datum.ts';
import type { Decimal } from '../../shared/decimal.ts';
import { paramWaarde } from '../verklaring.ts';
import { cel, t, type Blok, type Cel, type Document, type Tekst } from '../document.ts';
import { vergelijkTekst } from '../../shared/sorteer.ts';

export interface DocumentOpties {
  /** Built with --publicatie: no CONCEPT mark. The caller has checked that publication is allowed. */
  publicatie: boolean;
  /** Folder of the set as shown in messages (e.g. models/voorbeeldregio-2027); stripped from file references. */
  setMap?: string;
  /** Where the set is published (inkoop.yaml parameterset_url); without it documents name no file or line. */
  parametersetUrl?: string;
  /** The folder the URL stands for: that of the set whose inkoop.yaml gives it (an overlay may inherit it from its basis). */
  parametersetMap?: string;
}

/** The options of one set's documents: the publication URL comes from the set. */
export function metSet(set: ParameterSet, opties: DocumentOpties): DocumentOpties {
  if (opties.parametersetUrl || !set.inkoop?.parametersetUrl) return opties;
  const inkoop = set.inkoop.herkomst.bestand;
  return { ...opties, parametersetUrl: set.inkoop.parametersetUrl, parametersetMap: inkoop.includes('/') ? inkoop.slice(0, inkoop.lastIndexOf('/')) : '.' };
}

export interface ModelBlok {
  /** Allowed arguments ({{blok "naam" argument}}), or null when the block takes none. */
  argumenten: readonly string[] | null;
  maak: (argument?: string) => Blok[];
}

/** A document waiting for its prose: the template to fill, its data, and the model blocks it may place. */
export interface DocumentSpec {
  sjabloon: string;
  document: Omit<Document, 'blokken'>;
  view: Record<string, unknown>;
  blokken: Record<string, ModelBlok>;
  /** Chapters and sections numbered 1, 1.1, … (so that questions can cite them). */
  genummerd?: boolean;
}

/** Numbers the headings of level 1 and 2: 1 Inleiding, 1.1 Zo schrijft u in. Level 3 stays as written. */
export function nummerKoppen(blokken: Blok[]): Blok[] {
  let h = 0;
  let p = 0;
  return blokken.map((b) => {
    if (b.soort !== 'kop' || b.niveau === 3) return b;
    if (b.niveau === 1) {
      h++;
      p = 0;
      return { ...b, tekst: `${h} ${b.tekst}` };
    }
    p++;
    return { ...b, tekst: `${h}.${p} ${b.tekst}` };
  });
}

/** Replaces every {{blok …}} marker by the model's blocks. */
export function vulIn(blokken: Blok[], spec: DocumentSpec): Blok[] {
  return blokken
    .flatMap((b): Blok[] => {
      if (b.soort === 'invoegen') return spec.blokken[b.naam]!.maak(b.argument).map(leesbaarBlok);
      if (b.soort === 'lijst') return [{ ...b, items: b.items.map((i) => vulIn(i, spec)) }];
      if (b.soort === 'kader') return [{ ...b, blokken: vulIn(b.blokken, spec) }];
      return [b];
    })
    .map((b) => blokMet(b, typografie));
}

export function toegestaneBlokken(spec: DocumentSpec): Record<string, readonly string[] | null> {
  return Object.fromEntries(Object.entries(spec.blokken).map(([k, v]) => [k, v.argumenten]));
}

/**
 * The tariffs every provider may see: an aanbieder-specifiek tarief only when inkoop.yaml says so
 * (aanbieder_specifieke_tarieven: alle_documenten); by default it is in that provider's addendum only.
 */
export function zichtbareTarieven(set: ParameterSet, tarieven: Tarief[]): Tarief[] {
  return set.inkoop?.aanbiederSpecifiekeTarieven === 'alle_documenten' ? tarieven : tarieven.filter((x) => x.variantSoort !== 'aanbieder');
}

/** True when aanbieder-specifieke tarieven stand only in the addenda. */
export function alleenInAddendum(set: ParameterSet): boolean {
  return set.inkoop?.aanbiederSpecifiekeTarieven !== 'alle_documenten';
}

export function isConceptSet(plan: Tarievenplan): boolean {
  return plan.tarieven.some((x) => x.status !== 'vastgesteld');
}

/** Cover and metadata facts shared by every document of a set. */
export function kaftgegevens(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): Omit<Document, 'blokken' | 'naam' | 'titel' | 'onderwerp' | 'trefwoorden' | 'inhoudsopgave'> {
  const zwak = plan.tarieven.filter((x) => x.status !== 'vastgesteld').length;
  const statusTekst = opties.publicatie
    ? 'Gepubliceerd: alle gebruikte waarden zijn vastgesteld en hebben een bron, en de controletotalen kloppen.'
    : `CONCEPT, niet publiceren. Dit document is een concept${zwak ? ': een deel van de waarden waarop de tarieven rusten is nog niet vastgesteld (status illustratief of voorlopig)' : ' en nog niet vastgesteld'}.`;
  return {
    regio: set.regio,
    ...(set.inkoop ? { opdrachtgever: set.inkoop.opdrachtgever } : {}),
    gemeenten: set.inkoop?.gemeenten ?? [],
    tariefjaar: plan.model.tariefjaar,
    versie: set.versie,
    datum: documentdatum(set, plan),
    vingerafdruk: plan.model.vingerafdruk,
    concept: !opties.publicatie,
    statusTekst,
  };
}

/** The date on a set's documents: model.yaml's documentdatum (a round has its own), else inkoop.yaml's, else the peildatum. */
export function documentdatum(set: ParameterSet, plan: Tarievenplan): string {
  return set.documentdatum ?? set.inkoop?.documentdatum ?? plan.model.peildatum;
}

/** The data every template can use. */
export function algemeneView(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): Record<string, unknown> {
  return {
    regio: set.regio,
    setnaam: set.naam,
    setmap: opties.setMap ?? set.id,
    tariefjaar: plan.model.tariefjaar,
    peildatum: plan.model.peildatum,
    versie: set.versie,
    datum: documentdatum(set, plan),
    vingerafdruk: plan.model.vingerafdruk,
    concept: !opties.publicatie,
    opdrachtgever: set.inkoop?.opdrachtgever ?? null,
    gemeenten: set.inkoop?.gemeenten ?? [],
    parametersetUrl: metSet(set, opties).parametersetUrl ?? null,
  };
}

export const PROCEDURE_TEKST: Record<string, string> = {
  open_house: 'Open House',
  aanbesteding: 'aanbesteding',
  enkelvoudig_onderhands: 'enkelvoudig onderhandse procedure',
  onderhandelingsprocedure: 'onderhandelingsprocedure zonder voorafgaande bekendmaking',
};

export const BEKOSTIGING_TEKST: Record<string, string> = {
  inspanningsgericht: 'inspanningsgericht (p\u00a0×\u00a0q: per geleverde eenheid)',
  outputgericht: 'outputgericht (per traject of resultaat)',
  taakgericht: 'taakgericht (een budget voor een taak)',
};

export const BEKOSTIGING_KORT: Record<string, string> = { inspanningsgericht: 'inspanningsgericht (p\u00a0×\u00a0q)', outputgericht: 'outputgericht', taakgericht: 'taakgericht' };

export function looptijdTekst(l: { ingang: string; jaren: number; verlengingen: number[]; stilzwijgend: boolean }): string {
  const basis = `${l.jaren} jaar vanaf ${datumTekst(l.ingang)}`;
  if (!l.verlengingen.length) return `${basis}, zonder verlenging`;
  const v = l.verlengingen.map((j) => `${j}`).join(' + ');
  return `${basis}, ${l.stilzwijgend ? 'stilzwijgend ' : ''}te verlengen met ${v} jaar (ten hoogste ${l.jaren + l.verlengingen.reduce((a, b) => a + b, 0)} jaar)`;
}

/** Contract data for templates (also without inkoop.yaml: then procedure and looptijd are null). */
export function contractenView(set: ParameterSet): Record<string, unknown>[] {
  return set.contracten.map((c) => {
    const producten = set.producten.filter((p) => p.contract === c.id);
    const ik = set.inkoop?.contracten.find((x) => x.id === c.id);
    const wetten = [...new Set(producten.map((p) => (p.wet === 'wmo' ? 'Wmo' : 'Jeugdwet')))].sort();
    return {
      id: c.id,
      naam: c.naam,
      omschrijving: c.omschrijving ?? null,
      wetten: wetten.join(' en '),
      aantalProducten: producten.length,
      lumpsum: producten.some((p) => p.berekening === 'lumpsum'),
      overgenomen: producten.some((p) => p.berekening === 'overgenomen'),
      procedure: ik ? PROCEDURE_TEKST[ik.procedure]! : null,
      openHouse: ik?.procedure === 'open_house',
      toetreding: ik?.toetreding ?? null,
      looptijd: ik ? looptijdTekst(ik.looptijd) : null,
      ingang: ik?.looptijd.ingang ?? null,
      jaren: ik?.looptijd.jaren ?? null,
      verlengingen: ik?.looptijd.verlengingen ?? [],
      stilzwijgend: ik?.looptijd.stilzwijgend ?? false,
      maximaleLooptijd: ik ? ik.looptijd.jaren + ik.looptijd.verlengingen.reduce((a, b) => a + b, 0) : null,
      bekostiging: ik ? BEKOSTIGING_TEKST[ik.bekostiging]! : null,
      toelichting: ik?.toelichting ?? null,
    };
  });
}

const RANG = (v: Tarief) => ({ basistarief: 0, vast: 1, cao: 2, micro: 3, pgb: 4, aanbieder: 5 })[v.variantSoort];

export function sorteerVarianten(ts: Tarief[]): Tarief[] {
  // the micro basistarief before the micro tariffs per CAO, as the basistarief before the CAO tariffs
  const microBasis = (x: Tarief) => (x.variant === 'micro-onderneming' ? 0 : 1);
  return [...ts].sort((a, b) => RANG(a) - RANG(b) || microBasis(a) - microBasis(b) || vergelijkTekst(a.variant, b.variant));
}

export function variantLabel(set: ParameterSet, x: Tarief): string {
  switch (x.variantSoort) {
    case 'cao':
      return set.caos.get(x.variant)?.naam ?? `CAO ${x.variant}`;
    case 'basistarief':
      return 'Basistarief';
    case 'micro':
      // a micro tariff per CAO (micro-<cao>), or the micro basistarief / the single micro tariff
      if (x.variant === 'micro-onderneming') return set.varianten.micro === 'per_cao' ? 'Micro-basistarief' : 'Micro-onderneming';
      return `Micro-onderneming, ${set.caos.get(x.cao ?? '')?.naam ?? x.variant.slice(6)}`;
    case 'pgb':
    {
      const naam = set.varianten.pgb?.soorten.find((s) => `pgb-${s.id}` === x.variant)?.naam ?? x.variant.slice(4);
      return /^pgb\b/i.test(naam) ? naam : `Pgb: ${naam}`;
    }
    case 'aanbieder':
      return `Aanbieder-specifiek: ${set.aanbieders.find((a) => `aanbieder-${a.id}` === x.variant)?.naam ?? x.variant.slice(10)}`;
    case 'vast':
      return 'Vastgesteld tarief';
  }
}

export function eenheidTekst(p: Product | Tarief): string {
  const e = 'eenheid' in p ? p.eenheid : '';
  return PRODUCTEENHEDEN[e as keyof typeof PRODUCTEENHEDEN]?.omschrijving ?? e;
}

export function tariefBedrag(x: Tarief): string {
  return euroTarief(x.tarief);
}

export function perUurBedrag(x: Tarief): string {
  return x.tariefPerUur ? euroTarief(x.tariefPerUur) : '';
}

/** A file of the set relative to the set folder (cao/jeugdzorg.yaml), or to its parent for a basis set (../voorbeeldregio-2027/opslagen.yaml). */
function relatiefBestand(bestand: string, setMap: string | undefined): string {
  if (!setMap) return bestand;
  const map = setMap.replace(/\/+$/, '').split('/');
  const deel = bestand.split('/');
  let i = 0;
  while (i < map.length && i < deel.length - 1 && map[i] === deel[i]) i++;
  if (i === 0) return bestand;
  return [...map.slice(i).map(() => '..'), ...deel.slice(i)].join('/');
}

/**
 * Where a parameter stands, for a reader: a link into the published parameter set (<url>/<bestand>#L<regel>,
 * shown as bestand#L<regel>), or nothing when the set gives no publication URL: a provider cannot open a
 * file on the region's disk.
 */
export function vindplaats(bestand: string, regel: number, opties: DocumentOpties): Tekst | undefined {
  if (!opties.parametersetUrl) return undefined;
  const rel = relatiefBestand(bestand, opties.parametersetMap ?? opties.setMap);
  const doel = new URL(`${rel}#L${regel}`, `${opties.parametersetUrl}/`).toString();
  return t(`${rel.replace(/^(\.\.\/)+/, '')}#L${regel}`, { link: doel, klein: true });
}

/** The vindplaats as plain text for a table cell ('' without a publication URL). */
export function vindplaatsCel(bestand: string, regel: number, opties: DocumentOpties): Cel {
  const v = vindplaats(bestand, regel, opties);
  return v ? [[{ ...v, klein: false }]] : cel('');
}

/** Column header words for the parameter notation: with or without a vindplaats. */
export function parameterNotatie(opties: DocumentOpties): string {
  return opties.parametersetUrl ? 'waarde · status · vindplaats · [bron]' : 'waarde · status · [bron]';
}

/**
 * Provider-facing wording of an identifier from the set: no snake_case, the spelling of the begrippenlijst
 * (cliëntgebonden, no-show, micro-onderneming). Leaves URLs alone.
 */
const WOORDEN: Record<string, string> = {
  clientgebonden: 'cliëntgebonden',
  Clientgebonden: 'Cliëntgebonden',
  clientgebonden_kosten: 'cliëntgebonden kosten',
  no_show: 'no-show',
  micro_onderneming: 'micro-onderneming',
  zestig_cent: '€ 0,60',
  opslag_op_directe_kosten: 'opslag op de directe kosten',
  aandeel_in_kostprijs: 'aandeel in de kostprijs',
  aandeel_in_tarief: 'aandeel in het tarief',
  uren_per_eenheid: 'uren per eenheid',
  kosten_per_jaar: 'kosten per jaar',
};
export function leesbaar(s: string): string {
  return s
    .replace(/(https?:\/\/\S+)|\b([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)\b/g, (m, url: string | undefined, id: string | undefined) =>
      url ? url : (WOORDEN[id!] ?? id!.split('_').map((w) => WOORDEN[w] ?? w).join(' ')),
    )
    .replace(/\b(C|c)lientgebonden\b/g, (_, c: string) => `${c}liëntgebonden`)
    .replace(/\bno show\b/g, 'no-show')
    .replace(/\bCAO-/g, 'cao-');
}

const MAAND = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
/**
 * Typography for every document: no line break between € and its amount, inside a date (1 januari 2027) or
 * before a percent sign. Non-breaking spaces; the text a reader copies is unchanged apart from that.
 */
export function typografie(s: string): string {
  return s
    .replace(/€ (?=[-−]?\d)/g, '€\u00a0')
    .replace(new RegExp(`\\b(\\d{1,2}) (${MAAND}) (\\d{4})\\b`, 'g'), '$1\u00a0$2\u00a0$3')
    // a day and month without a year (per 1 januari en 1 juli) stay together too
    .replace(new RegExp(`\\b(\\d{1,2}) (${MAAND})\\b`, 'g'), '$1\u00a0$2')
    .replace(/(\d) %/g, '$1\u00a0%');
}

function celMet(c: Cel, f: (s: string) => string): Cel {
  return c.map((regel) => regel.map((x) => (x.link || x.code ? x : { ...x, tekst: f(x.tekst) })));
}

/** Applies f to every piece of running text of a block (not to links and code). */
export function blokMet(b: Blok, f: (s: string) => string): Blok {
  switch (b.soort) {
    case 'kop':
      return { ...b, tekst: f(b.tekst) };
    case 'alinea':
      return { ...b, inhoud: celMet([b.inhoud], f)[0]! };
    case 'lijst':
      return { ...b, items: b.items.map((i) => i.map((x) => blokMet(x, f))) };
    case 'tabel':
      return { ...b, ...(b.titel ? { titel: f(b.titel) } : {}), kolommen: b.kolommen.map((k) => ({ ...k, kop: f(k.kop) })), rijen: b.rijen.map((r) => ({ ...r, cellen: r.cellen.map((c) => celMet(c, f)) })) };
    case 'velden':
      return { ...b, rijen: b.rijen.map((r) => ({ label: f(r.label), waarde: celMet(r.waarde, f) })) };
    case 'kader':
      return { ...b, blokken: b.blokken.map((x) => blokMet(x, f)) };
    default:
      return b;
  }
}

/** A model block in the reader's language (see leesbaar); template prose is the region's own and stays as written. */
export function leesbaarBlok(b: Blok): Blok {
  return blokMet(b, leesbaar);
}

/** Numbers every distinct source in the order the tariffs use them. */
export class Bronnen {
  readonly lijst: string[] = [];
  private readonly nummer = new Map<string, number>();
  van(bron: string): number {
    let n = this.nummer.get(bron);
    if (n === undefined) {
      this.lijst.push(bron);
      n = this.lijst.length;
      this.nummer.set(bron, n);
    }
    return n;
  }
}

/** A value without its unit (the unit has its own column): € 72,25 · 1.118,7 · 22 %. */
export function kaleWaarde(d: Decimal, eenheid: string): string {
  if (eenheid.startsWith('euro')) return euro(d);
  if (eenheid === 'uren_per_jaar') return getal(d, 1);
  if (eenheid === 'procent') return `${getal(d, 2)} %`;
  return getal(d, 2);
}

export function eenheidKort(eenheid: string): string {
  return EENHEID_TEKST[eenheid] ?? eenheid.replace(/^euro_per_/, 'per ').replace(/_/g, ' ');
}

/** Short name of a parameter inside a table that already says which product and CAO it is about. */
export function korteNaam(pad: string): string {
  const tabel = /^cao\.[^.]+\.tabel\[([^\]]+)\]\.schaal\[(.+)\]\.trede\[([^\]]+)\]$/.exec(pad);
  if (tabel) return `salaristabel ${tabel[1]}, schaal ${tabel[2]}, trede ${tabel[3]}`;
  const cijfer = /^indexcijfers\.(\d{4})\.(ova|ppc)_(voorlopig|definitief)$/.exec(pad);
  if (cijfer) return `${cijfer[2]!.toUpperCase()} ${cijfer[1]} ${cijfer[3]}`;
  // weights, components and aandelen of one product: the table already names the product
  const index = /^indexcijfers\.producten\.[^.]+\.(?:componenten\.)?(.+)$/.exec(pad);
  if (index) return index[1]!.replace(/[._]/g, ' ');
  return pad
    .replace(/^(cao|productiviteit|producten|indexcijfers)\.[^.]+\./, '')
    .replace(/^aanbieders\.[^.]+\.[^.]+\./, '')
    .replace(/^(opslagen|varianten|inkoop)\./, '')
    .replace(/\./g, ' ');
}

/** One parameter under a step: short name = value · status · vindplaats (a link, when the set is published) · [source number]. */
export function paramRegel(p: ParamGebruik, bronnen: Bronnen, opties: DocumentOpties, naam = korteNaam(p.pad), decimalen = 0): Tekst[] {
  const v = vindplaats(p.bestand, p.regel, opties);
  const bron = `[${bronnen.van(p.bron)}]`;
  return v
    ? [t(`${naam} = ${paramWaarde(p, decimalen)} · ${p.status} · `, { klein: true }), v, t(` · ${bron}`, { klein: true })]
    : [t(`${naam} = ${paramWaarde(p, decimalen)} · ${p.status} · ${bron}`, { klein: true })];
}

/** The name of a parameter in a table of general parameters: its path without the file it comes from, in words. */
export function parameterNaam(pad: string): string {
  return korteNaam(pad);
}

export function uniekeParameters(ps: ParamGebruik[]): ParamGebruik[] {
  const gezien = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.pad}|${p.bestand}|${p.regel}|${p.kolom}`;
    if (gezien.has(k)) return false;
    gezien.add(k);
    return true;
  });
}

/** The legal cost elements of a step, short: Bjw 2.3 a (Besluit Jeugdwet art. 2.3 lid 1 a), Wmo 5.4 c. */
export function kostenelementen(s: Stap): string {
  const kort = s.kostenelementen.map((k) => {
    const m = /^(Besluit Jeugdwet|Wmo) art\. (\S+) lid \d+ ([a-z])/.exec(k);
    return m ? `${m[1] === 'Wmo' ? 'Wmo' : 'Bjw'} ${m[2]} ${m[3]}` : k.replace(/\s*\(.*\)$/, '');
  });
  return [...new Set(kort)].join(', ');
}

/** A table of parameters: name, value, validity, status, file:line and numbered source. */
export function parameterTabel(ps: ParamGebruik[], bronnen: Bronnen, opties: DocumentOpties, naam: (p: ParamGebruik) => string = (p) => parameterNaam(p.pad), titel?: string): Blok {
  const metPlek = !!opties.parametersetUrl;
  return {
    soort: 'tabel',
    klein: true,
    ...(titel ? { titel } : {}),
    kolommen: [
      { kop: 'parameter', breedte: '*' },
      { kop: 'waarde', breedte: 110, rechts: true },
      { kop: 'geldig', breedte: 130 },
      { kop: 'status', breedte: 60 },
      ...(metPlek ? [{ kop: 'vindplaats', breedte: 150 }] : []),
      { kop: 'bron', breedte: 34 },
    ],
    rijen: ps.map((p) => ({
      cellen: [cel(naam(p)), cel(paramWaarde(p)), cel(`${datumKort(p.geldig_van)} t/m ${datumKort(p.geldig_tot)}`), cel(p.status), ...(metPlek ? [vindplaatsCel(p.bestand, p.regel, opties)] : []), cel(`[${bronnen.van(p.bron)}]`)],
    })),
  };
}

/** 2027-01-01 → 1-1-2027, with non-breaking hyphens so that a date never breaks. */
export function datumKort(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}\u2011${Number(m[2])}\u2011${m[1]}` : iso;
}

/** A chain of steps as a table: step (with its cost element), computation with parameters, outcome. */
export function stappenTabel(stappen: Stap[], titel: string, bronnen: Bronnen, opties: DocumentOpties, toon: (p: ParamGebruik) => boolean = () => true, decimalenVan: (p: ParamGebruik) => number = () => 0): Blok {
  const laatste = stappen[stappen.length - 1];
  return {
    soort: 'tabel',
    titel,
    klein: true,
    kolommen: [
      { kop: 'stap', breedte: 150 },
      { kop: 'element', breedte: 50 },
      { kop: `berekening; parameters (${parameterNotatie(opties)})`, breedte: '*' },
      { kop: 'uitkomst', breedte: 92, rechts: true },
    ],
    rijen: stappen.map((s) => ({
      cellen: [
        cel(s.label),
        cel(kostenelementen(s), { klein: true }),
        [[t(s.formule)], ...uniekeParameters(s.parameters.filter(toon)).map((p) => paramRegel(p, bronnen, opties, undefined, decimalenVan(p)))],
        cel(s.eenheid === 'procent' ? kaleWaarde(s.waarde, s.eenheid) : `${kaleWaarde(s.waarde, s.eenheid)} ${eenheidKort(s.eenheid)}`.trim()),
      ],
      ...(s === laatste ? { stijl: 'nadruk' as const } : {}),
    })),
  };
}

export function groepsgrootteOp(p: Product, datum: string): string | undefined {
  if (p.berekening !== 'kostprijs' || !p.groepsgrootte) return undefined;
  const w = waardeOp(p.groepsgrootte, datum);
  return w ? getal(w.waarde, Math.max(0, w.waarde.decimalPlaces())) : undefined;
}

export function eenheidPer(eenheid: string): string {
  return EENHEID_TEKST[`euro_per_${eenheid}`] ?? `per ${eenheid}`;
}
