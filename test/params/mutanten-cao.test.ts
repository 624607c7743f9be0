/**
 * A salary table whose treden go down (src/params/cao.ts bouwTabel): a warning on the lower trede, with the
 * amount before it; the set stays valid. Written for the mutants of that warning that no test reached (issue 14).
 * CAO Gamma is written here: one hourly table with eerste_trede 1, schaal 9 going 27,00 → 26,50 → 28,00.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { param, proefset } from '../proefset.ts';

const gamma = (schaal9: string) =>
  [
    'naam: CAO Gamma',
    'uren_per_week:',
    param('uren_per_week', 38, 2),
    'tabellen:',
    '  - geldig_van: 2026-01-01',
    '    geldig_tot: 2026-12-31',
    '    soort: uur',
    '    eerste_trede: 1',
    '    bron: test',
    '    status: illustratief',
    '    schalen:',
    '      "6": [20.00, 21.00]',
    `      "9": ${schaal9}`,
    'werkgeverslasten:',
    '  pensioen:',
    param('procent', 12, 4),
    'functiehuis:',
    '  mbo:',
    '    schaal: "6"',
    '    trede: 2',
    '    bron: test',
    '    status: illustratief',
  ].join('\n');

describe('CAO-tabel: een trede lager dan de trede ervoor', () => {
  it('27,00 → 26,50 → 28,00: één waarschuwing, op trede 2 (eerste_trede 1 plus plaats 1)', () => {
    const w = laadParameterset(proefset({ 'cao/gamma.yaml': gamma('[27.00, 26.50, 28.00]') })).waarschuwingen;
    expect(w.map((x) => [path.basename(x.bestand ?? ''), x.regel, x.kolom, x.melding, x.verwacht, x.gevonden, x.hint])).toEqual([
      ['gamma.yaml', 18, 20, 'trede 2 van schaal 9 is lager dan de trede ervoor', 'een bedrag van ten minste 27', '26.5', 'treden lopen normaal op; controleer de tabel met de CAO'],
    ]);
  });

  it('gelijke treden (27,00 → 27,00) zijn niet lager: geen waarschuwing', () => {
    expect(laadParameterset(proefset({ 'cao/gamma.yaml': gamma('[27.00, 27.00, 28.00]') })).waarschuwingen).toEqual([]);
  });
});
