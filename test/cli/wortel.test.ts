/**
 * Found from anywhere: the CLI finds the root of the region's repository like git does, and reads and writes
 * relative to it, never next to the folder it was started in.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { standaardSet, vindWortel } from '../../src/cli/wortel.ts';
import { voerUit } from './hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tijdelijk: string[] = [];
afterAll(() => tijdelijk.forEach((m) => rmSync(m, { recursive: true, force: true })));

/** A region repository: tariefbouw.yaml naming the set, and the test set volledig under models/. */
function regio(): string {
  const m = mkdtempSync(path.join(tmpdir(), 'tariefbouw-wortel-'));
  tijdelijk.push(m);
  writeFileSync(path.join(m, 'tariefbouw.yaml'), 'standaardset: volledig # de set zonder naam\n');
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(m, 'models/volledig'), { recursive: true });
  return m;
}

describe('de hoofdmap van de repository', () => {
  it('wordt gevonden vanuit elke submap, ook zonder tariefbouw.yaml (models/ naast .git of package.json)', () => {
    const r = regio();
    expect(vindWortel(path.join(r, 'models/volledig/producten'))).toBe(r);
    expect(vindWortel(r)).toBe(r);
    rmSync(path.join(r, 'tariefbouw.yaml'));
    expect(vindWortel(path.join(r, 'models/volledig'))).toBeUndefined();
    mkdirSync(path.join(r, '.git'));
    expect(vindWortel(path.join(r, 'models/volledig'))).toBe(r);
    // this repository itself: models/ next to package.json
    expect(vindWortel(path.join(ROOT, 'models/voorbeeldregio-2027'))).toBe(ROOT);
  });

  it('zoekt niet boven de top van een git-repository', () => {
    const r = regio();
    const binnen = path.join(r, 'ander-project', 'sub');
    mkdirSync(path.join(r, 'ander-project', '.git'), { recursive: true });
    mkdirSync(binnen, { recursive: true });
    expect(vindWortel(binnen)).toBeUndefined();
  });

  it('standaardset komt uit tariefbouw.yaml, anders de voorbeeldset', () => {
    const r = regio();
    expect(standaardSet(r)).toBe('volledig');
    writeFileSync(path.join(r, 'tariefbouw.yaml'), '# yaml-language-server: $schema=x\n');
    expect(standaardSet(r)).toBe('voorbeeldregio-2027');
  });

  it('genereer vanuit models/ schrijft alleen in output/ van de hoofdmap, en zegt waar', async () => {
    const r = regio();
    const res = await voerUit(['genereer'], path.join(r, 'models'));
    expect(res.code, res.err).toBe(0);
    expect(existsSync(path.join(r, 'output/volledig/tarieven.csv'))).toBe(true);
    expect(existsSync(path.join(r, 'models/output'))).toBe(false);
    expect(res.err).toContain('tariefbouw: geschreven naar ../output/volledig/:');
  });

  it('de uitvoer is dezelfde vanuit de hoofdmap en vanuit een submap (vindplaatsen vanaf de hoofdmap)', async () => {
    const r = regio();
    const boven = await voerUit(['bereken', '--json'], r);
    const onder = await voerUit(['bereken', '--json'], path.join(r, 'models/volledig/producten'));
    expect(boven.code).toBe(0);
    expect(onder.out).toBe(boven.out);
    expect(boven.out).toContain('"bestand": "models/volledig/opslagen.yaml"');
  });

  it('meldingen noemen het bestand vanaf de hoofdmap, ook vanuit een submap', async () => {
    const r = regio();
    const ops = path.join(r, 'models/volledig/opslagen.yaml');
    writeFileSync(ops, readFileSync(ops, 'utf8').replace(/waarde: [0-9.]+/, 'waarde: 23 %'));
    const res = await voerUit(['controleer'], path.join(r, 'models/volledig'));
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^models\/volledig\/opslagen\.yaml:\d+:\d+: fout: geen geldig getal/m);
  });
});
