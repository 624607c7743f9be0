/**
 * Pgb tariffs of one product: per pgb-soort a percentage of a ZIN tariff (the grondslag), rounded by the
 * pgb rounding rule, or an amount fixed per product. For a minute product one value is rounded, the amount
 * per minute, and the amount per hour is 60 × that, so per minute × 60 = per hour always:
 *   per minuut = afronden(ZIN-uurtarief × % ÷ 60), per uur = per minuut × 60. Pure.
 */
import { type Decimal, HONDERD } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { rondAf, rondCent } from '../afronding.ts';
import { E } from '../expressie.ts';
import { afrondExpr, minuutStap, regelGebruik, zwaksteStatus } from '../gebruik.ts';
import type { Expr } from '../expressie.ts';
import type { Stap, Tarief } from '../types.ts';
import { type Context, type Resultaat, fmt, laatsteStap, stap } from './context.ts';
import { maakTarief, zwakste } from './varianten.ts';

/** The ZIN tariff a pgb tariff derives from: its result, the variant it is and how the opbouw names it. */
export interface PgbGrondslag {
  zin: Resultaat;
  variant: string;
  label: string;
}

export function pgbTarieven(ctx: Context, p: T.Product, g: PgbGrondslag): Tarief[] {
  const pgb = ctx.set.varianten.pgb;
  if (!pgb) return [];
  const uit: Tarief[] = [];
  for (const soort of pgb.soorten) {
    const ov = p.pgb.find((o) => o.soort === soort.id);
    if (ov?.uitgesloten) continue;
    const stappen: Stap[] = [grondslagStap(p, g)];
    const minuut = g.zin.tariefPerUur !== undefined;
    const bedrag =
      ov && ov.param.eenheid !== 'procent'
        ? vastBedrag(ctx, p, soort, ov.param, minuut, stappen)
        : percentage(ctx, soort, ov?.param ?? soort.percentage, pgb.afronding, minuut, stappen);
    const r: Resultaat = { onafgerond: bedrag, kostprijs: bedrag, tarief: bedrag, stappen };
    if (minuut) {
      // bedrag is 60 × a whole-cent amount per minute, so this step divides exactly
      const m = minuutStap(bedrag, 'pgb');
      stappen.push(m);
      r.tarief = m.waarde;
      r.tariefPerUur = bedrag;
    }
    // a pgb tariff is a share of the ZIN tariff: no more certain than that tariff
    const t = maakTarief(p, `pgb-${soort.id}`, 'pgb', r);
    uit.push({ ...t, status: zwaksteStatus([t.status, zwakste(g.zin.stappen)]) });
  }
  return uit;
}

/** The ZIN tariff as the first step: per hour for a minute product, otherwise per unit. */
function grondslagStap(p: T.Product, g: PgbGrondslag): Stap {
  const { zin } = g;
  const iMinuut = zin.stappen.findIndex((x) => x.stap === 'minuut');
  const grondStap = zin.tariefPerUur && iMinuut > 0 ? zin.stappen[iMinuut - 1]!.stap : laatsteStap(zin.stappen).stap;
  return stap({
    stap: 'zin_tarief',
    label: `Grondslag: ZIN-tarief (${g.label})`,
    formule: `tarief ${g.label}`,
    waarde: zin.tariefPerUur ?? zin.tarief,
    eenheid: zin.tariefPerUur ? 'euro_per_uur' : `euro_per_${p.eenheid}`,
    parameters: [],
    expr: E.extern(p.code, g.variant, grondStap),
  });
}

/**
 * An amount fixed per product. For a minute product an amount per minute × 60; an amount per hour is first
 * brought to whole cents per minute (÷ 60, rekenkundig), so that per uur = 60 × per minuut.
 */
function vastBedrag(ctx: Context, p: T.Product, soort: T.PgbSoort, param: T.Param, minuut: boolean, stappen: Stap[]): Decimal {
  const g = ctx.gebruik(param);
  const perMinuut = p.eenheid === 'minuut' && param.eenheid === 'euro_per_eenheid';
  const uurNaarMinuut = minuut && !perMinuut;
  const bedrag = perMinuut ? g.waarde.times(60) : uurNaarMinuut ? rondCent(g.waarde.div(60)).times(60) : g.waarde;
  const formule = perMinuut
    ? `vast bedrag uit het product: ${fmt(g.waarde, 2)} per minuut × 60`
    : uurNaarMinuut
      ? `vast bedrag uit het product: ${fmt(g.waarde, 2)} per uur ÷ 60, rekenkundig op hele centen per minuut, × 60`
      : 'vast bedrag uit het product';
  stappen.push(
    stap({
      stap: 'pgb',
      label: `Pgb-tarief ${soort.naam} (vastgesteld per product)`,
      formule,
      waarde: bedrag,
      eenheid: laatsteStap(stappen).eenheid,
      parameters: [g],
      expr: perMinuut ? E.maal(E.param(g), E.getal(60)) : uurNaarMinuut ? E.maal(minuutExprVan(E.param(g)), E.getal(60)) : E.param(g),
    }),
  );
  return bedrag;
}

/**
 * ZIN tariff × percentage, rounded by the pgb rounding rule. For a minute product the amount per minute is
 * rounded (ZIN-uurtarief × % ÷ 60) and the hourly amount is 60 × that.
 */
function percentage(ctx: Context, soort: T.PgbSoort, param: T.Param, regelId: string, minuut: boolean, stappen: Stap[]): Decimal {
  const regel = ctx.set.afronding.get(regelId)!;
  const ref = regelGebruik(regel, ctx.peildatum);
  const g = ctx.gebruik(param);
  const grond = laatsteStap(stappen);
  const ruw = grond.waarde.times(g.waarde).div(HONDERD);
  const bedrag = minuut ? rondAf(ruw.div(60), regel.veelvoud, regel.richting).times(60) : rondAf(ruw, regel.veelvoud, regel.richting);
  const veelvoud = `€ ${fmt(regel.veelvoud, 2)}`;
  stappen.push(
    stap({
      stap: 'pgb',
      label: `Pgb-tarief ${soort.naam}`,
      formule: minuut
        ? `ZIN-uurtarief × ${fmt(g.waarde)} % ÷ 60, ${regel.richting} afgerond op ${veelvoud} per minuut (${regel.id}), × 60`
        : `ZIN-tarief × ${fmt(g.waarde)} %, ${regel.richting} afgerond op ${veelvoud} (${regel.id})`,
      waarde: bedrag,
      eenheid: grond.eenheid,
      // the rounding rule is a cell of the live formula, so it is a parameter of the step
      parameters: [g, ref],
      expr: minuut
        ? E.maal(afrondExpr(E.deel(E.procentVan(E.stap('zin_tarief'), E.param(g)), E.getal(60)), ref, regel.richting), E.getal(60))
        : afrondExpr(E.procentVan(E.stap('zin_tarief'), E.param(g)), ref, regel.richting),
    }),
  );
  return bedrag;
}

/** ROUND(ROUND(x ÷ 60; 9); 2): an amount per hour to whole cents per minute, as the minute step does. */
function minuutExprVan(x: Expr): Expr {
  return E.fn('ROUND', E.fn('ROUND', E.deel(x, E.getal(60)), E.getal(9)), E.getal(2));
}
