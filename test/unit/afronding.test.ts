/** Rounding table (half up = rekenkundig, like Excel's ROUND), in the style of Catala's rounding tests. */
import { describe, expect, it } from 'vitest';
import { rondAf, rondCent } from '../../src/model/afronding.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const d = (s: string) => new Decimal(s);

describe('afronding', () => {
  it.each([
    ['1.005', '1.01'],
    ['2.675', '2.68'],
    ['2.665', '2.67'],
    ['0.125', '0.13'],
    ['24.174418604651', '24.17'],
    ['-2.5', '-2.50'],
    ['-0.005', '-0.01'],
    ['0.0049999', '0.00'],
  ])('rondCent(%s) = %s', (x, uit) => expect(rondCent(d(x)).toFixed(2)).toBe(uit));

  it.each([
    ['76.907', '0.60', 'rekenkundig', '76.80'],
    ['76.50', '0.60', 'rekenkundig', '76.80'],
    ['76.49', '0.60', 'rekenkundig', '76.20'],
    // 75,90 ÷ 0,60 = 126,5 precies: rekenkundig naar 127 × 0,60 = 76,20; bankiersafronding (half-even) gaf 75,60
    ['75.90', '0.60', 'rekenkundig', '76.20'],
    ['75.30', '0.60', 'rekenkundig', '75.60'],
    ['75.3636', '0.60', 'rekenkundig', '75.60'],
    ['52039.32', '1', 'rekenkundig', '52039.00'],
    ['52039.50', '1', 'rekenkundig', '52040.00'],
    ['10.01', '0.60', 'omhoog', '10.20'],
    ['10.59', '0.60', 'omlaag', '10.20'],
    ['37.02', '5', 'rekenkundig', '35.00'],
    ['37.50', '5', 'rekenkundig', '40.00'],
  ] as const)('rondAf(%s, veelvoud %s, %s) = %s', (x, m, r, uit) => expect(rondAf(d(x), d(m), r).toFixed(2)).toBe(uit));

  it('een uurtarief op een veelvoud van € 0,60 geeft een minuuttarief in hele centen', () => {
    for (let c = 0; c < 20000; c += 7) {
      const uur = rondAf(d(String(c)).div(100), d("0.60"));
      expect(uur.div(60).decimalPlaces()).toBeLessThanOrEqual(2);
    }
  });
});

describe('een afrondingsregel op € 0,001', () => {
  it('geen uitvoer rondt het tarief een tweede keer af: tabel, JSON en verklaring tonen de drie decimalen', async () => {
    const { laadParameterset } = await import('../../src/params/laden.ts');
    const { berekenTarieven } = await import('../../src/model/bereken.ts');
    const { tariefRij } = await import('../../src/docmodel/tarieventabel.ts');
    const { planNaarJson } = await import('../../src/docmodel/json.ts');
    const { controleerTotalen } = await import('../../src/model/controle.ts');
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    for (const r of set.afronding.values()) r.veelvoud = d('0.001');
    const plan = berekenTarieven(set);
    const t = plan.tarieven.find((x) => x.product === '07A01' && x.variant === 'beta')!;
    expect(t.tarief.decimalPlaces()).toBe(3);
    expect(tariefRij(t).tarief).toBe(t.tarief.toFixed(3));
    expect(planNaarJson(plan).tarieven.find((x) => x.product === '07A01' && x.variant === 'beta')!.tarief).toBe(t.tarief.toFixed(3));
    // a controletotaal 0,001 off reports both figures as written, not as the same rounded cent
    const fout = controleerTotalen({ ...set, controletotalen: [{ product: '07A01', variant: 'beta', tarief: t.tarief.plus('0.001'), herkomst: { bestand: 't', regel: 1, kolom: 1 }, herkomstVariant: { bestand: 't', regel: 1, kolom: 1 } }] }, plan);
    expect(fout[0]!.gevonden).toBe(`${t.tarief.toFixed(3)} (berekend), verschil -0.001`);
    // the workbooks show the tenth of a cent too
    const { tariefbijlageWerkboek } = await import('../../src/docmodel/tariefbijlage.ts');
    const blad = tariefbijlageWerkboek(set, plan).bladen.find((b) => b.naam === 'Tarieven')!;
    const cel = blad.rijen.flat().find((c) => c && 'resultaat' in c && c.resultaat === t.tarief);
    expect(cel?.formaat).toBe('euro3');
  });
});
