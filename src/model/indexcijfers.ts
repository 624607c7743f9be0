/**
 * Indexation percentages from OVA (loon) and PPC (materieel), by the VNG
 * method (catch-up of the previous year added to this year's provisional
 * index) or the NZa method (multiplicative chaining per component). Pure;
 * percentages in percent (6.30 means 6,30 %), rounded to the set's number of
 * decimals at the points VNG publishes them.
 */
import { Decimal, HONDERD } from '../shared/decimal.ts';

export interface Jaarcijfers {
  ovaVoorlopig: Decimal;
  ovaDefinitief?: Decimal;
  ppcVoorlopig: Decimal;
  ppcDefinitief?: Decimal;
}

export interface IndexInvoer {
  methode: 'vng' | 'nza';
  /** Catch-up of the previous year as percentage-point difference (absoluut) or as ratio (relatief); NZa chains either. */
  inhaal: 'absoluut' | 'relatief';
  /** Weights in percent (90 / 10). */
  loon: Decimal;
  materieel: Decimal;
  vorigJaar: Jaarcijfers & { ovaDefinitief: Decimal; ppcDefinitief: Decimal };
  ditJaar: Jaarcijfers;
  /** Decimals of the published percentages (VNG: 2). */
  decimalen: number;
}

export interface IndexUitkomst {
  /** provisional weighted index of the target year */
  voorlopig: Decimal;
  /** catch-up of the previous year */
  inhaal: Decimal;
  /** the percentage applied to the tariffs */
  index: Decimal;
  /** NZa: per component */
  loonIndex?: Decimal;
  materieelIndex?: Decimal;
  /** The index before its last rounding: VNG the same as index (a sum of rounded figures), NZa the weighted chains. */
  onafgerond: Decimal;
}

const rond = (x: Decimal, dp: number) => x.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
const gewogen = (l: Decimal, m: Decimal, ova: Decimal, ppc: Decimal) => l.times(ova).plus(m.times(ppc)).div(HONDERD);
/** (1 + a) / (1 + b) − 1, in percent */
const relatief = (a: Decimal, b: Decimal) => HONDERD.plus(a).div(HONDERD.plus(b)).minus(1).times(HONDERD);
/** (1 + a)(1 + b) − 1, in percent */
const keten = (a: Decimal, b: Decimal) => HONDERD.plus(a).times(HONDERD.plus(b)).div(HONDERD).minus(HONDERD);

export function berekenIndex(i: IndexInvoer): IndexUitkomst {
  const { loon: l, materieel: m, vorigJaar: v, ditJaar: d, decimalen: dp } = i;
  if (i.methode === 'vng') {
    const vrlVorig = gewogen(l, m, v.ovaVoorlopig, v.ppcVoorlopig);
    const defVorig = gewogen(l, m, v.ovaDefinitief, v.ppcDefinitief);
    const inhaal = rond(i.inhaal === 'absoluut' ? defVorig.minus(vrlVorig) : relatief(defVorig, vrlVorig), dp);
    const voorlopig = rond(gewogen(l, m, d.ovaVoorlopig, d.ppcVoorlopig), dp);
    return { voorlopig, inhaal, index: inhaal.plus(voorlopig), onafgerond: inhaal.plus(voorlopig) };
  }
  // NZa chains per component: (1 + inhaal) × (1 + voorlopig) − 1, the catch-up as ratio or as difference
  const verschil = (a: Decimal, b: Decimal) => (i.inhaal === 'absoluut' ? a.minus(b) : relatief(a, b));
  const loonIndex = keten(verschil(v.ovaDefinitief, v.ovaVoorlopig), d.ovaVoorlopig);
  const materieelIndex = keten(verschil(v.ppcDefinitief, v.ppcVoorlopig), d.ppcVoorlopig);
  const inhaal = gewogen(l, m, verschil(v.ovaDefinitief, v.ovaVoorlopig), verschil(v.ppcDefinitief, v.ppcVoorlopig));
  return {
    voorlopig: rond(gewogen(l, m, d.ovaVoorlopig, d.ppcVoorlopig), dp),
    inhaal: rond(inhaal, dp),
    loonIndex: rond(loonIndex, dp),
    materieelIndex: rond(materieelIndex, dp),
    index: rond(gewogen(l, m, loonIndex, materieelIndex), dp),
    onafgerond: gewogen(l, m, loonIndex, materieelIndex),
  };
}

/** One component of a product: its share of the tariff and its own weights or a given index. */
export type ComponentInvoer = { naam: string; aandeel: Decimal } & ({ loon: Decimal; materieel: Decimal } | { index: Decimal });

export interface ComponentUitkomst {
  naam: string;
  aandeel: Decimal;
  /** The component's index as it enters the combination: VNG inhaal + voorlopig (each rounded), NZa the unrounded weighted chains, or the given percentage. */
  index: Decimal;
  /** Only for a component with weights: the VNG or NZa figures behind its index. */
  uitkomst?: IndexUitkomst;
}

/**
 * A product split into components (dienst, huisvesting, inventaris …): each is indexed on its own,
 * with its own weights by the set's method or with a given percentage, and the product's index is
 * Σ aandeel × index of the component ÷ 100, rounded once to the set's decimals. As for a whole
 * product, NZa combines the unrounded chained indices and VNG the published (rounded) figures.
 */
export function berekenComponentIndex(i: Omit<IndexInvoer, 'loon' | 'materieel'>, componenten: ComponentInvoer[]): { componenten: ComponentUitkomst[]; index: Decimal } {
  const uit = componenten.map((c): ComponentUitkomst => {
    if ('index' in c) return { naam: c.naam, aandeel: c.aandeel, index: c.index };
    const u = berekenIndex({ ...i, loon: c.loon, materieel: c.materieel });
    return { naam: c.naam, aandeel: c.aandeel, index: u.onafgerond, uitkomst: u };
  });
  const som = uit.reduce((a, c) => a.plus(c.aandeel.times(c.index)), new Decimal(0)).div(HONDERD);
  return { componenten: uit, index: rond(som, i.decimalen) };
}
