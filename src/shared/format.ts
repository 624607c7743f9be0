/** Dutch number formatting from exact decimal strings (never through floats). */
import type { Decimal } from './decimal.ts';

const cache = new Map<number, Intl.NumberFormat>();
function nf(dp: number): Intl.NumberFormat {
  let f = cache.get(dp);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: dp, maximumFractionDigits: dp, roundingMode: 'halfExpand' } as Intl.NumberFormatOptions);
    cache.set(dp, f);
  }
  return f;
}

/** 1234.5 → "1.234,50" */
export function getal(d: Decimal, dp = 2): string {
  // Intl accepts decimal strings and formats them exactly.
  return nf(dp).format(d.toFixed(dp) as unknown as number);
}

/** 1234.5 → "€ 1.234,50" (plain space, so terminals and diffs stay simple) */
export function euro(d: Decimal, dp = 2): string {
  return `€ ${getal(d, dp)}`;
}

/**
 * A tariff as a decimal string: whole cents, or as many decimals as its rounding rule kept (a rule on
 * € 0,001 gives 42.286), so no output rounds a tariff a second time.
 */
export function tariefTekst(d: Decimal): string {
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/** A tariff in euros, Dutch style, with the decimals of tariefTekst: € 42,29 or € 42,286. */
export function euroTarief(d: Decimal): string {
  return euro(d, Math.max(2, d.decimalPlaces()));
}

export const EENHEID_TEKST: Record<string, string> = {
  euro_per_maand: 'per maand',
  euro_per_uur: 'per uur',
  euro_per_jaar: 'per jaar',
  euro_per_minuut: 'per minuut',
  euro_per_dagdeel: 'per dagdeel',
  euro_per_etmaal: 'per etmaal',
  euro_per_stuk: 'per stuk',
  euro_per_stuk_output: 'per stuk',
  euro_per_eenheid: 'per eenheid',
  uren_per_jaar: 'uur per jaar',
  uren_per_week: 'uur per week',
  procent: '%',
  aantal: '',
  uren: 'uur',
  euro: '',
};
