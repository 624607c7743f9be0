/** The tariff table as rows: what tarieven.csv and the terminal table show. Pure. */
import type { Tarief, Tarievenplan } from '../model/types.ts';
import { tariefTekst } from '../shared/format.ts';

export const KOLOMMEN = [
  'productcode',
  'productnaam',
  'wet',
  'contract',
  'variant',
  'cao',
  'eenheid',
  'eenheidcode',
  'tarief',
  'tarief_per_uur',
  'kostprijs',
  'status',
] as const;

export type Rij = Record<(typeof KOLOMMEN)[number], string>;

export function tariefRij(t: Tarief): Rij {
  return {
    productcode: t.product,
    productnaam: t.productnaam,
    wet: t.wet,
    contract: t.contract,
    variant: t.variant,
    cao: t.cao ?? '',
    eenheid: t.eenheid,
    eenheidcode: t.eenheidCode,
    tarief: tariefTekst(t.tarief),
    tarief_per_uur: t.tariefPerUur ? tariefTekst(t.tariefPerUur) : '',
    kostprijs: t.kostprijs ? t.kostprijs.toFixed(4) : '',
    status: t.status,
  };
}

export function tarievenTabel(plan: Tarievenplan): Rij[] {
  return plan.tarieven.map(tariefRij);
}
