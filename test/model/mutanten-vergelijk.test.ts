/**
 * Parts of src/model/vergelijk.ts that the review tests do not reach: the parameters a tariff depends on through a
 * reference to a tariff that is not in the plan (or back to itself), and the choices `parameterWaarden` lists for
 * what moves tariffs without being a number (the grondslagen of a CAO, the variants of a set without products).
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { E } from '../../src/model/expressie.ts';
import type { ParamGebruik, Tarief, Tarievenplan } from '../../src/model/types.ts';
import { afhankelijkheden, parameterWaarden } from '../../src/model/vergelijk.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const param = (pad: string): ParamGebruik => ({ pad, waarde: new Decimal(1), eenheid: 'procent', bestand: 'x.yaml', regel: 1, kolom: 1, bron: 'b', status: 'vastgesteld', geldig_van: '2026-01-01', geldig_tot: '2026-12-31' });

function tarief(product: string, variant: string, ps: ParamGebruik[], extern?: [string, string]): Tarief {
  return {
    product,
    productnaam: product,
    wet: 'wmo',
    contract: 'c',
    variant,
    variantSoort: 'pgb',
    eenheid: 'uur',
    eenheidCode: '04',
    tarief: new Decimal(1),
    status: 'vastgesteld',
    opbouw: [{ stap: 's', label: 'l', formule: 'f', waarde: new Decimal(1), eenheid: 'euro', parameters: ps, kostenelementen: [], expr: extern ? E.extern(extern[0], extern[1], 'kostprijs') : E.getal(1) }],
  };
}
const plan = (tarieven: Tarief[]): Tarievenplan => ({ model: { id: 'p', naam: 'P', regio: 'r', tariefjaar: 2026, peildatum: '2026-01-01', versie: '1', vingerafdruk: 'v' }, tarieven, problemen: [] });

describe('afhankelijkheden', () => {
  const a = param('a');
  const b = param('b');
  const c = param('c');

  it('een verwijzing naar een tarief dat niet in het plan staat voegt niets toe', () => {
    const uit = afhankelijkheden(plan([tarief('01A01', 'pgb-x', [a], ['09Z09', 'alfa'])]));
    expect([...uit]).toEqual([['01A01/pgb-x', [a]]]);
  });

  it('via een verwijzing de parameters van het andere tarief, elk één keer; een kring stopt', () => {
    // 01A01/pgb → 01A01/alfa (b, a); 02A02/x → 02A02/y → 02A02/x (a kring): each has both c's
    const uit = afhankelijkheden(plan([tarief('01A01', 'pgb-x', [a], ['01A01', 'alfa']), tarief('01A01', 'alfa', [b, a]), tarief('02A02', 'x', [c], ['02A02', 'y']), tarief('02A02', 'y', [c, b], ['02A02', 'x'])]));
    expect(uit.get('01A01/pgb-x')).toEqual([a, b]);
    expect(uit.get('01A01/alfa')).toEqual([b, a]);
    expect(uit.get('02A02/x')).toEqual([c, b]);
    expect(uit.get('02A02/y')).toEqual([c, b]);
  });
});

describe('parameterWaarden: keuzes', () => {
  it('de grondslagen van een CAO gelden voor elk berekend product met die CAO', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-conventies');
    const g = parameterWaarden(set, set.peildatum).filter((p) => p.pad.includes('.grondslagen.'));
    // cao/alfa.yaml of volledig-conventies: pensioen over jaarsalaris + eindejaarsuitkering + ort (its toeslagen on line 14);
    // CAO Alfa is in 02A02, 07A01, 44A01, 45A01 and 46A01; 02A01 and 48A01 are overgenomen
    expect(g).toEqual([
      { pad: 'cao.alfa.grondslagen.pensioen', waarde: 'jaarsalaris + eindejaarsuitkering + ort', eenheid: 'keuze', bestand: 'test/fixtures/sets/volledig-conventies/cao/alfa.yaml', regel: 14, bron: 'keuze in de set', status: 'vastgesteld', producten: ['02A02', '07A01', '44A01', '45A01', '46A01'] },
    ]);
  });

  it('de varianten van een set zonder producten en zonder pgb', () => {
    // varianten.yaml of volledig: basistarief: true, micro_onderneming: true (read as a micro tariff per CAO)
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    set.producten = [];
    delete (set.varianten as { pgb?: unknown }).pgb;
    const v = parameterWaarden(set, set.peildatum).find((p) => p.pad === 'varianten');
    expect(v).toEqual({ pad: 'varianten', waarde: 'basistarief true, micro per_cao, pgb geen', eenheid: 'keuze', bestand: '', regel: 1, bron: 'keuze in de set', status: 'vastgesteld', producten: 'alle' });
  });
});
