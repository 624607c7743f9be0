/**
 * Small golden outputs, one per feature, from the CLI on tiny sets (in the style of hledger's tests: the
 * command and its exact output side by side in test/golden/kenmerken/). Each file is short enough to
 * read in a review. After a deliberate change: `npx vitest run -u test/golden/kenmerken.test.ts`, then
 * read the diff. In CI (CI=true) vitest writes no snapshot: a missing golden fails.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { planNaarJson } from '../../src/docmodel/json.ts';

async function cli(...args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  expect(code, err).toBe(0);
  return `$ tariefbouw ${args.join(' ')}\n${out}`;
}

describe('golden per kenmerk', () => {
  it('verklaar: de opbouw van één dagbestedingstarief (functiemix, groep, materieel)', async () => {
    await expect(await cli('verklaar', '07A01', '--variant', 'beta', '--set', 'test/fixtures/sets/volledig')).toMatchFileSnapshot('kenmerken/verklaar-07A01-beta.txt');
  });

  it('vergelijk --markdown: 1 procentpunt meer overhead', async () => {
    await expect(await cli('vergelijk', 'test/fixtures/sets/volledig', 'test/golden/sets/overhead-21', '--markdown')).toMatchFileSnapshot('kenmerken/vergelijk-overhead-21.md');
  });

  it('begroting: volume × tarief per gemeente, en het verschil met een basisset', async () => {
    await expect(await cli('begroting', 'test/fixtures/sets/volledig-review', '--basis', 'test/fixtures/sets/volledig-conventies')).toMatchFileSnapshot('kenmerken/begroting-volledig-review.txt');
  });

  it('het JSON-contract van één tarief met zijn opbouw (bereken --json, één tarief)', async () => {
    const plan = berekenTarieven(laadParameterset('test/fixtures/sets/volledig').set);
    const een = { ...plan, tarieven: plan.tarieven.filter((t) => t.product === '02A02' && t.variant === 'alfa') };
    expect(een.tarieven).toHaveLength(1);
    await expect(`${JSON.stringify(planNaarJson(een), null, 2)}\n`).toMatchFileSnapshot('kenmerken/opbouw-02A02-alfa.json');
  });
});
