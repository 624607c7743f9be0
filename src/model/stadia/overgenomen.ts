/** An adopted tariff (a national or published tariff): the amount from its source, per minute from an hourly amount. Pure. */
import type * as T from '../../params/types.ts';
import { E } from '../expressie.ts';
import { minuutStap } from '../gebruik.ts';
import type { Stap } from '../types.ts';
import { type Context, type Resultaat, stap } from './context.ts';

export function overgenomenTarief(ctx: Context, p: T.OvergenomenProduct): Resultaat {
  const g = ctx.gebruik(p.tarief);
  const stappen: Stap[] = [
    stap({
      stap: 'overgenomen_tarief',
      label: 'Overgenomen tarief',
      formule: `vastgesteld tarief, overgenomen uit de bron`,
      waarde: g.waarde,
      eenheid: p.tarief.eenheid,
      parameters: [g],
      expr: E.param(g),
    }),
  ];
  if (p.eenheid === 'minuut' && p.tarief.eenheid === 'euro_per_uur') {
    const minuut = minuutStap(g.waarde, 'overgenomen_tarief');
    stappen.push(minuut);
    return { onafgerond: g.waarde, kostprijs: g.waarde, tarief: minuut.waarde, tariefPerUur: g.waarde, stappen };
  }
  return { onafgerond: g.waarde, kostprijs: g.waarde, tarief: g.waarde, stappen };
}
