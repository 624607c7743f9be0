/**
 * The YAML cache must be invisible: a hit gives exactly what reading the file gives (value, every position
 * with its fragment, every problem), and anything that could make an entry wrong makes it a miss instead.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yamlCacheMap } from '../../src/cli/wortel.ts';
import { leesYaml, Posities } from '../../src/params/yaml.ts';
import { leesYamlMetCache, stelYamlCacheIn } from '../../src/params/yamlcache.ts';

const SET = path.resolve(import.meta.dirname, '../../models/voorbeeldregio-2027');

function yamlBestanden(map: string): string[] {
  return readdirSync(map, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => path.join(map, n));
}

/** Everything leesYaml produced, positions included, as one plain structure to compare. */
function volledig(waarde: unknown, posities: Posities): unknown {
  if (waarde === null || typeof waarde !== 'object') return waarde;
  const ni = posities.van(waarde);
  const kinderen = Array.isArray(waarde) ? waarde.map((w) => volledig(w, posities)) : Object.entries(waarde).map(([k, w]) => [k, volledig(w, posities)]);
  return { pos: ni?.pos, sleutels: [...(ni?.sleutels ?? [])], waarden: [...(ni?.waarden ?? [])], kinderen };
}

let map: string;
beforeEach(() => {
  map = mkdtempSync(path.join(os.tmpdir(), 'tb-yamlcache-'));
  stelYamlCacheIn(map);
});
afterEach(() => {
  stelYamlCacheIn(undefined);
  rmSync(map, { recursive: true, force: true });
});

describe('YAML-cache', () => {
  it('geeft voor elk bestand van de voorbeeldset bij een treffer precies wat lezen geeft, posities en fragmenten inbegrepen', () => {
    const bestanden = yamlBestanden(SET);
    expect(bestanden.length).toBeGreaterThan(20);
    for (const f of bestanden) {
      const bron = readFileSync(f, 'utf8');
      const naam = path.relative(SET, f);
      const p0 = new Posities();
      const direct = leesYaml(naam, bron, p0);
      const p1 = new Posities();
      const mis = leesYamlMetCache(naam, bron, p1);
      const p2 = new Posities();
      const treffer = leesYamlMetCache(naam, bron, p2);
      expect(volledig(mis.waarde, p1)).toEqual(volledig(direct.waarde, p0));
      expect(volledig(treffer.waarde, p2)).toEqual(volledig(direct.waarde, p0));
      expect(treffer.problemen).toEqual(direct.problemen);
    }
    expect(readdirSync(map).filter((n) => n.endsWith('.json'))).toHaveLength(bestanden.length);
  });

  it('bewaart ook de problemen van een kapot bestand', () => {
    const bron = 'naam: a\nnaam: b\nlijst:\n  - 1\n  - *anker\ntekst: "\\u001b[2J"\n';
    const direct = leesYaml('kapot.yaml', bron, new Posities());
    expect(direct.problemen.map((p) => `${p.regel}:${p.kolom} ${p.melding}`)).toEqual([
      '2:1 dubbele sleutel \'naam\'',
      '5:5 ankers en aliassen (& en *) zijn niet toegestaan',
      '6:8 onzichtbaar stuurteken in een tekst',
    ]);
    leesYamlMetCache('kapot.yaml', bron, new Posities());
    const treffer = leesYamlMetCache('kapot.yaml', bron, new Posities());
    expect(treffer.problemen).toEqual(direct.problemen);
  });

  it('maakt van elke andere tekst of bestandsnaam een nieuwe ingang', () => {
    leesYamlMetCache('a.yaml', 'waarde: 1.50\n', new Posities());
    const ander = leesYamlMetCache('a.yaml', 'waarde: 1.5\n', new Posities());
    expect(ander.waarde).toEqual({ waarde: '1.5' });
    const p = new Posities();
    const hernoemd = leesYamlMetCache('b.yaml', 'waarde: 1.50\n', p);
    expect(p.waarde(hernoemd.waarde, 'waarde')?.bestand).toBe('b.yaml');
    expect(readdirSync(map)).toHaveLength(3);
  });

  it('leest een beschadigde ingang opnieuw en herstelt hem', () => {
    const bron = 'waarde: 12.50 # euro\n';
    leesYamlMetCache('x.yaml', bron, new Posities());
    const [ingang] = readdirSync(map);
    writeFileSync(path.join(map, ingang!), '{"waarde": {"m": [["waarde", [1');
    const p = new Posities();
    const r = leesYamlMetCache('x.yaml', bron, p);
    expect(r.waarde).toEqual({ waarde: '12.50' });
    expect(p.waarde(r.waarde, 'waarde')).toEqual({ bestand: 'x.yaml', regel: 1, kolom: 9, fragment: 'waarde: 12.50 # euro' });
    expect(JSON.parse(readFileSync(path.join(map, ingang!), 'utf8')).waarde.m[0][0]).toBe('waarde');
  });

  it('schrijft niets als de cache uit staat', () => {
    stelYamlCacheIn(undefined);
    leesYamlMetCache('a.yaml', 'waarde: 1\n', new Posities());
    expect(readdirSync(map)).toHaveLength(0);
  });
});

describe('yamlCacheMap', () => {
  it('volgt TARIEFBOUW_CACHE, anders de cachemap van de gebruiker', () => {
    expect(yamlCacheMap({ TARIEFBOUW_CACHE: 'uit', HOME: '/h' })).toBeUndefined();
    expect(yamlCacheMap({ TARIEFBOUW_CACHE: '/c' })).toBe('/c');
    expect(yamlCacheMap({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/tariefbouw/yaml');
    expect(yamlCacheMap({ HOME: '/h' })).toBe('/h/.cache/tariefbouw/yaml');
    expect(yamlCacheMap({})).toBeUndefined();
  });
});
