/**
 * Property tests: the direction of every main parameter's effect on the tariff.
 * Each property varies one parameter of test/fixtures/sets/volledig and
 * compares the unrounded tariff (winst_en_risico step) and the rounded one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import type { Param, ParameterSet } from '../../src/params/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';
import type { Tarief } from '../../src/model/types.ts';

const { set } = laadParameterset('test/fixtures/sets/volledig');
let standaardSet: ParameterSet | undefined;
const standaard = () => (standaardSet ??= laadParameterset('models/voorbeeldregio-2027').set);

function param(s: ParameterSet, pad: string): Param {
  const p = s.parameters.find((x) => x.pad === pad);
  if (!p) throw new Error(`geen parameter ${pad}`);
  return p;
}

/** Computes one tariff with a parameter temporarily set to `waarde`. */
function metWaarde(pad: string, waarde: Decimal, product: string, variant: string): Tarief {
  const p = param(set, pad);
  const oud = p.reeks.map((w) => w.waarde);
  p.reeks.forEach((w) => (w.waarde = waarde));
  try {
    return berekenTarieven(set).tarieven.find((t) => t.product === product && t.variant === variant)!;
  } finally {
    p.reeks.forEach((w, i) => (w.waarde = oud[i]!));
  }
}

const onafgerond = (t: Tarief) => t.opbouw.find((s) => s.stap === 'winst_en_risico')!.waarde;

/** Two distinct values a < b from integer hundredths in [min, max]. */
const paar = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min: min * 100, max: max * 100 }), fc.integer({ min: min * 100, max: max * 100 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [new Decimal(Math.min(a, b)).div(100), new Decimal(Math.max(a, b)).div(100)] as const);

function stijgt(pad: string, min: number, max: number, product: string, variant: string, richting: 1 | -1) {
  fc.assert(
    fc.property(paar(min, max), ([a, b]) => {
      const ta = metWaarde(pad, a, product, variant);
      const tb = metWaarde(pad, b, product, variant);
      const cmp = onafgerond(tb).cmp(onafgerond(ta));
      expect(cmp).toBe(richting);
      expect(tb.tarief.cmp(ta.tarief) * richting).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: 40 },
  );
}

describe('eigenschappen van het model', () => {
  it('het tarief stijgt met het salaris (CAO-tabel)', () => {
    const cel = set.caos.get('alfa')!.tabellen[1]!.schalen.get('10')!;
    const oud = [cel.get('1')!.bedrag, cel.get('2')!.bedrag];
    try {
    fc.assert(
      fc.property(paar(2000, 8000), ([a, b]) => {
        const tarief = (v: Decimal) => {
          cel.get('1')!.bedrag = v;
          cel.get('2')!.bedrag = v;
          return berekenTarieven(set).tarieven.find((t) => t.product === '45A01' && t.variant === 'alfa')!;
        };
        const ta = tarief(a);
        const tb = tarief(b);
        expect(onafgerond(tb).gt(onafgerond(ta))).toBe(true);
        expect(tb.tarief.gte(ta.tarief)).toBe(true);
      }),
      { numRuns: 40 },
    );
    } finally {
      cel.get('1')!.bedrag = oud[0]!;
      cel.get('2')!.bedrag = oud[1]!;
    }
  });
  it('het tarief stijgt met de overhead', () => stijgt('opslagen.overhead.standaard', 0, 60, '45A01', 'alfa', 1));
  it('het tarief stijgt met winst en risico', () => stijgt('opslagen.winst_en_risico', 0, 20, '07A01', 'beta', 1));
  it('het tarief stijgt met de no-show', () => stijgt('opslagen.no_show.percentage', 0, 40, '45A01', 'beta', 1));
  it('het tarief daalt met de productiviteit (stijgt met niet-productieve uren)', () =>
    stijgt('productiviteit.ambulant.verzuim', 0, 30, '02A02', 'alfa', 1));
  it('het tarief daalt met de groepsgrootte', () => stijgt('producten.07A01.groepsgrootte', 1, 20, '07A01', 'alfa', -1));

  it.each([
    ['test/fixtures/sets/volledig', () => set],
    ['models/voorbeeldregio-2027', standaard],
  ] as const)('basistarief is het laagste CAO-tarief van elk product (%s)', (_, s) => {
    const plan = berekenTarieven(s());
    const producten = new Set(plan.tarieven.filter((t) => t.variant === 'basistarief').map((t) => t.product));
    expect(producten.size).toBeGreaterThan(0);
    for (const code of producten) {
      const cao = plan.tarieven.filter((t) => t.product === code && t.variantSoort === 'cao').map((t) => t.tarief);
      const basis = plan.tarieven.find((t) => t.product === code && t.variant === 'basistarief')!.tarief;
      expect(basis.toFixed(2), code).toBe(Decimal.min(...cao).toFixed(2));
    }
  });

  it('micro-onderneming is nooit duurder dan het basistarief', () => {
    const plan = berekenTarieven(standaard());
    for (const t of plan.tarieven.filter((x) => x.variant === 'micro-onderneming')) {
      const basis = plan.tarieven.find((x) => x.product === t.product && x.variant === 'basistarief')!;
      expect(t.tarief.lte(basis.tarief), t.product).toBe(true);
    }
  });
});
