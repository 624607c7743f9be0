/** Indexation percentages: the published VNG 2024 figure and hand calculations for the other variants. */
import { describe, expect, it } from 'vitest';
import { berekenComponentIndex, berekenIndex, type IndexInvoer } from '../../src/model/indexcijfers.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const d = (s: string) => new Decimal(s);
// VNG, Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning 2024 (domein-tariefmodel.md §5 E3)
const vng2024: IndexInvoer = {
  methode: 'vng',
  inhaal: 'relatief',
  loon: d('90'),
  materieel: d('10'),
  vorigJaar: { ovaVoorlopig: d('4.74'), ovaDefinitief: d('6.36'), ppcVoorlopig: d('4.87'), ppcDefinitief: d('7.02') },
  ditJaar: { ovaVoorlopig: d('4.94'), ppcVoorlopig: d('2.51') },
  decimalen: 2,
};

describe('indexcijfers', () => {
  it('gepubliceerd: VNG-indexatie 2024 is 6,30 % (inhaal 1,60 % relatief + voorlopig 4,70 %)', () => {
    const u = berekenIndex(vng2024);
    expect(u.inhaal.toFixed(2)).toBe('1.60');
    expect(u.voorlopig.toFixed(2)).toBe('4.70');
    expect(u.index.toFixed(2)).toBe('6.30');
  });

  it('handberekening: VNG met inhaal als absoluut verschil: 6,426 − 4,753 = 1,673 → 1,67; + 4,70 = 6,37 %', () => {
    expect(berekenIndex({ ...vng2024, inhaal: 'absoluut' }).index.toFixed(2)).toBe('6.37');
  });

  it('handberekening: NZa ketent per component: OVA 1,0636/1,0474 × 1,0494 − 1 = 6,5631 %, PPC 1,0702/1,0487 × 1,0251 − 1 = 4,6116 %; 0,9 × 6,5631 + 0,1 × 4,6116 = 6,37 %', () => {
    const u = berekenIndex({ ...vng2024, methode: 'nza' });
    expect(u.loonIndex!.toFixed(2)).toBe('6.56');
    expect(u.materieelIndex!.toFixed(2)).toBe('4.61');
    expect(u.index.toFixed(2)).toBe('6.37');
  });

  it('handberekening: NZa met inhaal als absoluut verschil: OVA (1 + 1,62 %) × 1,0494 − 1 = 6,6400 %, PPC (1 + 2,15 %) × 1,0251 − 1 = 4,7140 %; 0,9 × 6,6400 + 0,1 × 4,7140 = 6,4474 → 6,45 %', () => {
    const u = berekenIndex({ ...vng2024, methode: 'nza', inhaal: 'absoluut' });
    expect(u.loonIndex!.toFixed(2)).toBe('6.64');
    expect(u.materieelIndex!.toFixed(2)).toBe('4.71');
    expect(u.index.toFixed(2)).toBe('6.45');
  });

  it('handberekening: andere gewichten per product (70/30) veranderen de VNG-index: inhaal 1,70 (relatief) + voorlopig 4,21 = 5,91 %', () => {
    // vrl vorig 0,7×4,74+0,3×4,87 = 4,779; def 0,7×6,36+0,3×7,02 = 6,558; 1,06558/1,04779−1 = 1,6979 % → 1,70
    // vrl dit jaar 0,7×4,94+0,3×2,51 = 4,211 → 4,21; samen 5,91
    const u = berekenIndex({ ...vng2024, loon: d('70'), materieel: d('30') });
    expect(u.inhaal.toFixed(2)).toBe('1.70');
    expect(u.voorlopig.toFixed(2)).toBe('4.21');
    expect(u.index.toFixed(2)).toBe('5.91');
  });

  it('handberekening: componenten met gegeven percentages (Zeeland 2019: dienst 3,64 %, huisvesting 2,50 %, inventaris 2,46 %), aandelen 60/25/15: 2,184 + 0,625 + 0,369 = 3,178 → 3,18 %', () => {
    const u = berekenComponentIndex(vng2024, [
      { naam: 'dienst', aandeel: d('60'), index: d('3.64') },
      { naam: 'huisvesting', aandeel: d('25'), index: d('2.50') },
      { naam: 'inventaris', aandeel: d('15'), index: d('2.46') },
    ]);
    expect(u.componenten.map((c) => c.index.toFixed(2))).toEqual(['3.64', '2.50', '2.46']);
    expect(u.index.toFixed(2)).toBe('3.18');
  });

  it('handberekening: VNG, een component met eigen gewichten krijgt de VNG-index van die gewichten (70/30: 1,70 + 4,21 = 5,91 %); 0,8 × 5,91 + 0,2 × 2,50 = 5,228 → 5,23 %', () => {
    const u = berekenComponentIndex(vng2024, [
      { naam: 'dienst', aandeel: d('80'), loon: d('70'), materieel: d('30') },
      { naam: 'huisvesting', aandeel: d('20'), index: d('2.50') },
    ]);
    expect(u.componenten[0]!.index.toFixed()).toBe('5.91');
    expect(u.index.toFixed(2)).toBe('5.23');
  });

  it('handberekening: NZa neemt per component de onafgeronde ketens: 0,7 × 6,563093 + 0,3 × 4,611616 = 5,977650 %; 0,8 × 5,977650 + 0,2 × 2,50 = 5,282120 → 5,28 %', () => {
    const u = berekenComponentIndex({ ...vng2024, methode: 'nza' }, [
      { naam: 'dienst', aandeel: d('80'), loon: d('70'), materieel: d('30') },
      { naam: 'huisvesting', aandeel: d('20'), index: d('2.50') },
    ]);
    expect(u.componenten[0]!.index.toFixed(6)).toBe('5.977650');
    expect(u.index.toFixed(2)).toBe('5.28');
  });

  it('één component met aandeel 100 en de gewichten van de set geeft hetzelfde als het hele product', () => {
    for (const methode of ['vng', 'nza'] as const) {
      const heel = berekenIndex({ ...vng2024, methode });
      const comp = berekenComponentIndex({ ...vng2024, methode }, [{ naam: 'alles', aandeel: d('100'), loon: d('90'), materieel: d('10') }]);
      expect(comp.index.toFixed(), methode).toBe(heel.index.toFixed());
    }
  });
});

describe('afronding van de geïndexeerde tarieven', () => {
  it('indexeren op € 0,001 en afronden op centen (zoals Zeeland): het basistarief met drie decimalen, het nieuwe op centen', async () => {
    const { laadParameterset } = await import('../../src/params/laden.ts');
    const { berekenTarieven } = await import('../../src/model/bereken.ts');
    const { set } = laadParameterset('test/fixtures/sets/volledig-geindexeerd');
    // the base year (the set this round builds on) rounds on € 0,001; the round itself on cents
    const basisSet = set.indexering!.basis!;
    const cent = basisSet.afronding.get('cent')!;
    basisSet.afronding.set('duizendste', { ...cent, id: 'duizendste', veelvoud: d('0.001') });
    basisSet.producten.find((x) => x.code === '44A01')!.afronding = 'duizendste';
    set.indexcijfers!.afronding = 'cent';
    const t = berekenTarieven(set).tarieven.find((x) => x.product === '44A01' && x.variant === 'alfa')!;
    const basis = t.opbouw.find((s) => s.stap === 'afronding')!.waarde;
    const index = t.opbouw.find((s) => s.stap === 'indexpercentage')!.waarde;
    expect(basis.decimalPlaces()).toBe(3);
    expect(t.opbouw.find((s) => s.stap === 'afronding_geindexeerd')!.parameters[0]!.pad).toBe('afronding.cent');
    expect(t.tarief.toFixed()).toBe(basis.times(d('100').plus(index)).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed());
    // a minute product keeps its own rule (a multiple of € 0,60), so the minute tariff stays whole cents
    const m = berekenTarieven(set).tarieven.find((x) => x.product === '45A01' && x.variant === 'alfa')!;
    expect(m.opbouw.find((s) => s.stap === 'afronding_geindexeerd')!.parameters[0]!.pad).toBe('afronding.zestig_cent');
    expect(m.tariefPerUur!.toFixed(2)).toBe(m.tarief.times(60).toFixed(2));
  });
});
