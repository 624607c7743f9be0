/**
 * The JSON Schemas in schemas/ (for editors): current with the zod schemas, every file of the example set valid
 * against the schema its `# yaml-language-server` line names, and a wrong key or value flagged, as an editor
 * would flag it. The validator is ajv (draft-07, what yaml-language-server supports); the YAML is read with the
 * yaml library's defaults, so numbers are numbers, as the editor sees them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { soortVanBestand } from '../../src/params/jsonschema.ts';
import { laadParameterset } from '../../src/params/laden.ts';
import { ParametersetFout } from '../../src/shared/problems.ts';
import { schemaBestanden } from '../../scripts/schemas.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SET = path.join(ROOT, 'models/voorbeeldregio-2027');
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/;

function yamlBestanden(map: string, rel = ''): string[] {
  return readdirSync(path.join(map, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlBestanden(map, path.join(rel, e.name)) : e.name.endsWith('.yaml') ? [path.join(rel, e.name).split(path.sep).join('/')] : []))
    .sort();
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validator = (soort: string) => ajv.getSchema(`https://tariefbouw.nl/schemas/${soort}.schema.json`) ?? ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${soort}.schema.json`), 'utf8')));

describe('JSON Schema per soort setbestand', () => {
  it('schemas/ is bijgewerkt (anders: npm run schemas)', () => {
    for (const [naam, tekst] of schemaBestanden()) expect(readFileSync(path.join(ROOT, 'schemas', naam), 'utf8'), naam).toBe(tekst);
    expect(readdirSync(path.join(ROOT, 'schemas')).sort()).toEqual([...schemaBestanden().keys()].sort());
  });

  const bestanden = yamlBestanden(SET);
  it.each(bestanden)('voorbeeldset %s: de eerste regel wijst naar het schema van zijn soort, en het bestand is geldig', (rel) => {
    const tekst = readFileSync(path.join(SET, rel), 'utf8');
    const m = MODELINE.exec(tekst.split('\n')[0]!);
    expect(m, `${rel} begint niet met een yaml-language-server-regel`).not.toBeNull();
    const soort = soortVanBestand(rel)!;
    // relative to the file, to the schemas/ folder of this repository (and of the installed package)
    expect(path.resolve(path.dirname(path.join(SET, rel)), m![1]!)).toBe(path.join(ROOT, 'schemas', `${soort}.schema.json`));
    const v = validator(soort);
    expect(v(parse(tekst)), JSON.stringify(v.errors, null, 2)).toBe(true);
  });

  it('een verkeerde sleutel en een verkeerde waarde worden gemeld', () => {
    const v = validator('opslagen');
    const data = parse(readFileSync(path.join(SET, 'opslagen.yaml'), 'utf8'));
    data.overhead.standard = data.overhead.standaard; // Engelse spelling
    data.no_show.methode = 'opslag_op_kostprijs';
    expect(v(data)).toBe(false);
    expect(v.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instancePath: '/overhead', keyword: 'additionalProperties', params: { additionalProperty: 'standard' } }),
        expect.objectContaining({ instancePath: '/no_show/methode', keyword: 'enum' }),
      ]),
    );
  });

  it('winst_en_risico mag een parameter of een blok met conventie zijn, en niets anders', () => {
    const v = validator('opslagen');
    const data = parse(readFileSync(path.join(SET, 'opslagen.yaml'), 'utf8'));
    const parameter = data.winst_en_risico;
    data.winst_en_risico = { conventie: 'aandeel_in_tarief', percentage: parameter };
    expect(v(data), JSON.stringify(v.errors)).toBe(true);
    data.winst_en_risico = { conventie: 'aandeel_in_tarief', procent: parameter };
    expect(v(data)).toBe(false);
  });

  it('elke sleutel heeft een Nederlandse beschrijving uit de begrippenlijst', () => {
    const s = JSON.parse(readFileSync(path.join(ROOT, 'schemas/opslagen.schema.json'), 'utf8'));
    expect(s.properties.overhead.description).toBe('Kosten van bedrijfsvoering.');
    expect(s.properties.overhead.properties.standaard.properties.waarde.description).toMatch(/^Het getal, exact zoals geschreven/);
  });

  it('de loader leest een bestand met die eerste regel, en meldt de plek van een fout nog op de goede regel', () => {
    expect(() => laadParameterset(SET)).not.toThrow();
    const tekst = readFileSync(path.join(SET, 'opslagen.yaml'), 'utf8').split('\n');
    const regel = tekst.findIndex((l) => l === '    waarde: 22') + 1;
    expect(regel).toBeGreaterThan(1);
    expect(tekst[0]).toMatch(MODELINE);
  });
});

describe('de loader en de modeline', () => {
  it('een fout in een bestand met modeline staat op zijn echte regel en kolom', async () => {
    const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-modeline-'));
    try {
      cpSync(SET, path.join(werk, 'set'), { recursive: true });
      const f = path.join(werk, 'set/opslagen.yaml');
      const regels = readFileSync(f, 'utf8').split('\n');
      const i = regels.findIndex((l) => l === '    waarde: 22');
      regels[i] = '    waarde: 22 %';
      writeFileSync(f, regels.join('\n'));
      let fout: unknown;
      try {
        laadParameterset(path.join(werk, 'set'), { weergaveBasis: werk });
      } catch (e) {
        fout = e;
      }
      expect(fout).toBeInstanceOf(ParametersetFout);
      const p = (fout as ParametersetFout).problemen.find((x) => x.bestand === 'set/opslagen.yaml')!;
      expect([p.regel, p.kolom]).toEqual([i + 1, 13]);
    } finally {
      rmSync(werk, { recursive: true, force: true });
    }
  });
});
