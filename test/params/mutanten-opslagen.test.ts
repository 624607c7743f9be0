/**
 * Surviving and unreached mutants of src/params/opslagen.ts and src/params/jsonschema.ts (issue 14). The bounds
 * come from opslagen.ts: overhead as aandeel_in_kostprijs is unusual above 60 %, as opslag op directe kosten
 * above 100 %; winst en risico is unusual above 15 %, and only as aandeel_in_tarief must it stay below 100 %.
 */
import { describe, expect, it } from 'vitest';
import { soortVanBestand } from '../../src/params/jsonschema.ts';
import { laadParameterset } from '../../src/params/laden.ts';
import { param, proefset } from '../proefset.ts';

const waarschuwingen = (map: string) => laadParameterset(map).waarschuwingen.map((w) => [w.regel, w.melding, w.verwacht, w.gevonden]);

describe('opslagen: de grenzen hangen af van de conventie', () => {
  it('overhead 70 % als aandeel in de kostprijs: ongewoon hoog (meer dan 60)', () => {
    const map = proefset({ 'opslagen.yaml': `overhead:\n  conventie: aandeel_in_kostprijs\n  standaard:\n${param('procent', 70, 4)}\n` });
    expect(waarschuwingen(map)).toEqual([[5, 'opslagen.overhead.standaard is 70 procent: ongewoon hoog', 'meestal hoogstens 60 procent', '70 procent']]);
  });

  it('overhead 70 % als opslag op de directe kosten: gewoon (grens 100)', () => {
    const map = proefset({ 'opslagen.yaml': `overhead:\n  conventie: opslag_op_directe_kosten\n  standaard:\n${param('procent', 70, 4)}\n` });
    expect(waarschuwingen(map)).toEqual([]);
  });

  it('winst en risico 100 % als opslag op de kostprijs (blok met conventie): een waarschuwing, geen fout', () => {
    // as aandeel_in_tarief 100 % would divide by zero and is refused; as opslag it only doubles the tariff
    const map = proefset({ 'opslagen.yaml': `winst_en_risico:\n  conventie: opslag_op_kostprijs\n  percentage:\n${param('procent', 100, 4)}\n` });
    expect(waarschuwingen(map)).toEqual([[5, 'opslagen.winst_en_risico is 100 procent: ongewoon hoog', 'meestal hoogstens 15 procent', '100 procent']]);
  });
});

describe('soortVanBestand', () => {
  it('leest ook een pad met backslashes (Windows) als map/bestand', () => {
    expect(['cao\\alfa.yaml', 'producten\\jeugd.yaml', 'aanbieders\\kleine-groep.yaml', 'model.yaml', 'opslagen.yml'].map(soortVanBestand)).toEqual(['cao', 'producten', 'aanbieder', 'model', 'opslagen']);
  });

  it('een bekend bestand in een andere map is geen setbestand', () => {
    expect([soortVanBestand('oud/model.yaml'), soortVanBestand('oud\\opslagen.yaml'), soortVanBestand('notities.yaml')]).toEqual([undefined, undefined, undefined]);
  });
});
