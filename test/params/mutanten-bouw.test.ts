/**
 * The range check of the Bouwer (src/params/bouw.ts bereik) where no test under test/params reached it (issue 14):
 * a value beyond the warning bound of its unit (STANDAARDGRENZEN) is reported as unusual, with its place, and the
 * set stays valid.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { param, proefset } from '../proefset.ts';

describe('bereik: ongewoon grote waarden', () => {
  it('een overgenomen tarief van € 1.500 per uur: een waarschuwing (grens euro_per_uur: 1000), geen fout', () => {
    // 02A01 takes its tariff over (55,80 per uur in volledig); 1500 is above the warning bound 1000 of euro_per_uur
    // and below the error bound 10000
    const map = proefset({ 'producten/wmo.yaml': `producten:\n  02A01:\n    tarief:\n${param('euro_per_uur', 1500, 6)}\n` });
    const w = laadParameterset(map).waarschuwingen;
    expect(w.map((x) => ({ ...x, bestand: path.basename(x.bestand ?? '') }))).toEqual([
      {
        ernst: 'waarschuwing',
        bestand: 'wmo.yaml',
        regel: 5,
        kolom: 15,
        fragment: '      waarde: 1500',
        melding: 'producten.02A01.tarief is ongewoon groot',
        verwacht: 'meestal hoogstens 1000 (euro_per_uur)',
        gevonden: '1500',
        hint: 'controleer de waarde met de bron (een cijfer te veel, of de verkeerde eenheid?); klopt ze, laat haar dan staan; dit is een waarschuwing',
      },
    ]);
  });

  it('precies op de grens (€ 1.000 per uur) is nog gewoon', () => {
    const map = proefset({ 'producten/wmo.yaml': `producten:\n  02A01:\n    tarief:\n${param('euro_per_uur', 1000, 6)}\n` });
    expect(laadParameterset(map).waarschuwingen).toEqual([]);
  });
});
