/**
 * The budget (src/model/begroting.ts) on plans written out by hand: which tariff prices a plain volume (the set's
 * variant, else vast, else basistarief), a mix with a variant the product lacks, and the comparison with a basis
 * plan that lacks a product or variant. Amounts are p × q worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { ParameterSet, Volume } from '../../src/params/types.ts';
import { begrotingProblemen, berekenBegroting } from '../../src/model/begroting.ts';
import type { Tarief, Tarievenplan } from '../../src/model/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const d = (s: string) => new Decimal(s);
const plek = (regel: number) => ({ bestand: 'volumes.yaml', regel, kolom: 9 });

function tarief(product: string, variant: string, bedrag: string): Tarief {
  return { product, productnaam: `Product ${product}`, wet: 'wmo', contract: 'c', variant, variantSoort: 'cao', eenheid: 'uur', eenheidCode: '04', tarief: d(bedrag), status: 'vastgesteld', opbouw: [] };
}
function plan(naam: string, tarieven: Tarief[]): Tarievenplan {
  return { model: { id: naam.toLowerCase(), naam, regio: 'r', tariefjaar: 2026, peildatum: '2026-01-01', versie: '1', vingerafdruk: naam }, tarieven, problemen: [] };
}
function set(volumes: Volume[], variant = 'basistarief'): ParameterSet {
  return {
    producten: [{ code: '09Z09', naam: 'Product zonder tarief' }],
    volumes: { variant, gemeenten: [{ id: 'west', naam: 'West', bron: { titel: 'b' }, status: 'vastgesteld', herkomst: plek(1), volumes }] },
  } as unknown as ParameterSet;
}
const los = (product: string, aantal: string, regel: number): Volume => ({ product, aantal: d(aantal), herkomst: plek(regel) });

describe('welk tarief een los volume prijst', () => {
  const nieuw = plan('Nieuw', [
    tarief('01A01', 'alfa', '10.00'),
    tarief('01A01', 'basistarief', '9.00'),
    tarief('02A02', 'vast', '20.00'),
    tarief('02A02', 'basistarief', '99.00'),
    tarief('03A03', 'alfa', '30.00'),
    tarief('03A03', 'basistarief', '31.00'),
    tarief('04A04', 'alfa', '40.00'),
  ]);

  it('de variant van de set, anders vast, anders basistarief; zonder tarief € 0 met de naam uit de set', () => {
    const b = berekenBegroting(set([los('01A01', '10', 2), los('02A02', '10', 3), los('04A04', '10', 4), los('09Z09', '10', 5)], 'alfa'), nieuw)!;
    expect(b.gemeenten[0]!.regels.map((r) => [r.product, r.productnaam, r.variant, r.eenheid, r.tarief.toFixed(2), r.bedrag.toFixed(2)])).toEqual([
      ['01A01', 'Product 01A01', 'alfa', 'uur', '10.00', '100.00'],
      // 02A02 has no alfa: vast goes before basistarief
      ['02A02', 'Product 02A02', 'vast', 'uur', '20.00', '200.00'],
      ['04A04', 'Product 04A04', 'alfa', 'uur', '40.00', '400.00'],
      // 09Z09 has no tariff in the plan
      ['09Z09', 'Product zonder tarief', 'alfa', '', '0.00', '0.00'],
    ]);
    expect(b.totaal.toFixed(2)).toBe('700.00');
    expect(b.opmerkingen).toEqual(['02A02 is geprijsd tegen variant vast: alfa bestaat niet voor dit product']);
    expect(b.metMix).toBe(false);
  });

  it('zonder de variant en zonder vast: het basistarief', () => {
    const b = berekenBegroting(set([los('03A03', '2', 2)], 'beta'), nieuw)!;
    expect(b.gemeenten[0]!.regels.map((r) => [r.variant, r.bedrag.toFixed(2)])).toEqual([['basistarief', '62.00']]);
    expect(b.opmerkingen).toEqual(['03A03 is geprijsd tegen variant basistarief: beta bestaat niet voor dit product']);
  });
});

describe('een mix per variant', () => {
  const nieuw = plan('Nieuw', [tarief('01A01', 'alfa', '10.00'), tarief('01A01', 'beta', '12.00'), tarief('02A02', 'alfa', '5.00')]);
  const mix: Volume = {
    product: '01A01',
    aantal: d('100'),
    herkomst: plek(2),
    mix: { soort: 'verdeling', delen: [{ variant: 'alfa', waarde: d('60'), herkomst: plek(4) }, { variant: 'gamma', waarde: d('40'), herkomst: plek(5) }] },
  };

  it('een variant die het product niet heeft is een probleem op zijn plek, met de varianten die er wel zijn', () => {
    expect(begrotingProblemen(set([mix]), nieuw)).toEqual([
      {
        ...plek(5),
        melding: "variant 'gamma' bestaat niet voor product 01A01 (volumes van West)",
        verwacht: 'een variant van 01A01: alfa, beta',
        gevonden: 'gamma',
        hint: "een product heeft alleen de CAO-varianten van zijn eigen CAO's; zet het volume op een variant die het heeft",
      },
    ]);
  });

  it('een mix voor een product zonder tarieven is hier geen probleem (de set meldt het onbekende product al)', () => {
    expect(begrotingProblemen(set([{ ...mix, product: '09Z09' }]), nieuw)).toEqual([]);
  });

  it('tegen een basisplan: dezelfde variant, en een product of variant die daar ontbreekt telt als € 0 met een opmerking', () => {
    // alfa 60 % of 100 = 60 × 10,00 = 600,00 (basis 60 × 8,00 = 480,00); beta 40 × 12,00 = 480,00, not in the basis;
    // 02A02 plain volume 10 × 5,00 = 50,00, not in the basis at all
    const perVariant: Volume = { product: '01A01', aantal: d('100'), herkomst: plek(2), mix: { soort: 'verdeling', delen: [{ variant: 'alfa', waarde: d('60'), herkomst: plek(4) }, { variant: 'beta', waarde: d('40'), herkomst: plek(5) }] } };
    const basis = plan('Basis', [tarief('01A01', 'alfa', '8.00'), tarief('01A01', 'basistarief', '7.00')]);
    const b = berekenBegroting(set([perVariant, los('02A02', '10', 7)], 'alfa'), nieuw, basis)!;
    expect(b.gemeenten[0]!.regels.map((r) => [r.product, r.variant, r.aantal.toFixed(), r.totaal?.toFixed(), r.aandeel?.toFixed(), r.uitMix, r.bedrag.toFixed(2), r.basisTarief!.toFixed(2), r.basisBedrag!.toFixed(2)])).toEqual([
      ['01A01', 'alfa', '60', '100', '60', true, '600.00', '8.00', '480.00'],
      ['01A01', 'beta', '40', '100', '40', true, '480.00', '0.00', '0.00'],
      ['02A02', 'alfa', '10', undefined, undefined, false, '50.00', '0.00', '0.00'],
    ]);
    expect([b.totaal.toFixed(2), b.basisTotaal!.toFixed(2), b.basis!.naam, b.metMix]).toEqual(['1130.00', '480.00', 'Basis', true]);
    // only a regel from a verdeling carries totaal and aandeel; a plain volume has no such keys at all
    expect(Object.keys(b.gemeenten[0]!.regels[0]!)).toEqual(['product', 'productnaam', 'variant', 'eenheid', 'aantal', 'totaal', 'aandeel', 'uitMix', 'tarief', 'bedrag', 'basisTarief', 'basisBedrag']);
    expect(Object.keys(b.gemeenten[0]!.regels[2]!)).toEqual(['product', 'productnaam', 'variant', 'eenheid', 'aantal', 'uitMix', 'tarief', 'bedrag', 'basisTarief', 'basisBedrag']);
    expect(b.opmerkingen).toEqual(['01A01 (beta) bestaat niet in Basis: daar geteld als € 0', '02A02 bestaat niet in Basis: daar geteld als € 0']);
  });
});
