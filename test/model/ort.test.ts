/**
 * ORT-maximum (ort_maximum): the cap holds per trede and per table, before the functiehuis weights and the
 * months of jaargemiddelde. Hand calculation in the test.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { Decimal } from '../../src/shared/decimal.ts';

describe('ORT-maximum', () => {
  it('per trede en per tabel: mbo half trede 0, half trede 2, ORT over ten hoogste trede 1', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-jaargemiddelde');
    const alfa = set.caos.get('alfa')!;
    const mbo = alfa.functiehuis.get('mbo')!;
    mbo.treden = [
      { trede: '0', gewicht: new Decimal(1) },
      { trede: '2', gewicht: new Decimal(1) },
    ];
    alfa.ortMaximum = { ...alfa.ortMaximum!, trede: '1' };
    const t = berekenTarieven(set).tarieven.find((x) => x.product === '44A01' && x.variant === 'alfa')!;
    const jaarsalaris = t.opbouw.find((s) => s.stap === 'personeel.mbo.jaarsalaris')!.waarde;
    const loonsom = t.opbouw.find((s) => s.stap === 'personeel.mbo.cao_toeslagen')!.waarde;
    // salary: first half (3.000 + 3.200) ÷ 2 = 3.100, second half (3.090 + 3.296) ÷ 2 = 3.193 → 3.146,50 × 12 = 37.758
    expect(jaarsalaris.toFixed()).toBe('37758');
    // ORT basis: first half (min(3.000, 3.100) + min(3.200, 3.100)) ÷ 2 = 3.050, second (3.090 + 3.193) ÷ 2 = 3.141,50
    // → 3.095,75 × 12 = 37.149; ORT 10 % = 3.714,90 (capping the weighted mean instead would give 3.775,80)
    expect(loonsom.minus(jaarsalaris.times('1.1633')).toFixed()).toBe('3714.9');
  });
});
