/**
 * Only what is used is required (issue 11): a set of adopted tariffs with pgb percentages needs no CAO, no
 * productiviteit.yaml and no pgb.grondslag (test/fixtures/sets/alleen-overgenomen). A set with a computed product
 * still needs both. Expected tariffs by hand: 55,80 ÷ 60 = 0,93; pgb 75 %: 55,80 × 0,75 ÷ 60 = 0,6975 → 0,70 per
 * minuut, × 60 = 42,00; 1.500 × 0,75 = 1.125,00.
 */
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { ParametersetFout } from '../../src/shared/problems.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';

const SET = 'test/fixtures/sets/alleen-overgenomen';

describe('alleen wat gebruikt wordt is verplicht', () => {
  it('een set met alleen overgenomen tarieven en pgb laadt zonder cao/, productiviteit.yaml en pgb.grondslag', () => {
    const { set, waarschuwingen } = laadParameterset(SET);
    expect(waarschuwingen).toEqual([]);
    expect(set.caos.size).toBe(0);
    expect(set.productiviteit.size).toBe(0);
    expect(set.varianten.pgb!.grondslag).toBe('basistarief');
    const plan = berekenTarieven(set);
    expect(plan.problemen).toEqual([]);
    expect(plan.tarieven.map((t) => `${t.product} ${t.variant} ${t.tarief.toFixed(2)} ${t.tariefPerUur?.toFixed(2) ?? ''}`)).toEqual([
      '02A01 vast 0.93 55.80',
      '02A01 pgb-professioneel 0.70 42.00',
      '48A01 vast 1500.00 ',
      '48A01 pgb-professioneel 1125.00 ',
    ]);
  });

  it('met een berekend product zijn cao/ en productiviteit.yaml wel verplicht', () => {
    const map = mkdtempSync(path.join(os.tmpdir(), 'tb-gebruikt-'));
    try {
      cpSync('test/fixtures/sets/volledig', map, { recursive: true });
      rmSync(path.join(map, 'productiviteit.yaml'));
      rmSync(path.join(map, 'cao'), { recursive: true });
      let fout: unknown;
      try {
        laadParameterset(map);
      } catch (e) {
        fout = e;
      }
      expect(fout).toBeInstanceOf(ParametersetFout);
      const meldingen = (fout as ParametersetFout).problemen.map((p: { melding: string }) => p.melding);
      expect(meldingen).toContain('verplicht bestand productiviteit.yaml ontbreekt');
      expect(meldingen).toContain('map cao/ is leeg of ontbreekt');
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });
});
