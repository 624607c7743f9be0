import { Decimal } from '../shared/decimal.ts';
import type { AfrondingsRegel } from '../params/types.ts';

const MODUS = {
  rekenkundig: Decimal.ROUND_HALF_UP,
  // away from zero / towards zero, like ROUNDUP and ROUNDDOWN in a spreadsheet (tariffs are positive)
  omhoog: Decimal.ROUND_UP,
  omlaag: Decimal.ROUND_DOWN,
} as const;

/** Rounds to a multiple of `veelvoud` (0.01 = whole cents, 0.60 = minute tariff in whole cents). */
// Stryker disable next-line StringLiteral: zonder geldige richting rondt toDecimalPlaces met de standaard van onze Decimal (ROUND_HALF_UP), dus als rekenkundig
export function rondAf(x: Decimal, veelvoud: Decimal, richting: AfrondingsRegel['richting'] = 'rekenkundig'): Decimal {
  return x.div(veelvoud).toDecimalPlaces(0, MODUS[richting]).times(veelvoud);
}

/** Half-up to whole cents: the one rounding used outside the set's own rules. */
export function rondCent(x: Decimal): Decimal {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
