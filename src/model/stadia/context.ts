/**
 * What every stage of the kostprijsmodel shares: the set, the peildatum, how a parameter is read on that
 * date (a missing value stops the product with an `Ontbreekt`), the legal cost elements and small helpers
 * for the opbouw. Pure.
 */
import type { Decimal } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { waardeOp } from '../../params/regels.ts';
import { getal } from '../../shared/format.ts';
import { bronTekst } from '../gebruik.ts';
import type { ModelProbleem, ParamGebruik, Stap } from '../types.ts';

export const KOSTENELEMENT = {
  wmo: {
    beroepskracht: 'Wmo art. 5.4 lid 3 a (kosten beroepskracht)',
    overhead: 'Wmo art. 5.4 lid 3 b (redelijke overhead)',
    nietProductief: 'Wmo art. 5.4 lid 3 c (niet-productieve uren)',
    reisOpleiding: 'Wmo art. 5.4 lid 3 d (reis- en opleidingskosten)',
    indexatie: 'Wmo art. 5.4 lid 3 e (indexatie)',
    verplichtingen: 'Wmo art. 5.4 lid 3 f (kosten gemeentelijke verplichtingen)',
  },
  jeugdwet: {
    beroepskracht: 'Besluit Jeugdwet art. 2.3 lid 1 a (beroepskrachten, cliëntgebonden en niet-cliëntgebonden)',
    clientgebonden: 'Besluit Jeugdwet art. 2.3 lid 1 b (cliëntgebonden kosten anders dan beroepskrachten)',
    overhead: 'Besluit Jeugdwet art. 2.3 lid 1 c (overhead)',
    indexatie: 'Besluit Jeugdwet art. 2.3 lid 1 d (indexering)',
  },
} as const;

export type Wet = 'jeugdwet' | 'wmo';

/** The set on one peildatum: the input of every stage. */
export interface Context {
  set: T.ParameterSet;
  tariefjaar: number;
  peildatum: string;
  /** The value of a parameter on the peildatum, as it is shown in a step; throws `Ontbreekt` when there is none. */
  gebruik(p: T.Param): ParamGebruik;
  /**
   * The opslagen of the set, for a computed product. The loader requires opslagen.yaml as soon as a product is
   * computed, so only a set made by hand can lack them; then the product gets an `Ontbreekt`.
   */
  opslagen(p: T.Product): T.Opslagen;
}

/** Thrown when a value is missing on the peildatum; the product gets no tariff and the plan a ModelProbleem. */
export class Ontbreekt extends Error {
  constructor(readonly probleem: ModelProbleem) {
    super(probleem.melding);
  }
}

export function maakContext(set: T.ParameterSet, tariefjaar: number, peildatum: string): Context {
  return {
    set,
    tariefjaar,
    peildatum,
    gebruik(p) {
      const w = waardeOp(p, peildatum);
      if (!w) {
        throw new Ontbreekt({
          ...p.herkomst,
          melding: `${p.pad} heeft geen waarde die geldt op ${peildatum}`,
          verwacht: `een waarde met geldig_van ≤ ${peildatum} ≤ geldig_tot`,
          gevonden: p.reeks.map((x) => `${x.van} t/m ${x.tot}`).join(', '),
          hint: `voeg waarden voor tariefjaar ${tariefjaar} toe aan de set`,
        });
      }
      return {
        pad: p.pad,
        waarde: w.waarde,
        eenheid: p.eenheid,
        ...w.herkomst,
        bron: bronTekst(w.bron),
        status: w.status,
        geldig_van: w.van,
        geldig_tot: w.tot,
      };
    },
    opslagen(p) {
      if (set.opslagen) return set.opslagen;
      throw new Ontbreekt({
        ...p.herkomst,
        melding: `product ${p.code} wordt berekend, maar de set heeft geen opslagen`,
        verwacht: 'opslagen.yaml met overhead, winst en risico en no-show',
        gevonden: 'geen opslagen.yaml',
        hint: 'voeg opslagen.yaml toe (zie models/voorbeeldregio-2027), of neem het tarief over met berekening: overgenomen',
      });
    },
  };
}

/** A step of the opbouw; kostenelementen default to none. */
export function stap(s: Omit<Stap, 'kostenelementen'> & { kostenelementen?: string[] }): Stap {
  return { kostenelementen: [], ...s };
}

/** Numbers inside formula texts, Dutch style (1.234,56). */
export function fmt(d: Decimal, dp?: number): string {
  return getal(d, dp ?? Math.min(d.decimalPlaces(), 6));
}

/** The id of the last step so far (the one the next step builds on). */
export function laatsteStap(stappen: Stap[]): Stap {
  return stappen[stappen.length - 1]!;
}

/** One computed tariff before it becomes a `Tarief`: the amounts and the steps that led to them. */
export interface Resultaat {
  /** unrounded tariff per rekeneenheid */
  onafgerond: Decimal;
  kostprijs: Decimal;
  tarief: Decimal;
  /** for minute products: the rounded hourly tariff */
  tariefPerUur?: Decimal;
  stappen: Stap[];
}

/** The amount a comparison between variants uses: the hourly tariff where there is one, so minute and hour tariffs come from the same CAO. */
export function vergelijkbaar(r: Resultaat): Decimal {
  return r.tariefPerUur ?? r.tarief;
}
