/** The tool's version: one number, the one in package.json, shown by --version and written into every output. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARIEFBOUW_VERSIE } from '../../src/shared/versie.ts';
import { main } from '../../src/cli/main.ts';

const pakket = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

describe('versie van tariefbouw', () => {
  it('is die van package.json', () => {
    expect(TARIEFBOUW_VERSIE).toBe(pakket.version);
  });

  it('tariefbouw --version drukt haar af, afsluitcode 0', async () => {
    let out = '';
    const code = await main(['--version'], { out: (s) => (out += s), err: () => {} });
    expect(code).toBe(0);
    expect(out).toBe(`${pakket.version}\n`);
  });
});
