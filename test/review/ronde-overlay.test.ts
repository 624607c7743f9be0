/**
 * Issue 9, the round: an overlay in a round may set new-year values where they have effect. A pgb percentage for
 * the new year in the round's varianten.yaml moves the pgb tariffs of the round (over the indexed ZIN tariff), and
 * a signal threshold in the round's signalen.yaml is the one `vergelijk` applies to the round; last year's set and
 * its tariffs stay as they were. Expected values by hand from the indexed ZIN tariff the test pins.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { voerUit } from '../cli/hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-ronde-overlay-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/volledig'), { recursive: true });
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml'), path.join(werk, 'models/volledig/indexcijfers.yaml'));

describe('een overlay in een ronde met waarden voor het nieuwe jaar', () => {
  const tarief = (map: string, code: string, variant: string) => berekenTarieven(laadParameterset(path.join(werk, map)).set).tarieven.find((t) => t.product === code && t.variant === variant)!;

  it('maakt de ronde 2027', async () => {
    const r = await voerUit(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk);
    expect(r.code, r.err).toBe(0);
    // without an overlay the pgb percentage of 2026 (75 %) holds: 80,40 × 75 % ÷ 60 = 1,005 → 1,01 per minuut
    expect(tarief('models/volledig-2027', '45A01', 'basistarief').tariefPerUur!.toFixed(2)).toBe('80.40');
    expect(tarief('models/volledig-2027', '45A01', 'pgb-professioneel').tarief.toFixed(2)).toBe('1.01');
  });

  it('een pgb-percentage voor 2027 in varianten.yaml van de ronde: 80,40 × 80 % ÷ 60 = 1,072 → 1,07 per minuut, 64,20 per uur', () => {
    writeFileSync(
      path.join(werk, 'models/volledig-2027/varianten.yaml'),
      `pgb:
  soorten:
    professioneel:
      percentage:
        eenheid: procent
        reeks:
          - { waarde: 75, geldig_van: 2026-01-01, geldig_tot: 2026-12-31, bron: test, status: illustratief }
          - { waarde: 80, geldig_van: 2027-01-01, geldig_tot: 2027-12-31, bron: test, status: illustratief }
`,
    );
    const pgb = tarief('models/volledig-2027', '45A01', 'pgb-professioneel');
    expect(pgb.tarief.toFixed(2)).toBe('1.07');
    expect(pgb.tariefPerUur!.toFixed(2)).toBe('64.20');
    expect(pgb.opbouw.find((s) => s.stap === 'pgb_geindexeerd')!.parameters[0]!.waarde.toFixed()).toBe('80');
    // last year's set keeps 75 %: 75,60 × 75 % ÷ 60 = 0,945 → 0,95
    expect(tarief('models/volledig', '45A01', 'pgb-professioneel').tarief.toFixed(2)).toBe('0.95');
  });

  it('een drempel in signalen.yaml van de ronde geldt voor vergelijk van de ronde', async () => {
    const zonder = await voerUit(['vergelijk', 'volledig', 'volledig-2027'], werk);
    expect(zonder.code, zonder.err).toBe(0);
    expect(zonder.out).not.toContain('in één ronde, meer dan');
    writeFileSync(path.join(werk, 'models/volledig-2027/signalen.yaml'), 'maximale_tariefbeweging: { eenheid: procent, waarde: 6, geldig_van: 2027-01-01, geldig_tot: 2027-12-31, bron: test, status: illustratief }\n');
    const met = await voerUit(['vergelijk', 'volledig', 'volledig-2027'], werk);
    expect(met.code, met.err).toBe(0);
    // the index is 6,30 %: 02A02 alfa 54,84 → 58,29 is +6,3 %, more than 6 %
    expect(met.out).toContain('02A02 alfa beweegt 6,3 % in één ronde, meer dan 6,0 %');
  });
});
