/** What the publishable documents share: the spec a template fills, cover facts, labels. Pure. */
import type { ParameterSet, Product } from '../../params/types.ts';
import type { ParamGebruik, Stap, Tarief, Tarievenplan } from '../../model/types.ts';
import { PRODUCTEENHEDEN } from '../../params/schema.ts';
import { waardeOp } from '../../params/regels.ts';
import { EENHEID_TEKST, euro, euroTarief, getal } from '../../shared/format.ts';
import { datumTekst } from '../../shared/datum.ts';
import type { Decimal } from '../../shared/decimal.ts';
import { paramWaarde } from '../verklaring.ts';
import { cel, t, type Blok, type Document, type Tekst } from '../document.ts';
import { vergelijkTekst } from '../../shared/sorteer.ts';

export interface DocumentOpties {
  /** Built with --publicatie: no CONCEPT mark. The caller has checked that publication is allowed. */
  publicatie: boolean;
  /** Folder of the set as shown in messages (e.g. models/voorbeeldregio-2027); stripped from file references. */
  setMap?: string;
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
}

/** Replaces every {{blok …}} marker by the model's blocks. */
export function vulIn(blokken: Blok[], spec: DocumentSpec): Blok[] {
  return blokken.flatMap((b): Blok[] => {
    if (b.soort === 'invoegen') return spec.blokken[b.naam]!.maak(b.argument);
    if (b.soort === 'lijst') return [{ ...b, items: b.items.map((i) => vulIn(i, spec)) }];
    if (b.soort === 'kader') return [{ ...b, blokken: vulIn(b.blokken, spec) }];
    return [b];
  });
}

export function toegestaneBlokken(spec: DocumentSpec): Record<string, readonly string[] | null> {
  return Object.fromEntries(Object.entries(spec.blokken).map(([k, v]) => [k, v.argumenten]));
}

export function isConceptSet(plan: Tarievenplan): boolean {
  return plan.tarieven.some((x) => x.status !== 'vastgesteld');
}

/** Cover and metadata facts shared by every document of a set. */
export function kaftgegevens(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): Omit<Document, 'blokken' | 'naam' | 'titel' | 'onderwerp' | 'trefwoorden' | 'inhoudsopgave'> {
  const zwak = plan.tarieven.filter((x) => x.status !== 'vastgesteld').length;
  const statusTekst = opties.publicatie
    ? 'Gepubliceerd met tariefbouw genereer --publicatie: alle gebruikte waarden zijn vastgesteld en hebben een bron, en de controletotalen kloppen.'
    : `CONCEPT, niet publiceren. Dit document is gemaakt zonder --publicatie${zwak ? `; ${zwak} van de ${plan.tarieven.length} tarieven rusten op waarden met status illustratief of voorlopig` : ''}.`;
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

/** Strips the set folder from a file reference: cao/jeugdzorg.yaml:38. */
export function vindplaats(bestand: string, regel: number, opties: DocumentOpties): string {
  const map = opties.setMap ? `${opties.setMap.replace(/\/+$/, '')}/` : undefined;
  return `${map && bestand.startsWith(map) ? bestand.slice(map.length) : bestand}:${regel}`;
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
    .replace(/[._]/g, ' ');
}

/** One parameter under a step: short name = value · status · file:line · [source number]. */
export function paramRegel(p: ParamGebruik, bronnen: Bronnen, opties: DocumentOpties): Tekst[] {
  return [t(`${korteNaam(p.pad)} = ${paramWaarde(p)} · ${p.status} · ${vindplaats(p.bestand, p.regel, opties)} · [${bronnen.van(p.bron)}]`, { klein: true })];
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
export function parameterTabel(ps: ParamGebruik[], bronnen: Bronnen, opties: DocumentOpties, naam: (p: ParamGebruik) => string = (p) => p.pad, titel?: string): Blok {
  return {
    soort: 'tabel',
    klein: true,
    ...(titel ? { titel } : {}),
    kolommen: [
      { kop: 'parameter', breedte: '*' },
      { kop: 'waarde', breedte: 110, rechts: true },
      { kop: 'geldig', breedte: 120 },
      { kop: 'status', breedte: 60 },
      { kop: 'vindplaats', breedte: 150 },
      { kop: 'bron', breedte: 34 },
    ],
    rijen: ps.map((p) => ({ cellen: [cel(naam(p)), cel(paramWaarde(p)), cel(`${p.geldig_van} t/m ${p.geldig_tot}`), cel(p.status), cel(vindplaats(p.bestand, p.regel, opties)), cel(`[${bronnen.van(p.bron)}]`)] })),
  };
}

/** A chain of steps as a table: step (with its cost element), computation with parameters, outcome. */
export function stappenTabel(stappen: Stap[], titel: string, bronnen: Bronnen, opties: DocumentOpties, toon: (p: ParamGebruik) => boolean = () => true): Blok {
  const laatste = stappen[stappen.length - 1];
  return {
    soort: 'tabel',
    titel,
    klein: true,
    kolommen: [
      { kop: 'stap', breedte: 150 },
      { kop: 'element', breedte: 50 },
      { kop: 'berekening; parameters (waarde · status · vindplaats · [bron])', breedte: '*' },
      { kop: 'uitkomst', breedte: 92, rechts: true },
    ],
    rijen: stappen.map((s) => ({
      cellen: [
        cel(s.label),
        cel(kostenelementen(s), { klein: true }),
        [[t(s.formule)], ...uniekeParameters(s.parameters.filter(toon)).map((p) => paramRegel(p, bronnen, opties))],
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
