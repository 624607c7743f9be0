/**
 * Stage 3 of the personnel chain: from the loonkosten per fte to the personnel cost per productive hour,
 * by the productivity profile of the product. Two rekenwijzen:
 *   aftrek:  kosten per uur = loonkosten ÷ productieve uren, productieve uren = betaalde uren − posten (− no-show)
 *   opslag:  kosten per uur = loonkosten ÷ betaalde uren × (1 + Σ posten %) (÷ (1 − no-show))
 * Pure.
 */
import { Decimal, HONDERD, NUL } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { E, type Expr } from '../expressie.ts';
import { keuzeGebruik } from '../gebruik.ts';
import type { ParamGebruik, Stap } from '../types.ts';
import { type Context, KOSTENELEMENT, Ontbreekt, type Wet, fmt, stap } from './context.ts';

export interface ProductiviteitInvoer {
  cao: T.Cao;
  niveau: string;
  wet: Wet;
  profiel: T.ProductiviteitsProfiel;
  loonkosten: Decimal;
  uren: ParamGebruik;
  /** no-show as niet-productieve tijd, if the set uses that method */
  noShow: ParamGebruik | undefined;
}

const pfx = (niveau: string) => `personeel.${niveau}`;

function elementen(inv: ProductiviteitInvoer): string[] {
  const { wet, profiel } = inv;
  const pe: string[] = [wet === 'wmo' ? KOSTENELEMENT.wmo.nietProductief : KOSTENELEMENT[wet].beroepskracht];
  const reisOfScholing = profiel.vorm === 'posten' && profiel.posten.some((x) => x.post === 'reistijd' || x.post === 'scholing');
  if (reisOfScholing && wet === 'wmo') pe.push(KOSTENELEMENT.wmo.reisOpleiding);
  return pe;
}

function rekenwijzeRef(ctx: Context, profiel: T.ProductiviteitsProfiel): ParamGebruik[] {
  return profiel.vorm === 'posten' && profiel.rekenwijzeHerkomst
    ? [keuzeGebruik(`productiviteit.${profiel.id}.rekenwijze`, profiel.rekenwijze, profiel.rekenwijzeHerkomst, ctx.peildatum)]
    : [];
}

/** The personnel cost per productive hour with its steps. */
export function kostenPerProductiefUur(ctx: Context, inv: ProductiviteitInvoer): { kostenPerUur: Decimal; stappen: Stap[] } {
  const { profiel } = inv;
  if (profiel.vorm === 'posten' && profiel.rekenwijze === 'opslag') return viaOpslag(ctx, inv, profiel);
  const uren = productieveUren(ctx, inv);
  const kostenPerUur = inv.loonkosten.div(uren.waarde);
  const p = pfx(inv.niveau);
  return {
    kostenPerUur,
    stappen: [
      uren.stap,
      stap({
        stap: `${p}.kosten_per_uur`,
        label: `Personeelskosten ${inv.niveau} per productief uur`,
        formule: `${fmt(inv.loonkosten, 2)} ÷ ${fmt(uren.waarde, 2)} uur`,
        waarde: kostenPerUur,
        eenheid: 'euro_per_uur',
        parameters: [],
        kostenelementen: [KOSTENELEMENT[inv.wet].beroepskracht],
        expr: E.deel(E.stap(`${p}.werkgeverslasten`), E.stap(`${p}.productieve_uren`)),
      }),
    ],
  };
}

/**
 * Productive (declarable) hours per fte per year: as the profile gives them, as a productivity percentage of
 * the paid hours, or the paid hours minus every post; then minus the no-show share (niet-productieve tijd).
 */
export function productieveUren(ctx: Context, inv: ProductiviteitInvoer): { waarde: Decimal; expr: Expr; stap: Stap } {
  const { profiel, uren, noShow: ns, cao } = inv;
  const betaald = uren.waarde.times(52);
  const betaaldExpr = E.maal(E.param(uren), E.getal(52));
  const refs: ParamGebruik[] = [];
  let productief: Decimal;
  let expr: Expr;
  let formule: string;
  if (profiel.vorm === 'productieve_uren') {
    const g = ctx.gebruik(profiel.param);
    refs.push(g);
    productief = g.waarde;
    expr = E.param(g);
    formule = `${fmt(g.waarde)} productieve uren per fte, zoals gegeven (${fmt(uren.waarde)} × 52 = ${fmt(betaald)} betaalde uren: productiviteit ${fmt(g.waarde.times(HONDERD).div(betaald), 1)} %)`;
  } else if (profiel.vorm === 'productiviteit') {
    const g = ctx.gebruik(profiel.param);
    refs.push(uren, g);
    productief = betaald.times(g.waarde).div(HONDERD);
    expr = E.procentVan(betaaldExpr, E.param(g));
    formule = `${fmt(uren.waarde)} × 52 = ${fmt(betaald)} betaalde uren × productiviteit ${fmt(g.waarde)} %`;
  } else {
    refs.push(uren, ...rekenwijzeRef(ctx, profiel));
    const delen: string[] = [];
    const termen: Expr[] = [];
    let af = NUL;
    for (const { post, param } of profiel.posten) {
      const g = ctx.gebruik(param);
      refs.push(g);
      const u = param.eenheid === 'procent' ? betaald.times(g.waarde).div(HONDERD) : g.waarde;
      af = af.plus(u);
      termen.push(param.eenheid === 'procent' ? E.procentVan(betaaldExpr, E.param(g)) : E.param(g));
      delen.push(param.eenheid === 'procent' ? `${post} ${fmt(g.waarde)} %` : `${post} ${fmt(g.waarde)} u`);
    }
    productief = betaald.minus(af);
    expr = termen.length ? E.minus(betaaldExpr, E.som(termen)) : betaaldExpr;
    formule = `${fmt(uren.waarde)} × 52 = ${fmt(betaald)} betaalde uren − (${delen.join(' + ') || 'geen posten'})`;
  }
  if (ns) {
    refs.push(ns);
    productief = productief.times(HONDERD.minus(ns.waarde)).div(HONDERD);
    expr = E.deel(E.maal(expr, E.minus(E.getal(100), E.param(ns))), E.getal(100));
    formule += profiel.vorm === 'posten' ? ` − no-show ${fmt(ns.waarde)} % van de overige uren` : ` − no-show ${fmt(ns.waarde)} % daarvan`;
  }
  const s = stap({
    stap: `${pfx(inv.niveau)}.productieve_uren`,
    label: `Productieve (declarabele) uren per fte per jaar, profiel ${profiel.id}`,
    formule,
    waarde: productief,
    eenheid: 'uren_per_jaar',
    parameters: refs,
    kostenelementen: elementen(inv),
    expr,
  });
  if (!productief.isPositive() || productief.isZero()) {
    throw new Ontbreekt({
      ...(profiel.vorm === 'posten' ? (profiel.posten[0]?.param.herkomst ?? cao.urenPerWeek.herkomst) : profiel.param.herkomst),
      melding: `productiviteitsprofiel ${profiel.id} laat onder ${cao.naam} geen productieve uren over`,
      verwacht: 'minder niet-productieve uren dan betaalde uren',
      gevonden: `${fmt(productief, 1)} productieve uren`,
      hint: 'controleer of een post in uren_per_jaar per ongeluk als procent is geschreven (of omgekeerd)',
    });
  }
  return { waarde: productief, expr, stap: s };
}

/**
 * Opslag niet-productieve uren: every post is a share of the paid hours (a post in hours is divided by the
 * paid hours) and raises the cost per paid hour; no-show stays a share of the productive hours and divides,
 * as under aftrek.
 */
function viaOpslag(ctx: Context, inv: ProductiviteitInvoer, profiel: Extract<T.ProductiviteitsProfiel, { vorm: 'posten' }>): { kostenPerUur: Decimal; stappen: Stap[] } {
  const { uren, noShow: ns, loonkosten, niveau, wet } = inv;
  const p = pfx(niveau);
  const betaald = uren.waarde.times(52);
  const betaaldExpr = E.maal(E.param(uren), E.getal(52));
  const refs: ParamGebruik[] = [...rekenwijzeRef(ctx, profiel)];
  const termen: Expr[] = [];
  const delen: string[] = [];
  let opslag = NUL;
  if (profiel.posten.some((x) => x.param.eenheid !== 'procent')) refs.push(uren);
  for (const { post, param } of profiel.posten) {
    const g = ctx.gebruik(param);
    refs.push(g);
    if (param.eenheid === 'procent') {
      opslag = opslag.plus(g.waarde);
      termen.push(E.param(g));
      delen.push(`${post} ${fmt(g.waarde)} %`);
    } else {
      const pct = g.waarde.times(HONDERD).div(betaald);
      opslag = opslag.plus(pct);
      termen.push(E.deel(E.maal(E.param(g), E.getal(100)), betaaldExpr));
      delen.push(`${post} ${fmt(g.waarde)} u ÷ ${fmt(betaald)} = ${fmt(pct, 2)} %`);
    }
  }
  const opslagStap = stap({
    stap: `${p}.opslag_niet_productief`,
    label: `Opslag niet-productieve uren per fte, profiel ${profiel.id}`,
    formule: `opslag op de kosten per betaald uur: ${delen.join(' + ') || 'geen posten'}`,
    waarde: opslag,
    eenheid: 'procent',
    parameters: refs,
    kostenelementen: elementen(inv),
    expr: E.som(termen),
  });
  let kostenPerUur = loonkosten.div(betaald).times(HONDERD.plus(opslag)).div(HONDERD);
  let expr: Expr = E.deel(E.maal(E.deel(E.stap(`${p}.werkgeverslasten`), betaaldExpr), E.plus(E.getal(100), E.stap(`${p}.opslag_niet_productief`))), E.getal(100));
  let formule = `${fmt(loonkosten, 2)} ÷ ${fmt(betaald)} betaalde uren × (1 + ${fmt(opslag, 2)} % opslag niet-productieve uren)`;
  const kpuElementen: string[] = [KOSTENELEMENT[wet].beroepskracht];
  if (ns) {
    kostenPerUur = kostenPerUur.times(HONDERD).div(HONDERD.minus(ns.waarde));
    expr = E.deel(E.maal(expr, E.getal(100)), E.minus(E.getal(100), E.param(ns)));
    formule += ` ÷ (1 − no-show ${fmt(ns.waarde)} %)`;
    if (wet === 'wmo') kpuElementen.push(KOSTENELEMENT.wmo.nietProductief);
  }
  return {
    kostenPerUur,
    stappen: [
      opslagStap,
      stap({
        stap: `${p}.kosten_per_uur`,
        label: `Personeelskosten ${niveau} per productief uur`,
        formule,
        waarde: kostenPerUur,
        eenheid: 'euro_per_uur',
        parameters: [uren, ...(ns ? [ns] : [])],
        kostenelementen: kpuElementen,
        expr,
      }),
    ],
  };
}
