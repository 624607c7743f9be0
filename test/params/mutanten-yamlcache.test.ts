/**
 * The YAML cache keeps its folder bounded (src/params/yamlcache.ts ruimOp): above 2 000 entries, writing a new one
 * removes the least recently written entries until 1 000 are left, oldest first and, at equal times, by name.
 * Written for the mutants of ruimOp that no test reached (issue 14). The cache folder here is a temporary one.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Posities } from '../../src/params/yaml.ts';
import { leesYamlMetCache, stelYamlCacheIn } from '../../src/params/yamlcache.ts';

let map: string;
beforeEach(() => {
  map = mkdtempSync(path.join(os.tmpdir(), 'tb-yamlcache-ruim-'));
  stelYamlCacheIn(map);
});
afterEach(() => {
  stelYamlCacheIn(undefined);
  rmSync(map, { recursive: true, force: true });
});

const naam = (i: number) => `a${String(i).padStart(4, '0')}.json`;
const T0 = new Date('2026-01-01T00:00:00Z').getTime() / 1000;

/** 2 001 old entries with the given modification time (seconds), then one new entry written by the cache. */
function vulEnSchrijf(tijd: (i: number) => number): string[] {
  for (let i = 0; i <= 2000; i++) {
    const f = path.join(map, naam(i));
    writeFileSync(f, '{}');
    utimesSync(f, tijd(i), tijd(i));
  }
  leesYamlMetCache('nieuw.yaml', 'a: 1\n', new Posities());
  return readdirSync(map).filter((n) => n.endsWith('.json')).sort();
}

describe('YAML-cache: opruimen', () => {
  it('2 000 ingangen blijven staan', () => {
    for (let i = 0; i < 1999; i++) writeFileSync(path.join(map, naam(i)), '{}');
    leesYamlMetCache('nieuw.yaml', 'a: 1\n', new Posities());
    expect(readdirSync(map).filter((n) => n.endsWith('.json'))).toHaveLength(2000);
  });

  it('bij 2 002 ingangen gaan de 1 002 oudste weg (hier: de hoogste namen, die het oudst zijn)', () => {
    // entry i was written 2000 − i seconds after T0: a2000 is the oldest, a0000 the newest of the old ones
    const over = vulEnSchrijf((i) => T0 + (2000 - i));
    const oud = over.filter((n) => n.startsWith('a'));
    expect(oud).toHaveLength(999);
    expect([oud[0], oud[998]]).toEqual([naam(0), naam(998)]);
    // the new entry (a sha-256 name) is the newest and stays
    expect(over.filter((n) => !n.startsWith('a'))).toHaveLength(1);
  });

  it('bij gelijke tijden beslist de naam: de laagste namen gaan eerst', () => {
    const over = vulEnSchrijf(() => T0);
    const oud = over.filter((n) => n.startsWith('a'));
    expect(oud).toHaveLength(999);
    expect([oud[0], oud[998]]).toEqual([naam(1002), naam(2000)]);
  });
});
