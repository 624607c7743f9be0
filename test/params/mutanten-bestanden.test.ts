/**
 * Reading the folder of a set (src/params/bestanden.ts leesSet) where no test under test/params reached it
 * (issue 14): a missing set folder, a model.yaml that is a folder, files that are not YAML, and a basis given as
 * the bare name of a set next to this one. Each set is a copy of test/fixtures/sets/volledig in a temporary folder.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { afgewezen } from '../proefset.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const VOLLEDIG = path.join(ROOT, 'test', 'fixtures', 'sets', 'volledig');

function kopie(): { werk: string; map: string } {
  const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-bestanden-'));
  const map = path.join(werk, 'volledig');
  cpSync(VOLLEDIG, map, { recursive: true });
  return { werk, map };
}

const kort = (p: { ernst: string; bestand?: string; melding: string; verwacht?: string; gevonden?: string; hint?: string }) => [p.ernst, path.basename(p.bestand ?? ''), p.melding, p.verwacht, p.gevonden, p.hint];
const NIET_GEVONDEN = ['parameterset niet gevonden', 'een map met ten minste model.yaml', 'geen map op deze plek', 'geef de naam van een map onder models/ of een pad naar een setmap'];

describe('de setmap lezen', () => {
  it('een map die niet bestaat: parameterset niet gevonden', () => {
    const { werk } = kopie();
    expect(afgewezen(path.join(werk, 'bestaat-niet')).map(kort)).toEqual([['fout', 'bestaat-niet', ...NIET_GEVONDEN]]);
  });

  it('een bestand in plaats van een map: parameterset niet gevonden', () => {
    const { map } = kopie();
    expect(afgewezen(path.join(map, 'model.yaml')).map(kort)).toEqual([['fout', 'model.yaml', ...NIET_GEVONDEN]]);
  });

  it('een map met de naam model.yaml: die ene melding, niet ook "model.yaml ontbreekt"', () => {
    const { map } = kopie();
    rmSync(path.join(map, 'model.yaml'));
    mkdirSync(path.join(map, 'model.yaml'));
    expect(afgewezen(map).map((p) => [p.ernst, path.basename(p.bestand ?? ''), p.melding])).toEqual([['fout', 'model.yaml', 'model.yaml is een map, geen bestand']]);
  });

  it('bestanden die geen YAML zijn (in de setmap en in cao/) worden overgeslagen', () => {
    const { map } = kopie();
    writeFileSync(path.join(map, 'LEESMIJ.txt'), 'geen parameters: [niet: geldig');
    writeFileSync(path.join(map, 'cao', 'notities.txt'), 'geen parameters: [niet: geldig');
    const { set, waarschuwingen } = laadParameterset(map);
    expect([set.id, [...set.caos.keys()], waarschuwingen]).toEqual(['volledig', ['alfa', 'beta'], []]);
  });

  it('basis als naam van een set naast deze set (zonder /): de set ernaast', () => {
    const { werk } = kopie();
    const map = path.join(werk, 'overlay');
    mkdirSync(map);
    writeFileSync(path.join(map, 'model.yaml'), 'basis: volledig\nnaam: Overlay\nregio: Testregio\ntariefjaar: 2026\nversie: "1"\n');
    const { set } = laadParameterset(map);
    expect([set.naam, set.bases.map((b) => path.basename(b))]).toEqual(['Overlay', ['volledig']]);
  });
});
