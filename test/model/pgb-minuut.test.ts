/**
 * Pgb for minute products: one value is rounded, the amount per minute, and the amount per hour is 60 × that
 * (issue 11). A property over the pgb percentage, the pgb rounding rule and the overhead (which moves the ZIN
 * tariffs), on the standard set and on test/fixtures/sets/volledig: for every minute product and every
 * variant, tarief per uur = 60 × tarief per minuut. Plus two hand-computed amounts.
 */
import fc from 'fast-check';
import { pogingen } from '../eigenschap.ts';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import type { ParameterSet } from '../../src/params/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const sets: [string, ParameterSet][] = ['models/voorbeeldregio-2027', 'test/fixtures/sets/volledig'].map((s) => [s, laadParameterset(s).set]);

describe('pgb bij minuutproducten: per uur = 60 × per minuut', () => {
  it.each(sets)('%s: voor elk minuutproduct en elke variant, bij elk pgb-percentage, elke pgb-afronding en elke overhead', (_, set) => {
    const pgb = set.varianten.pgb!;
    const regel = set.afronding.get(pgb.afronding)!;
    const oh = set.opslagen!.overhead.standaard;
    const bewaard = { pct: pgb.soorten.map((s) => s.percentage.reeks.map((w) => w.waarde)), veelvoud: regel.veelvoud, richting: regel.richting, oh: oh.reeks.map((w) => w.waarde) };
    try {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10000 }),
          fc.constantFrom('0.01', '0.05', '0.10'),
          fc.constantFrom('rekenkundig', 'omhoog', 'omlaag') as fc.Arbitrary<'rekenkundig' | 'omhoog' | 'omlaag'>,
          fc.integer({ min: 0, max: 4000 }),
          (pctHonderdsten, veelvoud, richting, ohHonderdsten) => {
            for (const s of pgb.soorten) for (const w of s.percentage.reeks) w.waarde = new Decimal(pctHonderdsten).div(100);
            regel.veelvoud = new Decimal(veelvoud);
            regel.richting = richting;
            for (const w of oh.reeks) w.waarde = new Decimal(ohHonderdsten).div(100);
            const plan = berekenTarieven(set);
            expect(plan.problemen).toEqual([]);
            const minuut = plan.tarieven.filter((t) => t.eenheid === 'minuut');
            expect(minuut.some((t) => t.variantSoort === 'pgb')).toBe(true);
            for (const t of minuut) expect(t.tarief.times(60).toFixed(2), `${t.product} ${t.variant}`).toBe(t.tariefPerUur!.toFixed(2));
          },
        ),
        { numRuns: pogingen(15) },
      );
    } finally {
      pgb.soorten.forEach((s, i) => s.percentage.reeks.forEach((w, k) => (w.waarde = bewaard.pct[i]![k]!)));
      regel.veelvoud = bewaard.veelvoud;
      regel.richting = bewaard.richting;
      oh.reeks.forEach((w, k) => (w.waarde = bewaard.oh[k]!));
    }
  });

  it('45A48 pgb professioneel in de standaardset: 87,60 per uur × 75 % ÷ 60 = 1,095 → 1,10 per minuut, 66,00 per uur', () => {
    const plan = berekenTarieven(sets[0]![1]);
    const zin = plan.tarieven.find((t) => t.product === '45A48' && t.variant === 'basistarief')!;
    const pgb = plan.tarieven.find((t) => t.product === '45A48' && t.variant === 'pgb-professioneel')!;
    // the ZIN hourly tariff the expected value starts from; the rest by hand
    expect(zin.tariefPerUur!.toFixed(2)).toBe('87.60');
    expect(pgb.tarief.toFixed(2)).toBe('1.10');
    expect(pgb.tariefPerUur!.toFixed(2)).toBe('66.00');
  });

  it('een vast pgb-bedrag per uur bij een minuutproduct: eerst op hele centen per minuut, dan × 60', () => {
    const set = laadParameterset('test/fixtures/sets/volledig').set;
    const p = set.producten.find((x) => x.code === '45A01')!;
    const h = { bestand: 'test', regel: 1, kolom: 1 };
    p.pgb = [
      ...p.pgb.filter((o) => o.soort !== 'professioneel'),
      { soort: 'professioneel', uitgesloten: false, param: { pad: 'producten.45A01.pgb.professioneel', eenheid: 'euro_per_uur', herkomst: h, reeks: [{ waarde: new Decimal('65.70'), van: '2026-01-01', tot: '2026-12-31', bron: { titel: 'test' }, status: 'illustratief', herkomst: h }] } },
    ];
    const t = berekenTarieven(set).tarieven.find((x) => x.product === '45A01' && x.variant === 'pgb-professioneel')!;
    // 65,70 ÷ 60 = 1,095 → 1,10 per minuut; × 60 = 66,00 per uur
    expect(t.tarief.toFixed(2)).toBe('1.10');
    expect(t.tariefPerUur!.toFixed(2)).toBe('66.00');
  });
});

/**
 * The same rule inside an indexation round (issue 9): a pgb tariff of a minute product that follows the indexed
 * ZIN tariff rounds its amount per minute, and per uur = 60 × per minuut. A property over the pgb percentage of
 * the new year, the pgb rounding rule and this year's provisional OVA (which moves the index), on the round
 * fixtures (VNG, NZa, a round on a round) and on a round of the standard set made in memory as indexeer does.
 */
describe('pgb bij minuutproducten in een indexatieronde: per uur = 60 × per minuut', () => {
  const standaard = laadParameterset('models/voorbeeldregio-2027').set;
  const rondes: [string, ParameterSet][] = [
    ...['test/fixtures/sets/volledig-geindexeerd', 'test/fixtures/sets/volledig-geindexeerd-nza', 'test/fixtures/sets/volledig-geindexeerd-2028'].map((s): [string, ParameterSet] => [s, laadParameterset(s).set]),
    [
      'voorbeeldregio-2027 → 2028 (zoals indexeer)',
      { ...standaard, tariefjaar: 2028, peildatum: '2028-01-01', controletotalen: [], indexering: { basisjaar: 2027, basisPeildatum: standaard.peildatum, basis: standaard } },
    ],
  ];
  it.each(rondes)('%s: elk minuuttarief, bij elk pgb-percentage, elke pgb-afronding en elke voorlopige OVA', (_, set) => {
    const pgb = set.varianten.pgb!;
    const regel = set.afronding.get(pgb.afronding)!;
    const ova = set.indexcijfers!.jaren.get(set.tariefjaar)!.ovaVoorlopig!;
    const bewaard = { pct: pgb.soorten.map((s) => s.percentage.reeks.map((w) => w.waarde)), veelvoud: regel.veelvoud, richting: regel.richting, ova: ova.waarde };
    try {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10000 }),
          fc.constantFrom('0.01', '0.05', '0.10'),
          fc.constantFrom('rekenkundig', 'omhoog', 'omlaag') as fc.Arbitrary<'rekenkundig' | 'omhoog' | 'omlaag'>,
          fc.integer({ min: -200, max: 1500 }),
          (pctHonderdsten, veelvoud, richting, ovaHonderdsten) => {
            for (const s of pgb.soorten) for (const w of s.percentage.reeks) w.waarde = new Decimal(pctHonderdsten).div(100);
            regel.veelvoud = new Decimal(veelvoud);
            regel.richting = richting;
            ova.waarde = new Decimal(ovaHonderdsten).div(100);
            const plan = berekenTarieven(set);
            expect(plan.problemen).toEqual([]);
            const minuut = plan.tarieven.filter((t) => t.eenheid === 'minuut');
            expect(minuut.filter((t) => t.variantSoort === 'pgb' && t.opbouw.some((s) => s.stap === 'pgb_geindexeerd')).length).toBeGreaterThan(0);
            for (const t of minuut) expect(t.tarief.times(60).toFixed(2), `${t.product} ${t.variant}`).toBe(t.tariefPerUur!.toFixed(2));
          },
        ),
        { numRuns: pogingen(10) },
      );
    } finally {
      pgb.soorten.forEach((s, i) => s.percentage.reeks.forEach((w, k) => (w.waarde = bewaard.pct[i]![k]!)));
      regel.veelvoud = bewaard.veelvoud;
      regel.richting = bewaard.richting;
      ova.waarde = bewaard.ova;
    }
  });

  it('45A01 pgb professioneel in de testronde 2027: 80,40 per uur × 75 % ÷ 60 = 1,005 → 1,01 per minuut, 60,60 per uur (was 60,30)', () => {
    const plan = berekenTarieven(rondes[0]![1]);
    const zin = plan.tarieven.find((t) => t.product === '45A01' && t.variant === 'basistarief')!;
    const pgb = plan.tarieven.find((t) => t.product === '45A01' && t.variant === 'pgb-professioneel')!;
    // the indexed ZIN hourly tariff the expected value starts from; the rest by hand
    expect(zin.tariefPerUur!.toFixed(2)).toBe('80.40');
    expect(pgb.opbouw.find((s) => s.stap === 'pgb_geindexeerd')!.parameters[0]!.waarde.toFixed()).toBe('75');
    expect(pgb.tarief.toFixed(2)).toBe('1.01');
    expect(pgb.tariefPerUur!.toFixed(2)).toBe('60.60');
  });
});
