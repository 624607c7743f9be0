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
  /** The definitive figures are needed unless the catch-up is given as published (gepubliceerdeInhaal). */
  vorigJaar: Jaarcijfers;
  ditJaar: Jaarcijfers;
  /** Decimals of the published percentages (VNG: 2). */
  decimalen: number;
  /**
   * VNG only: where the index is rounded. per_deel: the catch-up and the provisional index each rounded, then added
   * (VNG up to 2024 and the first 2025 publication: 1,60 % + 4,70 % = 6,30 %); eind: the unrounded sum rounded once
   * (VNG's corrected 2025 method). NZa always rounds once, at the end.
   */
  afrondingspunt?: 'per_deel' | 'eind';
  /** A catch-up over the previous year as published (weighted, in percent), instead of the definitive OVA and PPC. */
  gepubliceerdeInhaal?: Decimal;
}

export interface IndexUitkomst {
  /** VNG: the weighted provisional and definitive index of the previous year, unrounded (absent with a published catch-up) */
  vorigVoorlopig?: Decimal;
  vorigDefinitief?: Decimal;
  /** the catch-up and the provisional index before any rounding */
  inhaalOnafgerond: Decimal;
  voorlopigOnafgerond: Decimal;
  /** provisional weighted index of the target year, as it enters the sum (VNG per_deel: rounded) */
  voorlopig: Decimal;
  /** catch-up of the previous year, as it enters the sum (VNG per_deel: rounded) */
  inhaal: Decimal;
  /** the percentage applied to the tariffs */
  index: Decimal;
  /** NZa: per component */
  loonIndex?: Decimal;
  materieelIndex?: Decimal;
  /** The index before its last rounding: VNG per_deel the same as index (a sum of rounded figures), else the unrounded sum or weighted chains. */
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
  const voorlopigOnafgerond = gewogen(l, m, d.ovaVoorlopig, d.ppcVoorlopig);
  if (i.methode === 'vng') {
    let vorig: { vorigVoorlopig: Decimal; vorigDefinitief: Decimal } | undefined;
    let inhaalOnafgerond: Decimal;
    if (i.gepubliceerdeInhaal !== undefined) inhaalOnafgerond = i.gepubliceerdeInhaal;
    else {
      vorig = { vorigVoorlopig: gewogen(l, m, v.ovaVoorlopig, v.ppcVoorlopig), vorigDefinitief: gewogen(l, m, v.ovaDefinitief!, v.ppcDefinitief!) };
      inhaalOnafgerond = i.inhaal === 'absoluut' ? vorig.vorigDefinitief.minus(vorig.vorigVoorlopig) : relatief(vorig.vorigDefinitief, vorig.vorigVoorlopig);
    }
    const basis = { ...(vorig ?? {}), inhaalOnafgerond, voorlopigOnafgerond };
    if (i.afrondingspunt === 'eind') {
      const som = inhaalOnafgerond.plus(voorlopigOnafgerond);
      return { ...basis, inhaal: inhaalOnafgerond, voorlopig: voorlopigOnafgerond, index: rond(som, dp), onafgerond: som };
    }
    const inhaal = rond(inhaalOnafgerond, dp);
    const voorlopig = rond(voorlopigOnafgerond, dp);
    return { ...basis, voorlopig, inhaal, index: inhaal.plus(voorlopig), onafgerond: inhaal.plus(voorlopig) };
  }
  // NZa chains per component: (1 + inhaal) × (1 + voorlopig) − 1, the catch-up as ratio or as difference
  const verschil = (a: Decimal, b: Decimal) => (i.inhaal === 'absoluut' ? a.minus(b) : relatief(a, b));
  if (i.gepubliceerdeInhaal !== undefined) {
    // a published (weighted) catch-up chains with the weighted provisional index
    const geheel = keten(i.gepubliceerdeInhaal, voorlopigOnafgerond);
    return { inhaalOnafgerond: i.gepubliceerdeInhaal, voorlopigOnafgerond, voorlopig: rond(voorlopigOnafgerond, dp), inhaal: rond(i.gepubliceerdeInhaal, dp), index: rond(geheel, dp), onafgerond: geheel };
  }
  const loonIndex = keten(verschil(v.ovaDefinitief!, v.ovaVoorlopig), d.ovaVoorlopig);
  const materieelIndex = keten(verschil(v.ppcDefinitief!, v.ppcVoorlopig), d.ppcVoorlopig);
  const inhaal = gewogen(l, m, verschil(v.ovaDefinitief!, v.ovaVoorlopig), verschil(v.ppcDefinitief!, v.ppcVoorlopig));
  return {
    inhaalOnafgerond: inhaal,
    voorlopigOnafgerond,
    voorlopig: rond(voorlopigOnafgerond, dp),
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
  /** The component's index as it enters the combination: VNG inhaal + voorlopig (per_deel: each rounded; eind: unrounded), NZa the unrounded weighted chains, or the given percentage. */
  index: Decimal;
  /** Only for a component with weights: the VNG or NZa figures behind its index. */
  uitkomst?: IndexUitkomst;
}

/**
 * A product split into components (dienst, huisvesting, inventaris …): each is indexed on its own,
 * with its own weights by the set's method or with a given percentage, and the product's index is
 * Σ aandeel × index of the component ÷ 100, rounded once to the set's decimals. As for a whole
 * product, NZa combines the unrounded chained indices, VNG per_deel the rounded figures and VNG eind the unrounded sum.
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
