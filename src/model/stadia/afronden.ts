/**
 * The named rounding point of a tariff: the unrounded tariff to a multiple of the product's rounding rule,
 * and for a minute product the rounded hourly tariff ÷ 60 to whole cents. Pure.
 */
import type { Decimal } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { E } from '../expressie.ts';
import { afrondExpr, minuutStap, regelGebruik } from '../gebruik.ts';
import { rondAf } from '../afronding.ts';
import type { Stap } from '../types.ts';
import { type Context, fmt, laatsteStap, stap } from './context.ts';

export function afronden(ctx: Context, p: T.Product, onafgerond: Decimal, stappen: Stap[], eenheid: string): { tarief: Decimal; tariefPerUur?: Decimal } {
  const regel = ctx.set.afronding.get(p.afronding)!;
  const ref = regelGebruik(regel, ctx.peildatum);
  const afgerond = rondAf(onafgerond, regel.veelvoud, regel.richting);
  const vorige = laatsteStap(stappen).stap;
  stappen.push(
    stap({
      stap: 'afronding',
      label: `Afronding (${regel.id})`,
      formule: `${regel.richting} afronden op een veelvoud van € ${fmt(regel.veelvoud, 2)}`,
      waarde: afgerond,
      eenheid,
      parameters: [ref],
      expr: afrondExpr(E.stap(vorige), ref, regel.richting),
    }),
  );
  if (p.eenheid !== 'minuut') return { tarief: afgerond };
  const minuut = minuutStap(afgerond, 'afronding');
  stappen.push(minuut);
  return { tarief: minuut.waarde, tariefPerUur: afgerond };
}
