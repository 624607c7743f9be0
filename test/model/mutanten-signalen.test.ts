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

describe('signalen: plekken en randen', () => {
  it('onder het minimumloon wijst naar de trede van de salaristabel', () => {
    const { set } = laadParameterset(SET);
    const plan = berekenTarieven(set);
    const s = signalenVoorPlan(set, plan).filter((x) => x.soort === 'onder_minimumloon');
    // the cell of the salaris step of CAO Alfa mbo (schaal 8 trede 1, see mutanten-stadia.test.ts)
    const t = plan.tarieven.find((x) => x.cao === 'alfa')!;
    const cel = t.opbouw.find((x) => x.stap === 'personeel.mbo.salaris')!.parameters.find((p) => p.pad.includes('.trede['))!;
    expect(cel.pad).toBe('cao.alfa.tabel[2026-01-01].schaal[8].trede[1]');
    expect(s[0]).toEqual({ soort: 'onder_minimumloon', melding: 'alfa mbo: uurloon 19,87 ligt onder het wettelijk minimumloon 25,00 (2026-01-01)', plek: `${cel.bestand}:${cel.regel}`, bestand: cel.bestand, regel: cel.regel, kolom: cel.kolom });
  });

  it('een oude bron wijst naar de waarde; zonder maximale leeftijd of zonder waarde op de peildatum: geen signaal', () => {
    const { set } = laadParameterset(SET);
    const w = set.parameters.find((x) => x.pad === 'opslagen.winst_en_risico')!;
    w.reeks = w.reeks.map((x) => ({ ...x, bron: { titel: 'besluit', datum: '2020-01-01' } }));
    // a parameter with no value on 2026-01-01 at all
    const o = set.parameters.find((x) => x.pad === 'opslagen.overhead.standaard')!;
    o.reeks = o.reeks.map((x) => ({ ...x, van: '2027-01-01', tot: '2027-12-31', bron: { titel: 'besluit', datum: '2020-01-01' } }));
    const plan = berekenTarieven(set, { peildatum: '2026-01-01' });
    const h = w.reeks[0]!.herkomst;
    expect(signalenVoorPlan(set, plan).filter((x) => x.soort === 'oude_bron')).toEqual([
      { soort: 'oude_bron', melding: 'opslagen.winst_en_risico: de bron is van 2020-01-01, ouder dan 6 maanden voor de peildatum', plek: `${h.bestand}:${h.regel}`, ...h },
    ]);
    delete set.signalen!.maximaleBronleeftijdMaanden;
    expect(signalenVoorPlan(set, plan).filter((x) => x.soort === 'oude_bron')).toEqual([]);
  });
});

describe('18-/18+ met opgegeven paren', () => {
  it('elk opgegeven paar telt, met zijn eigen plek; zonder drempel geen signaal', () => {
    const { set } = laadParameterset(SET);
    const plan = berekenTarieven(set);
    const s = set.signalen!;
    const plek = (regel: number) => ({ bestand: 'signalen.yaml', regel, kolom: 5 });
    s.jeugdWmoParen = [
      { jeugdwet: '45A01', wmo: '02A02', herkomst: plek(30) },
      { jeugdwet: '07A01', wmo: '02A02', herkomst: plek(33) },
    ];
    const alle = signalenVoorPlan(set, plan);
    const paren = alle.filter((x) => x.soort === 'jeugd_wmo_verschil');
    // every signal is of a known kind (nothing else in the list)
    expect(alle.map((x) => x.soort)).toEqual([...alle.filter((x) => x.soort !== 'jeugd_wmo_verschil').map((x) => x.soort), ...paren.map(() => 'jeugd_wmo_verschil')]);
    expect(alle.filter((x) => x.soort === 'onder_minimumloon')).toHaveLength(2);
    // both declared pairs give signals, each at its own line
    const perPaar = (code: string) => paren.filter((x) => x.melding.startsWith(`${code} (Jeugdwet`));
    expect(perPaar('45A01').length).toBeGreaterThan(0);
    expect(perPaar('07A01').length).toBeGreaterThan(0);
    expect(new Set(perPaar('45A01').map((x) => x.plek))).toEqual(new Set(['signalen.yaml:30']));
    expect(new Set(perPaar('07A01').map((x) => x.plek))).toEqual(new Set(['signalen.yaml:33']));
    expect(perPaar('45A01')[0]!.melding).toMatch(/^45A01 \(Jeugdwet, [\d,]+\) en 02A02 \(Wmo, [\d,]+\) zijn als vergelijkbaar opgegeven maar verschillen [\d,]+ % bij variant \S+, meer dan 1,0 %: let op de overgang 18-\/18\+$/);
    // without a threshold: no pair is compared
    delete s.jeugdWmoVerschil;
    expect(signalenVoorPlan(set, plan).filter((x) => x.soort === 'jeugd_wmo_verschil')).toEqual([]);
  });

  it('een groepsgrootte van 1 is hetzelfde als geen groepsgrootte', () => {
    const { set } = laadParameterset(SET);
    const wmo = set.producten.find((x) => x.code === '02A02')!;
    const jeugd = set.producten.find((x) => x.code === '45A01')!;
    if (wmo.berekening !== 'kostprijs' || jeugd.berekening !== 'kostprijs') throw new Error('02A02 en 45A01 zijn kostprijsproducten');
    // 45A01 as an hourly product with the staff of 02A02, only under CAO Beta, and an explicit groepsgrootte 1
    jeugd.inzet = wmo.inzet;
    jeugd.eenheid = 'uur';
    jeugd.caos = ['beta'];
    expect(wmo.groepsgrootte).toBeUndefined();
    jeugd.groepsgrootte = { pad: 'producten.45A01.groepsgrootte', eenheid: 'aantal', herkomst: jeugd.herkomst, reeks: [{ waarde: new Decimal(1), van: '2026-01-01', tot: '2026-12-31', bron: { titel: 'test' }, status: 'illustratief', herkomst: jeugd.herkomst }] } as never;
    const s = signalenVoorPlan(set, berekenTarieven(set)).filter((x) => x.soort === 'jeugd_wmo_verschil');
    expect(s.map((x) => x.melding.slice(0, 5))).toEqual(['45A01']);
    expect(s[0]!.melding).toContain('hebben dezelfde inzet');
  });
});
