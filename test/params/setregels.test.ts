/**
 * Set-wide rules of the parameter reader, each on a small set written inline (test/proefset.ts):
 * the set is refused with exactly the expected problem, where a tariff would otherwise silently
 * disappear or be computed from impossible hours.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aangepasteKopie, afgewezen, param, proefset } from '../proefset.ts';

describe('setregels', () => {
  it('micro_onderneming: true zonder overhead.micro_onderneming is een fout in varianten.yaml (de variant verdwijnt niet stil)', () => {
    // volledig asks for the micro variant (varianten.yaml) and has overhead.micro_onderneming 10 %;
    // without that percentage there is nothing to compute the variant with.
    const map = aangepasteKopie({ 'opslagen.yaml': (t) => t.replace(/ {2}micro_onderneming:\n(?: {4}.*\n)+/, '') });
    const p = afgewezen(map);
    expect(p.map((x) => ({ ernst: x.ernst, bestand: path.basename(x.bestand ?? ''), melding: x.melding, verwacht: x.verwacht, gevonden: x.gevonden, hint: x.hint }))).toEqual([
      {
        ernst: 'fout',
        bestand: 'varianten.yaml',
        melding: 'micro-ondernemingstarief gevraagd zonder overhead voor micro-ondernemingen',
        verwacht: 'opslagen.yaml: overhead.micro_onderneming',
        gevonden: 'micro_onderneming: true zonder dat percentage',
        hint: 'voeg overhead.micro_onderneming toe aan opslagen.yaml of zet micro_onderneming op false',
      },
    ]);
  });

  it('de productieve uren gelden ook voor het profiel en de CAO van een aanbieder-specifiek tarief', () => {
    // Profile "zwaar" (2.000 uur verlof) is used by no product, only by the aanbieder Kleine Groep for 07A01,
    // under its CAO Beta: 38 uur × 52 = 1.976 betaalde uren, so 2.000 niet-productieve uren leave nothing.
    const map = proefset({
      'productiviteit.yaml': `profielen:\n  zwaar:\n    omschrijving: Alleen voor de aanbieder\n    niet_productief:\n      verlof:\n${param('uren_per_jaar', 2000, 8)}\n`,
      'aanbieders/kleine-groep.yaml': 'producten:\n  07A01:\n    productiviteit: zwaar\n',
    });
    const p = afgewezen(map);
    expect(p.map((x) => ({ ernst: x.ernst, bestand: path.basename(x.bestand ?? ''), melding: x.melding, verwacht: x.verwacht, gevonden: x.gevonden }))).toEqual([
      {
        ernst: 'fout',
        bestand: 'productiviteit.yaml',
        melding: 'productiviteitsprofiel zwaar laat onder CAO Beta (uurtabel) geen productieve uren over',
        verwacht: 'niet-productieve uren samen minder dan 1976 betaalde uren per fte',
        gevonden: '2000.0 niet-productieve uren (verlof 2000)',
      },
    ]);
  });
});
