/**
 * Tariffs for micro-ondernemingen (fewer than 10 employees, turnover or balance under € 2 million): the chain
 * of a cost-price product with the lower overhead for micro-ondernemingen. The set chooses (varianten.yaml
 * `micro_onderneming`):
 *   per_cao  a micro tariff per CAO (`micro-<cao>`: a micro firm keeps its CAO), and with a basistarief also the
 *            micro basistarief `micro-onderneming` = the lowest of them;
 *   laagste  one micro tariff `micro-onderneming` = the lowest CAO tariff with the lower overhead.
 * Pure.
 */
import type * as T from '../../params/types.ts';
import { E } from '../expressie.ts';
import { keuzeGebruik } from '../gebruik.ts';
import type { Tarief } from '../types.ts';
import { type Context, type Resultaat, laatsteStap, stap } from './context.ts';
import type { PersoneelCache } from './personeel.ts';
import { kostprijsProduct } from './product.ts';
import { type PerCao, laagste, maakTarief } from './varianten.ts';

export function microTarieven(ctx: Context, cache: PersoneelCache, p: T.KostprijsProduct): Tarief[] {
  const { set } = ctx;
  const overhead = ctx.opslagen(p).overhead.micro;
  if (!set.varianten.micro || !overhead) return [];
  const perCao: PerCao[] = p.caos.map((c) => ({ cao: c, r: kostprijsProduct(ctx, cache, { product: p, cao: c, overhead }) }));
  if (set.varianten.micro === 'laagste') {
    const l = laagste(p.code, perCao, 'Tarief micro-onderneming: laagste CAO-tarief met de overhead voor micro-ondernemingen', 'micro_onderneming', false);
    return [maakTarief(p, 'micro-onderneming', 'micro', l.r, l.cao)];
  }
  const uit = perCao.map(({ cao, r }) => maakTarief(p, `micro-${cao}`, 'micro', metKeuze(ctx, r, cao), cao));
  if (set.varianten.basistarief) {
    const l = laagste(p.code, perCao, 'Micro-basistarief: laagste micro-tarief van de toepasselijke cao’s', 'micro_onderneming', false);
    uit.push(maakTarief(p, 'micro-onderneming', 'micro', l.r, l.cao));
  }
  return uit;
}

/** The closing step of a micro tariff per CAO: the chain of that CAO with the micro overhead, and the set's choice. */
function metKeuze(ctx: Context, r: Resultaat, cao: string): Resultaat {
  const h = ctx.set.varianten.microHerkomst;
  const laatste = laatsteStap(r.stappen);
  const naam = ctx.set.caos.get(cao)?.naam ?? cao;
  return {
    ...r,
    stappen: [
      ...r.stappen,
      stap({
        stap: 'micro_onderneming',
        label: `Tarief micro-onderneming onder ${naam}`,
        formule: `het tarief van ${naam} met de overhead voor micro-ondernemingen`,
        waarde: laatste.waarde,
        eenheid: laatste.eenheid,
        parameters: h ? [keuzeGebruik('varianten.micro_onderneming', 'per_cao', h, ctx.peildatum)] : [],
        expr: E.stap(laatste.stap),
      }),
    ],
  };
}
