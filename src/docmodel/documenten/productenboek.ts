/** productenboek.pdf: per contract, per product all fields and the tariffs per variant. Pure. */
import type { ParameterSet, Product } from '../../params/types.ts';
import type { Tarief, Tarievenplan } from '../../model/types.ts';
import { getal } from '../../shared/format.ts';
import { waardeOp } from '../../params/regels.ts';
import { cel, t, type Blok, type Cel } from '../document.ts';
import {
  algemeneView,
  contractenView,
  eenheidTekst,
  groepsgrootteOp,
  kaftgegevens,
  perUurBedrag,
  sorteerVarianten,
  tariefBedrag,
  variantLabel,
  zichtbareTarieven,
  alleenInAddendum,
  type DocumentOpties,
  type DocumentSpec,
} from './gemeenschappelijk.ts';

const FREQUENTIE: Record<string, string> = { per_dag: 'per dag', per_week: 'per week', per_maand: 'per maand', totaal: 'totaal over de looptijd van de toewijzing' };

/** After the staff mix of a product: whether it binds (see the reading guide of the productenboek). */
const FUNCTIEMIX: Record<'norm' | 'rekenbasis', string> = { norm: ' (norm: ten minste deze inzet)', rekenbasis: ' (rekenbasis van het tarief, geen norm)' };

/** Whether the product's staff mix binds the provider: the product's own choice, else inkoop.yaml's; undefined when the set does not say. */
export function functiemixVan(set: ParameterSet, p: Product): 'norm' | 'rekenbasis' | undefined {
  const eigen = p.velden.functiemix;
  return eigen === 'norm' || eigen === 'rekenbasis' ? eigen : set.inkoop?.functiemix;
}

function inzetTekst(p: Product): string | undefined {
  if (p.berekening === 'overgenomen') return undefined;
  const deel = p.inzet.map((i) => `${getal(i.aantal, Math.max(0, i.aantal.decimalPlaces()))} × ${i.niveau}`).join(' + ');
  if (p.berekening !== 'lumpsum') return `per begeleidingsuur: ${deel}`;
  const rooster = p.rooster.map((r) => `${r.niveau} ${getal(r.uren.reeks[0]!.waarde, 0)} uur per jaar`).join(', ');
  return [rooster ? `rooster: ${rooster}` : '', deel ? `formatie: ${deel} fte` : ''].filter(Boolean).join('; ');
}

function bekostigingTekst(p: Product, datum: string): string {
  if (p.berekening === 'lumpsum') return 'vast bedrag per jaar (lumpsum), niet per cliënt';
  if (p.berekening === 'overgenomen') {
    const w = waardeOp(p.tarief, datum) ?? p.tarief.reeks[0];
    // an illustrative amount has no source to name: say so instead of printing the placeholder's label
    if (!w || w.status === 'illustratief') return 'tarief overgenomen, niet door de regio berekend; het bedrag is nog niet vastgesteld';
    return `tarief overgenomen uit ${w.bron.titel}${w.status === 'voorlopig' ? ' (voorlopig)' : ''}`;
  }
  return 'tarief per geleverde eenheid (p × q)';
}

export function productBlokken(set: ParameterSet, plan: Tarievenplan, p: Product, vanProduct: Tarief[] = plan.tarieven.filter((x) => x.product === p.code)): Blok[] {
  const v = p.velden;
  const tekst = (s: string | undefined): Cel | undefined => (s ? cel(s) : undefined);
  const gg = groepsgrootteOp(p, plan.model.peildatum);
  const inzet = inzetTekst(p);
  const mix = functiemixVan(set, p);
  const rijen: [string, Cel | undefined][] = [
    ['Productcode', [[t(p.code, { vet: true }), t(` · productcategorie ${p.productcategorie} · ${p.wet === 'wmo' ? 'Wmo 2015' : 'Jeugdwet'}`)]]],
    ['Segment', tekst(v.segment)],
    ['Omschrijving', tekst(v.omschrijving)],
    ['Doel', tekst(v.doel)],
    ['Doelgroep', tekst(v.doelgroep)],
    ['Leeftijd', tekst(v.leeftijd)],
    ['Toegang', tekst(v.toegang)],
    ['Inzet en opleidingseisen', inzet || v.opleidingseisen ? [...(inzet ? [[t(inzet + (mix ? FUNCTIEMIX[mix] : ''))]] : []), ...(v.opleidingseisen ? [[t(v.opleidingseisen)]] : [])] : undefined],
    ['Groepsgrootte', gg ? cel(`${gg} cliënten per groep (het tarief is per cliënt)`) : undefined],
    ['Resultaat', tekst(v.resultaat)],
    ['Eenheid', cel(`${eenheidTekst(p)} (iStandaard-eenheid ${p.eenheidCode})${v.frequentie ? `, frequentie ${FREQUENTIE[v.frequentie] ?? v.frequentie}` : ''}${p.eenheid === 'minuut' && set.inkoop?.directeTijd ? '; gedeclareerd wordt de directe tijd (zie Hoe leest u een product?)' : ''}`)],
    ['Volumenorm', tekst(v.volumenorm)],
    ['Starttermijn', tekst(v.starttermijn)],
    ['Stapelbaarheid', tekst(v.stapelbaarheid)],
    ['Uitsluitingen', tekst(v.uitsluitingen)],
    ['Bekostiging', cel(bekostigingTekst(p, plan.model.peildatum))],
    ['Toelichting', tekst(v.toelichting)],
  ];
  const tarieven = sorteerVarianten(zichtbareTarieven(set, vanProduct));
  const minuut = tarieven.some((x) => x.tariefPerUur);
  const aanbieders = set.aanbieders.filter((a) => a.producten.some((x) => x.code === p.code));
  const blokken: Blok[] = [
    { soort: 'kop', niveau: 2, tekst: `${p.code} ${p.naam}`, inhoud: true },
    { soort: 'velden', rijen: rijen.filter((r): r is [string, Cel] => r[1] !== undefined).map(([label, waarde]) => ({ label, waarde })) },
    {
      soort: 'tabel',
      titel: `Tarieven ${p.code} ${plan.model.tariefjaar}`,
      kolommen: [
        { kop: 'variant', breedte: '*' },
        { kop: `tarief per ${p.eenheid === 'jaar' ? 'jaar' : eenheidTekst(p)}`, breedte: 100, rechts: true },
        ...(minuut ? [{ kop: 'per uur', breedte: 70, rechts: true }] : []),
        { kop: 'status', breedte: 62 },
      ],
      rijen: tarieven.map((x) => ({
        cellen: [cel(variantLabel(set, x)), cel(tariefBedrag(x)), ...(minuut ? [cel(perUurBedrag(x))] : []), cel(x.status)],
        ...(x.variantSoort === 'basistarief' || x.variantSoort === 'vast' ? { stijl: 'nadruk' as const } : {}),
      })),
    },
  ];
  if (aanbieders.length && alleenInAddendum(set)) {
    blokken.push({ soort: 'alinea', klein: true, inhoud: [t(`Voor dit product geldt een aanbieder-specifiek tarief voor ${aanbieders.map((a) => a.naam).join(', ')}; zie het addendum bij die overeenkomst.`)] });
  }
  return blokken;
}

export function productenboekSpec(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): DocumentSpec {
  const contracten = contractenView(set);
  const pgb = set.varianten.pgb?.soorten ?? [];
  const perProduct = new Map<string, Tarief[]>();
  for (const x of plan.tarieven) perProduct.set(x.product, [...(perProduct.get(x.product) ?? []), x]);
  return {
    sjabloon: 'productenboek.md.hbs',
    document: {
      ...kaftgegevens(set, plan, opties),
      naam: 'productenboek',
      titel: 'Productenboek',
      onderwerp: `Producten, eenheden en tarieven jeugdhulp en Wmo-ondersteuning ${set.regio} ${plan.model.tariefjaar}`,
      trefwoorden: ['productenboek', 'Jeugdwet', 'Wmo 2015', 'tarieven', set.regio, String(plan.model.tariefjaar)],
      inhoudsopgave: true,
    },
    view: {
      ...algemeneView(set, plan, opties),
      aantalProducten: set.producten.length,
      aantalContracten: set.contracten.length,
      contracten,
      basistarief: set.varianten.basistarief,
      microOnderneming: Boolean(set.varianten.micro),
      microPerCao: set.varianten.micro === 'per_cao',
      pgb: pgb.map((s) => ({ naam: s.naam, id: s.id })),
      aanbiederSpecifiek: set.aanbieders.length > 0 && alleenInAddendum(set),
      // the definition of directe tijd, when the set has minute products and gives one
      directeTijd: (set.producten.some((p) => p.eenheid === 'minuut') && set.inkoop?.directeTijd) || '',
      functiemixNorm: set.inkoop?.functiemix === 'norm',
      functiemixRekenbasis: set.inkoop?.functiemix === 'rekenbasis',
      functiemixPerProduct: set.producten.some((p) => p.velden.functiemix && p.velden.functiemix !== set.inkoop?.functiemix),
    },
    blokken: {
      producten: {
        argumenten: set.contracten.map((c) => c.id),
        maak: (id) => set.producten.filter((p) => p.contract === id).flatMap((p) => productBlokken(set, plan, p, perProduct.get(p.code) ?? [])),
      },
    },
  };
}
