/**
 * `begroting` at the variant mix the region expects (issue 9): volumes per variant (`per_variant`) and a total with
 * shares (`verdeling`), priced at the tariffs of exactly those variants, in the model, in the CLI output and in the
 * budget effect of `vergelijk` (Δ tarief × volume). The expected amounts are worked out by hand from the tariffs of
 * test/fixtures/sets/volledig-review (45A01 alfa € 1,28 and beta € 1,26 per minuut, basistarief € 1,26; 44A01 alfa
 * € 243,82, micro-alfa € 228,12), which the first test pins.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { berekenBegroting } from '../../src/model/begroting.ts';
import { tariefbijlageWerkboek } from '../../src/docmodel/tariefbijlage.ts';
import type { Cel } from '../../src/docmodel/werkboek.ts';
import { voerUit } from '../cli/hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-begroting-mix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(tmp, 'models/volledig'), { recursive: true });
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-review'), path.join(tmp, 'models/review'), { recursive: true });
const volumes = path.join(tmp, 'models/review/volumes.yaml');
writeFileSync(
  volumes,
  `variant: basistarief
gemeenten:
  oost:
    naam: Gemeente Oost
    bron: test
    status: illustratief
    volumes:
      45A01:
        per_variant: { alfa: 70000, beta: 50000 }
      44A01:
        aantal: 310
        verdeling: { alfa: 60, micro-alfa: 40 }
      07A01: 2500
`,
);

describe('begroting tegen de verwachte mix van varianten', () => {
  const { set } = laadParameterset(path.join(tmp, 'models/review'));
  const plan = berekenTarieven(set);
  const tarief = (p: string, v: string) => plan.tarieven.find((t) => t.product === p && t.variant === v)!.tarief.toFixed(2);

  it('prijst per variant: 70 000 × 1,28 + 50 000 × 1,26 en 186 × 243,82 + 124 × 228,12', () => {
    expect([tarief('45A01', 'alfa'), tarief('45A01', 'beta'), tarief('45A01', 'basistarief'), tarief('44A01', 'alfa'), tarief('44A01', 'micro-alfa'), tarief('07A01', 'basistarief')]).toEqual([
      '1.28', '1.26', '1.26', '243.82', '228.12', '34.62',
    ]);
    const b = berekenBegroting(set, plan)!;
    const regels = b.gemeenten[0]!.regels.map((r) => `${r.product} ${r.variant} ${r.aantal.toFixed()} × ${r.tarief.toFixed(2)} = ${r.bedrag.toFixed(2)}${r.aandeel ? ` (${r.aandeel.toFixed()} % van ${r.totaal!.toFixed()})` : ''}`);
    expect(regels).toEqual([
      '45A01 alfa 70000 × 1.28 = 89600.00',
      '45A01 beta 50000 × 1.26 = 63000.00',
      '44A01 alfa 186 × 243.82 = 45350.52 (60 % van 310)',
      '44A01 micro-alfa 124 × 228.12 = 28286.88 (40 % van 310)',
      '07A01 basistarief 2500 × 34.62 = 86550.00',
    ]);
    // 89 600 + 63 000 + 45 350,52 + 28 286,88 + 86 550 = 312 787,40; at the basistarief alone 120 000 × 1,26 +
    // 310 × 243,82 + 86 550 = 151 200 + 75 584,20 + 86 550 = 313 334,20: the mix is not the basistarief
    expect(b.totaal.toFixed(2)).toBe('312787.40');
    expect(b.metMix).toBe(true);
  });

  it('de uitvoer van begroting noemt variant en aandeel, ook in JSON', async () => {
    const md = await voerUit(['begroting', 'review', '--markdown'], tmp);
    expect(md.code, md.err).toBe(0);
    expect(md.out).toContain('Volumes × tarief (variant basistarief, of per product de varianten en verdeling uit volumes.yaml), per gemeente.');
    expect(md.out).toContain('| 44A01 Logeren · micro-alfa | 124 etmaal (40 % van 310) | € 228,12 | € 28.286,88 |');
    expect(md.out).toContain('| **totaal** | **€ 312.787,40** |');
    const tekst = await voerUit(['begroting', 'review'], tmp);
    expect(tekst.out).toContain('Gemeente Oost  45A01 beta: 50.000 minuut × € 1,26 = € 63.000,00');
    const j = JSON.parse((await voerUit(['begroting', 'review', '--json'], tmp)).out);
    expect(j.gemeenten[0].regels[2]).toEqual({ product: '44A01', variant: 'alfa', aantal: '186', totaal: '310', aandeel: '60', tarief: '243.82', bedrag: '45350.52', basis_bedrag: null });
  });

  it('vergelijk rangschikt op Δ tarief × het volume van die variant', async () => {
    // overhead 20 → 25 % moves the CAO tariffs (not the micro ones, which have their own overhead); the budget effect of 45A01 beta is Δp × 50 000, not Δp × 120 000
    const basis = path.join(tmp, 'basis');
    cpSync(path.join(tmp, 'models'), path.join(basis, 'models'), { recursive: true });
    const opslagen = path.join(tmp, 'models/volledig/opslagen.yaml');
    const voor = readFileSync(opslagen, 'utf8');
    writeFileSync(opslagen, voor.replace(/(standaard:\n {4}eenheid: procent\n {4}waarde: )20/, '$125'));
    try {
      const r = await voerUit(['vergelijk', path.join(basis, 'models/review'), 'review', '--json'], tmp);
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out);
      const oud = berekenTarieven(laadParameterset(path.join(basis, 'models/review')).set);
      const nieuw = berekenTarieven(laadParameterset(path.join(tmp, 'models/review')).set);
      const d = (p: string, v: string) => nieuw.tarieven.find((t) => t.product === p && t.variant === v)!.tarief.minus(oud.tarieven.find((t) => t.product === p && t.variant === v)!.tarief);
      const rij = (p: string, v: string) => j.tarieven.find((t: { product: string; variant: string }) => t.product === p && t.variant === v);
      expect(d('45A01', 'beta').isZero()).toBe(false);
      expect(rij('45A01', 'beta').begrotingseffect).toBe(d('45A01', 'beta').times(50000).toFixed(2));
      // 44A01 alfa: Δ € 7,85 × 186 (60 % of 310) = € 1.460,10
      expect(d('44A01', 'alfa').toFixed(2)).toBe('7.85');
      expect(rij('44A01', 'alfa').begrotingseffect).toBe('1460.10');
      // a variant the region does not buy has no budget effect
      expect(rij('45A01', 'basistarief').begrotingseffect ?? null).toBe(null);
    } finally {
      writeFileSync(opslagen, voor);
    }
  });

  it('controleer: een variant die het product niet heeft is een fout met de plek', async () => {
    const goed = readFileSync(volumes, 'utf8');
    writeFileSync(volumes, goed.replace('verdeling: { alfa: 60, micro-alfa: 40 }', 'verdeling: { alfa: 60, beta: 40 }'));
    try {
      const r = await voerUit(['controleer', 'review'], tmp);
      expect(r.code).toBe(1);
      expect(r.err).toContain("models/review/volumes.yaml:12:32: fout: variant 'beta' bestaat niet voor product 44A01 (volumes van Gemeente Oost)");
      const b = await voerUit(['begroting', 'review'], tmp);
      expect(b.code).toBe(1);
      expect(b.err).toContain("variant 'beta' bestaat niet voor product 44A01");
    } finally {
      writeFileSync(volumes, goed);
    }
  });
});

describe('het blad Begroting met een mix (test/fixtures/sets/volledig-review-mix)', () => {
  const { set } = laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-review-mix'));
  const plan = berekenTarieven(set);
  // the region's own workbook (begroting.xlsx): the tariefbijlage for providers has no volumes
  const blad = tariefbijlageWerkboek(set, plan, { intern: true }).bladen.find((b) => b.naam === 'Begroting')!;
  const tekstVan = (c: Cel | null | undefined) => (c?.waarde === undefined ? '' : String(c.waarde));

  it('totaal en aandeel zijn invoer, het aantal een formule; tarief en bedrag zoals begroting ze rekent', () => {
    expect(blad.kolommen.map((k) => k.kop)).toEqual(['gemeente', 'product', 'productnaam', 'variant', 'totaal', 'aandeel', 'aantal', 'tarief', 'bedrag']);
    const eerste = (blad.titel?.length ?? 0) + 2;
    const i = blad.rijen.findIndex((r) => tekstVan(r[1]) === '44A01' && tekstVan(r[3]) === 'micro-alfa');
    const r = blad.rijen[i]!;
    const rij = eerste + i;
    // the share 40 % as a spreadsheet holds a percentage: 0.4 with a % format, so the aantal is totaal × aandeel
    expect([tekstVan(r[4]), r[4]!.stijl, tekstVan(r[5]), r[5]!.stijl, r[5]!.formaat]).toEqual(['310', 'invoer', '0.4', 'invoer', 'procent']);
    expect([r[6]!.formule, String(r[6]!.resultaat)]).toEqual([`E${rij}*F${rij}`, '124']);
    expect([r[8]!.formule, String(r[8]!.resultaat)]).toEqual([`G${rij}*H${rij}`, '28286.88']);
    // a plain volume: input in the aantal column, no totaal or aandeel
    const los = blad.rijen.find((x) => tekstVan(x[1]) === '07A01')!;
    expect([los[4], los[5], tekstVan(los[6]), los[6]!.stijl]).toEqual([null, null, '2500', 'invoer']);
    // the totals per municipality and of the region are the ones begroting gives
    const b = berekenBegroting(set, plan)!;
    const totalen = blad.rijen.filter((x) => tekstVan(x[0]).startsWith('Totaal ')).map((x) => `${tekstVan(x[0])} ${String(x[8]!.resultaat)}`);
    expect(totalen).toEqual([...b.gemeenten.map((g) => `Totaal ${g.naam} ${g.totaal.toFixed()}`), `Totaal regio ${b.totaal.toFixed()}`]);
  });
});

describe('de voorbeeldset prijst tegen de mix die de regio verwacht', () => {
  it('45A48 en 45AM1 tegen jeugdzorg, ggz en gehandicaptenzorg: € 214.480,00 meer dan tegen het basistarief alleen', () => {
    const { set } = laadParameterset(path.join(ROOT, 'models/voorbeeldregio-2027'));
    const plan = berekenTarieven(set);
    const t = (p: string, v: string) => plan.tarieven.find((x) => x.product === p && x.variant === v)!.tarief.toFixed(2);
    // the tariffs the hand calculation starts from
    expect([t('45A48', 'jeugdzorg'), t('45A48', 'ggz'), t('45A48', 'gehandicaptenzorg'), t('45A48', 'basistarief'), t('45AM1', 'jeugdzorg'), t('45AM1', 'ggz'), t('45AM1', 'basistarief')]).toEqual([
      '1.55', '1.59', '1.46', '1.46', '1.26', '1.36', '1.26',
    ]);
    const b = berekenBegroting(set, plan)!;
    const alleenBasis = berekenBegroting({ ...set, volumes: { ...set.volumes!, gemeenten: set.volumes!.gemeenten.map((g) => ({ ...g, volumes: g.volumes.map(({ mix: _, ...q }) => q) })) } }, plan)!;
    // Aalsterveen 45A48: 1 450 000 × (0,55 × 1,55 + 0,35 × 1,59 + 0,10 × 1,46) = 2 254 750 against 1 450 000 × 1,46 =
    // 2 117 000 (+137 750); 45AM1: 420 000 × 1,26 + 200 000 × 1,36 = 801 200 against 620 000 × 1,26 = 781 200 (+20 000).
    // Bredehoek 45A48: 610 000 × (0,60 × 1,55 + 0,30 × 1,59 + 0,10 × 1,46) = 947 330 against 890 600 (+56 730).
    expect(b.gemeenten.map((g, i) => g.totaal.minus(alleenBasis.gemeenten[i]!.totaal).toFixed(2))).toEqual(['157750.00', '56730.00']);
    expect(b.totaal.minus(alleenBasis.totaal).toFixed(2)).toBe('214480.00');
    expect(b.totaal.toFixed(2)).toBe('12583744.30');
  });
});
