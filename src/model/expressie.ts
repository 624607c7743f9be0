/**
 * A step's computation as a small expression tree, renderer-neutral: the
 * Excel writer turns it into a live formula over parameter cells and earlier
 * steps; the evaluator below checks it reproduces the model's own value.
 */
import { Decimal } from '../shared/decimal.ts';
import type { ParamGebruik } from './types.ts';

export type Expr =
  | { soort: 'getal'; waarde: Decimal }
  | { soort: 'param'; ref: ParamGebruik }
  | { soort: 'stap'; stap: string }
  | { soort: 'extern'; product: string; variant: string; stap: string }
  | { soort: 'op'; op: '+' | '-' | '*' | '/'; links: Expr; rechts: Expr }
  | { soort: 'fn'; fn: 'ROUND' | 'ROUNDUP' | 'ROUNDDOWN' | 'MAX' | 'MIN'; args: Expr[] };

export const E = {
  getal: (w: Decimal | number | string): Expr => ({ soort: 'getal', waarde: new Decimal(w) }),
  param: (ref: ParamGebruik): Expr => ({ soort: 'param', ref }),
  stap: (stap: string): Expr => ({ soort: 'stap', stap }),
  extern: (product: string, variant: string, stap: string): Expr => ({ soort: 'extern', product, variant, stap }),
  plus: (a: Expr, b: Expr): Expr => ({ soort: 'op', op: '+', links: a, rechts: b }),
  minus: (a: Expr, b: Expr): Expr => ({ soort: 'op', op: '-', links: a, rechts: b }),
  maal: (a: Expr, b: Expr): Expr => ({ soort: 'op', op: '*', links: a, rechts: b }),
  deel: (a: Expr, b: Expr): Expr => ({ soort: 'op', op: '/', links: a, rechts: b }),
  fn: (fn: 'ROUND' | 'ROUNDUP' | 'ROUNDDOWN' | 'MAX' | 'MIN', ...args: Expr[]): Expr => ({ soort: 'fn', fn, args }),
  /** a + b + c … (left to right); a single term stays itself */
  som: (termen: Expr[]): Expr => termen.slice(1).reduce((a, b) => E.plus(a, b), termen[0] ?? E.getal(0)),
  /** x × p ÷ 100 */
  procentVan: (x: Expr, p: Expr): Expr => E.deel(E.maal(x, p), E.getal(100)),
};

export interface Omgeving {
  stap: (id: string) => Decimal;
  extern: (product: string, variant: string, stap: string) => Decimal;
}

const AFRONDING = { ROUND: Decimal.ROUND_HALF_UP, ROUNDUP: Decimal.ROUND_UP, ROUNDDOWN: Decimal.ROUND_DOWN } as const;

/** Evaluates an expression exactly, with spreadsheet semantics for the functions. */
export function evalueer(e: Expr, omg: Omgeving): Decimal {
  switch (e.soort) {
    case 'getal':
      return e.waarde;
    case 'param':
      return e.ref.waarde;
    case 'stap':
      return omg.stap(e.stap);
    case 'extern':
      return omg.extern(e.product, e.variant, e.stap);
    case 'op': {
      const a = evalueer(e.links, omg);
      const b = evalueer(e.rechts, omg);
      return e.op === '+' ? a.plus(b) : e.op === '-' ? a.minus(b) : e.op === '*' ? a.times(b) : a.div(b);
    }
    case 'fn': {
      const args = e.args.map((x) => evalueer(x, omg));
      if (e.fn === 'MAX') return Decimal.max(...args);
      if (e.fn === 'MIN') return Decimal.min(...args);
      return args[0]!.toDecimalPlaces(args[1]!.toNumber(), AFRONDING[e.fn]);
    }
  }
}

/** Every step id and external reference an expression reads. */
export function verwijzingen(e: Expr): { stappen: string[]; extern: { product: string; variant: string; stap: string }[]; params: ParamGebruik[] } {
  const uit = { stappen: [] as string[], extern: [] as { product: string; variant: string; stap: string }[], params: [] as ParamGebruik[] };
  const loop = (x: Expr) => {
    if (x.soort === 'stap') uit.stappen.push(x.stap);
    else if (x.soort === 'extern') uit.extern.push({ product: x.product, variant: x.variant, stap: x.stap });
    else if (x.soort === 'param') uit.params.push(x.ref);
    else if (x.soort === 'op') (loop(x.links), loop(x.rechts));
    else if (x.soort === 'fn') x.args.forEach(loop);
  };
  loop(e);
  return uit;
}

/** The same expression with its step names (own and external) passed through `naam`. */
export function hernoemStappen(e: Expr, naam: (stap: string) => string): Expr {
  switch (e.soort) {
    case 'stap':
      return { ...e, stap: naam(e.stap) };
    case 'extern':
      return { ...e, stap: naam(e.stap) };
    case 'op':
      return { ...e, links: hernoemStappen(e.links, naam), rechts: hernoemStappen(e.rechts, naam) };
    case 'fn':
      return { ...e, args: e.args.map((x) => hernoemStappen(x, naam)) };
    default:
      return e;
  }
}
