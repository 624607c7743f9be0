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
  /** VNG only: catch-up as percentage-point difference (absoluut) or as ratio (relatief). */
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
    return { voorlopig, inhaal, index: inhaal.plus(voorlopig) };
  }
  const loonIndex = keten(relatief(v.ovaDefinitief, v.ovaVoorlopig), d.ovaVoorlopig);
  const materieelIndex = keten(relatief(v.ppcDefinitief, v.ppcVoorlopig), d.ppcVoorlopig);
  const inhaal = gewogen(l, m, relatief(v.ovaDefinitief, v.ovaVoorlopig), relatief(v.ppcDefinitief, v.ppcVoorlopig));
  return {
    voorlopig: rond(gewogen(l, m, d.ovaVoorlopig, d.ppcVoorlopig), dp),
    inhaal: rond(inhaal, dp),
    loonIndex: rond(loonIndex, dp),
    materieelIndex: rond(materieelIndex, dp),
    index: rond(gewogen(l, m, loonIndex, materieelIndex), dp),
  };
}
