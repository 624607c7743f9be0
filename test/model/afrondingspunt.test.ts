/**
 * Where VNG rounds the index: each part (catch-up and provisional index) before the sum, or the sum once at the end
 * (VNG's corrected 2025 method). Hand calculations; the published-figure case is VNG 2024 (domein-tariefmodel.md §5 E3).
 * Also a published catch-up or index entered as such, with its source.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { berekenIndex, type IndexInvoer } from '../../src/model/indexcijfers.ts';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { Decimal } from '../../src/shared/decimal.ts';
import { ParametersetFout } from '../../src/shared/problems.ts';

const d = (s: string) => new Decimal(s);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-afrondingspunt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Chosen so that both parts end in a 5 in the third decimal:
// last year: voorlopig 0,9 × 3,00 + 0,1 × 3,00 = 3,000; definitief 0,9 × 3,15 + 0,1 × 2,90 = 2,835 + 0,290 = 3,125
// inhaal (absoluut) 3,125 − 3,000 = 0,125; this year: voorlopig 0,9 × 4,00 + 0,1 × 2,25 = 3,600 + 0,225 = 3,825
const vijven: IndexInvoer = {
  methode: 'vng',
  inhaal: 'absoluut',
  loon: d('90'),
  materieel: d('10'),
  vorigJaar: { ovaVoorlopig: d('3.00'), ovaDefinitief: d('3.15'), ppcVoorlopig: d('3.00'), ppcDefinitief: d('2.90') },
  ditJaar: { ovaVoorlopig: d('4.00'), ppcVoorlopig: d('2.25') },
  decimalen: 2,
};

describe('VNG: het afrondingspunt', () => {
  it('handberekening per deel: 0,125 → 0,13 en 3,825 → 3,83; 0,13 + 3,83 = 3,96 %', () => {
    const u = berekenIndex({ ...vijven, afrondingspunt: 'per_deel' });
    expect(u.vorigVoorlopig!.toFixed()).toBe('3');
    expect(u.vorigDefinitief!.toFixed()).toBe('3.125');
    expect(u.inhaalOnafgerond.toFixed()).toBe('0.125');
    expect(u.voorlopigOnafgerond.toFixed()).toBe('3.825');
    expect(u.inhaal.toFixed()).toBe('0.13');
    expect(u.voorlopig.toFixed()).toBe('3.83');
    expect(u.index.toFixed()).toBe('3.96');
  });

  it('handberekening één keer aan het eind: 0,125 + 3,825 = 3,950 → 3,95 %', () => {
    const u = berekenIndex({ ...vijven, afrondingspunt: 'eind' });
    expect(u.inhaal.toFixed()).toBe('0.125');
    expect(u.voorlopig.toFixed()).toBe('3.825');
    expect(u.onafgerond.toFixed()).toBe('3.95');
    expect(u.index.toFixed()).toBe('3.95');
  });

  it('zonder afrondingspunt per deel, zoals VNG tot en met 2024 publiceerde: 1,60 + 4,70 = 6,30 % (gepubliceerd)', () => {
    const vng2024: IndexInvoer = { ...vijven, inhaal: 'relatief', vorigJaar: { ovaVoorlopig: d('4.74'), ovaDefinitief: d('6.36'), ppcVoorlopig: d('4.87'), ppcDefinitief: d('7.02') }, ditJaar: { ovaVoorlopig: d('4.94'), ppcVoorlopig: d('2.51') } };
    expect(berekenIndex(vng2024).index.toFixed(2)).toBe('6.30');
    // the same figures rounded once: 1,597090… + 4,697 = 6,294090… → 6,29 %
    expect(berekenIndex({ ...vng2024, afrondingspunt: 'eind' }).index.toFixed(2)).toBe('6.29');
  });

  it('een gepubliceerde inhaal gaat in plaats van de definitieve cijfers: 0,42 + 3,825 → per deel 0,42 + 3,83 = 4,25 %, aan het eind 4,245 → 4,25 %', () => {
    const zonderDefinitief: IndexInvoer = { ...vijven, vorigJaar: { ovaVoorlopig: d('3.00'), ppcVoorlopig: d('3.00') }, gepubliceerdeInhaal: d('0.42') };
    expect(berekenIndex(zonderDefinitief).index.toFixed(2)).toBe('4.25');
    expect(berekenIndex({ ...zonderDefinitief, afrondingspunt: 'eind' }).onafgerond.toFixed()).toBe('4.245');
    // NZa chains the published (weighted) catch-up with the weighted provisional index: 1,0042 × 1,03825 − 1 = 4,261065 % → 4,26 %
    expect(berekenIndex({ ...zonderDefinitief, methode: 'nza' }).onafgerond.toFixed()).toBe('4.261065');
    expect(berekenIndex({ ...zonderDefinitief, methode: 'nza' }).index.toFixed(2)).toBe('4.26');
  });
});

/** The fixture round (2026 → 2027, VNG 2024 figures, inhaal relatief) with a changed indexcijfers.yaml. */
function ronde(naam: string, wijzig: (ic: string) => string): string {
  const map = path.join(tmp, naam);
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(map, 'volledig'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd'), path.join(map, 'ronde'), { recursive: true });
  const bestand = path.join(map, 'ronde/indexcijfers.yaml');
  writeFileSync(bestand, wijzig(readFileSync(bestand, 'utf8')));
  return path.join(map, 'ronde');
}

describe('het afrondingspunt in de opbouw van een ronde', () => {
  const stappen = (map: string) => {
    const plan = berekenTarieven(laadParameterset(map).set);
    expect(plan.problemen).toEqual([]);
    const t = plan.tarieven.find((x) => x.product === '46A01' && x.variant === 'basistarief')!;
    return { t, w: (s: string) => t.opbouw.find((x) => x.stap === s)?.waarde.toFixed() };
  };

  it('per deel (standaard): gewogen totalen onafgerond als stappen, inhaal 1,60 en voorlopig 4,70 afgerond, 6,30 %; 46A01: 52 039 × 1,063 = 55 317,46 → € 55 317', () => {
    const { t, w } = stappen(ronde('per-deel', (s) => s));
    expect(w('index_vorig_voorlopig')).toBe('4.753');
    expect(w('index_vorig_definitief')).toBe('6.426');
    expect(w('index_inhaal')).toBe('1.6');
    expect(w('index_voorlopig')).toBe('4.7');
    expect(w('indexpercentage')).toBe('6.3');
    const keuze = t.opbouw.find((x) => x.stap === 'indexpercentage')!.parameters.find((p) => p.pad === 'indexcijfers.afrondingspunt')!;
    expect(keuze.weergave).toBe('per_deel');
    expect(t.tarief.toFixed(2)).toBe('55317.00');
  });

  it('aan het eind: de inhaal onafgerond (1,597090…), de som 6,294090… één keer afgerond: 6,29 %; 46A01: 52 039 × 1,0629 = 55 312,25 → € 55 312', () => {
    const { t, w } = stappen(ronde('eind', (s) => s.replace('decimalen: 2\n', 'decimalen: 2\nafrondingspunt: eind\n')));
    expect(w('index_vorig_voorlopig')).toBe('4.753');
    expect(w('index_vorig_definitief')).toBe('6.426');
    expect(w('index_inhaal')!.startsWith('1.59709029812988')).toBe(true);
    expect(w('index_voorlopig')).toBe('4.697');
    expect(w('indexpercentage')).toBe('6.29');
    const stap = t.opbouw.find((x) => x.stap === 'indexpercentage')!;
    expect(stap.parameters.find((p) => p.pad === 'indexcijfers.afrondingspunt')!.weergave).toBe('eind');
    expect(stap.formule).toBe('inhaal + voorlopige index = 6,294090 %, één keer afgerond op 2 decimalen');
    expect(t.tarief.toFixed(2)).toBe('55312.00');
  });

  it('een gepubliceerd indexpercentage geldt zoals het is, met zijn bron, voor de producten met de gewichten van de set', () => {
    const { t, w } = stappen(
      ronde('gepubliceerd', (s) =>
        s.replace('  - jaar: 2027\n', '  - jaar: 2027\n    index: { waarde: 5.10, bron: { titel: "Indexpercentage 2027 (test)", uitgever: NZa }, status: vastgesteld }\n'),
      ),
    );
    expect(w('indexpercentage')).toBe('5.1');
    expect(t.opbouw.find((x) => x.stap === 'indexpercentage')!.parameters.map((p) => `${p.pad} ${p.bron}`)).toEqual(['indexcijfers.2027.index Indexpercentage 2027 (test)']);
    // 52 039 × 1,051 = 54 692,99 → € 54 693
    expect(t.tarief.toFixed(2)).toBe('54693.00');
  });

  it('afrondingspunt bij de NZa-methode is een fout met de plek', () => {
    const map = ronde('nza', (s) => s.replace('methode: vng\n', 'methode: nza\nafrondingspunt: eind\n'));
    try {
      laadParameterset(map);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParametersetFout);
      const p = (e as ParametersetFout).problemen.find((x) => x.melding === 'afrondingspunt geldt alleen voor de methode vng')!;
      expect(`${p.bestand.split('/').slice(-2).join('/')}:${p.regel}`).toBe('ronde/indexcijfers.yaml:2');
    }
  });
});
