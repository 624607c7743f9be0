/**
 * Pgb tariffs of one product: per pgb-soort a percentage of a ZIN tariff (the grondslag), rounded by the
 * pgb rounding rule, or an amount fixed per product. For a minute product the grondslag and the amount are
 * hourly and the minute tariff follows from the rounded hourly amount. Pure.
 */
import { type Decimal, HONDERD } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { rondAf } from '../afronding.ts';
import { E } from '../expressie.ts';
import { afrondExpr, minuutStap, regelGebruik, zwaksteStatus } from '../gebruik.ts';
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
    const bedrag = ov && ov.param.eenheid !== 'procent' ? vastBedrag(ctx, p, soort, ov.param, stappen) : percentage(ctx, soort, ov?.param ?? soort.percentage, pgb.afronding, stappen);
    const r: Resultaat = { onafgerond: bedrag, kostprijs: bedrag, tarief: bedrag, stappen };
    if (g.zin.tariefPerUur) {
      const minuut = minuutStap(bedrag, 'pgb');
      stappen.push(minuut);
      r.tarief = minuut.waarde;
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

/** An amount fixed per product; per minute × 60 for a minute product. */
function vastBedrag(ctx: Context, p: T.Product, soort: T.PgbSoort, param: T.Param, stappen: Stap[]): Decimal {
  const g = ctx.gebruik(param);
  const perMinuut = p.eenheid === 'minuut' && param.eenheid === 'euro_per_eenheid';
  const bedrag = perMinuut ? g.waarde.times(60) : g.waarde;
  stappen.push(
    stap({
      stap: 'pgb',
      label: `Pgb-tarief ${soort.naam} (vastgesteld per product)`,
      formule: perMinuut ? `vast bedrag uit het product: ${fmt(g.waarde, 2)} per minuut × 60` : 'vast bedrag uit het product',
      waarde: bedrag,
      eenheid: laatsteStap(stappen).eenheid,
      parameters: [g],
      expr: perMinuut ? E.maal(E.param(g), E.getal(60)) : E.param(g),
    }),
  );
  return bedrag;
}

/** ZIN tariff × percentage, rounded by the pgb rounding rule. */
function percentage(ctx: Context, soort: T.PgbSoort, param: T.Param, regelId: string, stappen: Stap[]): Decimal {
  const regel = ctx.set.afronding.get(regelId)!;
  const g = ctx.gebruik(param);
  const grond = laatsteStap(stappen);
  const bedrag = rondAf(grond.waarde.times(g.waarde).div(HONDERD), regel.veelvoud, regel.richting);
  stappen.push(
    stap({
      stap: 'pgb',
      label: `Pgb-tarief ${soort.naam}`,
      formule: `ZIN-tarief × ${fmt(g.waarde)} %, ${regel.richting} afgerond op € ${fmt(regel.veelvoud, 2)} (${regel.id})`,
      waarde: bedrag,
      eenheid: grond.eenheid,
      parameters: [g],
      expr: afrondExpr(E.procentVan(E.stap('zin_tarief'), E.param(g)), regelGebruik(regel, ctx.peildatum), regel.richting),
    }),
  );
  return bedrag;
}
