/**
 * The layers, checked: imports flow cli → render → docmodel → model → params → shared,
 * and the pure layers touch no files, clock or randomness.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', 'src');
const LAGEN = ['shared', 'params', 'model', 'docmodel', 'render', 'cli'] as const;
const PUUR = new Set(['shared', 'model', 'docmodel']);

function bestanden(map: string): string[] {
  return readdirSync(map, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? bestanden(path.join(map, e.name)) : e.name.endsWith('.ts') ? [path.join(map, e.name)] : []));
}

const alle = bestanden(SRC).map((f) => ({ f, laag: path.relative(SRC, f).split(path.sep)[0]!, tekst: readFileSync(f, 'utf8') }));

describe('architectuur', () => {
  it('elk bronbestand hoort bij een bekende laag', () => {
    for (const { f, laag } of alle) expect(LAGEN as readonly string[], f).toContain(laag);
  });

  it.each(alle.map((a) => [path.relative(SRC, a.f), a] as const))('%s importeert alleen lagere lagen', (_, { f, laag, tekst }) => {
    const eigen = LAGEN.indexOf(laag as (typeof LAGEN)[number]);
    for (const m of tekst.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const doel = path.relative(SRC, path.resolve(path.dirname(f), spec)).split(path.sep)[0]!;
        expect(LAGEN.indexOf(doel as (typeof LAGEN)[number]), `${spec} in ${f}`).toBeLessThanOrEqual(eigen);
      } else if (PUUR.has(laag)) {
        expect(spec.startsWith('node:'), `${laag} mag geen ${spec} importeren`).toBe(false);
        expect(['decimal.js', 'zod', 'yaml'], `${laag} importeert ${spec}`).toContain(spec);
      } else if (laag === 'params') {
        // node:module and node:url only to load the YAML library on first use and to find the reading code (yamlcache.ts)
        expect(['node:fs', 'node:path', 'node:crypto', 'node:module', 'node:url', 'zod', 'yaml', 'decimal.js'], `params importeert ${spec}`).toContain(spec);
      }
    }
  });

  it('model, docmodel en shared lezen geen klok, toeval of omgeving', () => {
    for (const { f, laag, tekst } of alle) {
      if (!PUUR.has(laag)) continue;
      expect(tekst, f).not.toMatch(/Date\.now|new Date\(|Math\.random|process\.|readFileSync|writeFileSync/);
    }
  });
});
