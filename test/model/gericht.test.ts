/**
 * One step of the model at a time, on a small set written inline (test/proefset.ts): a few parameters
 * of test/fixtures/sets/volledig overridden, the expected value worked out by hand in the comment
 * (decimal arithmetic, from the fixture's figures as documented in test/cases/handberekening.yaml).
 * Each test guards a rule that a one-line change could break without any other test noticing.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { berekenComponentIndex, berekenIndex } from '../../src/model/indexcijfers.ts';
import { signalenVoorPlan } from '../../src/model/signalen.ts';
import { Decimal } from '../../src/shared/decimal.ts';
import { param, proefset, stap, tarief } from '../proefset.ts';

const d = (s: string | number) => new Decimal(s);

describe('pensioenfranchise', () => {
  it('een franchise boven de loonsom geeft geen negatieve pensioenpremie: max(0, grondslag − franchise)', () => {
    // CAO Alfa hbo: (4.200 + 4.400) ÷ 2 × 12 = 51.600; loonsom × (1 + 8 % + 8,33 %) = 60.026,28.
    // Franchise 100.000 > 60.026,28, so pensioen 15 % × max(0, −39.973,72) = 0.
    // Lasten: sociale lasten 20 % × 60.026,28 = 12.005,256; opleiding 1 % = 600,2628.
    // 60.026,28 + 12.005,256 + 0 + 600,2628 = 72.631,7988 (without the floor: 66.635,7408).
    const map = proefset({ 'cao/alfa.yaml': `franchises:\n  pensioen:\n${param('euro_per_jaar', '100000.00', 4)}\n` });
    const t = tarief(map, '45A01', 'alfa');
    expect(stap(t, 'personeel.hbo.cao_toeslagen')).toBe('60026.28');
    expect(stap(t, 'personeel.hbo.werkgeverslasten')).toBe('72631.7988');
  });

  it('een franchise onder de loonsom telt af (de gewone handberekening)', () => {
    // Franchise 15.000: pensioen 15 % × 45.026,28 = 6.753,942; 60.026,28 + 12.005,256 + 6.753,942 + 600,2628 = 79.385,7408.
    const t = tarief('test/fixtures/sets/volledig', '45A01', 'alfa');
    expect(stap(t, 'personeel.hbo.werkgeverslasten')).toBe('79385.7408');
  });
});

describe('pgb met grondslag hoogste_cao', () => {
  it('het pgb-tarief is een percentage van het duurste CAO-tarief, niet van het goedkoopste', () => {
    // 02A02 (uur, mbo): CAO Alfa 54,84 and CAO Beta 58,62 (test/cases/handberekening.yaml: basistarief = min = 54,84).
    // hoogste_cao takes Beta: 75 % × 58,62 = 43,965 → rekenkundig op centen 43,97 (the cheapest would give 41,13).
    const map = proefset({ 'varianten.yaml': 'pgb:\n  grondslag: hoogste_cao\n' });
    expect(tarief(map, '02A02', 'alfa').tarief.toFixed(2)).toBe('54.84');
    expect(tarief(map, '02A02', 'beta').tarief.toFixed(2)).toBe('58.62');
    expect(tarief(map, '02A02', 'pgb-professioneel').tarief.toFixed(2)).toBe('43.97');
  });
});

describe('NZa-indexering', () => {
  // Loon: voorlopig 2,00 → definitief 2,50 (inhaal 0,50 punt), dit jaar voorlopig 3,00:
  //   keten (1,005 × 1,03 − 1) = 3,515 % (afgerond 3,52 %).
  // Materieel: geen inhaal (2,00 → 2,00), dit jaar 1,00: keten 1,00 %.
  // Gewogen 90/10 over de onafgeronde ketens: 0,9 × 3,515 + 0,1 × 1,00 = 3,2635 → 3,26 %.
  // Over de afgeronde ketens zou het 0,9 × 3,52 + 0,1 = 3,268 → 3,27 % zijn.
  const invoer = {
    methode: 'nza' as const,
    inhaal: 'absoluut' as const,
    vorigJaar: { ovaVoorlopig: d('2.00'), ovaDefinitief: d('2.50'), ppcVoorlopig: d('2.00'), ppcDefinitief: d('2.00') },
    ditJaar: { ovaVoorlopig: d('3.00'), ppcVoorlopig: d('1.00') },
    decimalen: 2,
  };

  it('weegt de onafgeronde ketens per component, en rondt één keer af', () => {
    const u = berekenIndex({ ...invoer, loon: d(90), materieel: d(10) });
    expect(u.loonIndex!.toFixed(2)).toBe('3.52');
    expect(u.materieelIndex!.toFixed(2)).toBe('1.00');
    expect(u.onafgerond.toFixed()).toBe('3.2635');
    expect(u.index.toFixed(2)).toBe('3.26');
  });

  it('een product in componenten combineert de onafgeronde ketens', () => {
    // dienst 50 % (90/10 as above: 3,2635 unrounded) and huisvesting 50 % with a given index of 2,265:
    // 0,5 × 3,2635 + 0,5 × 2,265 = 1,63175 + 1,1325 = 2,76425 → 2,76 %.
    // Over the rounded chains (3,268) it would be 1,634 + 1,1325 = 2,7665 → 2,77 %.
    const c = berekenComponentIndex(invoer, [
      { naam: 'dienst', aandeel: d(50), loon: d(90), materieel: d(10) },
      { naam: 'huisvesting', aandeel: d(50), index: d('2.265') },
    ]);
    expect(c.componenten.map((x) => x.index.toFixed())).toEqual(['3.2635', '2.265']);
    expect(c.index.toFixed(2)).toBe('2.76');
  });
});

describe('signaal 18-/18+', () => {
  it('meet het verschil tussen een Jeugd- en een Wmo-tarief met dezelfde inzet tegen het laagste van de twee', () => {
    // 02A02 (Wmo, uur, 1 mbo, ambulant) has basistarief 54,84 (CAO Alfa). A Jeugd product with the same inzet
    // under CAO Beta only has basistarief 58,62. Verschil 3,78: against the lower tariff 3,78 ÷ 54,84 = 6,893 %,
    // against the higher 3,78 ÷ 58,62 = 6,448 %. With a threshold of 6,5 % only the first is a signal.
    // 45A10 (Jeugd, uur, 1 hbo) has no Wmo counterpart with the same inzet: no signal. 02A02 lists CAO Beta first,
    // so its first tariff (beta 58,62) is not its basistarief (54,84): the signal must compare basistarieven.
    // 45A11 has the same inzet as 02A02 under CAO Alfa: the same 54,84, a gap of 0 %, no signal; but against the Wmo
    // product 02A03 (CAO Beta only, 58,62) the gap is again 6,893 %. Two Jeugd or two Wmo products are never compared.
    const product = (code: string, naam: string, niveau: string, cao = 'beta') =>
      `  ${code}:\n    naam: ${naam}\n    wet: jeugdwet\n    productcategorie: "45"\n    eenheid: uur\n    berekening: kostprijs\n    caos: [${cao}]\n    productiviteit: ambulant\n    inzet:\n      - niveau: ${niveau}\n        aantal: 1\n`;
    const map = proefset(
      {
        'producten/jeugd.yaml': `producten:\n${product('45A09', 'Individuele begeleiding jeugd', 'mbo')}${product('45A10', 'Individuele behandeling jeugd', 'hbo')}${product('45A11', 'Individuele begeleiding jeugd alfa', 'mbo', 'alfa')}`,
        'producten/wmo.yaml': 'producten:\n  02A02:\n    caos: [beta, alfa]\n  02A03:\n    naam: Begeleiding individueel beta\n    wet: wmo\n    productcategorie: "02"\n    eenheid: uur\n    berekening: kostprijs\n    caos: [beta]\n    productiviteit: ambulant\n    inzet:\n      - niveau: mbo\n        aantal: 1\n',
        'signalen.yaml': `jeugd_wmo_verschil:\n${param('procent', '6.5', 2)}\n`,
      },
      'test/fixtures/sets/volledig',
    );
    const { set } = laadParameterset(map);
    const plan = berekenTarieven(set);
    const basis = (code: string) => plan.tarieven.find((t) => t.product === code && t.variant === 'basistarief')!.tarief.toFixed(2);
    expect([basis('45A09'), basis('02A02')]).toEqual(['58.62', '54.84']);
    expect(plan.tarieven.find((t) => t.product === '02A02')!.variant).toBe('beta');
    const s = signalenVoorPlan(set, plan).filter((x) => x.soort === 'jeugd_wmo_verschil');
    expect(s.map((x) => x.melding)).toEqual([
      '45A09 (Jeugdwet, 58,62) en 02A02 (Wmo, 54,84) hebben dezelfde inzet maar verschillen 6,9 % bij variant basistarief, meer dan 6,5 %: let op de overgang 18-/18+',
      '45A11 (Jeugdwet, 54,84) en 02A03 (Wmo, 58,62) hebben dezelfde inzet maar verschillen 6,9 % bij variant basistarief, meer dan 6,5 %: let op de overgang 18-/18+',
    ]);
    // the signal points at the Jeugd product in the overlay's producten/jeugd.yaml
    expect(s[0]!.plek).toBe(`${s[0]!.bestand}:${s[0]!.regel}`);
    expect(s[0]!.bestand).toMatch(/producten\/jeugd\.yaml$/);
    expect(basis('45A11')).toBe('54.84');
  });
});
