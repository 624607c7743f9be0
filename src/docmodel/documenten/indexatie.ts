/**
 * indexatie-<jaar>.pdf: what a region sends its providers each indexation round. The method (VNG or NZa,
 * the catch-up, the weights, products with their own weights or in components), the OVA and PPC figures
 * with their sources, the index percentages step by step (I1, I2, …), and per product and variant the old
 * tariff, the index applied and the new tariff. Pure.
 */
import type { IndexComponent, Param, ParameterSet, Product } from '../../params/types.ts';
import type { ParamGebruik, Stap, Tarief, Tarievenplan } from '../../model/types.ts';
import { indexStappen } from '../../model/indexering.ts';
import { bronTekst } from '../../model/gebruik.ts';
import { waardeOp } from '../../params/regels.ts';
import type { Decimal } from '../../shared/decimal.ts';
import { getal } from '../../shared/format.ts';
import { datumTekst } from '../../shared/datum.ts';
import { paramWaarde } from '../verklaring.ts';
import { cel, t, type Blok, type Cel, type Rij, type Tekst } from '../document.ts';
import { algemeneView, Bronnen, contractenView, eenheidTekst, kaftgegevens, perUurBedrag, sorteerVarianten, stappenTabel, tariefBedrag, variantLabel, metSet, paramRegel, zichtbareTarieven, parameterNotatie, vindplaatsCel, type DocumentOpties, type DocumentSpec } from './gemeenschappelijk.ts';
import { vergelijkTekst } from '../../shared/sorteer.ts';

export interface IndexatieOpties extends DocumentOpties {
  /** Name of the set the indexed set builds on, for the text. */
  basisNaam: string;
}

const pct = (d: Decimal, dp = 2) => `${getal(d, dp)} %`;

const CIJFERS = ['ova_voorlopig', 'ova_definitief', 'ppc_voorlopig', 'ppc_definitief', 'inhaal', 'index'] as const;
const CIJFER_TEKST: Record<(typeof CIJFERS)[number], string> = {
  ova_voorlopig: 'OVA (loon), voorlopig',
  ova_definitief: 'OVA (loon), definitief',
  ppc_voorlopig: 'PPC (materieel), voorlopig',
  ppc_definitief: 'PPC (materieel), definitief',
  inhaal: 'inhaal, gepubliceerd',
  index: 'indexpercentage, gepubliceerd',
};

/** One index percentage and the steps that compute it, shared by the products it applies to. */
interface Groep {
  nr: number;
  titel: string;
  stappen: Stap[];
  index: Decimal;
  producten: string[];
}

/** What every part of the overview reads: the round, its tariffs and last year's, and the shared list of sources. */
interface Ronde {
  set: ParameterSet;
  plan: Tarievenplan;
  opties: IndexatieOpties;
  ic: NonNullable<ParameterSet['indexcijfers']>;
  jaar: number;
  basisjaar: number;
  peil: string;
  /** numbered in the order they are first named: figures, weights, steps */
  bronnen: Bronnen;
  /** the products in contract order */
  producten: Product[];
  /** the tariffs a provider sees, per product */
  tarievenVan: Map<string, Tarief[]>;
  /** last year's tariff per product|variant */
  oud: Map<string, Tarief>;
}

export function indexatieSpec(set: ParameterSet, plan: Tarievenplan, basis: Tarievenplan, gegeven: IndexatieOpties): DocumentSpec {
  const opties: IndexatieOpties = { ...gegeven, ...metSet(set, gegeven) };
  const jaar = plan.model.tariefjaar;
  const tarievenVan = new Map<string, Tarief[]>();
  for (const x of zichtbareTarieven(set, plan.tarieven)) tarievenVan.set(x.product, [...(tarievenVan.get(x.product) ?? []), x]);
  const r: Ronde = {
    set,
    plan,
    opties,
    ic: set.indexcijfers!,
    jaar,
    basisjaar: set.indexering?.basisjaar ?? jaar - 1,
    peil: plan.model.peildatum,
    bronnen: new Bronnen(),
    producten: set.contracten.flatMap((c) => set.producten.filter((p) => p.contract === c.id)),
    tarievenVan,
    oud: new Map(basis.tarieven.map((x) => [`${x.product}|${x.variant}`, x])),
  };
  const { lijst, groepVan } = indexGroepen(r);
  // the figures first, so their sources get the first numbers; then the weights, then the steps
  const cijfers = cijferBlok(r, lijst);
  const gewichten = gewichtenDeel(r, lijst, groepVan);
  const berekening = berekeningBlokken(r, lijst);
  const { bronnen } = r;
  return {
    sjabloon: 'indexatie.md.hbs',
    document: documentgegevens(r),
    view: indexatieView(r, lijst, gewichten),
    blokken: {
      briefhoofd: { argumenten: null, maak: () => briefhoofd(r) },
      contact: { argumenten: null, maak: () => contactBlok(r) },
      cijfers: { argumenten: null, maak: () => [cijfers] },
      gewichten: { argumenten: null, maak: () => [gewichten.blok] },
      berekening: { argumenten: null, maak: () => berekening },
      tarieven: { argumenten: set.contracten.map((c) => c.id), maak: (id?: string) => tarievenBlok(r, groepVan, id) },
      bronnen: {
        argumenten: null,
        maak: () => [{ soort: 'tabel', klein: true, kolommen: [{ kop: 'nr', breedte: 30 }, { kop: 'bron', breedte: '*' }], rijen: bronnen.lijst.map((b, i) => ({ cellen: [cel(`[${i + 1}]`), cel(b)] })) }],
      },
    },
  };
}

/** A parameter's value on the round's peildatum, as a step would show it. */
function gebruikOp(r: Ronde, p: Param): ParamGebruik | undefined {
  const w = waardeOp(p, r.peil);
  return w ? { pad: p.pad, waarde: w.waarde, eenheid: p.eenheid, ...w.herkomst, bron: bronTekst(w.bron), status: w.status, geldig_van: w.van, geldig_tot: w.tot } : undefined;
}

/** One parameter as a line in a table cell: its short name, value, status, place and source number. */
function regel(r: Ronde, p: ParamGebruik, naam = p.pad.slice(p.pad.lastIndexOf('.') + 1).replace(/_/g, ' ')): Tekst[] {
  return paramRegel(p, r.bronnen, r.opties, naam, decimalenVan(r, p));
}

/** An index figure (OVA, PPC, inhaal, index) with the decimals of the method everywhere, as in the table of figures. */
function decimalenVan(r: Ronde, p: ParamGebruik): number {
  return /^indexcijfers\.\d{4}\./.test(p.pad) ? r.ic.decimalen : 0;
}

const gewichtTekst = (loon: Decimal, materieel: Decimal) => `loon ${getal(loon, 0)} %, materieel ${getal(materieel, 0)} %`;

/** The index percentages (I1, I2, …): products with the same chain share one; the set's own weights come first. */
function indexGroepen(r: Ronde): { lijst: Groep[]; groepVan: Map<string, Groep> } {
  const groepen = new Map<string, Groep>();
  const groepVan = new Map<string, Groep>();
  for (const p of r.producten) {
    const x = (r.tarievenVan.get(p.code) ?? []).find((y) => indexStappen(y).length);
    if (!x) continue;
    const stappen = indexStappen(x);
    const sleutel = JSON.stringify(stappen.map((s) => [s.stap, s.label, s.formule, s.waarde.toFixed(), s.parameters.map((q) => q.pad)]));
    let g = groepen.get(sleutel);
    if (!g) {
      // copies: the same chain under Jeugdwet and Wmo shows the cost element of both laws
      g = { nr: groepen.size + 1, titel: groepTitel(r, p), stappen: stappen.map((s) => ({ ...s, kostenelementen: [...s.kostenelementen] })), index: stappen[stappen.length - 1]!.waarde, producten: [] };
      groepen.set(sleutel, g);
    } else
      g.stappen.forEach((s, i) => {
        for (const k of stappen[i]!.kostenelementen) if (!s.kostenelementen.includes(k)) s.kostenelementen.push(k);
      });
    g.producten.push(p.code);
    groepVan.set(p.code, g);
  }
  // the set's own weights first (I1), then the products that deviate, in product order
  const lijst = [...groepen.values()].sort((a, b) => Number(b.titel === 'gewichten van de set') - Number(a.titel === 'gewichten van de set') || a.nr - b.nr);
  lijst.forEach((g, i) => (g.nr = i + 1));
  return { lijst, groepVan };
}

function groepTitel(r: Ronde, p: Product): string {
  const afwijking = r.ic.producten.get(p.code);
  if (afwijking?.soort === 'componenten') return `${p.code} ${p.naam} in ${afwijking.componenten.length === 1 ? 'één component' : `${afwijking.componenten.length} componenten`}`;
  if (afwijking?.soort === 'gewichten') return `eigen gewichten van ${p.code} ${p.naam}`;
  return 'gewichten van de set';
}

/** The OVA and PPC figures the index percentages use, by year, with their status and source. */
function cijferBlok(r: Ronde, lijst: Groep[]): Blok {
  const { opties, jaar, bronnen } = r;
  const cijferParams = new Map<string, ParamGebruik>();
  for (const g of lijst) for (const s of g.stappen) for (const p of s.parameters) if (/^indexcijfers\.\d{4}\./.test(p.pad)) cijferParams.set(p.pad, p);
  const cijfers = [...cijferParams.values()].sort((a, b) => vergelijkTekst(a.pad.slice(13, 17), b.pad.slice(13, 17)) || CIJFERS.indexOf(a.pad.slice(18) as never) - CIJFERS.indexOf(b.pad.slice(18) as never));
  return {
    soort: 'tabel',
    klein: true,
    kolommen: [
      { kop: 'jaar', breedte: 36 },
      { kop: 'cijfer', breedte: 130 },
      { kop: 'waarde', breedte: 56, rechts: true },
      { kop: 'gebruikt voor', breedte: 120 },
      { kop: 'status', breedte: 60 },
      ...(opties.parametersetUrl ? [{ kop: 'vindplaats', breedte: '*' as const }] : []),
      { kop: 'bron', breedte: opties.parametersetUrl ? 34 : ('*' as const) },
    ],
    rijen: cijfers.map((p) => {
      const j = Number(p.pad.slice(13, 17));
      return {
        cellen: [cel(String(j)), cel(CIJFER_TEKST[p.pad.slice(18) as (typeof CIJFERS)[number]]), cel(pct(p.waarde, Math.max(r.ic.decimalen, p.waarde.decimalPlaces()))), cel(p.pad.endsWith('.index') ? `indexatie ${jaar}` : j === jaar ? `voorlopige index ${jaar}` : `inhaal ${j}`), cel(p.status), ...(opties.parametersetUrl ? [vindplaatsCel(p.bestand, p.regel, opties)] : []), cel(`[${bronnen.van(p.bron)}]`)],
      };
    }),
  };
}

interface Gewichten {
  blok: Blok;
  setLoon: ParamGebruik | undefined;
  setMaterieel: ParamGebruik | undefined;
  setGroep: Groep | undefined;
  eigenGewichten: Record<string, unknown>[];
  componentProducten: Record<string, unknown>[];
}

/** Which weights each index percentage comes from: the set's, a product's own, or a product's components. */
function gewichtenDeel(r: Ronde, lijst: Groep[], groepVan: Map<string, Groep>): Gewichten {
  const { ic } = r;
  const setLoon = gebruikOp(r, ic.gewichten.loon);
  const setMaterieel = gebruikOp(r, ic.gewichten.materieel);
  const setGroep = lijst.find((g) => g.titel === 'gewichten van de set');
  const eigenGewichten: Record<string, unknown>[] = [];
  const componentProducten: Record<string, unknown>[] = [];
  const gewichtRijen: Rij[] = [];
  if (setLoon && setMaterieel) {
    gewichtRijen.push({
      cellen: [cel(ic.producten.size ? 'alle andere producten' : 'alle producten'), cel('—'), cel('—'), cel(`OVA en PPC, ${gewichtTekst(setLoon.waarde, setMaterieel.waarde)}${setGroep ? ` (I${setGroep.nr})` : ''}`), [regel(r, setLoon), regel(r, setMaterieel)]],
    });
  }
  for (const p of r.producten) {
    const afwijking = ic.producten.get(p.code);
    const g = groepVan.get(p.code);
    if (!afwijking || !g) continue;
    if (afwijking.soort === 'gewichten') {
      const l = gebruikOp(r, afwijking.gewichten.loon);
      const m = gebruikOp(r, afwijking.gewichten.materieel);
      if (!l || !m) continue;
      eigenGewichten.push({ code: p.code, naam: p.naam, loon: l.waarde, materieel: m.waarde, index: g.index, nr: g.nr });
      gewichtRijen.push({ cellen: [cel(`${p.code} ${p.naam}`, { vet: true }), cel('—'), cel('—'), cel(`OVA en PPC, ${gewichtTekst(l.waarde, m.waarde)} (I${g.nr})`), [regel(r, l), regel(r, m)]] });
      continue;
    }
    const c = componentRijen(r, p, afwijking.componenten, g);
    componentProducten.push(c.view);
    gewichtRijen.push(...c.rijen);
  }
  // without components the columns component and aandeel stay empty: leave them out
  const metComponenten = componentProducten.length > 0;
  const blok: Blok = {
    soort: 'tabel',
    klein: true,
    kolommen: [
      { kop: 'geldt voor', breedte: '*' },
      ...(metComponenten ? [{ kop: 'component', breedte: 74 }, { kop: 'aandeel', breedte: 48, rechts: true }] : []),
      { kop: 'index uit', breedte: 190 },
      { kop: `parameters (${parameterNotatie(r.opties)})`, breedte: 250 },
    ],
    rijen: metComponenten ? gewichtRijen : gewichtRijen.map((x) => ({ ...x, cellen: [x.cellen[0]!, ...x.cellen.slice(3)] })),
  };
  return { blok, setLoon, setMaterieel, setGroep, eigenGewichten, componentProducten };
}

/** A product indexed in components: a row per component with its share and index, and a closing row. */
function componentRijen(r: Ronde, p: Product, componenten: IndexComponent[], g: Groep): { view: Record<string, unknown>; rijen: Rij[] } {
  const comps = componenten.map((c) => ({ c, aandeel: gebruikOp(r, c.aandeel), loon: c.gewichten && gebruikOp(r, c.gewichten.loon), materieel: c.gewichten && gebruikOp(r, c.gewichten.materieel), index: c.index && gebruikOp(r, c.index) }));
  const view = {
    code: p.code,
    naam: p.naam,
    index: g.index,
    nr: g.nr,
    componenten: comps.map((x) => ({ naam: x.c.naam, aandeel: x.aandeel?.waarde ?? null, gegeven: !!x.c.index, index: x.index?.waarde ?? null, loon: x.loon?.waarde ?? null, materieel: x.materieel?.waarde ?? null })),
  };
  const rijen: Rij[] = comps.map((x, i) => {
    const uit = x.index ? `gegeven: ${pct(x.index.waarde)}` : x.loon && x.materieel ? `OVA en PPC, ${gewichtTekst(x.loon.waarde, x.materieel.waarde)}` : '—';
    const params = [x.aandeel, x.loon, x.materieel, x.index].filter((q): q is ParamGebruik => !!q);
    return { cellen: [i === 0 ? cel(`${p.code} ${p.naam}`, { vet: true }) : cel(''), cel(x.c.naam), cel(x.aandeel ? pct(x.aandeel.waarde, 0) : '—'), cel(uit), params.map((q) => regel(r, q))] };
  });
  rijen.push({ cellen: [cel(''), cel('samen'), cel('100 %'), cel(`indexpercentage ${pct(g.index)} (I${g.nr})`), cel('Σ aandeel × index ÷ 100', { klein: true })], stijl: 'nadruk' });
  return { view, rijen };
}

/** Per index percentage its steps, and which products it applies to. */
function berekeningBlokken(r: Ronde, lijst: Groep[]): Blok[] {
  return lijst.flatMap((g): Blok[] => {
    const namen = g.producten.map((c) => `${c} ${r.set.producten.find((p) => p.code === c)!.naam}`);
    const geldt =
      g.titel === 'gewichten van de set' && namen.length > 6
        ? `I${g.nr} geldt voor ${r.ic.producten.size ? `de ${namen.length} producten zonder eigen gewichten of componenten` : `alle ${namen.length} geïndexeerde producten`}; de kolom index bij de tarieven noemt bij elk tarief zijn indexpercentage.`
        : `I${g.nr} geldt voor ${namen.length === 1 ? 'het product' : `${namen.length} producten`}: ${namen.join(', ')}.`;
    return [stappenTabel(g.stappen, `I${g.nr} · ${g.titel}: ${pct(g.index)}`, r.bronnen, r.opties, undefined, (p) => decimalenVan(r, p)), { soort: 'alinea', klein: true, inhoud: [t(geldt)] }];
  });
}

/** The tariffs of one contract: one row per product, its variants stacked, last year's and this year's. */
function tarievenBlok(r: Ronde, groepVan: Map<string, Groep>, id?: string): Blok[] {
  const { set, tarievenVan, oud } = r;
  const ps = r.producten.filter((p) => p.contract === id && tarievenVan.has(p.code));
  if (!ps.length) return [];
  const indexCel = (x: Tarief): string => {
    const g = indexStappen(x).length ? groepVan.get(x.product) : undefined;
    if (g) return `${pct(g.index)} (I${g.nr})`;
    if (x.opbouw.some((s) => s.stap === 'pgb_geindexeerd')) return 'via ZIN';
    return '—';
  };
  const minuut = ps.some((p) => tarievenVan.get(p.code)!.some((x) => x.tariefPerUur));
  const rijen: Rij[] = ps.map((p) => {
    const ts = sorteerVarianten(tarievenVan.get(p.code)!);
    const vet = (x: Tarief) => (x.variantSoort === 'basistarief' || x.variantSoort === 'vast' ? { vet: true } : {});
    const kolom = (f: (x: Tarief) => string, extra: (x: Tarief) => Omit<Tekst, 'tekst'> = vet): Cel => ts.map((x) => [t(f(x) || ' ', extra(x))]);
    const vorig = (x: Tarief) => oud.get(`${x.product}|${x.variant}`);
    return {
      cellen: [
        cel(p.code, { vet: true }),
        [[t(p.naam)], [t(eenheidTekst(p), { klein: true })]],
        kolom((x) => variantLabel(set, x)),
        kolom((x) => (vorig(x) ? tariefBedrag(vorig(x)!) : '—')),
        ...(minuut ? [kolom((x) => (vorig(x) ? perUurBedrag(vorig(x)!) : ''))] : []),
        kolom(indexCel),
        kolom(tariefBedrag, () => ({ vet: true })),
        ...(minuut ? [kolom(perUurBedrag)] : []),
        kolom((x) => x.status),
      ],
    };
  });
  return [
    {
      soort: 'tabel',
      klein: true,
      kolommen: [
        { kop: 'code', breedte: 38 },
        { kop: 'product', breedte: '*' },
        { kop: 'variant', breedte: 'auto', geenTerugloop: true },
        { kop: `tarief ${r.basisjaar}`, breedte: 66, rechts: true, geenTerugloop: true },
        ...(minuut ? [{ kop: 'per uur', breedte: 60, rechts: true, geenTerugloop: true }] : []),
        { kop: 'index', breedte: 66, rechts: true, geenTerugloop: true },
        { kop: `tarief ${r.jaar}`, breedte: 66, rechts: true, geenTerugloop: true },
        ...(minuut ? [{ kop: 'per uur', breedte: 60, rechts: true, geenTerugloop: true }] : []),
        { kop: 'status', breedte: 58, geenTerugloop: true },
      ],
      rijen,
    },
  ];
}

/** Cover and metadata of the overview. */
function documentgegevens(r: Ronde): DocumentSpec['document'] {
  const { set, plan, opties, ic, jaar, basisjaar, peil } = r;
  const zwak = plan.tarieven.filter((x) => x.status !== 'vastgesteld').length;
  return {
    ...kaftgegevens(set, plan, opties),
    naam: `indexatie-${jaar}`,
    titel: 'Indexatie van de tarieven',
    ondertitel: `van ${basisjaar} naar ${jaar}`,
    onderwerp: `De tarieven ${basisjaar} geïndexeerd naar ${jaar} (${ic.methode === 'vng' ? 'VNG' : 'NZa'}), met de indexcijfers en hun bron, ${set.regio}`,
    trefwoorden: ['indexatie', 'OVA', 'PPC', ic.methode === 'vng' ? 'VNG' : 'NZa', 'tarieven', set.regio, String(jaar)],
    // the round's own document date (model.yaml), else the date the new tariffs take effect; never the clock
    datum: set.documentdatum ?? peil,
    statusTekst: opties.publicatie
      ? 'Gepubliceerd: alle gebruikte waarden, ook de indexcijfers, zijn vastgesteld en hebben een bron.'
      : `CONCEPT, niet publiceren. Dit overzicht is een concept${zwak ? ': een deel van de waarden waarop de tarieven rusten is nog niet vastgesteld (status illustratief of voorlopig)' : ' en nog niet vastgesteld'}.`,
    inhoudsopgave: true,
    liggend: true,
  };
}

/** What the template indexatie.md.hbs reads. */
function indexatieView(r: Ronde, lijst: Groep[], gewichten: Gewichten): DocumentSpec['view'] {
  const { set, plan, opties, ic, jaar, basisjaar, peil, producten, tarievenVan } = r;
  const d = ic.jaren.get(jaar);
  const v = ic.jaren.get(basisjaar);
  const metTarieven = new Set(producten.filter((p) => tarievenVan.has(p.code)).map((p) => p.contract));
  const brief = set.inkoop?.indexatiebrief;
  return {
    ...algemeneView(set, plan, opties),
    datum: set.documentdatum ?? peil,
    ingang: peil,
    basisjaar,
    basisset: opties.basisNaam,
    methode: { vng: ic.methode === 'vng', nza: ic.methode === 'nza', naam: ic.methode === 'vng' ? 'VNG' : 'NZa' },
    inhaal: { absoluut: ic.inhaal === 'absoluut', relatief: ic.inhaal === 'relatief' },
    decimalen: ic.decimalen,
    // VNG: each part rounded before the sum, or the sum rounded once (the corrected 2025 method)
    afrondingspunt: { perDeel: ic.methode === 'vng' && ic.afrondingspunt === 'per_deel', eind: ic.methode === 'vng' && ic.afrondingspunt === 'eind' },
    gewichten: { loon: gewichten.setLoon?.waarde ?? null, materieel: gewichten.setMaterieel?.waarde ?? null },
    standaardIndex: gewichten.setGroep?.index ?? null,
    standaardNr: gewichten.setGroep?.nr ?? null,
    cijfers: {
      vorig: v
        ? { ovaVoorlopig: v.ovaVoorlopig?.waarde ?? null, ovaDefinitief: v.ovaDefinitief?.waarde ?? null, ppcVoorlopig: v.ppcVoorlopig?.waarde ?? null, ppcDefinitief: v.ppcDefinitief?.waarde ?? null, inhaal: v.inhaal?.waarde ?? null }
        : null,
      dit: d ? { ovaVoorlopig: d.ovaVoorlopig?.waarde ?? null, ppcVoorlopig: d.ppcVoorlopig?.waarde ?? null, index: d.index?.waarde ?? null } : null,
    },
    eigenGewichten: gewichten.eigenGewichten,
    componentProducten: gewichten.componentProducten,
    overgenomen: producten.filter((p) => p.berekening === 'overgenomen' && tarievenVan.has(p.code)).map((p) => `${p.code} ${p.naam}`),
    pgbVolgtZin: plan.tarieven.some((x) => x.opbouw.some((s) => s.stap === 'pgb_geindexeerd')),
    aantalTarieven: zichtbareTarieven(set, plan.tarieven).length,
    aantalProducten: tarievenVan.size,
    aantalIndexpercentages: lijst.length,
    meerdereIndexpercentages: lijst.length > 1,
    contracten: contractenView(set).filter((c) => metTarieven.has(c.id as string)),
    // the letter around the overview, when inkoop.yaml gives one
    brief: brief
      ? { aan: brief.aan, artikel: brief.artikel, reactie: brief.reactie, contactpersoon: brief.contactpersoon.naam, ondertekening: brief.ondertekening ?? set.inkoop?.opdrachtgever ?? `de regio ${set.regio}` }
      : null,
  };
}

/** The head of the letter: to whom, from whom, the date and what it is about (with the article it rests on). */
function briefhoofd(r: Ronde): Blok[] {
  const b = r.set.inkoop?.indexatiebrief;
  if (!b) return [];
  return [
    {
      soort: 'velden',
      rijen: [
        { label: 'Aan', waarde: cel(b.aan) },
        { label: 'Van', waarde: cel(r.set.inkoop?.opdrachtgever ?? `de regio ${r.set.regio}`) },
        { label: 'Datum', waarde: cel(datumTekst(r.set.documentdatum ?? r.peil)) },
        { label: 'Betreft', waarde: cel(`Indexatie van de tarieven ${r.basisjaar} naar ${r.jaar}, op grond van artikel ${b.artikel.id} (${b.artikel.titel}) van de overeenkomst`) },
      ],
    },
  ];
}

/** Who answers questions about the letter. */
function contactBlok(r: Ronde): Blok[] {
  const b = r.set.inkoop?.indexatiebrief;
  if (!b) return [];
  const c = b.contactpersoon;
  return [
    {
      soort: 'velden',
      rijen: [
        { label: 'Contactpersoon', waarde: cel(`${c.naam}${c.functie ? `, ${c.functie}` : ''}`) },
        { label: 'E-mail', waarde: cel(c.email) },
        ...(c.telefoon ? [{ label: 'Telefoon', waarde: cel(c.telefoon) }] : []),
      ],
    },
  ];
}
