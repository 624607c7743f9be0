/**
 * Route 1 of an indexation round: last year's tariffs × (1 + index), rounded
 * by each product's rule. The opbouw keeps last year's steps and adds the
 * index with the OVA/PPC figures it used. Pure.
 *
 * The round runs in named stages:
 *  1. `ontbrekendeCijfers`: which index figures the round needs and lacks (all at once);
 *  2. `maakRonde`: the figures of the two years as parameters, the calculator input and the expression helpers;
 *  3. `productIndex`: per product the index percentage and the steps that compute it (VNG, NZa, published, components);
 *  4. `indexeerTarief` / `overgenomenTarief`: a tariff × (1 + index), rounded by its rule (or not indexed at all);
 *  5. `pgbVolgtZin`: a pgb tariff that is a percentage of ZIN follows the indexed ZIN tariff.
 */
import { Decimal, HONDERD } from '../shared/decimal.ts';
import { getal } from '../shared/format.ts';
import type * as T from '../params/types.ts';
import { waardeOp } from '../params/regels.ts';
import { rondAf } from './afronding.ts';
import { E, hernoemStappen, type Expr } from './expressie.ts';
import { berekenComponentIndex, berekenIndex, type IndexInvoer, type IndexUitkomst } from './indexcijfers.ts';
import { afrondExpr, bronTekst, keuzeGebruik, minuutStap, regelGebruik, zwaksteStatus } from './gebruik.ts';
import type { ModelProbleem, ParamGebruik, Stap, Tarief } from './types.ts';

function cijferRef(c: T.Indexcijfer, jaar: number): ParamGebruik {
  return { pad: c.pad, waarde: c.waarde, eenheid: 'procent', ...c.herkomst, bron: bronTekst(c.bron), status: c.status, geldig_van: `${jaar}-01-01`, geldig_tot: `${jaar}-12-31` };
}

function pct(d: Decimal, dp = 2): string {
  return `${getal(d, dp)} %`;
}

/** The steps an indexation round adds to a tariff. */
const RONDESTAP = /^(index_voorlopig|index_inhaal|index_vorig_voorlopig|index_vorig_definitief|index_loon|index_materieel|index_component\..+|indexpercentage|geindexeerd|afronding_geindexeerd|minuut_geindexeerd|zin_geindexeerd|pgb_geindexeerd|indexering)$/;

/**
 * A tariff of a round built on a round already carries that round's steps: they keep their place in the
 * opbouw under the name of their year (indexpercentage_2027), so the new round's steps have the plain names.
 */
function vorigeRonde(t: Tarief, jaar: number): Tarief {
  if (!t.opbouw.some((s) => RONDESTAP.test(s.stap))) return t;
  const naam = (stap: string) => (RONDESTAP.test(stap) ? `${stap}_${jaar}` : stap);
  return { ...t, opbouw: t.opbouw.map((s) => ({ ...s, stap: naam(s.stap), expr: hernoemStappen(s.expr, naam) })) };
}

/** The result of the round: the indexed tariffs (in the order of the base plan), or the problems. */
export interface Indexering {
  tarieven: Tarief[];
  problemen: ModelProbleem[];
}

export function indexeerTarieven(set: T.ParameterSet, vorigJaar: Tarief[], peildatum: string): Indexering {
  const ic = set.indexcijfers;
  const jaar = set.tariefjaar;
  const basis = vorigJaar.map((t) => vorigeRonde(t, jaar - 1));
  if (!ic) {
    const plek = { bestand: 'model.yaml', regel: 1, kolom: 1 };
    return { tarieven: [], problemen: [{ ...plek, melding: 'de set wordt geïndexeerd, maar er zijn geen indexcijfers', verwacht: 'een bestand indexcijfers.yaml in de set of een basisset', hint: 'voeg de OVA- en PPC-cijfers met hun bron toe' }] };
  }
  const ontbreekt = ontbrekendeCijfers(set, ic);
  if (ontbreekt.length) return { tarieven: [], problemen: ontbreekt };
  const ronde = maakRonde(set, ic, peildatum);

  const perProduct = new Map<string, ProductIndex | undefined>();
  const uit: Tarief[] = [];
  const pgbLater: Tarief[] = [];
  for (const t of basis) {
    const gevonden = set.producten.find((p) => p.code === t.product);
    if (volgtZin(t, gevonden)) {
      pgbLater.push(t);
      continue;
    }
    const product = gevonden!;
    if (product.berekening === 'overgenomen') {
      uit.push(overgenomenTarief(t));
      continue;
    }
    if (!perProduct.has(t.product)) perProduct.set(t.product, productIndex(ronde, t.product, t.wet));
    const idx = perProduct.get(t.product);
    if (idx) uit.push(indexeerTarief(ronde, t, product, idx));
  }
  for (const t of pgbLater) {
    const pgb = pgbVolgtZin(ronde, t, uit);
    if (pgb) uit.push(pgb);
  }
  // keep the order of the base plan
  const volgorde = new Map(basis.map((t, i) => [`${t.product}/${t.variant}`, i]));
  uit.sort((a, b) => volgorde.get(`${a.product}/${a.variant}`)! - volgorde.get(`${b.product}/${b.variant}`)!);
  return { tarieven: uit, problemen: ronde.problemen };
}

// --- Stage 1: the figures the round needs ------------------------------------------------------------------------

/** Which figures the round lacks for the products it has: this year's block, provisional figures, last year's definitive ones. */
function ontbrekendeCijfers(set: T.ParameterSet, ic: T.Indexcijfers): ModelProbleem[] {
  const problemen: ModelProbleem[] = [];
  const jaar = set.tariefjaar;
  const dit = ic.jaren.get(jaar);
  const vorig = ic.jaren.get(jaar - 1);
  const heeftVoorlopig = !!(dit?.ovaVoorlopig && dit.ppcVoorlopig);
  const heeftVorig = heeftDefinitief(vorig);
  // Products with the set's weights can use a published index (of this year) or catch-up (over last year);
  // products with their own weights, or components with weights, are computed from OVA and PPC.
  const metSetGewichten = set.producten.some((p) => p.berekening !== 'overgenomen' && !ic.producten.has(p.code));
  const metEigenGewichten = [...ic.producten.values()].some((a) => a.soort === 'gewichten' || a.componenten.some((c) => c.gewichten));
  if (!dit) problemen.push({ ...ic.herkomst, melding: `indexcijfers voor ${jaar} ontbreken`, verwacht: `een blok cijfers met jaar: ${jaar} (voorlopige OVA en PPC, of een gepubliceerd indexpercentage)`, gevonden: `jaren ${[...ic.jaren.keys()].join(', ') || '(geen)'}`, hint: 'neem de voorlopige cijfers over uit de publicatie van NZa of VNG, met bron' });
  // this year's provisional figures: needed for weights of their own; for the set's weights a published index will do
  if (dit && !heeftVoorlopig && (metEigenGewichten || (metSetGewichten && !dit.index)))
    problemen.push({ ...dit.herkomst, melding: `voorlopige indexcijfers voor ${jaar} ontbreken`, verwacht: `ova_voorlopig en ppc_voorlopig in het blok voor ${jaar}`, gevonden: dit.index ? 'alleen een gepubliceerd indexpercentage, dat alleen geldt voor producten met de gewichten van de set' : 'niet allebei', hint: 'producten met eigen gewichten rekenen met OVA en PPC' });
  // last year's definitive figures: needed for weights of their own; for the set's weights a published catch-up or
  // index will do (and without this year's block there is neither)
  if (!heeftVorig && (metEigenGewichten || (!vorig?.inhaal && !dit?.index && (metSetGewichten || !dit))))
    problemen.push({
      ...(vorig?.herkomst ?? ic.herkomst),
      melding: `definitieve indexcijfers voor ${jaar - 1} ontbreken`,
      verwacht: `ova_definitief en ppc_definitief in het blok voor ${jaar - 1}${metEigenGewichten ? '' : ', of de gepubliceerde inhaal (inhaal) of het gepubliceerde indexpercentage van ' + jaar + ' (index)'}`,
      gevonden: vorig ? (vorig.inhaal ? 'alleen een gepubliceerde inhaal, die alleen geldt voor producten met de gewichten van de set' : 'alleen voorlopige cijfers') : `geen blok voor ${jaar - 1}`,
      hint: 'de inhaal over het vorige jaar vraagt de definitieve cijfers',
    });
  return problemen;
}

function heeftDefinitief(vorig: T.IndexJaar | undefined): boolean {
  return !!(vorig?.ovaVoorlopig && vorig.ovaDefinitief && vorig.ppcVoorlopig && vorig.ppcDefinitief);
}

// --- Stage 2: the round's figures, input and expression helpers --------------------------------------------------

/** The figures of the two years as parameters of the opbouw (undefined where the round does not have them). */
interface Cijferrefs {
  ovaV: ParamGebruik;
  ovaD: ParamGebruik;
  ppcV: ParamGebruik;
  ppcD: ParamGebruik;
  ovaT: ParamGebruik;
  ppcT: ParamGebruik;
}

/** Everything the later stages share: the set, the figures, the input of the calculator and the problems found. */
interface Ronde {
  set: T.ParameterSet;
  ic: T.Indexcijfers;
  jaar: number;
  peildatum: string;
  /** last year's block (the catch-up) and this year's (the provisional index) */
  vorig: T.IndexJaar | undefined;
  dit: T.IndexJaar;
  heeftVorig: boolean;
  r: Cijferrefs;
  /** the calculator input without the weights (indexcijfers.ts computes the same figures as the steps show) */
  invoer: Omit<IndexInvoer, 'loon' | 'materieel'>;
  /** VNG with each part rounded */
  perDeel: boolean;
  /** the choice indexcijfers.afrondingspunt as a parameter of the step that rounds */
  punt: ParamGebruik;
  dp: Expr;
  /** values without a value on the peildatum (each reported once) */
  problemen: ModelProbleem[];
  gemeld: Set<T.Param>;
}

function maakRonde(set: T.ParameterSet, ic: T.Indexcijfers, peildatum: string): Ronde {
  const jaar = set.tariefjaar;
  const v = ic.jaren.get(jaar - 1);
  const d = ic.jaren.get(jaar)!;
  const heeftVorig = heeftDefinitief(v);
  const ref = (c: T.Indexcijfer | undefined, j: number) => (c ? cijferRef(c, j) : undefined);
  const nul = new Decimal(0);
  return {
    set,
    ic,
    jaar,
    peildatum,
    vorig: v,
    dit: d,
    heeftVorig,
    r: {
      ovaV: ref(v?.ovaVoorlopig, jaar - 1)!,
      ovaD: ref(v?.ovaDefinitief, jaar - 1)!,
      ppcV: ref(v?.ppcVoorlopig, jaar - 1)!,
      ppcD: ref(v?.ppcDefinitief, jaar - 1)!,
      ovaT: ref(d.ovaVoorlopig, jaar)!,
      ppcT: ref(d.ppcVoorlopig, jaar)!,
    },
    invoer: {
      methode: ic.methode,
      inhaal: ic.inhaal,
      afrondingspunt: ic.afrondingspunt,
      vorigJaar: { ovaVoorlopig: v?.ovaVoorlopig?.waarde ?? nul, ppcVoorlopig: v?.ppcVoorlopig?.waarde ?? nul, ...(heeftVorig ? { ovaDefinitief: v!.ovaDefinitief!.waarde, ppcDefinitief: v!.ppcDefinitief!.waarde } : {}) },
      ditJaar: { ovaVoorlopig: d.ovaVoorlopig?.waarde ?? nul, ppcVoorlopig: d.ppcVoorlopig?.waarde ?? nul },
      decimalen: ic.decimalen,
    },
    perDeel: ic.methode === 'vng' && ic.afrondingspunt === 'per_deel',
    punt: keuzeGebruik('indexcijfers.afrondingspunt', ic.afrondingspunt, ic.afrondingspuntHerkomst ?? ic.herkomst, peildatum),
    dp: E.getal(ic.decimalen),
    problemen: [],
    gemeld: new Set(),
  };
}

/** A weight or share as it holds on the peildatum; a missing value is a problem (once per parameter). */
function gebruik(ronde: Ronde, p: T.Param): ParamGebruik | undefined {
  const { peildatum, jaar } = ronde;
  const w = waardeOp(p, peildatum);
  if (!w) {
    if (!ronde.gemeld.has(p))
      ronde.problemen.push({
        ...p.herkomst,
        melding: `${p.pad} heeft geen waarde die geldt op ${peildatum}`,
        verwacht: `een waarde met geldig_van ≤ ${peildatum} ≤ geldig_tot`,
        gevonden: p.reeks.map((x) => `${x.van} t/m ${x.tot}`).join(', '),
        hint: p.pad.endsWith('.index')
          ? `voeg het indexpercentage van dit component voor ${jaar} toe, met bron (met een reeks blijven de cijfers van eerdere jaren staan)`
          : 'verleng de geldigheid van de gewichten of voeg een waarde toe',
      });
    ronde.gemeld.add(p);
    return undefined;
  }
  return { pad: p.pad, waarde: w.waarde, eenheid: p.eenheid, ...w.herkomst, bron: bronTekst(w.bron), status: w.status, geldig_van: w.van, geldig_tot: w.tot };
}

const P = E.param;
/** wl × ova + wm × ppc, in percent */
const gewogen = (wl: ParamGebruik, wm: ParamGebruik, ova: Expr, ppc: Expr) => E.deel(E.plus(E.maal(P(wl), ova), E.maal(P(wm), ppc)), E.getal(100));
/** the relative difference of two percentages: (1 + a) ÷ (1 + b) − 1 */
const relatief = (a: Expr, b: Expr) => E.maal(E.minus(E.deel(E.plus(E.getal(100), a), E.plus(E.getal(100), b)), E.getal(1)), E.getal(100));
/** two percentages chained: (1 + a) × (1 + b) − 1 */
const keten = (a: Expr, b: Expr) => E.minus(E.deel(E.maal(E.plus(E.getal(100), a), E.plus(E.getal(100), b)), E.getal(100)), E.getal(100));
/** the catch-up: definitive minus provisional, absolute or relative as the set says */
const verschil = (ronde: Ronde, a: Expr, b: Expr) => (ronde.ic.inhaal === 'absoluut' ? E.minus(a, b) : relatief(a, b));
const ketenLoon = (ronde: Ronde) => keten(verschil(ronde, P(ronde.r.ovaD), P(ronde.r.ovaV)), P(ronde.r.ovaT));
const ketenMaterieel = (ronde: Ronde) => keten(verschil(ronde, P(ronde.r.ppcD), P(ronde.r.ppcV)), P(ronde.r.ppcT));
const gewTekst = (wl: ParamGebruik, wm: ParamGebruik) => `loon ${wl.waarde.toFixed()} %, materieel ${wm.waarde.toFixed()} %`;
const inhaalSoort = (ronde: Ronde) => (ronde.ic.inhaal === 'absoluut' ? 'verschil in procentpunten' : 'relatief verschil');
/** an unrounded intermediate value, with enough decimals to see what the rounding does */
const exact = (ronde: Ronde, x: Decimal) => `${getal(x, Math.max(ronde.ic.decimalen + 2, Math.min(6, x.decimalPlaces())))} %`;
const afgerondTekst = (ronde: Ronde, x: Decimal, y: Decimal) => (ronde.perDeel ? `${exact(ronde, x)}, afgerond op ${ronde.ic.decimalen} decimalen: ${pct(y)}` : `${exact(ronde, x)}, niet afgerond`);
const stapVan = (s: Omit<Stap, 'kostenelementen' | 'eenheid'> & { kostenelementen?: string[] }): Stap => ({ kostenelementen: [], eenheid: 'procent', ...s });

// --- Stage 3: the index of a product -----------------------------------------------------------------------------

/** The index steps of one product (the same for all its variants) and the percentage applied. */
interface ProductIndex {
  index: Decimal;
  stappen: Stap[];
}

function productIndex(ronde: Ronde, code: string, wet: Tarief['wet']): ProductIndex | undefined {
  const { ic, dit: d, vorig: v, jaar } = ronde;
  const el = wet === 'wmo' ? 'Wmo art. 5.4 lid 3 e (indexatie)' : 'Besluit Jeugdwet art. 2.3 lid 1 d (indexering)';
  const afwijking = ic.producten.get(code);
  if (afwijking?.soort === 'componenten') return componentenIndex(ronde, afwijking, el);
  // the set's weights: a published index of this year applies as it is
  if (!afwijking && d.index) return gepubliceerdeIndex(ronde, d.index, el);
  const g = afwijking?.soort === 'gewichten' ? afwijking.gewichten : ic.gewichten;
  const wl = gebruik(ronde, g.loon);
  const wm = gebruik(ronde, g.materieel);
  if (!wl || !wm) return undefined;
  // a published catch-up is a weighted figure: it holds for the set's weights only
  // (given explicitly, it goes before a catch-up computed from definitive figures)
  const gepubliceerd = !afwijking && v?.inhaal ? cijferRef(v.inhaal, jaar - 1) : undefined;
  const u = berekenIndex({ ...ronde.invoer, loon: wl.waarde, materieel: wm.waarde, ...(gepubliceerd ? { gepubliceerdeInhaal: gepubliceerd.waarde } : {}) });
  if (ic.methode === 'vng') return vngIndex(ronde, wl, wm, u, gepubliceerd, el);
  if (gepubliceerd) return nzaGepubliceerdeInhaal(ronde, wl, wm, u, gepubliceerd, el);
  return nzaIndex(ronde, wl, wm, u, el);
}

/** A product whose tariff consists of components, each with its own weights or a given index: Σ aandeel × index. */
function componentenIndex(ronde: Ronde, afwijking: Extract<T.IndexProduct, { soort: 'componenten' }>, el: string): ProductIndex | undefined {
  const { ic, jaar, perDeel, dp } = ronde;
  const delen = afwijking.componenten.map((c) => ({
    c,
    aandeel: gebruik(ronde, c.aandeel),
    wl: c.gewichten && gebruik(ronde, c.gewichten.loon),
    wm: c.gewichten && gebruik(ronde, c.gewichten.materieel),
    index: c.index && gebruik(ronde, c.index),
  }));
  if (delen.some((x) => !x.aandeel || (x.c.gewichten ? !x.wl || !x.wm : !x.index))) return undefined;
  const u = berekenComponentIndex(
    ronde.invoer,
    delen.map((x) => (x.index ? { naam: x.c.naam, aandeel: x.aandeel!.waarde, index: x.index.waarde } : { naam: x.c.naam, aandeel: x.aandeel!.waarde, loon: x.wl!.waarde, materieel: x.wm!.waarde })),
  );
  const stappen: Stap[] = ic.methode === 'nza' && delen.some((x) => !x.index) ? nzaKetens(ronde) : [];
  delen.forEach((x, i) => {
    const cu = u.componenten[i]!;
    const id = `index_component.${x.c.naam}`;
    if (x.index) {
      stappen.push(stapVan({ stap: id, label: `Index ${x.c.naam} ${jaar} (gegeven percentage)`, formule: `indexpercentage ${x.c.naam} ${jaar} uit de bron: ${pct(x.index.waarde)}`, waarde: cu.index, parameters: [x.index], expr: P(x.index) }));
    } else if (ic.methode === 'vng') {
      const cv = cu.uitkomst!;
      const voor = `index_component.${x.c.naam}.`;
      stappen.push(...vngStappen(ronde, x.wl!, x.wm!, cv, undefined, voor));
      stappen.push(
        stapVan({
          stap: id,
          label: `Index ${x.c.naam} ${jaar} (VNG, ${gewTekst(x.wl!, x.wm!)})`,
          formule: perDeel ? `inhaal ${pct(cv.inhaal)} + voorlopige index ${pct(cv.voorlopig)}, elk deel afgerond` : `inhaal + voorlopige index = ${exact(ronde, cv.onafgerond)}, niet afgerond (het product rondt één keer af)`,
          waarde: cu.index,
          parameters: [ronde.punt],
          expr: E.plus(E.stap(`${voor}index_inhaal`), E.stap(`${voor}index_voorlopig`)),
        }),
      );
    } else {
      stappen.push(
        stapVan({
          stap: id,
          label: `Index ${x.c.naam} ${jaar} (NZa, ${gewTekst(x.wl!, x.wm!)})`,
          formule: `index loon en index materieel gewogen, niet afgerond`,
          waarde: cu.index,
          parameters: [x.wl!, x.wm!],
          expr: gewogen(x.wl!, x.wm!, ketenLoon(ronde), ketenMaterieel(ronde)),
        }),
      );
    }
  });
  stappen.push(
    stapVan({
      stap: 'indexpercentage',
      label: `Indexatie ${jaar} (${ic.methode === 'vng' ? 'VNG' : 'NZa'}, ${delen.length === 1 ? 'één component' : `${delen.length} componenten`} naar aandeel)`,
      formule: `Σ aandeel × index: ${delen.map((x, i) => `${x.aandeel!.waarde.toFixed().replace('.', ',')} % × ${pct(u.componenten[i]!.index, !x.index && !perDeel ? 4 : 2)} (${x.c.naam})`).join(' + ')}, afgerond op ${ic.decimalen} decimalen`,
      waarde: u.index,
      parameters: delen.map((x) => x.aandeel!),
      kostenelementen: [el],
      expr: E.fn('ROUND', E.deel(E.som(delen.map((x) => E.maal(P(x.aandeel!), E.stap(`index_component.${x.c.naam}`)))), E.getal(100)), dp),
    }),
  );
  return { index: u.index, stappen };
}

/** The index of this year as the source publishes it (catch-up included), for the products with the set's weights. */
function gepubliceerdeIndex(ronde: Ronde, index: T.Indexcijfer, el: string): ProductIndex {
  const { jaar } = ronde;
  const gegeven = cijferRef(index, jaar);
  return {
    index: index.waarde,
    stappen: [
      stapVan({
        stap: 'indexpercentage',
        label: `Indexatie ${jaar} (gepubliceerd indexpercentage)`,
        formule: `het indexpercentage ${jaar} zoals de bron het publiceert, met de inhaal erin: ${pct(index.waarde, Math.max(2, index.waarde.decimalPlaces()))}`,
        waarde: index.waarde,
        parameters: [gegeven],
        kostenelementen: [el],
        expr: P(gegeven),
      }),
    ],
  };
}

/** VNG: the catch-up and the provisional index (vngStappen), and their sum rounded per part or once at the end. */
function vngIndex(ronde: Ronde, wl: ParamGebruik, wm: ParamGebruik, u: IndexUitkomst, gepubliceerd: ParamGebruik | undefined, el: string): ProductIndex {
  const { jaar, perDeel, dp } = ronde;
  const somExpr = E.plus(E.stap('index_inhaal'), E.stap('index_voorlopig'));
  const som = perDeel
    ? { formule: `inhaal ${pct(u.inhaal)} + voorlopige index ${pct(u.voorlopig)}, elk deel al afgerond`, expr: somExpr }
    : { formule: `inhaal + voorlopige index = ${exact(ronde, u.onafgerond)}, één keer afgerond op ${ronde.ic.decimalen} decimalen`, expr: E.fn('ROUND', somExpr, dp) };
  const puntTekst = perDeel ? 'elk deel afgerond' : 'één keer afgerond aan het eind';
  return {
    index: u.index,
    stappen: [
      ...vngStappen(ronde, wl, wm, u, gepubliceerd),
      stapVan({ stap: 'indexpercentage', label: `Indexatie ${jaar} (VNG: inhaal plus voorlopige index, ${puntTekst})`, formule: som.formule, waarde: u.index, parameters: [ronde.punt], kostenelementen: [el], expr: som.expr }),
    ],
  };
}

/**
 * VNG for one pair of weights: the weighted totals of last year (unrounded), the catch-up and this year's provisional
 * index (rounded per part, or not). `voor` prefixes the step names of a component.
 */
function vngStappen(ronde: Ronde, wl: ParamGebruik, wm: ParamGebruik, u: IndexUitkomst, gepubliceerd: ParamGebruik | undefined, voor = ''): Stap[] {
  const { jaar, perDeel, dp, r, ic } = ronde;
  const v = ronde.vorig;
  const d = ronde.dit;
  const gew = gewTekst(wl, wm);
  const uit: Stap[] = [];
  if (gepubliceerd) {
    uit.push(
      stapVan({
        stap: `${voor}index_inhaal`,
        label: `Inhaal ${jaar - 1} (gepubliceerd)`,
        formule: `de inhaal zoals de bron haar publiceert: ${afgerondTekst(ronde, u.inhaalOnafgerond, u.inhaal)}`,
        waarde: u.inhaal,
        parameters: [gepubliceerd],
        expr: perDeel ? E.fn('ROUND', P(gepubliceerd), dp) : P(gepubliceerd),
      }),
    );
  } else {
    uit.push(
      stapVan({
        stap: `${voor}index_vorig_voorlopig`,
        label: `Voorlopige index ${jaar - 1}, gewogen (${gew})`,
        formule: `${wl.waarde.toFixed()} % × OVA ${pct(v!.ovaVoorlopig!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(v!.ppcVoorlopig!.waarde)} = ${exact(ronde, u.vorigVoorlopig!)}, niet afgerond`,
        waarde: u.vorigVoorlopig!,
        parameters: [wl, wm, r.ovaV, r.ppcV],
        expr: gewogen(wl, wm, P(r.ovaV), P(r.ppcV)),
      }),
      stapVan({
        stap: `${voor}index_vorig_definitief`,
        label: `Definitieve index ${jaar - 1}, gewogen (${gew})`,
        formule: `${wl.waarde.toFixed()} % × OVA ${pct(v!.ovaDefinitief!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(v!.ppcDefinitief!.waarde)} = ${exact(ronde, u.vorigDefinitief!)}, niet afgerond`,
        waarde: u.vorigDefinitief!,
        parameters: [wl, wm, r.ovaD, r.ppcD],
        expr: gewogen(wl, wm, P(r.ovaD), P(r.ppcD)),
      }),
    );
    const ruw = verschil(ronde, E.stap(`${voor}index_vorig_definitief`), E.stap(`${voor}index_vorig_voorlopig`));
    uit.push(
      stapVan({
        stap: `${voor}index_inhaal`,
        label: `Inhaal ${jaar - 1}: definitief minus voorlopig (${inhaalSoort(ronde)})`,
        formule: `${ic.inhaal === 'absoluut' ? `${exact(ronde, u.vorigDefinitief!)} − ${exact(ronde, u.vorigVoorlopig!)}` : `(1 + ${exact(ronde, u.vorigDefinitief!)}) ÷ (1 + ${exact(ronde, u.vorigVoorlopig!)}) − 1`} = ${afgerondTekst(ronde, u.inhaalOnafgerond, u.inhaal)}`,
        waarde: u.inhaal,
        parameters: [],
        expr: perDeel ? E.fn('ROUND', ruw, dp) : ruw,
      }),
    );
  }
  const vrl = gewogen(wl, wm, P(r.ovaT), P(r.ppcT));
  uit.push(
    stapVan({
      stap: `${voor}index_voorlopig`,
      label: `Voorlopige index ${jaar} (${gew})`,
      formule: `${wl.waarde.toFixed()} % × OVA ${pct(d.ovaVoorlopig!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(d.ppcVoorlopig!.waarde)} = ${afgerondTekst(ronde, u.voorlopigOnafgerond, u.voorlopig)}`,
      waarde: u.voorlopig,
      parameters: [wl, wm, r.ovaT, r.ppcT],
      expr: perDeel ? E.fn('ROUND', vrl, dp) : vrl,
    }),
  );
  return uit;
}

/** NZa: the chained index per component of OVA and PPC, shown rounded; the weighted index uses them unrounded. */
function nzaKetens(ronde: Ronde): Stap[] {
  const { jaar, r, dp } = ronde;
  const v = ronde.vorig!;
  const d = ronde.dit;
  // the chains do not depend on the weights
  const u = berekenIndex({ ...ronde.invoer, loon: HONDERD, materieel: new Decimal(0) });
  return [
    stapVan({
      stap: 'index_loon',
      label: `Index loon ${jaar} (NZa: (1 + inhaal OVA ${jaar - 1}, ${inhaalSoort(ronde)}) × (1 + OVA ${jaar}) − 1)`,
      formule: `OVA ${pct(v.ovaVoorlopig!.waarde)} → ${pct(v.ovaDefinitief!.waarde)}; OVA ${jaar} ${pct(d.ovaVoorlopig!.waarde)}`,
      waarde: u.loonIndex!,
      parameters: [r.ovaV, r.ovaD, r.ovaT],
      expr: E.fn('ROUND', ketenLoon(ronde), dp),
    }),
    stapVan({
      stap: 'index_materieel',
      label: `Index materieel ${jaar} (NZa: (1 + inhaal PPC ${jaar - 1}, ${inhaalSoort(ronde)}) × (1 + PPC ${jaar}) − 1)`,
      formule: `PPC ${pct(v.ppcVoorlopig!.waarde)} → ${pct(v.ppcDefinitief!.waarde)}; PPC ${jaar} ${pct(d.ppcVoorlopig!.waarde)}`,
      waarde: u.materieelIndex!,
      parameters: [r.ppcV, r.ppcD, r.ppcT],
      expr: E.fn('ROUND', ketenMaterieel(ronde), dp),
    }),
  ];
}

/** NZa with a published catch-up: (1 + inhaal) × (1 + voorlopige index) − 1. */
function nzaGepubliceerdeInhaal(ronde: Ronde, wl: ParamGebruik, wm: ParamGebruik, u: IndexUitkomst, gepubliceerd: ParamGebruik, el: string): ProductIndex {
  const { jaar, r, dp } = ronde;
  const d = ronde.dit;
  return {
    index: u.index,
    stappen: [
      stapVan({
        stap: 'index_inhaal',
        label: `Inhaal ${jaar - 1} (gepubliceerd)`,
        formule: `de inhaal zoals de bron haar publiceert: ${pct(gepubliceerd.waarde, Math.max(2, gepubliceerd.waarde.decimalPlaces()))}`,
        waarde: gepubliceerd.waarde,
        parameters: [gepubliceerd],
        expr: P(gepubliceerd),
      }),
      stapVan({
        stap: 'index_voorlopig',
        label: `Voorlopige index ${jaar} (${gewTekst(wl, wm)})`,
        formule: `${wl.waarde.toFixed()} % × OVA ${pct(d.ovaVoorlopig!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(d.ppcVoorlopig!.waarde)} = ${exact(ronde, u.voorlopigOnafgerond)}, niet afgerond`,
        waarde: u.voorlopigOnafgerond,
        parameters: [wl, wm, r.ovaT, r.ppcT],
        expr: gewogen(wl, wm, P(r.ovaT), P(r.ppcT)),
      }),
      stapVan({
        stap: 'indexpercentage',
        label: `Indexatie ${jaar} (NZa: (1 + inhaal) × (1 + voorlopige index) − 1)`,
        formule: `${exact(ronde, u.onafgerond)}, afgerond op ${ronde.ic.decimalen} decimalen`,
        waarde: u.index,
        parameters: [],
        kostenelementen: [el],
        expr: E.fn('ROUND', keten(E.stap('index_inhaal'), E.stap('index_voorlopig')), dp),
      }),
    ],
  };
}

/** NZa: the chains of OVA and PPC, weighted. */
function nzaIndex(ronde: Ronde, wl: ParamGebruik, wm: ParamGebruik, u: IndexUitkomst, el: string): ProductIndex {
  return {
    index: u.index,
    stappen: [
      ...nzaKetens(ronde),
      stapVan({
        stap: 'indexpercentage',
        label: `Indexatie ${ronde.jaar} (NZa, gewogen ${gewTekst(wl, wm)})`,
        formule: 'gewogen gemiddelde van de componenten',
        waarde: u.index,
        parameters: [wl, wm],
        kostenelementen: [el],
        // from the unrounded components, as berekenIndex does
        expr: E.fn('ROUND', gewogen(wl, wm, ketenLoon(ronde), ketenMaterieel(ronde)), ronde.dp),
      }),
    ],
  };
}

// --- Stage 4: a tariff indexed -------------------------------------------------------------------------------------

/** A pgb tariff that is a percentage of the ZIN tariff follows the indexed ZIN tariff (stage 5). */
function volgtZin(t: Tarief, product: T.Product | undefined): boolean {
  const pgbStap = t.variantSoort === 'pgb' ? t.opbouw.find((s) => s.stap === 'pgb') : undefined;
  return !!pgbStap && pgbStap.parameters[0]?.eenheid === 'procent' && product?.berekening !== 'overgenomen';
}

/** An adopted tariff follows its own source: not indexed by the region, with a step that says so. */
function overgenomenTarief(t: Tarief): Tarief {
  const laatste = t.opbouw[t.opbouw.length - 1]!;
  return {
    ...t,
    opbouw: [
      ...t.opbouw,
      {
        stap: 'indexering',
        label: 'Geen indexering: overgenomen tarief',
        formule: 'een overgenomen tarief volgt zijn eigen bron; werk de bron bij als die een nieuw tarief publiceert',
        waarde: t.tarief,
        eenheid: laatste.eenheid,
        parameters: [],
        kostenelementen: [],
        expr: E.stap(laatste.stap),
      },
    ],
  };
}

/** The step a minute tariff's hourly tariff is: the step before the (last round's) minute tariff; else the last step. */
function uurStap(t: Tarief): Stap {
  const iMin = t.opbouw.map((s) => s.stap.startsWith('minuut')).lastIndexOf(true);
  return t.tariefPerUur && iMin > 0 ? t.opbouw[iMin - 1]! : t.opbouw[t.opbouw.length - 1]!;
}

/**
 * Last year's tariff × (1 + index), rounded: a pgb tariff by the pgb rule (for a minute product per minute, × 60), a
 * minute product by its own rule (a multiple that gives whole cents a minute), other tariffs by the set's rule for
 * indexed tariffs where it gives one (index on € 0,001, publish in cents).
 */
function indexeerTarief(ronde: Ronde, t: Tarief, product: T.Product, idx: ProductIndex): Tarief {
  const { set, ic, jaar, peildatum } = ronde;
  const index = idx.index;
  const stappen: Stap[] = [...idx.stappen];
  const stap = (s: Omit<Stap, 'kostenelementen' | 'eenheid'> & { eenheid?: string; kostenelementen?: string[] }) => stappen.push({ kostenelementen: [], eenheid: 'procent', ...s });
  const basisStap = uurStap(t);
  const basisWaarde = t.tariefPerUur ?? t.tarief;
  const geindexeerd = basisWaarde.times(HONDERD.plus(index)).div(HONDERD);
  stap({
    stap: 'geindexeerd',
    label: `Tarief ${jaar - 1} geïndexeerd`,
    formule: `${getal(basisWaarde, Math.max(2, basisWaarde.decimalPlaces()))} × (1 + ${pct(index)})`,
    waarde: geindexeerd,
    eenheid: basisStap.eenheid,
    parameters: [],
    expr: E.deel(E.maal(E.stap(basisStap.stap), E.plus(E.getal(100), E.stap('indexpercentage'))), E.getal(100)),
  });
  const regelId = t.variantSoort === 'pgb' ? (set.varianten.pgb?.afronding ?? product.afronding) : product.eenheid === 'minuut' ? product.afronding : (ic.afronding ?? product.afronding);
  const regel = set.afronding.get(regelId)!;
  const ref = regelGebruik(regel, peildatum);
  // a pgb tariff of a minute product rounds the amount per minute (the pgb rule), per uur = 60 × that (as stadia/pgb.ts)
  const pgbMinuut = t.variantSoort === 'pgb' && !!t.tariefPerUur;
  const afgerond = pgbMinuut ? rondAf(geindexeerd.div(60), regel.veelvoud, regel.richting).times(60) : rondAf(geindexeerd, regel.veelvoud, regel.richting);
  const veelvoudTekst = `€ ${getal(regel.veelvoud, Math.max(2, regel.veelvoud.decimalPlaces()))}`;
  stap({
    stap: 'afronding_geindexeerd',
    label: `Afronding (${regel.id})`,
    formule: pgbMinuut ? `÷ 60, ${regel.richting} afgerond op ${veelvoudTekst} per minuut, × 60` : `${regel.richting} afronden op een veelvoud van ${veelvoudTekst}`,
    waarde: afgerond,
    eenheid: basisStap.eenheid,
    parameters: [ref],
    expr: pgbMinuut ? E.maal(afrondExpr(E.deel(E.stap('geindexeerd'), E.getal(60)), ref, regel.richting), E.getal(60)) : afrondExpr(E.stap('geindexeerd'), ref, regel.richting),
  });
  let tarief = afgerond;
  if (t.tariefPerUur) {
    const minuut = minuutStap(afgerond, 'afronding_geindexeerd', 'minuut_geindexeerd');
    stappen.push(minuut);
    tarief = minuut.waarde;
  }
  const status = zwaksteStatus([t.status, ...stappen.flatMap((s) => s.parameters.map((p) => p.status))]);
  return {
    ...t,
    tarief,
    ...(t.tariefPerUur ? { tariefPerUur: afgerond } : {}),
    ...(t.kostprijs ? { kostprijs: t.kostprijs.times(HONDERD.plus(index)).div(HONDERD) } : {}),
    status,
    opbouw: [...t.opbouw, ...stappen],
  };
}

// --- Stage 5: pgb follows the indexed ZIN tariff --------------------------------------------------------------------

/** The pgb percentage of this round where it holds in the new year (a product's own before the set's), else last year's. */
function pgbPercentage(ronde: Ronde, t: Tarief): ParamGebruik {
  const { set, peildatum } = ronde;
  const soortId = t.variant.replace(/^pgb-/, '');
  const eigen = set.producten.find((x) => x.code === t.product)?.pgb.find((o) => o.soort === soortId);
  const nu = eigen && !eigen.uitgesloten && eigen.param.eenheid === 'procent' ? eigen.param : set.varianten.pgb?.soorten.find((x) => x.id === soortId)?.percentage;
  const w = nu && waardeOp(nu, peildatum);
  return nu && w
    ? { pad: nu.pad, waarde: w.waarde, eenheid: nu.eenheid, ...w.herkomst, bron: bronTekst(w.bron), status: w.status, geldig_van: w.van, geldig_tot: w.tot }
    : t.opbouw.find((s) => s.stap === 'pgb')!.parameters[0]!;
}

/**
 * A pgb tariff that is a percentage of a ZIN tariff: that percentage of the indexed ZIN tariff (in `uit`), rounded by
 * the pgb rule; for a minute product one value is rounded, the amount per minute, and per uur = 60 × that.
 */
function pgbVolgtZin(ronde: Ronde, t: Tarief, uit: Tarief[]): Tarief | undefined {
  const { set, jaar, peildatum } = ronde;
  const zinStap = t.opbouw.find((s) => s.stap === 'zin_tarief')!;
  const zinRef = zinStap.expr.soort === 'extern' ? zinStap.expr : undefined;
  const zin = zinRef && uit.find((x) => x.product === zinRef.product && x.variant === zinRef.variant);
  if (!zin || !zinRef) return undefined;
  const zinGrond = uurStap(zin);
  const percentage = pgbPercentage(ronde, t);
  const regel = set.afronding.get(set.varianten.pgb!.afronding)!;
  const ref = regelGebruik(regel, peildatum);
  const stappen: Stap[] = [
    {
      stap: 'zin_geindexeerd',
      label: `Grondslag: geïndexeerd ZIN-tarief (${zinRef.variant})`,
      formule: `tarief ${zinRef.variant} ${jaar}`,
      waarde: zinGrond.waarde,
      eenheid: zinGrond.eenheid,
      parameters: [],
      kostenelementen: [],
      expr: E.extern(zinRef.product, zinRef.variant, zinGrond.stap),
    },
  ];
  const minuut = !!t.tariefPerUur;
  const ruw = zinGrond.waarde.times(percentage.waarde).div(HONDERD);
  const bedrag = minuut ? rondAf(ruw.div(60), regel.veelvoud, regel.richting).times(60) : rondAf(ruw, regel.veelvoud, regel.richting);
  const veelvoud = `€ ${getal(regel.veelvoud, Math.max(2, regel.veelvoud.decimalPlaces()))}`;
  stappen.push({
    stap: 'pgb_geindexeerd',
    label: `Pgb-tarief ${jaar}: ${percentage.waarde.toFixed()} % van het geïndexeerde ZIN-tarief`,
    formule: minuut
      ? `ZIN-uurtarief × ${percentage.waarde.toFixed()} % ÷ 60, ${regel.richting} afgerond op ${veelvoud} per minuut (${regel.id}), × 60`
      : `ZIN-tarief × ${percentage.waarde.toFixed()} %, ${regel.richting} afgerond op ${veelvoud} (${regel.id})`,
    waarde: bedrag,
    eenheid: zinGrond.eenheid,
    parameters: [percentage, ref],
    kostenelementen: [],
    expr: minuut
      ? E.maal(afrondExpr(E.deel(E.procentVan(E.stap('zin_geindexeerd'), E.param(percentage)), E.getal(60)), ref, regel.richting), E.getal(60))
      : afrondExpr(E.procentVan(E.stap('zin_geindexeerd'), E.param(percentage)), ref, regel.richting),
  });
  let tarief = bedrag;
  if (minuut) {
    const m = minuutStap(bedrag, 'pgb_geindexeerd', 'minuut_geindexeerd');
    stappen.push(m);
    tarief = m.waarde;
  }
  return { ...t, tarief, ...(minuut ? { tariefPerUur: bedrag } : {}), status: zwaksteStatus([t.status, zin.status, ...stappen.flatMap((s) => s.parameters.map((p) => p.status))]), opbouw: [...t.opbouw, ...stappen] };
}

/**
 * The steps that compute a tariff's index percentage (index_* up to indexpercentage), as indexeerTarieven adds
 * them; empty for a tariff that is not indexed itself (an overgenomen tariff, a pgb tariff that follows ZIN).
 */
export function indexStappen(t: Tarief): Stap[] {
  const eind = t.opbouw.findIndex((s) => s.stap === 'indexpercentage');
  if (eind < 0) return [];
  let begin = eind;
  while (begin > 0 && t.opbouw[begin - 1]!.stap.startsWith('index_')) begin--;
  return t.opbouw.slice(begin, eind + 1);
}
