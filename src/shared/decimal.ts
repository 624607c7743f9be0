import { Decimal as BaseDecimal } from 'decimal.js';

/**
 * One Decimal constructor for the whole tool: 40 significant digits and
 * half-up ("rekenkundig") rounding, isolated from the global decimal.js config.
 * 40 digits keeps quotients such as x/24 or x/1497.6 far below a cent of error
 * before the named rounding points.
 */
export const Decimal = BaseDecimal.clone({ precision: 40, rounding: BaseDecimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = BaseDecimal;

export const NUL = new Decimal(0);
export const EEN = new Decimal(1);
export const HONDERD = new Decimal(100);

/** Decimal string as written in YAML: optional minus, digits, optional fraction. */
export const DECIMAAL_PATROON = /^-?\d+(\.\d+)?$/;

export function dec(s: string | number | Decimal): Decimal {
  return new Decimal(s);
}

export function som(waarden: Decimal[]): Decimal {
  return waarden.reduce((a, b) => a.plus(b), NUL);
}

/** Fixed-point text with `dp` decimals, never exponential notation. */
export function vast(d: Decimal, dp = 2): string {
  return d.toFixed(dp, BaseDecimal.ROUND_HALF_UP);
}

/** Plain text of a decimal without trailing zeros and without exponent. */
export function tekst(d: Decimal): string {
  return d.toFixed();
}
