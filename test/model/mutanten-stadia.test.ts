/**
 * The stages of the cost model when a value it needs is missing (src/model/stadia/salaris.ts, context.ts,
 * productiviteit.ts) and the refusal to compute an indexed set for another year (src/model/bereken.ts): each
 * becomes one problem in the plan, with its place, and no tariffs. The set is test/fixtures/sets/volledig (or
 * volledig-jaargemiddelde), loaded and then changed in memory where the reader would refuse the change itself.
 * Figures of the fixture: CAO Alfa 36 uur per week; profile ambulant: verlof 144 u, verzuim 5 %, indirect 10 %,
 * reistijd 5 %; no-show 4 % (test/cases/handberekening.yaml).
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { Decimal } from '../../src/shared/decimal.ts';
import { proefset, tarief } from '../proefset.ts';

const VOL = 'test/fixtures/sets/volledig';

describe('geen salaristabel voor het tariefjaar', () => {
  it('tabel op de peildatum: per CAO één melding met de tabellen die er wel zijn', () => {
    const { set } = laadParameterset(VOL);
    const plan = berekenTarieven(set, { tariefjaar: 2030 });
    expect(plan.tarieven).toEqual([]);
    const hint = 'voeg de tabel voor dit tariefjaar toe';
    expect(plan.problemen.filter((p) => p.melding.includes('salaristabel'))).toEqual([
      { bestand: `${VOL}/cao/alfa.yaml`, regel: 10, kolom: 5, melding: 'CAO Alfa (maandtabel) heeft geen salaristabel die geldt op 2030-01-01', verwacht: 'een tabel met geldig_van ≤ 2030-01-01 ≤ geldig_tot', gevonden: '2025-01-01 t/m 2025-12-31, 2026-01-01 t/m 2026-12-31', hint },
      { bestand: `${VOL}/cao/beta.yaml`, regel: 10, kolom: 5, melding: 'CAO Beta (uurtabel) heeft geen salaristabel die geldt op 2030-01-01', verwacht: 'een tabel met geldig_van ≤ 2030-01-01 ≤ geldig_tot', gevonden: '2026-01-01 t/m 2026-12-31', hint },
    ]);
  });

  it('jaargemiddelde: de eerste maand zonder tabel', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-jaargemiddelde');
    const plan = berekenTarieven(set, { tariefjaar: 2030 });
    expect(plan.tarieven).toEqual([]);
    const hint = 'het jaargemiddelde vraagt een tabel voor elke hele maand van het tariefjaar';
    expect(plan.problemen.filter((p) => p.melding.includes('salaristabellen'))).toEqual([
      { bestand: 'test/fixtures/sets/volledig-jaargemiddelde/cao/alfa.yaml', regel: 3, kolom: 5, melding: 'de salaristabellen van CAO Alfa (maandtabel) geven geen jaargemiddelde over 2030 (januari 2030)', verwacht: 'tabellen die samen elke maand van 2030 heel beslaan', gevonden: '2025-01-01 t/m 2025-12-31, 2026-01-01 t/m 2026-06-30, 2026-07-01 t/m 2026-12-31', hint },
      { bestand: `${VOL}/cao/beta.yaml`, regel: 10, kolom: 5, melding: 'de salaristabellen van CAO Beta (uurtabel) geven geen jaargemiddelde over 2030 (januari 2030)', verwacht: 'tabellen die samen elke maand van 2030 heel beslaan', gevonden: '2026-01-01 t/m 2026-12-31', hint },
    ]);
  });
});

describe('een cel van de salaristabel ontbreekt', () => {
  // 02A02 / alfa uses cao.alfa.tabel[2026-01-01].schaal[8].trede[1] (mbo, the functiehuis of CAO Alfa)
  const hint = 'pas het functiehuis (of het ORT-maximum) aan, of vul de tabel aan';
  const zonder = (wis: (schalen: Map<string, Map<string, unknown>>) => void) => {
    const { set } = laadParameterset(VOL);
    const tabel = set.caos.get('alfa')!.tabellen.find((t) => t.van === '2026-01-01')!;
    wis(tabel.schalen as unknown as Map<string, Map<string, unknown>>);
    const plan = berekenTarieven(set);
    expect(plan.tarieven).toEqual([]);
    return plan.problemen.filter((p) => p.melding.startsWith('schaal 8'));
  };

  it('een trede: de treden die de schaal wel heeft', () => {
    const [p, ...rest] = zonder((s) => s.get('8')!.delete('1'));
    expect(rest).toEqual([]);
    expect([p!.melding, p!.verwacht, p!.hint]).toEqual(['schaal 8 trede 1 ontbreekt in de tabel van CAO Alfa (maandtabel) geldig vanaf 2026-01-01', 'trede 1 in schaal 8 van die tabel', hint]);
    expect(p!.gevonden).toMatch(/^treden \d+(, \d+)*$/);
    expect(p!.gevonden).not.toMatch(/\b1\b/);
  });

  it('de hele schaal', () => {
    const [p, ...rest] = zonder((s) => s.delete('8'));
    expect(rest).toEqual([]);
    expect([p!.melding, p!.gevonden]).toEqual(['schaal 8 trede 1 ontbreekt in de tabel van CAO Alfa (maandtabel) geldig vanaf 2026-01-01', 'geen schaal 8']);
  });
});

describe('een set zonder opslagen', () => {
  it('elk product dat wordt berekend meldt het, op de plek van het product; een overgenomen tarief niet', () => {
    const { set } = laadParameterset(VOL);
    delete (set as { opslagen?: unknown }).opslagen;
    const plan = berekenTarieven(set);
    expect(plan.tarieven).toEqual([]);
    const berekend = set.producten.filter((p) => p.berekening !== 'overgenomen');
    expect(berekend.map((p) => p.code)).toEqual(['02A02', '07A01', '44A01', '45A01', '45A02', '46A01']);
    expect(plan.problemen).toEqual(
      berekend.map((p) => ({
        ...p.herkomst,
        melding: `product ${p.code} wordt berekend, maar de set heeft geen opslagen`,
        verwacht: 'opslagen.yaml met overhead, winst en risico en no-show',
        gevonden: 'geen opslagen.yaml',
        hint: 'voeg opslagen.yaml toe (zie models/voorbeeldregio-2027), of neem het tarief over met berekening: overgenomen',
      })),
    );
  });
});

describe('een productiviteitsprofiel zonder productieve uren', () => {
  it('verlof 5 000 uur: (36 × 52 = 1 872) − 5 000 − 20 % van 1 872 = −3 502,4; na 4 % no-show −3 362,304', () => {
    const { set } = laadParameterset(VOL);
    const verlof = set.parameters.find((p) => p.pad === 'productiviteit.ambulant.verlof')!;
    verlof.reeks = verlof.reeks.map((w) => ({ ...w, waarde: new Decimal(5000) }));
    const plan = berekenTarieven(set);
    expect(plan.tarieven).toEqual([]);
    const p = plan.problemen.find((x) => x.melding === 'productiviteitsprofiel ambulant laat onder CAO Alfa (maandtabel) geen productieve uren over');
    // at the first post of the profile (verlof, productiviteit.yaml line 6)
    expect(p).toEqual({
      bestand: `${VOL}/productiviteit.yaml`,
      regel: 6,
      kolom: 9,
      melding: 'productiviteitsprofiel ambulant laat onder CAO Alfa (maandtabel) geen productieve uren over',
      verwacht: 'minder niet-productieve uren dan betaalde uren',
      gevonden: '-3.362,3 productieve uren',
      hint: 'controleer of een post in uren_per_jaar per ongeluk als procent is geschreven (of omgekeerd)',
    });
  });
});

describe('precies nul productieve uren', () => {
  it('verlof 1 497,6 uur: 1 872 − 1 497,6 − 20 % van 1 872 (374,4) = 0, ook na no-show', () => {
    const { set } = laadParameterset(VOL);
    const verlof = set.parameters.find((p) => p.pad === 'productiviteit.ambulant.verlof')!;
    verlof.reeks = verlof.reeks.map((w) => ({ ...w, waarde: new Decimal('1497.6') }));
    const plan = berekenTarieven(set);
    const p = plan.problemen.find((x) => x.melding === 'productiviteitsprofiel ambulant laat onder CAO Alfa (maandtabel) geen productieve uren over');
    expect(p?.gevonden).toBe('0,0 productieve uren');
  });
});

describe('een geïndexeerde set voor een ander jaar', () => {
  it('wordt niet berekend: één melding bij de indexcijfers', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-geindexeerd');
    expect(berekenTarieven(set, { tariefjaar: 2028 })).toEqual({
      model: { id: set.id, naam: set.naam, regio: set.regio, tariefjaar: 2028, peildatum: set.peildatum, versie: set.versie, vingerafdruk: set.vingerafdruk },
      tarieven: [],
      problemen: [
        {
          bestand: 'test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml',
          regel: 1,
          kolom: 1,
          melding: 'Volledige testset 2027 (geïndexeerd) is een geïndexeerde set voor 2027; die kan niet voor 2028 worden berekend',
          verwacht: '--tariefjaar 2027 of geen --tariefjaar',
          gevonden: '2028',
          hint: 'maak met tariefbouw indexeer een set voor het volgende jaar',
        },
      ],
    });
    // the same year as the set's is no other year
    expect(berekenTarieven(set, { tariefjaar: 2027 }).problemen).toEqual([]);
    // without index figures the place is the set's model.yaml
    delete (set as { indexcijfers?: unknown }).indexcijfers;
    expect(berekenTarieven(set, { tariefjaar: 2028 }).problemen.map((p) => p.bestand)).toEqual([`models/${set.id}/model.yaml`]);
  });
});

describe('berekenTarieven: het plan zelf', () => {
  it('een geïndexeerde set draagt zijn eigen gegevens en de peildatum uit de opties', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-geindexeerd');
    expect(berekenTarieven(set, { peildatum: '2027-07-01' }).model).toEqual({ id: set.id, naam: 'Volledige testset 2027 (geïndexeerd)', regio: 'Testregio', tariefjaar: 2027, peildatum: '2027-07-01', versie: '1', vingerafdruk: set.vingerafdruk });
  });

  it('een fout die geen ontbrekende waarde is, komt ongewijzigd naar buiten (geen probleem in het plan)', () => {
    const { set } = laadParameterset(VOL);
    const p = set.producten.find((x) => x.code === '02A02')!;
    Object.defineProperty(p, 'caos', { get: () => { throw new RangeError('kapotte set'); } });
    expect(() => berekenTarieven(set)).toThrow(new RangeError('kapotte set'));
  });
});

describe('de grondslag van het pgb-tarief in de opbouw', () => {
  // 02A02 (uur, mbo): CAO Alfa 54,84, CAO Beta 58,62 (test/cases/handberekening.yaml); pgb professioneel 75 %
  const zin = (varianten: string) => {
    const t = tarief(proefset({ 'varianten.yaml': varianten }), '02A02', 'pgb-professioneel');
    const s = t.opbouw.find((x) => x.stap === 'zin_tarief')!;
    return [s.label, s.formule, s.waarde.toFixed(2), t.tarief.toFixed(2)];
  };

  it('grondslag basistarief zonder basistarief-variant: de laagste CAO (75 % × 54,84 = 41,13)', () => {
    expect(zin('basistarief: false\npgb:\n  grondslag: basistarief\n')).toEqual(['Grondslag: ZIN-tarief (laagste CAO (alfa))', 'tarief laagste CAO (alfa)', '54.84', '41.13']);
  });

  it('grondslag basistarief met basistarief-variant', () => {
    expect(zin('pgb:\n  grondslag: basistarief\n')).toEqual(['Grondslag: ZIN-tarief (basistarief)', 'tarief basistarief', '54.84', '41.13']);
  });

  it('grondslag hoogste_cao: CAO Beta (75 % × 58,62 = 43,965 → 43,97)', () => {
    expect(zin('pgb:\n  grondslag: hoogste_cao\n')).toEqual(['Grondslag: ZIN-tarief (hoogste CAO (beta))', 'tarief hoogste CAO (beta)', '58.62', '43.97']);
  });
});
