/**
 * The 18-/18+ signal on every variant (issue 11, ZOU evaluation seed 003): a declared pair of adopted tariffs
 * (`jeugd_wmo_paren` in signalen.yaml of the set alleen-overgenomen, checked by the loader), a pair with the same
 * inzet compared per CAO variant also without a basistarief, and no signal below the threshold. Expected differences by hand from the tariffs named.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { signalenVoorPlan } from '../../src/model/signalen.ts';
import type { Param, ParameterSet } from '../../src/params/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const h = { bestand: 'signalen.yaml', regel: 3, kolom: 5 };
const param = (pad: string, eenheid: Param['eenheid'], waarde: string): Param => ({
  pad,
  eenheid,
  herkomst: h,
  reeks: [{ waarde: new Decimal(waarde), van: '2026-01-01', tot: '2026-12-31', bron: { titel: 'test' }, status: 'illustratief', herkomst: h }],
});
const signalen = (set: ParameterSet) => signalenVoorPlan(set, berekenTarieven(set)).filter((x) => x.soort === 'jeugd_wmo_verschil').map((x) => x.melding);

describe('signaal Jeugdwet/Wmo (18-/18+) op elke variant', () => {
  // test/fixtures/sets/alleen-overgenomen declares the pair 45A11/02A01 in its signalen.yaml (line 11), threshold 10 %
  const OVERGENOMEN = 'test/fixtures/sets/alleen-overgenomen';

  it('een opgegeven paar overgenomen tarieven: 45A11 (Jeugdwet, vast) en 02A01 (Wmo, vast)', () => {
    const set = laadParameterset(OVERGENOMEN).set;
    // 45A11 vast € 66,00 per uur, 02A01 vast € 55,80 per uur: (66,00 − 55,80) ÷ 55,80 = 18,28 %
    expect(signalen(set)).toEqual([
      '45A11 (Jeugdwet, 66,00) en 02A01 (Wmo, 55,80) zijn als vergelijkbaar opgegeven maar verschillen 18,3 % bij variant vast, meer dan 10,0 %: let op de overgang 18-/18+',
    ]);
    const s = signalenVoorPlan(set, berekenTarieven(set)).find((x) => x.soort === 'jeugd_wmo_verschil')!;
    expect(s.plek).toBe(`${OVERGENOMEN}/signalen.yaml:11`);
  });

  it('een opgegeven paar onder de drempel geeft geen signaal', () => {
    const set = laadParameterset(OVERGENOMEN).set;
    const p = set.producten.find((x) => x.code === '45A11')!;
    if (p.berekening !== 'overgenomen') throw new Error('45A11 is overgenomen');
    p.tarief.reeks.forEach((w) => (w.waarde = new Decimal('60.00')));
    // 60,00 against 55,80: 7,5 %, under 10 %
    expect(signalen(set)).toEqual([]);
  });

  it('zonder basistarief: dezelfde inzet, vergeleken per CAO-variant', () => {
    const set = laadParameterset('test/fixtures/sets/volledig').set;
    set.varianten.basistarief = false;
    set.signalen = { jeugdWmoVerschil: param('signalen.jeugd_wmo_verschil', 'procent', '10'), jeugdWmoParen: [], herkomst: h };
    const wmo = set.producten.find((x) => x.code === '02A02')!;
    const jeugd = set.producten.find((x) => x.code === '45A01')!;
    if (wmo.berekening !== 'kostprijs' || jeugd.berekening !== 'kostprijs') throw new Error('kostprijs');
    // 45A01 becomes the Jeugdwet twin of 02A02 (same unit, staff mix, CAOs and profile) with a higher overhead
    // through its own no-show of 30 %
    jeugd.inzet = wmo.inzet;
    jeugd.eenheid = wmo.eenheid;
    jeugd.caos = wmo.caos;
    jeugd.productiviteit = wmo.productiviteit;
    jeugd.groepsgrootte = wmo.groepsgrootte;
    jeugd.clientgebondenKosten = wmo.clientgebondenKosten;
    jeugd.noShow = param('producten.45A01.no_show', 'procent', '30');
    const m = signalen(set);
    expect(m.length).toBe(wmo.caos.length);
    for (const [i, cao] of wmo.caos.entries()) expect(m[i]).toMatch(new RegExp(`^45A01 \\(Jeugdwet, .*\\) en 02A02 \\(Wmo, .*\\) hebben dezelfde inzet maar verschillen .* bij variant ${cao}, meer dan 10,0 %`));
  });
});
