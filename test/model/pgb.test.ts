/**
 * Pgb variants: a fixed amount per product in the product's own unit, and a status no more certain than
 * the ZIN tariff it is a share of. Expected values by hand calculation (see each test).
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import type { Param } from '../../src/params/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const vast = (pad: string, eenheid: Param['eenheid'], waarde: string, status: 'vastgesteld' | 'illustratief' = 'illustratief'): Param => ({
  pad,
  eenheid,
  herkomst: { bestand: 'test', regel: 1, kolom: 1 },
  reeks: [{ waarde: new Decimal(waarde), van: '2026-01-01', tot: '2026-12-31', bron: { titel: 'test' }, status, herkomst: { bestand: 'test', regel: 1, kolom: 1 } }],
});

describe('pgb-varianten', () => {
  it('een vast bedrag per minuut bij een minuutproduct: uurtarief = bedrag × 60, minuuttarief = het bedrag', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    const p = set.producten.find((x) => x.code === '45A01')!;
    p.pgb = [...p.pgb.filter((o) => o.soort !== 'professioneel'), { soort: 'professioneel', uitgesloten: false, param: vast('producten.45A01.pgb.professioneel', 'euro_per_eenheid', '0.88') }];
    const t = berekenTarieven(set).tarieven.find((x) => x.product === '45A01' && x.variant === 'pgb-professioneel')!;
    // 0,88 per minuut × 60 = 52,80 per uur; 52,80 ÷ 60 = 0,88
    expect(t.tariefPerUur!.toFixed(2)).toBe('52.80');
    expect(t.tarief.toFixed(2)).toBe('0.88');
  });

  it('een vast bedrag per uur bij een minuutproduct blijft een uurbedrag', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    const p = set.producten.find((x) => x.code === '45A01')!;
    p.pgb = [...p.pgb.filter((o) => o.soort !== 'professioneel'), { soort: 'professioneel', uitgesloten: false, param: vast('producten.45A01.pgb.professioneel', 'euro_per_uur', '52.80') }];
    const t = berekenTarieven(set).tarieven.find((x) => x.product === '45A01' && x.variant === 'pgb-professioneel')!;
    expect(t.tariefPerUur!.toFixed(2)).toBe('52.80');
    expect(t.tarief.toFixed(2)).toBe('0.88');
  });

  it('een pgb-tarief is niet zekerder dan het ZIN-tarief waarvan het een deel is', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    for (const s of set.varianten.pgb!.soorten) for (const w of s.percentage.reeks) w.status = 'vastgesteld';
    const plan = berekenTarieven(set);
    const pgb = plan.tarieven.filter((x) => x.variantSoort === 'pgb');
    expect(pgb.length).toBeGreaterThan(0);
    for (const t of pgb) {
      const zin = plan.tarieven.find((x) => x.product === t.product && x.variant === (t.opbouw[0]!.expr as { variant: string }).variant)!;
      expect(zin.status, t.product).toBe('illustratief');
      expect(t.status, `${t.product}/${t.variant}`).toBe('illustratief');
    }
  });

  it('in een indexatieronde: het pgb-percentage van de ronde over het geïndexeerde ZIN-tarief', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-geindexeerd');
    const soort = set.varianten.pgb!.soorten.find((x) => x.id === 'professioneel')!;
    soort.percentage = vast('varianten.pgb.professioneel', 'procent', '80');
    soort.percentage.reeks[0]!.van = '2027-01-01';
    soort.percentage.reeks[0]!.tot = '2027-12-31';
    const plan = berekenTarieven(set);
    const pgb = plan.tarieven.find((x) => x.product === '07A01' && x.variant === 'pgb-professioneel')!;
    const zin = pgb.opbouw.find((x) => x.stap === 'zin_geindexeerd')!.waarde;
    // 80 % of the indexed ZIN tariff, rounded to cents (the set's pgb rule)
    expect(pgb.tarief.toFixed(2)).toBe(zin.times('0.8').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
    expect(pgb.opbouw.find((x) => x.stap === 'pgb_geindexeerd')!.parameters[0]!.waarde.toFixed()).toBe('80');
  });

  it('een pgb-tarief boven zijn ZIN-tarief is een signaal (een bedrag per minuut dat een uurbedrag had moeten zijn)', async () => {
    const { signalenVoorPlan } = await import('../../src/model/signalen.ts');
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    const p = set.producten.find((x) => x.code === '45A01')!;
    p.pgb = [...p.pgb.filter((o) => o.soort !== 'professioneel'), { soort: 'professioneel', uitgesloten: false, param: vast('producten.45A01.pgb.professioneel', 'euro_per_eenheid', '55.80') }];
    const s = signalenVoorPlan(set, berekenTarieven(set)).filter((x) => x.soort === 'pgb_boven_zin');
    // exactly this one: 55,80 per minuut = 3.348,00 per uur against the basistarief 75,60 per uur; no other pgb tariff
    expect(s.map((x) => x.melding)).toEqual(['45A01 pgb-professioneel: pgb-tarief 3348,00 ligt boven het ZIN-tarief 75,60 waarvan het is afgeleid']);
    expect(s[0]!.bestand).toMatch(/producten\/jeugd\.yaml$/);
    expect(s[0]!.plek).toBe(`${s[0]!.bestand}:${p.herkomst.regel}`);
  });
});
