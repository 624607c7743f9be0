/**
 * Property tests: the direction of every main parameter's effect on the tariff.
 * Each property varies one parameter of test/fixtures/sets/volledig and
 * compares the unrounded tariff (winst_en_risico step) and the rounded one.
 */
import fc from 'fast-check';
import { pogingen } from '../eigenschap.ts';
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
function metWaarde(pad: string, waarde: Decimal, product: string, variant: string, s: ParameterSet = set): Tarief {
  const p = param(s, pad);
  const oud = p.reeks.map((w) => w.waarde);
  p.reeks.forEach((w) => (w.waarde = waarde));
  try {
    return tariefVan(s, product, variant);
  } finally {
    p.reeks.forEach((w, i) => (w.waarde = oud[i]!));
  }
}

function tariefVan(s: ParameterSet, product: string, variant: string): Tarief {
  return berekenTarieven(s).tarieven.find((t) => t.product === product && t.variant === variant)!;
}

let conventiesSet: ParameterSet | undefined;
const conventies = () => (conventiesSet ??= laadParameterset('test/fixtures/sets/volledig-conventies').set);

const onafgerond = (t: Tarief) => t.opbouw.find((s) => s.stap === 'winst_en_risico')!.waarde;

/** Two distinct values a < b from integer hundredths in [min, max]. */
const paar = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min: min * 100, max: max * 100 }), fc.integer({ min: min * 100, max: max * 100 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [new Decimal(Math.min(a, b)).div(100), new Decimal(Math.max(a, b)).div(100)] as const);

function stijgt(pad: string, min: number, max: number, product: string, variant: string, richting: 1 | -1, s: ParameterSet = set) {
  fc.assert(
    fc.property(paar(min, max), ([a, b]) => {
      const ta = metWaarde(pad, a, product, variant, s);
      const tb = metWaarde(pad, b, product, variant, s);
      const cmp = onafgerond(tb).cmp(onafgerond(ta));
      expect(cmp).toBe(richting);
      expect(tb.tarief.cmp(ta.tarief) * richting).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: pogingen(40) },
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
      { numRuns: pogingen(40) },
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

  // De conventies van test/fixtures/sets/volledig-conventies.
  it('onder rekenwijze opslag stijgt het tarief met elke opslagpost', () =>
    stijgt('productiviteit.traject_opslag.verzuim', 0, 60, '45A02', 'beta', 1, conventies()));
  it('het tarief daalt met een direct gegeven productiviteitspercentage', () =>
    stijgt('productiviteit.begeleiding_procent.productiviteit', 10, 100, '02A02', 'alfa', -1, conventies()));
  it('het tarief daalt met direct gegeven productieve uren', () => stijgt('productiviteit.groep_uren.productieve_uren', 500, 1800, '07A01', 'beta', -1, conventies()));
  it('het tarief stijgt met winst en risico als aandeel in het tarief', () => stijgt('opslagen.winst_en_risico', 0, 50, '07A01', 'beta', 1, conventies()));

  it('winst als aandeel r in het tarief is gelijk aan een opslag r ÷ (1 − r) op de kostprijs', () => {
    const s = conventies();
    const c = s.opslagen!.winstEnRisicoConventie;
    const oud = c.conventie;
    try {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 9000 }), (h) => {
          const r = new Decimal(h).div(100);
          c.conventie = 'aandeel_in_tarief';
          const aandeel = onafgerond(metWaarde('opslagen.winst_en_risico', r, '44A01', 'alfa', s));
          c.conventie = 'opslag_op_kostprijs';
          const opslag = onafgerond(metWaarde('opslagen.winst_en_risico', r.times(100).div(new Decimal(100).minus(r)), '44A01', 'alfa', s));
          expect(aandeel.minus(opslag).abs().lt('1e-30'), `${aandeel.toFixed()} ≠ ${opslag.toFixed()}`).toBe(true);
        }),
        { numRuns: pogingen(30) },
      );
    } finally {
      c.conventie = oud;
    }
  });

  it('dezelfde posten kosten als aftrek meer dan als opslag, en de opslag is precies 1 + Σ posten', () => {
    const s = conventies();
    const profiel = s.productiviteit.get('traject_opslag')!;
    if (profiel.vorm !== 'posten') throw new Error('traject_opslag hoort posten te hebben');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (h) => {
        const v = new Decimal(h).div(100);
        const opslag = metWaarde('productiviteit.traject_opslag.verzuim', v, '45A02', 'beta', s);
        profiel.rekenwijze = 'aftrek';
        try {
          const aftrek = metWaarde('productiviteit.traject_opslag.verzuim', v, '45A02', 'beta', s);
          expect(onafgerond(aftrek).gt(onafgerond(opslag))).toBe(true);
        } finally {
          profiel.rekenwijze = 'opslag';
        }
        const stap = (id: string) => opslag.opbouw.find((x) => x.stap === id)!.waarde;
        const factor = stap('personeel.hbo.kosten_per_uur').times(38 * 52).div(stap('personeel.hbo.werkgeverslasten'));
        const verwacht = new Decimal(144).div(38 * 52).plus(v.plus(10).div(100)).plus(1);
        expect(factor.minus(verwacht).abs().lt('1e-30'), `${factor.toFixed()} ≠ ${verwacht.toFixed()}`).toBe(true);
      }),
      { numRuns: pogingen(30) },
    );
  });

  it('een grondslag met alle toeslagen geeft hetzelfde tarief als geen grondslag; zonder een toeslag is het lager', () => {
    const s = conventies();
    const alfa = s.caos.get('alfa')!;
    const eigen = alfa.grondslagen.get('pensioen')!;
    const lasten = () => tariefVan(s, '44A01', 'alfa').opbouw.find((x) => x.stap === 'personeel.mbo.werkgeverslasten')!.waarde;
    try {
      alfa.grondslagen.delete('pensioen');
      const standaard = lasten();
      alfa.grondslagen.set('pensioen', { ...eigen, toeslagen: ['vakantiegeld', 'eindejaarsuitkering', 'ort'] });
      expect(lasten().toFixed()).toBe(standaard.toFixed());
      alfa.grondslagen.set('pensioen', { ...eigen, toeslagen: ['ort', 'eindejaarsuitkering', 'vakantiegeld'] });
      expect(lasten().toFixed()).toBe(standaard.toFixed());
      alfa.grondslagen.set('pensioen', eigen);
      // zonder vakantiegeld (8 % van 37.200 = 2.976) scheelt het 15 % daarvan aan pensioen
      expect(standaard.minus(lasten()).toFixed()).toBe('446.4');
      alfa.grondslagen.set('pensioen', { ...eigen, toeslagen: [] });
      expect(lasten().lt(standaard)).toBe(true);
    } finally {
      alfa.grondslagen.set('pensioen', eigen);
    }
  });

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

  it('jaargemiddelde: het salaris is het naar maanden gewogen gemiddelde, en een verhoging weegt zwaarder naarmate ze eerder ingaat', () => {
    const jg = laadParameterset('test/fixtures/sets/volledig-jaargemiddelde').set;
    const alfa = jg.caos.get('alfa')!;
    const origineel = alfa.tabellen;
    const [oud, eerste, tweede] = origineel as [(typeof origineel)[number], (typeof origineel)[number], (typeof origineel)[number]];
    const salaris = (maand: number) => {
      // the raise starts on the first of `maand` (2–12)
      const mm = String(maand).padStart(2, '0');
      const eind = new Date(Date.UTC(2026, maand - 1, 0)).toISOString().slice(0, 10);
      alfa.tabellen = [oud, { ...eerste, tot: eind }, { ...tweede, van: `2026-${mm}-01` }];
      try {
        return tariefVan(jg, '45A01', 'alfa').opbouw.find((x) => x.stap === 'personeel.hbo.salaris')!.waarde;
      } finally {
        alfa.tabellen = origineel;
      }
    };
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 11 }), (m) => {
        // treden 1 en 2 half om half: 4.300 before, 4.429 after the raise
        expect(salaris(m).toFixed()).toBe(new Decimal(4300).times(m - 1).plus(new Decimal(4429).times(13 - m)).div(12).toFixed());
        expect(salaris(m).gt(salaris(m + 1))).toBe(true);
      }),
      { numRuns: pogingen(10) },
    );
  });
});
