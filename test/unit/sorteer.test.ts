/** One collation for the whole program (src/shared/sorteer.ts), never the machine's locale. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sorteerTekst, vergelijkNumeriek } from '../../src/shared/sorteer.ts';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

function bronnen(map: string): string[] {
  return readdirSync(map).flatMap((n) => {
    const p = path.join(map, n);
    return statSync(p).isDirectory() ? bronnen(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('sorteren', () => {
  it('geen localeCompare en geen Intl.Collator buiten src/shared/sorteer.ts', () => {
    const fout = bronnen(SRC)
      .filter((p) => !p.endsWith(path.join('shared', 'sorteer.ts')))
      .flatMap((p) => readFileSync(p, 'utf8').split('\n').flatMap((r, i) => (/localeCompare|Intl\.Collator/.test(r) ? [`${path.relative(SRC, p)}:${i + 1}`] : [])));
    expect(fout).toEqual([]);
  });

  it('een vaste volgorde: hoofdletters en accenten naast hun letter, gelijke teksten op codepunt', () => {
    // CLDR root/nl order (the machine's LC_ALL plays no part): a < A < á < b; 'ij' is two letters
    expect(sorteerTekst(['b', 'á', 'A', 'a', 'ij', 'ik', 'Z', 'z'])).toEqual(['a', 'A', 'á', 'b', 'ij', 'ik', 'z', 'Z']);
    expect(['schaal 10', 'schaal 9', 'schaal 1'].sort(vergelijkNumeriek)).toEqual(['schaal 1', 'schaal 9', 'schaal 10']);
    // canonically equal but different code points: still a total order
    expect(sorteerTekst(['\u00e9', 'e\u0301'])).toEqual(['e\u0301', '\u00e9']);
  });
});
