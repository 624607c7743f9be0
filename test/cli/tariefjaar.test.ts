/** --tariefjaar takes a plausible year only: 0000 was silently ignored (it is falsy), 9999 or 1999 is a typo. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function draai(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('--tariefjaar', () => {
  it.each(['0000', '1999', '2101', '9999'])('%s is verkeerd gebruik (exit 2), niet stil genegeerd', async (jaar) => {
    for (const args of [['bereken', '--tariefjaar', jaar], ['verklaar', '45A48', '--tariefjaar', jaar]]) {
      const r = await draai(args);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`verwacht een tariefjaar van 2015 tot en met 2100, gevonden ${jaar}`);
    }
  });

  it('een jaartal dat geen vier cijfers is, blijft ook verkeerd gebruik', async () => {
    const r = await draai(['bereken', '--tariefjaar', '27']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('verwacht een jaartal van vier cijfers, zoals 2027');
  });
});
