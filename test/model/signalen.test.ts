/** The reviewer signals on the test set with volumes and thresholds (test/fixtures/sets/volledig-review). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { signalenVoorPlan, signalenVoorVergelijking } from '../../src/model/signalen.ts';
import { vergelijk } from '../../src/model/vergelijk.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('signalen', () => {
  const { set } = laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-review'));
  const plan = berekenTarieven(set);

  it('een uurloon onder het minimumloon', () => {
    const s = signalenVoorPlan(set, plan).filter((x) => x.soort === 'onder_minimumloon');
    expect(s.map((x) => x.melding)).toEqual([
      'alfa mbo: uurloon 19,87 ligt onder het wettelijk minimumloon 25,00 (2026-01-01)',
      'beta mbo: uurloon 21,00 ligt onder het wettelijk minimumloon 25,00 (2026-01-01)',
    ]);
  });

  it('een Jeugd- en een Wmo-product met dezelfde inzet en te groot tariefverschil (18-/18+)', () => {
    const p = set.producten.find((x) => x.code === '02A02')!;
    const oud = p.wet;
    p.wet = 'jeugdwet';
    const kopie = set.producten.find((x) => x.code === '45A01')!;
    const oudInzet = kopie.berekening === 'kostprijs' ? kopie.inzet : [];
    const oudEenheid = kopie.eenheid;
    const oudeCaos = kopie.berekening === 'kostprijs' ? kopie.caos : [];
    try {
      // same staff mix, but the Jeugd product only under CAO Beta: a different tariff
      if (kopie.berekening === 'kostprijs') kopie.caos = ['beta'];
      // make 45A01 (Jeugd) an hourly mbo product like 02A02, and 02A02 the Wmo side
      p.wet = 'wmo';
      if (kopie.berekening === 'kostprijs') kopie.inzet = (p as typeof kopie).inzet;
      kopie.eenheid = 'uur';
      const s = signalenVoorPlan(set, berekenTarieven(set)).filter((x) => x.soort === 'jeugd_wmo_verschil');
      expect(s.length).toBe(1);
      expect(s[0]!.melding).toMatch(/^45A01 \(Jeugdwet, .*\) en 02A02 \(Wmo, .*\) hebben dezelfde inzet maar verschillen/);
    } finally {
      p.wet = oud;
      if (kopie.berekening === 'kostprijs') {
        kopie.inzet = oudInzet;
        kopie.caos = oudeCaos;
      }
      kopie.eenheid = oudEenheid;
    }
  });

  it('een bron ouder dan toegestaan, en een tarief onder de eigen kostprijs', () => {
    const param = set.parameters.find((x) => x.pad === 'opslagen.winst_en_risico')!;
    const w = param.reeks[0]!;
    const oudeBron = w.bron;
    const oudeWaarde = w.waarde;
    w.bron = { titel: 'oud besluit', datum: '2024-01-01' };
    w.waarde = new Decimal(-5);
    try {
      const s = signalenVoorPlan(set, berekenTarieven(set));
      expect(s.filter((x) => x.soort === 'oude_bron').map((x) => x.melding)).toEqual(['opslagen.winst_en_risico: de bron is van 2024-01-01, ouder dan 6 maanden voor de peildatum']);
      // with −5 % winst en risico every tariff that has a kostprijs lies below it, and no other signal of this kind
      const onder = s.filter((x) => x.soort === 'onder_kostprijs');
      const metKostprijs = berekenTarieven(set).tarieven.filter((t) => t.kostprijs);
      expect(onder.map((x) => x.melding.split(':')[0])).toEqual(metKostprijs.map((t) => `${t.product} ${t.variant}`));
      expect(onder).toHaveLength(30);
      // 45A01 alfa: kostprijs 75,40 per uur × 0,95 = 71,63 → veelvoud van € 0,60: 71,40
      expect(onder.find((x) => x.melding.startsWith('45A01 alfa:'))!.melding).toBe('45A01 alfa: tarief 71,40 ligt onder de eigen kostprijs 75,40');
    } finally {
      w.bron = oudeBron;
      w.waarde = oudeWaarde;
    }
  });

  it('een tarief dat in één ronde meer beweegt dan de drempel', () => {
    const basis = berekenTarieven(laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-conventies')).set);
    const s = signalenVoorVergelijking(set, vergelijk(basis, plan));
    // exactly the tariffs that move more than 5,0 % between the two plans, worked out here from the tariffs
    const verwacht: string[] = [];
    for (const t of plan.tarieven) {
      const o = basis.tarieven.find((x) => x.product === t.product && x.variant === t.variant);
      if (o && t.tarief.minus(o.tarief).div(o.tarief).abs().gt('0.05')) verwacht.push(`${t.product} ${t.variant}`);
    }
    expect(s.map((x) => x.melding.split(' beweegt')[0]).sort()).toEqual(verwacht.sort());
    expect(s).toHaveLength(19);
    expect(s.map((x) => x.melding)).toContain('07A01 beta beweegt -17,4 % in één ronde, meer dan 5,0 %');
  });
});
