/**
 * Reviewer signals (src/model/signalen.ts) at their edges, on test/fixtures/sets/volledig-review (peildatum
 * 2026-01-01, maximale_bronleeftijd_maanden 6, minimumloon 25,00 per uur), changed in memory:
 * - the age of a source: six months before 2026-01-01 is 2025-07-01 (over the turn of the year); a source of that
 *   day is not too old, one of the day before is;
 * - a threshold without a value on the peildatum gives no signal;
 * - an onder_kostprijs signal points at the product in the set.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { signalenVoorPlan } from '../../src/model/signalen.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const SET = 'test/fixtures/sets/volledig-review';

describe('oude bronnen', () => {
  it('de grens ligt precies zes maanden voor de peildatum: 2025-07-01 mag, 2025-06-30 niet', () => {
    const { set } = laadParameterset(SET);
    const zet = (pad: string, datum: string) => {
      const p = set.parameters.find((x) => x.pad === pad)!;
      p.reeks = p.reeks.map((w) => ({ ...w, bron: { titel: 'besluit', datum } }));
    };
    zet('opslagen.winst_en_risico', '2025-06-30');
    zet('opslagen.overhead.standaard', '2025-07-01');
    zet('opslagen.gemeentelijke_verplichtingen', '2025-12-31');
    const s = signalenVoorPlan(set, berekenTarieven(set)).filter((x) => x.soort === 'oude_bron');
    expect(s.map((x) => x.melding)).toEqual(['opslagen.winst_en_risico: de bron is van 2025-06-30, ouder dan 6 maanden voor de peildatum']);
  });

  it('een termijn van 14 maanden: 2024-11-01 mag, 2024-10-31 niet', () => {
    const { set } = laadParameterset(SET);
    set.signalen!.maximaleBronleeftijdMaanden = 14;
    const zet = (pad: string, datum: string) => {
      const p = set.parameters.find((x) => x.pad === pad)!;
      p.reeks = p.reeks.map((w) => ({ ...w, bron: { titel: 'besluit', datum } }));
    };
    zet('opslagen.winst_en_risico', '2024-10-31');
    zet('opslagen.overhead.standaard', '2024-11-01');
    const s = signalenVoorPlan(set, berekenTarieven(set)).filter((x) => x.soort === 'oude_bron');
    expect(s.map((x) => x.melding)).toEqual(['opslagen.winst_en_risico: de bron is van 2024-10-31, ouder dan 14 maanden voor de peildatum']);
  });
  it('een peildatum midden in het jaar: 14 maanden voor 2026-03-15 is 2025-01-15', () => {
    const { set } = laadParameterset(SET);
    set.signalen!.maximaleBronleeftijdMaanden = 14;
    const zet = (pad: string, datum: string) => {
      const p = set.parameters.find((x) => x.pad === pad)!;
      p.reeks = p.reeks.map((w) => ({ ...w, bron: { titel: 'besluit', datum } }));
    };
    zet('opslagen.winst_en_risico', '2025-01-14');
    zet('opslagen.overhead.standaard', '2025-01-15');
    const s = signalenVoorPlan(set, berekenTarieven(set, { peildatum: '2026-03-15' })).filter((x) => x.soort === 'oude_bron');
    expect(s.map((x) => x.melding)).toEqual(['opslagen.winst_en_risico: de bron is van 2025-01-14, ouder dan 14 maanden voor de peildatum']);
  });
});

describe('drempels', () => {
  it('een minimumloon zonder waarde op de peildatum geeft geen signaal (met waarde: twee)', () => {
    const { set } = laadParameterset(SET);
    const plan = berekenTarieven(set);
    expect(signalenVoorPlan(set, plan).filter((x) => x.soort === 'onder_minimumloon')).toHaveLength(2);
    const wml = set.signalen!.minimumloonPerUur!;
    wml.reeks = wml.reeks.map((w) => ({ ...w, van: '2027-01-01', tot: '2027-12-31' }));
    expect(signalenVoorPlan(set, plan).filter((x) => x.soort === 'onder_minimumloon')).toEqual([]);
  });
});

describe('onder de kostprijs', () => {
  it('het signaal wijst naar het product in de set', () => {
    const { set } = laadParameterset(SET);
    const w = set.parameters.find((x) => x.pad === 'opslagen.winst_en_risico')!;
    w.reeks = w.reeks.map((x) => ({ ...x, waarde: new Decimal(-5) }));
    const plan = berekenTarieven(set);
    const s = signalenVoorPlan(set, plan).filter((x) => x.soort === 'onder_kostprijs');
    const p = set.producten.find((x) => x.code === '07A01')!;
    const t = plan.tarieven.find((x) => x.product === '07A01' && x.variant === 'alfa')!;
    // −5 % winst en risico: the tariff is the kostprijs × 0,95, rounded
    const eerste = s.find((x) => x.melding.startsWith('07A01 alfa:'));
    expect(eerste).toEqual({
      soort: 'onder_kostprijs',
      melding: `07A01 alfa: tarief ${t.tarief.toFixed(2).replace('.', ',')} ligt onder de eigen kostprijs ${t.kostprijs!.toFixed(2).replace('.', ',')}`,
      plek: `${p.herkomst.bestand}:${p.herkomst.regel}`,
      ...p.herkomst,
    });
    expect(p.herkomst.bestand).toBe('test/fixtures/sets/volledig/producten/jeugd.yaml');
  });
});

describe('pgb boven ZIN in een indexatieronde', () => {
  it('vergelijkt met het geïndexeerde ZIN-tarief (de laatste ZIN-stap), niet met dat van het jaar ervoor', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-geindexeerd');
    const soort = set.varianten.pgb!.soorten.find((x) => x.id === 'professioneel')!;
    // 150 % of ZIN for the round's year: every pgb-professioneel tariff lies above its ZIN tariff
    soort.percentage = { ...soort.percentage, reeks: [{ ...soort.percentage.reeks[0]!, waarde: new Decimal(150), van: '2027-01-01', tot: '2027-12-31' }] };
    const plan = berekenTarieven(set);
    const t = plan.tarieven.find((x) => x.product === '07A01' && x.variant === 'pgb-professioneel')!;
    const stap = (naam: string) => t.opbouw.find((x) => x.stap === naam)!.waarde;
    // the opbouw has both: last year's ZIN tariff (renamed with its year or not) and this year's indexed one
    const oud = t.opbouw.find((x) => x.stap.startsWith('zin_tarief'))!.waarde;
    expect(oud.eq(stap('zin_geindexeerd'))).toBe(false);
    const s = signalenVoorPlan(set, plan).filter((x) => x.soort === 'pgb_boven_zin' && x.melding.startsWith('07A01 pgb-professioneel'));
    const g = (d: Decimal) => d.toFixed(2).replace('.', ',');
    expect(s.map((x) => x.melding)).toEqual([`07A01 pgb-professioneel: pgb-tarief ${g(t.tarief)} ligt boven het ZIN-tarief ${g(stap('zin_geindexeerd'))} waarvan het is afgeleid`]);
  });
});
