/**
 * Surviving mutants of src/params/aanbieders.ts and of the overlay merge in src/params/bestanden.ts (issue 14),
 * each on a small overlay of test/fixtures/sets/volledig written inline. The expected values follow from the
 * fixture and the override named in each test.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { afgewezen, param, proefset } from '../proefset.ts';

const kort = (p: { ernst: string; bestand?: string; regel: number; kolom: number; melding: string; verwacht?: string; gevonden?: string; hint?: string }) => ({
  ernst: p.ernst,
  plek: `${path.basename(p.bestand ?? '')}:${p.regel}:${p.kolom}`,
  melding: p.melding,
  verwacht: p.verwacht,
  gevonden: p.gevonden,
  hint: p.hint,
});

describe('aanbieder-specifieke tarieven', () => {
  it('uren_per_eenheid bij een dagdeelproduct: geen fout, en de parameter heet naar aanbieder en product', () => {
    // 07A01 is paid per dagdeel, so uren_per_eenheid is allowed (only minuut and uur products refuse it); the
    // toelichting comes first so the parameter is not the first key of the block (its own place is line 5)
    const map = proefset({ 'aanbieders/kleine-groep.yaml': `producten:\n  07A01:\n    toelichting: langere dagdelen\n    uren_per_eenheid:\n${param('uren', 4.5, 6)}\n` });
    const { set, waarschuwingen } = laadParameterset(map);
    expect(waarschuwingen).toEqual([]);
    const ov = set.aanbieders.find((a) => a.id === 'kleine-groep')!.producten.find((p) => p.code === '07A01')!;
    expect(ov.urenPerEenheid?.pad).toBe('aanbieders.kleine-groep.07A01.uren_per_eenheid');
    expect(ov.urenPerEenheid?.reeks.map((w) => w.waarde.toFixed())).toEqual(['4.5']);
    expect(path.basename(ov.urenPerEenheid!.herkomst.bestand)).toBe('kleine-groep.yaml');
    expect(ov.urenPerEenheid!.herkomst.regel).toBe(5);
  });

  it('uren_per_eenheid bij een minuutproduct: de fout staat op de sleutel uren_per_eenheid, ook als die niet de eerste is', () => {
    const map = proefset({
      'aanbieders/kleine-groep.yaml': `producten:\n  45A01:\n    toelichting: langere sessies\n    uren_per_eenheid:\n${param('uren', 1.5, 6)}\n`,
    });
    expect(afgewezen(map).map(kort)).toEqual([
      {
        ernst: 'fout',
        plek: 'kleine-groep.yaml:4:5',
        melding: 'uren_per_eenheid past niet bij product 45A01, dat per minuut wordt betaald',
        verwacht: 'geen uren_per_eenheid: bij een minuut- of uurproduct is een uur een uur',
        gevonden: 'uren_per_eenheid',
        hint: 'verwijder uren_per_eenheid; een andere inzet per uur geeft u met inzet of groepsgrootte',
      },
      // the CAO of Kleine Groep (beta) is one of 45A01's CAOs (alfa, beta): no second error
    ]);
  });

  it('een onbekend productiviteitsprofiel: de fout staat op de waarde van productiviteit, niet op het product', () => {
    const map = proefset({ 'aanbieders/kleine-groep.yaml': 'producten:\n  07A01:\n    toelichting: eigen profiel\n    productiviteit: onbekend\n' });
    const p = afgewezen(map);
    expect(p.map((x) => [x.melding, `${path.basename(x.bestand ?? '')}:${x.regel}:${x.kolom}`])).toEqual([["onbekend productiviteitsprofiel 'onbekend'", 'kleine-groep.yaml:4:21']]);
  });

  it('een CAO die niet bij het product hoort: de volledige melding', () => {
    // 02A02 and 07A01 have caos [alfa, beta]; a provider under CAO Gamma (a copy of beta's shape, written here) is not one of them
    const map = proefset({
      'aanbieders/kleine-groep.yaml': 'cao: gamma\nproducten:\n  02A02:\n    toelichting: eigen cao\n',
      'cao/gamma.yaml': [
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
        'werkgeverslasten:',
        '  sociale_lasten:',
        param('procent', 20, 4),
        'functiehuis:',
        '  mbo:',
        '    schaal: "6"',
        '    trede: 2',
        '    bron: test',
        '    status: illustratief',
      ].join('\n'),
    });
    const p = afgewezen(map).filter((x) => x.melding.startsWith('CAO gamma'));
    expect(p.map(kort)).toEqual([
      {
        ernst: 'fout',
        plek: 'kleine-groep.yaml:1:6',
        melding: 'CAO gamma hoort niet bij product 02A02',
        verwacht: 'een van: alfa, beta',
        gevonden: 'gamma',
        hint: 'voeg de CAO toe aan het product of kies de juiste CAO',
      },
      // the overlay keeps the 07A01 override of volledig's Kleine Groep, under the same CAO
      {
        ernst: 'fout',
        plek: 'kleine-groep.yaml:1:6',
        melding: 'CAO gamma hoort niet bij product 07A01',
        verwacht: 'een van: alfa, beta',
        gevonden: 'gamma',
        hint: 'voeg de CAO toe aan het product of kies de juiste CAO',
      },
    ]);
  });

  it('een onbekende productcode: de suggestie komt alleen uit de kostprijsproducten', () => {
    // 02A1 is one letter from 02A01 (an adopted tariff, which cannot have a provider tariff) and two from
    // 02A02 (a cost price product): the hint names 02A02
    const p = afgewezen(proefset({ 'aanbieders/kleine-groep.yaml': 'producten:\n  02A1:\n    toelichting: tikfout\n' }));
    expect(p.map(kort)).toEqual([
      {
        ernst: 'fout',
        plek: 'kleine-groep.yaml:2:3',
        melding: 'onbekend product 02A1',
        verwacht: 'de code van een product met berekening: kostprijs',
        gevonden: '02A1',
        hint: "bedoelde u '02A02'?",
      },
    ]);
  });
});

describe('samenvoegen van een parameter met een overlay', () => {
  it('alleen de status overschrijven: de waarde en de geldigheid blijven die van de basisset', () => {
    const { set } = laadParameterset(proefset({ 'opslagen.yaml': 'winst_en_risico:\n  status: vastgesteld\n' }));
    const p = set.parameters.find((x) => x.pad === 'opslagen.winst_en_risico')!;
    // volledig: 2 procent, 2026-01-01 t/m 2026-12-31, status illustratief
    expect(p.reeks.map((w) => [w.waarde.toFixed(), w.van, w.tot, w.status])).toEqual([['2', '2026-01-01', '2026-12-31', 'vastgesteld']]);
  });

  it('een parameter als reeks vervangt de losse waarde van de basisset helemaal (geen waarde naast reeks)', () => {
    const reeks = 'winst_en_risico:\n  eenheid: procent\n  reeks:\n    - { waarde: 3, geldig_van: 2026-01-01, geldig_tot: 2026-06-30, bron: test, status: illustratief }\n    - { waarde: 4, geldig_van: 2026-07-01, geldig_tot: 2026-12-31, bron: test, status: illustratief }\n';
    const { set } = laadParameterset(proefset({ 'opslagen.yaml': reeks }));
    const p = set.parameters.find((x) => x.pad === 'opslagen.winst_en_risico')!;
    expect(p.reeks.map((w) => [w.waarde.toFixed(), w.van, w.tot])).toEqual([
      ['3', '2026-01-01', '2026-06-30'],
      ['4', '2026-07-01', '2026-12-31'],
    ]);
  });

  it('alleen een toelichting toevoegen: de parameter blijft gelijk', () => {
    const { set } = laadParameterset(proefset({ 'opslagen.yaml': 'winst_en_risico:\n  toelichting: ongewijzigd\n' }));
    const p = set.parameters.find((x) => x.pad === 'opslagen.winst_en_risico')!;
    expect(p.reeks.map((w) => [w.waarde.toFixed(), w.status])).toEqual([['2', 'illustratief']]);
  });

  it('een blok van de andere vorm (conventie en percentage, met toelichting) vervangt de parameter', () => {
    const map = proefset({ 'opslagen.yaml': `winst_en_risico:\n  toelichting: als aandeel\n  conventie: aandeel_in_tarief\n  percentage:\n${param('procent', 3, 4)}\n` });
    const { set } = laadParameterset(map);
    expect(set.opslagen?.winstEnRisicoConventie?.conventie).toBe('aandeel_in_tarief');
    expect(set.opslagen?.winstEnRisico.reeks.map((w) => w.waarde.toFixed())).toEqual(['3']);
  });
});
