/** Small shared pieces of the opbouw: how a source reads, the rounding rule as a parameter, rounding as an expression. */
import type * as T from '../params/types.ts';
import { Decimal } from '../shared/decimal.ts';
import { E, type Expr } from './expressie.ts';
import type { ParamGebruik, Stap } from './types.ts';
import { rondCent } from './afronding.ts';

const STATUS_RANG: Record<T.Status, number> = { illustratief: 0, voorlopig: 1, vastgesteld: 2 };

/** The least certain of some statuses: a tariff is as certain as its least certain input. */
export function zwaksteStatus(statussen: T.Status[]): T.Status {
  return statussen.reduce<T.Status>((a, b) => (STATUS_RANG[b] < STATUS_RANG[a] ? b : a), 'vastgesteld');
}

export function bronTekst(b: T.Bron): string {
  return [b.titel, b.pagina ? `p. ${b.pagina}` : '', b.url ?? ''].filter(Boolean).join(', ');
}

/** A rounding rule as it appears among the parameters of a step. */
export function regelGebruik(regel: T.AfrondingsRegel, peildatum: string): ParamGebruik {
  return {
    pad: `afronding.${regel.id}`,
    waarde: regel.veelvoud,
    eenheid: 'euro',
    ...regel.herkomst,
    bron: 'afrondingsregel van de set',
    status: 'vastgesteld',
    geldig_van: peildatum,
    geldig_tot: peildatum,
  };
}

/**
 * A convention the set chooses explicitly (rekenwijze, grondslag, conventie), shown among the
 * parameters of its step with the place where it was written. It has no number: spreadsheets
 * leave it out, and the weergave is the choice as written in the YAML.
 */
export function keuzeGebruik(pad: string, weergave: string, herkomst: T.Herkomst, peildatum: string): ParamGebruik {
  return {
    pad,
    waarde: new Decimal(0),
    eenheid: 'keuze',
    weergave,
    ...herkomst,
    bron: 'keuze in de set',
    status: 'vastgesteld',
    geldig_van: peildatum,
    geldig_tot: peildatum,
  };
}

const AFROND_FN = { rekenkundig: 'ROUND', omhoog: 'ROUNDUP', omlaag: 'ROUNDDOWN' } as const;

/**
 * A spreadsheet computes x ÷ veelvoud in binary floating point, so an exact
 * half (10,065 ÷ 0,01 = 1006,5) can arrive as 1006,4999…; rounding that
 * quotient to 9 decimals first restores the half before the real rounding.
 * For the exact model this inner step changes nothing unless a quotient lies
 * within 10⁻⁹ of a half, which the expression test would report.
 */
const ZUIVER = 9;

/** ROUND(ROUND(x ÷ veelvoud; 9); 0) × veelvoud, in the direction of the rule. */
export function afrondExpr(x: Expr, veelvoud: ParamGebruik, richting: T.AfrondingsRegel['richting']): Expr {
  return E.maal(E.fn(AFROND_FN[richting], E.fn('ROUND', E.deel(x, E.param(veelvoud)), E.getal(ZUIVER)), E.getal(0)), E.param(veelvoud));
}

/** ROUND(ROUND(uurtarief ÷ 60; 9); 2) */
export function minuutExpr(stap: string): Expr {
  return E.fn('ROUND', E.fn('ROUND', E.deel(E.stap(stap), E.getal(60)), E.getal(ZUIVER)), E.getal(2));
}

/**
 * The minute tariff from an hourly tariff: ÷ 60, half up to whole cents (a declaration in minutes is
 * paid in whole cents). One named rounding point, the same for every kind of tariff.
 */
export function minuutStap(uurtarief: Decimal, uitStap: string, naam = 'minuut'): Stap {
  return {
    stap: naam,
    label: 'Tarief per minuut',
    formule: 'uurtarief ÷ 60, rekenkundig afgerond op hele centen',
    waarde: rondCent(uurtarief.div(60)),
    eenheid: 'euro_per_minuut',
    parameters: [],
    kostenelementen: [],
    expr: minuutExpr(uitStap),
  };
}
