/**
 * Micro-ondernemingen keep their CAO (issue 11, inkoopplan Midden-Holland: a provider states its CAO at
 * registration, and micro firms are calculated with lower overhead). With `micro_onderneming: per_cao` a
 * micro tariff per CAO and the lowest of them as micro basistarief; `laagste` keeps the old single variant.
 * Expected amounts by hand from the GGZ personnel cost per hour of 02A02 (see the test).
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { rondAf } from '../../src/model/afronding.ts';
import { Decimal } from '../../src/shared/decimal.ts';
import type { Tarief } from '../../src/model/types.ts';

const laad = () => laadParameterset('models/voorbeeldregio-2027').set;
const bedrag = (t: Tarief) => t.tariefPerUur ?? t.tarief;

describe('micro-ondernemingen per CAO', () => {
  it('de standaardset kiest per_cao; micro_onderneming: true in een set betekent ook per_cao', () => {
    expect(laad().varianten.micro).toBe('per_cao');
    expect(laadParameterset('test/fixtures/sets/volledig').set.varianten.micro).toBe('per_cao');
  });

  it('02A02 onder CAO GGZ: de GGZ-keten met 12 % in plaats van 22 % overhead → € 1,37 per minuut (was € 1,25, het laagste over alle CAO’s)', () => {
    const plan = berekenTarieven(laad());
    const ggz = plan.tarieven.find((t) => t.product === '02A02' && t.variant === 'ggz')!;
    const micro = plan.tarieven.find((t) => t.product === '02A02' && t.variant === 'micro-ggz')!;
    expect(micro.cao).toBe('ggz');
    expect(micro.variantSoort).toBe('micro');
    // by hand: P = personnel cost per hour after indexatie (from the GGZ chain, the same in both);
    // (P × 1,12 + P × 0,015 + vervoer 2,00) × 1,02, to a multiple of € 0,60, ÷ 60
    const p = ggz.opbouw.find((s) => s.stap === 'indexatie')!.waarde;
    const uur = rondAf(p.times('1.12').plus(p.times('0.015')).plus(2).times('1.02'), new Decimal('0.60'));
    expect(uur.toFixed(2)).toBe('82.20');
    expect(micro.tariefPerUur!.toFixed(2)).toBe('82.20');
    expect(micro.tarief.toFixed(2)).toBe('1.37');
    expect(ggz.tarief.toFixed(2)).toBe('1.48');
    const basis = plan.tarieven.find((t) => t.product === '02A02' && t.variant === 'micro-onderneming')!;
    expect(basis.tarief.toFixed(2)).toBe('1.25');
    expect(basis.cao).toBe('vvt');
  });

  it('elk kostprijsproduct: een micro-tarief per CAO, niet hoger dan het CAO-tarief; het micro-basistarief is het laagste daarvan', () => {
    const set = laad();
    const plan = berekenTarieven(set);
    let aantal = 0;
    for (const p of set.producten.filter((x) => x.berekening === 'kostprijs')) {
      const van = plan.tarieven.filter((t) => t.product === p.code);
      const micro = p.caos.map((c) => van.find((t) => t.variant === `micro-${c}`)!);
      for (const [i, m] of micro.entries()) {
        const cao = van.find((t) => t.variant === p.caos[i])!;
        expect(m, `${p.code} micro-${p.caos[i]}`).toBeDefined();
        expect(bedrag(m).lte(bedrag(cao)), `${p.code} ${p.caos[i]}`).toBe(true);
        expect(m.opbouw.find((s) => s.stap === 'overhead')!.parameters[0]!.pad).toBe('opslagen.overhead.micro_onderneming');
        aantal++;
      }
      const basis = van.find((t) => t.variant === 'micro-onderneming')!;
      const laagste = micro.reduce((a, b) => (bedrag(b).lt(bedrag(a)) ? b : a));
      expect(basis.tarief.toFixed(2), p.code).toBe(laagste.tarief.toFixed(2));
    }
    expect(aantal).toBeGreaterThan(30);
  });

  it('laagste: één micro-tarief, het laagste CAO-tarief met de micro-overhead (de oude rekenwijze)', () => {
    const set = laad();
    set.varianten.micro = 'laagste';
    const plan = berekenTarieven(set);
    const micro = plan.tarieven.filter((t) => t.product === '02A02' && t.variantSoort === 'micro');
    expect(micro.map((t) => t.variant)).toEqual(['micro-onderneming']);
    expect(micro[0]!.tarief.toFixed(2)).toBe('1.25');
  });

  it('zonder basistarief: alleen de micro-tarieven per CAO', () => {
    const set = laad();
    set.varianten.basistarief = false;
    set.varianten.pgb = undefined;
    const plan = berekenTarieven(set);
    const micro = plan.tarieven.filter((t) => t.product === '02A02' && t.variantSoort === 'micro').map((t) => t.variant);
    expect(micro).toEqual(['micro-gehandicaptenzorg', 'micro-ggz', 'micro-sociaal-werk', 'micro-vvt']);
  });
});

describe('de tariefbijlage toont de opbouw van een micro-tarief', () => {
  it('02A02 micro-ggz: de stappen vanaf de overhead met hun bedragen, niet alleen "laagste van"', async () => {
    const { tariefbijlageSpec } = await import('../../src/docmodel/documenten/tariefbijlage.ts');
    const set = laad();
    const spec = tariefbijlageSpec(set, berekenTarieven(set), { publicatie: false });
    const contract = set.producten.find((p) => p.code === '02A02')!.contract;
    const tekst = JSON.stringify(spec.blokken.opbouw!.maak(contract));
    const i = tekst.indexOf('Micro-onderneming, Cao GGZ', tekst.indexOf('02A02 '));
    expect(i).toBeGreaterThan(0);
    const rij = tekst.slice(i, tekst.indexOf('Micro-onderneming, Cao', i + 10));
    expect(rij).toContain('Overhead (opslag op directe kosten): ');
    expect(rij).toContain('personeelskosten + personeelskosten × 12 %');
    expect(rij).toContain('Winst en risico: ');
    expect(rij).toContain('82,20');
  });
});
