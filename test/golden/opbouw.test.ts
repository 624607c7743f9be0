/**
 * Golden files: the `verklaar` text of one tariff per product kind. Update deliberately with
 * `npx vitest run -u` and review the diff before committing. (The JSON contract has its own small
 * golden of one tariff in kenmerken.test.ts; the opbouw of every tariff is no longer one large golden:
 * the values are checked by the hand calculations and the expression tests.)
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { verklaar } from '../../src/docmodel/verklaring.ts';

const plan = berekenTarieven(laadParameterset('test/fixtures/sets/volledig').set);

describe('golden: verklaar bij de testset', () => {
  it.each([
    ['45A01', 'basistarief'],
    ['07A01', 'aanbieder-kleine-groep'],
    ['44A01', 'alfa'],
    ['46A01', 'basistarief'],
    ['02A01', 'pgb-professioneel'],
    ['02A02', 'micro-onderneming'],
  ])('verklaar %s --variant %s', async (code, variant) => {
    const t = plan.tarieven.find((x) => x.product === code && x.variant === variant)!;
    await expect(verklaar(plan, t)).toMatchFileSnapshot(`volledig/verklaar-${code}-${variant}.txt`);
  });
});

describe('golden: verklaar bij de andere conventies', () => {
  it.each([
    ['test/fixtures/sets/volledig-conventies', '44A01', 'alfa'],
    ['test/fixtures/sets/volledig-conventies', '02A02', 'alfa'],
    ['test/fixtures/sets/volledig-conventies', '07A01', 'beta'],
    ['test/fixtures/sets/volledig-conventies', '45A02', 'beta'],
    ['test/fixtures/sets/volledig-opslag', '02A02', 'alfa'],
  ])('%s: verklaar %s --variant %s', async (map, code, variant) => {
    const p = berekenTarieven(laadParameterset(map).set);
    const t = p.tarieven.find((x) => x.product === code && x.variant === variant)!;
    await expect(verklaar(p, t)).toMatchFileSnapshot(`${map.split('/').pop()}/verklaar-${code}-${variant}.txt`);
  });
});
