/** The computed model: tariffs with their opbouw (cost build-up). */
import type { Decimal } from '../shared/decimal.ts';
import type { Status } from '../params/types.ts';
import type { Expr } from './expressie.ts';

/** A parameter as it was used in one step. */
export interface ParamGebruik {
  pad: string;
  waarde: Decimal;
  eenheid: string;
  bestand: string;
  regel: number;
  kolom: number;
  bron: string;
  status: Status;
  geldig_van: string;
  geldig_tot: string;
  /** Display text where the value alone says too little (functiehuis). */
  weergave?: string;
  /**
   * The name under which `vergelijk` matches this value with the same value of another set, where the
   * path is not enough: a salary cell under jaargemiddelde, by the month its table starts in the year.
   */
  vergelijkAls?: string;
}

export interface Stap {
  /** Stable id such as personeel.hbo.werkgeverslasten or overhead. */
  stap: string;
  label: string;
  formule: string;
  waarde: Decimal;
  eenheid: string;
  parameters: ParamGebruik[];
  /** Legal cost elements this step makes visible (Wmo art. 5.4 lid 3, Besluit Jeugdwet art. 2.3 lid 1). */
  kostenelementen: string[];
  /** The computation over parameters and earlier steps, for live spreadsheet formulas. */
  expr: Expr;
}

export type VariantSoort = 'cao' | 'basistarief' | 'micro' | 'pgb' | 'aanbieder' | 'vast';

export interface Tarief {
  product: string;
  productnaam: string;
  wet: 'jeugdwet' | 'wmo';
  contract: string;
  variant: string;
  variantSoort: VariantSoort;
  /** CAO the amount was computed with, where one applies. */
  cao?: string;
  eenheid: string;
  eenheidCode: string;
  /** Tariff per unit, rounded at the named rounding point. */
  tarief: Decimal;
  /** For minute products: the rounded hourly tariff the minute tariff derives from. */
  tariefPerUur?: Decimal;
  /** Kostprijs before winst en risico, unrounded (for signals such as "tarief onder kostprijs"). */
  kostprijs?: Decimal;
  /** Weakest status of all parameters used. */
  status: Status;
  opbouw: Stap[];
}

export interface ModelProbleem {
  bestand: string;
  regel: number;
  kolom: number;
  melding: string;
  verwacht?: string;
  gevonden?: string;
  hint?: string;
}

export interface Tarievenplan {
  model: { id: string; naam: string; regio: string; tariefjaar: number; peildatum: string; versie: string; vingerafdruk: string };
  tarieven: Tarief[];
  problemen: ModelProbleem[];
}
