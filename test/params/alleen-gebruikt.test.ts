/**
 * Only what is used is required (issue 11): a set of adopted tariffs with pgb percentages needs no CAO, no
 * productiviteit.yaml, no opslagen.yaml and no pgb.grondslag (test/fixtures/sets/alleen-overgenomen: model,
 * bronnen, afronding, varianten, signalen and one products file). A set with a computed product still needs them.
 * Expected tariffs by hand: 55,80 ÷ 60 = 0,93; pgb 75 %: 55,80 × 0,75 ÷ 60 = 0,6975 → 0,70 per minuut, × 60 = 42,00;
 * 66,00 ÷ 60 = 1,10; pgb: 66,00 × 0,75 ÷ 60 = 0,825 → 0,83 (rekenkundig), × 60 = 49,80; 1.500 × 0,75 = 1.125,00.
 * The declared pair 45A11/02A01: (66,00 − 55,80) ÷ 55,80 = 18,28 % → 18,3 %, above the 10 % of signalen.yaml.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { ParametersetFout } from '../../src/shared/problems.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { signalenVoorPlan } from '../../src/model/signalen.ts';
import { voerUit } from '../cli/hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SET = 'test/fixtures/sets/alleen-overgenomen';

function laadFout(map: string): ParametersetFout {
  try {
    laadParameterset(map);
  } catch (e) {
    if (e instanceof ParametersetFout) return e;
    throw e;
  }
  throw new Error(`${map} laadt zonder fout`);
}

describe('alleen wat gebruikt wordt is verplicht', () => {
  it('een set met alleen overgenomen tarieven en pgb laadt zonder cao/, productiviteit.yaml, opslagen.yaml en pgb.grondslag', () => {
    expect(readdirSync(SET).sort()).toEqual(['afronding.yaml', 'bronnen.yaml', 'model.yaml', 'producten', 'signalen.yaml', 'varianten.yaml']);
    const { set, waarschuwingen } = laadParameterset(SET);
    expect(waarschuwingen).toEqual([]);
    expect(set.caos.size).toBe(0);
    expect(set.productiviteit.size).toBe(0);
    expect(set.opslagen).toBeUndefined();
    expect(set.varianten.pgb!.grondslag).toBe('basistarief');
    const plan = berekenTarieven(set);
    expect(plan.problemen).toEqual([]);
    expect(plan.tarieven.map((t) => `${t.product} ${t.variant} ${t.tarief.toFixed(2)} ${t.tariefPerUur?.toFixed(2) ?? ''}`)).toEqual([
      '02A01 vast 0.93 55.80',
      '02A01 pgb-professioneel 0.70 42.00',
      '45A11 vast 1.10 66.00',
      '45A11 pgb-professioneel 0.83 49.80',
      '48A01 vast 1500.00 ',
      '48A01 pgb-professioneel 1125.00 ',
    ]);
    // the declared pair of two adopted tariffs, checked by the loader and compared by the signal
    expect(signalenVoorPlan(set, plan).filter((s) => s.soort === 'jeugd_wmo_verschil').map((s) => `${s.plek}: ${s.melding}`)).toEqual([
      `${SET}/signalen.yaml:11: 45A11 (Jeugdwet, 66,00) en 02A01 (Wmo, 55,80) zijn als vergelijkbaar opgegeven maar verschillen 18,3 % bij variant vast, meer dan 10,0 %: let op de overgang 18-/18+`,
    ]);
  });

  it('controleer, bereken en genereer werken op die set', async () => {
    const uit = mkdtempSync(path.join(os.tmpdir(), 'tb-overgenomen-'));
    try {
      // controleer is valid (exit 0) and shows the 18-/18+ signal as a warning
      const c = await voerUit(['controleer', SET], ROOT);
      expect([c.code, c.out]).toEqual([0, '']);
      expect(c.err.split('\n')[0]).toBe(`${SET}/signalen.yaml:11:5: waarschuwing: 45A11 (Jeugdwet, 66,00) en 02A01 (Wmo, 55,80) zijn als vergelijkbaar opgegeven maar verschillen 18,3 % bij variant vast, meer dan 10,0 %: let op de overgang 18-/18+`);
      const b = await voerUit(['bereken', SET], ROOT);
      expect(b.code).toBe(0);
      expect(b.out).toContain('Alleen overgenomen tarieven · tariefjaar 2026 · 6 tarieven');
      const g = await voerUit(['genereer', SET, '--out', uit], ROOT);
      expect(g.code, g.err).toBe(0);
      expect(readdirSync(path.join(uit, 'alleen-overgenomen')).filter((f) => !f.startsWith('.')).sort()).toEqual([
        'index.html',
        'opbouw.json',
        'productenboek.html',
        'productenboek.pdf',
        'productenboek.xlsx',
        'tariefbijlage.html',
        'tariefbijlage.pdf',
        'tariefbijlage.xlsx',
        'tarieven.csv',
      ]);
    } finally {
      rmSync(uit, { recursive: true, force: true });
    }
  }, 120_000);

  it('met een berekend product zijn cao/, productiviteit.yaml en opslagen.yaml wel verplicht', () => {
    const map = mkdtempSync(path.join(os.tmpdir(), 'tb-gebruikt-'));
    try {
      cpSync('test/fixtures/sets/volledig', map, { recursive: true });
      for (const weg of ['productiviteit.yaml', 'opslagen.yaml', 'cao']) rmSync(path.join(map, weg), { recursive: true });
      const meldingen = laadFout(map).problemen.map((p) => `${p.melding} | ${p.gevonden}`);
      expect(meldingen).toEqual([
        'map cao/ is leeg of ontbreekt | geen bestanden',
        `verplicht bestand opslagen.yaml ontbreekt | geen bestand, terwijl product 45A01 (kostprijs) op ${map}/producten/jeugd.yaml:5 een berekend tarief heeft`,
        `verplicht bestand productiviteit.yaml ontbreekt | geen bestand, terwijl product 45A01 (kostprijs) op ${map}/producten/jeugd.yaml:5 een berekend tarief heeft`,
      ]);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });

  it('een met de hand gemaakte set zonder opslagen maar met een kostprijsproduct: geen tarieven, één probleem op het product', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    delete set.opslagen;
    const plan = berekenTarieven(set);
    expect(plan.tarieven).toEqual([]);
    // the first computed product in code order: 02A02 (producten/wmo.yaml), then the others with the same melding per product
    expect(plan.problemen[0]).toMatchObject({
      bestand: 'test/fixtures/sets/volledig/producten/wmo.yaml',
      melding: 'product 02A02 wordt berekend, maar de set heeft geen opslagen',
      verwacht: 'opslagen.yaml met overhead, winst en risico en no-show',
      gevonden: 'geen opslagen.yaml',
    });
  });
});
