/** `indexeer` and `begroting` end to end, and the reviewer signals. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { berekenBegroting } from '../../src/model/begroting.ts';
import { Decimal } from '../../src/shared/decimal.ts';
import { voerUit } from '../cli/hulp.ts';
import { lekken } from '../pdf/lekken.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-indexeer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], cwd: string) => voerUit(args, cwd);

/** A new working folder with the test set and the index figures of volledig-geindexeerd. */
function nieuwWerk(naam: string): string {
  const werk = path.join(tmp, naam);
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/volledig'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml'), path.join(werk, 'models/volledig/indexcijfers.yaml'));
  return werk;
}

/** A copy of a working folder, for a test that changes what it finds there. */
function kopie(werk: string, naam: string): string {
  const doel = path.join(tmp, naam);
  cpSync(werk, doel, { recursive: true });
  return doel;
}

type Ronde = { werk: string; r: Awaited<ReturnType<typeof run>> };
let ronde2027: Promise<Ronde> | undefined;
let ronde2028: Promise<Ronde> | undefined;
/** `indexeer volledig --naar 2027`, run once; tests that change the result work on a copy. */
const eersteRonde = () =>
  (ronde2027 ??= (async () => {
    const werk = nieuwWerk('ronde-2027');
    return { werk, r: await run(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk) };
  })());
/** The 2027 set with this year's figures (2027 definitief, 2028 voorlopig), indexed once more to 2028. */
const tweedeRonde = () =>
  (ronde2028 ??= (async () => {
    const eerste = await eersteRonde();
    expect(eerste.r.code, eerste.r.err).toBe(0);
    const werk = kopie(eerste.werk, 'ronde-2028');
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd-2028/indexcijfers.yaml'), path.join(werk, 'models/volledig-2027/indexcijfers.yaml'));
    return { werk, r: await run(['indexeer', 'volledig-2027', '--naar', '2028', '--versie', '2028.1', '--documentdatum', '2027-11-15'], werk) };
  })());

describe('indexeer', () => {
  it('maakt een kleine overlay-set en het overzicht voor aanbieders', async () => {
    const { werk, r } = await eersteRonde();
    expect(r.code, r.err).toBe(0);
    const model = readFileSync(path.join(werk, 'models/volledig-2027/model.yaml'), 'utf8');
    expect(model).toContain('basis: "volledig"');
    expect(model).toContain('indexering:\n  basisjaar: 2026\n  peildatum: 2026-01-01');
    // the new set gives the same tariffs as the fixture made by hand with the same index figures
    const nieuw = berekenTarieven(laadParameterset(path.join(werk, 'models/volledig-2027')).set);
    const fixture = berekenTarieven(laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd')).set);
    expect(nieuw.tarieven.map((t) => `${t.product}/${t.variant} ${t.tarief.toFixed(2)}`)).toEqual(fixture.tarieven.map((t) => `${t.product}/${t.variant} ${t.tarief.toFixed(2)}`));
    const md = readFileSync(path.join(werk, 'output/volledig-2027/indexatie-2027.md'), 'utf8');
    expect(md).toContain('| 45A01 Ambulante jeugdhulp hbo | CAO Alfa (maandtabel) | minuut | € 1,28 | 6,30 % | € 1,36 |');
    expect(md).toContain('| 02A01 Begeleiding basis (overgenomen) | Vastgesteld tarief | minuut | € 0,93 | — | € 0,93 |');
    expect(existsSync(path.join(werk, 'output/volledig-2027/indexatie-2027.xlsx'))).toBe(true);
    expect(existsSync(path.join(werk, 'output/volledig-2027/indexatie-2027.pdf'))).toBe(true);
    // a pgb tariff that is a percentage of ZIN has no index of its own, and is not an overgenomen tariff
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(werk, 'output/volledig-2027/indexatie-2027.xlsx')) as unknown as ArrayBuffer);
    const rijen: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rijen.push((r.values as unknown[]).slice(1)));
    const pgb = rijen.find((r) => r[0] === '45A01' && r[2] === 'Pgb professioneel')!;
    expect(pgb[7]).toBe('geen eigen index: een percentage van het geïndexeerde ZIN-tarief');
    expect(rijen.find((r) => r[0] === '02A01' && r[2] === 'Vastgesteld tarief')![7]).toBe('niet geïndexeerd (overgenomen tarief)');
    expect(md).toContain('**CONCEPT**: bevat voorlopige of illustratieve waarden; niet als definitief overzicht versturen.');
    // the overview goes to every provider: no YAML key, file path or command-line flag in its text (issue 12)
    expect(lekken('indexatie-2027.md', md)).toEqual([]);
    const celTekst = wb.worksheets.flatMap((ws) => [ws.name, ...(() => { const t: string[] = []; ws.eachRow((r) => r.eachCell((c) => { if (typeof c.value === 'string') t.push(c.value); })); return t; })()]).join('\n');
    expect(celTekst).toContain('CONCEPT: bevat voorlopige of illustratieve waarden');
    expect(lekken('indexatie-2027.xlsx', celTekst)).toEqual([]);
  });

  it('een ronde op een ronde: indexeert de geïndexeerde tarieven van het vorige jaar, zoals de testset met twee rondes', async () => {
    // the 2027 set gets this year's figures (2027 definitief, 2028 voorlopig) as an overlay
    const { werk, r } = await tweedeRonde();
    expect(r.code, r.err).toBe(0);
    const model = readFileSync(path.join(werk, 'models/volledig-2028/model.yaml'), 'utf8');
    expect(model).toContain('basis: "volledig-2027"');
    expect(model).toContain('indexering:\n  basisjaar: 2027');
    const tweede = berekenTarieven(laadParameterset(path.join(werk, 'models/volledig-2028')).set);
    const eerste = berekenTarieven(laadParameterset(path.join(werk, 'models/volledig-2027')).set);
    const fixture = berekenTarieven(laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd-2028')).set);
    expect(tweede.problemen).toEqual([]);
    expect(tweede.tarieven.map((t) => `${t.product}/${t.variant} ${t.tarief.toFixed(2)}`)).toEqual(fixture.tarieven.map((t) => `${t.product}/${t.variant} ${t.tarief.toFixed(2)}`));
    // 02A02/alfa: 2027 € 58,29; index 2028 (VNG, inhaal relatief) = 0,97 % + 3,94 % = 4,91 %; 58,29 × 1,0491 = 61,152 → € 61,15
    const t = (p: typeof tweede, code: string, v: string) => p.tarieven.find((x) => x.product === code && x.variant === v)!;
    expect(t(eerste, '02A02', 'alfa').tarief.toFixed(2)).toBe('58.29');
    expect(t(tweede, '02A02', 'alfa').opbouw.find((s) => s.stap === 'indexpercentage')!.waarde.toFixed(2)).toBe('4.91');
    expect(t(tweede, '02A02', 'alfa').tarief.toFixed(2)).toBe('61.15');
    // the opbouw keeps both rounds: last year's under its year, this year's under the plain names
    const stappen = t(tweede, '02A02', 'alfa').opbouw.map((s) => s.stap);
    expect(stappen).toContain('indexpercentage_2027');
    expect(stappen.filter((s) => s === 'indexpercentage')).toHaveLength(1);
    expect(readFileSync(path.join(werk, 'output/volledig-2028/indexatie-2028.md'), 'utf8')).toContain('| 02A02 Begeleiding individueel | CAO Alfa (maandtabel) | uur | € 58,29 | 4,91 % | € 61,15 |');
  });

  it('een overlay (een gemeente) op een set met twee rondes is die ronde: dezelfde tarieven', () => {
    const map = path.join(tmp, 'gemeente-2028');
    mkdirSync(map, { recursive: true });
    writeFileSync(path.join(map, 'model.yaml'), `basis: ${path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd-2028')}\nnaam: Gemeente 2028\nregio: Testregio\ntariefjaar: 2028\nversie: "1"\n`);
    const gemeente = berekenTarieven(laadParameterset(map).set);
    const regio = berekenTarieven(laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd-2028')).set);
    expect(gemeente.problemen).toEqual([]);
    expect(gemeente.tarieven.map((t) => `${t.product}/${t.variant} ${t.tarief.toFixed(2)}`)).toEqual(regio.tarieven.map((t) => `${t.product}/${t.variant} ${t.tarief.toFixed(2)}`));
  });

  it('een kostprijsparameter in een indexatieronde heeft geen effect, en controleer zegt dat', async () => {
    // 30 % overhead instead of 20 % in the 2028 set: the round indexes the 2027 tariffs as the 2027 set gives them
    const tweede = await tweedeRonde();
    expect(tweede.r.code, tweede.r.err).toBe(0);
    const werk = kopie(tweede.werk, 'overhead-in-ronde');
    writeFileSync(path.join(werk, 'models/volledig-2028/opslagen.yaml'), readFileSync(path.join(ROOT, 'test/fixtures/sets/volledig/opslagen.yaml'), 'utf8').replace(/(standaard:\n\s+eenheid: procent\n\s+waarde:) 20/, '$1 30'));
    const g = laadParameterset(path.join(werk, 'models/volledig-2028'));
    const t = berekenTarieven(g.set).tarieven.find((x) => x.product === '02A02' && x.variant === 'alfa')!;
    expect(t.tarief.toFixed(2)).toBe('61.15');
    const w = g.waarschuwingen.find((x) => x.melding.startsWith('opslagen.overhead.standaard heeft in deze indexatieronde geen effect'))!;
    expect(w.bestand).toMatch(/models\/volledig-2028\/opslagen\.yaml$/);
    expect(w.verwacht).toBe('dezelfde waarde als in volledig-2027: 20 (2026-01-01 t/m 2026-12-31)');
    expect(w.hint).toBe('wijzig de waarde in volledig-2027, of maak een set zonder indexering die opnieuw rekent (route 2)');
  });

  it('overschrijft nooit een bestaande set', async () => {
    const eerste = await eersteRonde();
    expect(eerste.r.code, eerste.r.err).toBe(0);
    const werk = kopie(eerste.werk, 'bestaat-al');
    const model = readFileSync(path.join(werk, 'models/volledig-2027/model.yaml'), 'utf8');
    const r = await run(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('models/volledig-2027 bestaat al; indexeer overschrijft nooit een set');
    expect(readFileSync(path.join(werk, 'models/volledig-2027/model.yaml'), 'utf8')).toBe(model);
  });

  it('ontbrekende indexcijfers voor het doeljaar: melding, afsluitcode 1, niets geschreven', async () => {
    const werk = nieuwWerk('zonder-cijfers');
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/zonder-cijfers'), { recursive: true });
    const ic = readFileSync(path.join(werk, 'models/volledig/indexcijfers.yaml'), 'utf8');
    writeFileSync(path.join(werk, 'models/zonder-cijfers/indexcijfers.yaml'), ic.slice(0, ic.indexOf('cijfers:')) + 'cijfers:\n  - jaar: 2026\n    ova_voorlopig: { waarde: 4.74, bron: test, status: illustratief }\n    ppc_voorlopig: { waarde: 4.87, bron: test, status: illustratief }\n');
    const r = await run(['indexeer', 'zonder-cijfers', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fout: indexcijfers voor 2027 ontbreken');
    expect(r.err).toContain('fout: definitieve indexcijfers voor 2026 ontbreken');
    expect(existsSync(path.join(werk, 'models/zonder-cijfers-2027'))).toBe(false);
    expect(existsSync(path.join(werk, 'output/zonder-cijfers-2027'))).toBe(false);
  });

  it('een component zonder indexpercentage voor het nieuwe jaar: melding met de plek, niets geschreven', async () => {
    const werk = nieuwWerk('zonder-component');
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/zonder-component'), { recursive: true });
    const ic = readFileSync(path.join(werk, 'models/volledig/indexcijfers.yaml'), 'utf8');
    writeFileSync(path.join(werk, 'models/zonder-component/indexcijfers.yaml'), ic.replace(/(huisvesting:\n.*\n\s+index: \{[^}]*geldig_van: )2027-01-01, geldig_tot: 2027-12-31/, '$12026-01-01, geldig_tot: 2026-12-31'));
    const r = await run(['indexeer', 'zonder-component', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^models\/zonder-component\/indexcijfers\.yaml:\d+:\d+: fout: indexcijfers\.producten\.44A01\.componenten\.huisvesting\.index heeft geen waarde die geldt op 2027-01-01$/m);
    expect(r.err).toContain('hint: voeg het indexpercentage van dit component voor 2027 toe');
    expect(r.err).toContain('Er is niets geschreven.');
    expect(existsSync(path.join(werk, 'models/zonder-component-2027'))).toBe(false);
    expect(existsSync(path.join(werk, 'output/zonder-component-2027'))).toBe(false);
  });

  it('een ronde indexeert één jaar', async () => {
    const werk = nieuwWerk('twee-jaar');
    const r = await run(['indexeer', 'volledig', '--naar', '2028', '--versie', '2028.1', '--documentdatum', '2027-11-15'], werk);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fout: --naar 2028 is niet het jaar na 2026');
  });

  it('route 2 (opnieuw rekenen met nieuwe tabellen) is te vergelijken met route 1', async () => {
    // route 2: the same set with every salary 5 % higher, the tables dated in 2027
    const eerste = await eersteRonde();
    expect(eerste.r.code, eerste.r.err).toBe(0);
    const werk = kopie(eerste.werk, 'route-2');
    const route2 = path.join(werk, 'models/volledig-2027-herberekend');
    cpSync(path.join(werk, 'models/volledig'), route2, { recursive: true });
    for (const f of ['model.yaml', 'cao/alfa.yaml', 'cao/beta.yaml', 'productiviteit.yaml', 'opslagen.yaml', 'varianten.yaml', 'producten/jeugd.yaml', 'producten/wmo.yaml', 'aanbieders/kleine-groep.yaml']) {
      const p = path.join(route2, f);
      let t = readFileSync(p, 'utf8').replaceAll('2026-', '2027-').replace('tariefjaar: 2026', 'tariefjaar: 2027');
      if (f.startsWith('cao/')) t = t.replace(/\[([\d., ]+)\]/g, (_, l: string) => `[${l.split(',').map((x) => new Decimal(x.trim()).times('1.05').toFixed(2)).join(', ')}]`);
      await import('node:fs').then((fs) => fs.writeFileSync(p, t));
    }
    const r = await run(['vergelijk', 'volledig-2027', 'volledig-2027-herberekend', '--json'], werk);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    // exactly the tariffs that differ when both sets are computed here, with the same difference
    const oud = berekenTarieven(laadParameterset(path.join(werk, 'models/volledig-2027')).set);
    const nieuw = berekenTarieven(laadParameterset(route2).set);
    const verwacht = new Map<string, string>();
    for (const t of nieuw.tarieven) {
      const o = oud.tarieven.find((x) => x.product === t.product && x.variant === t.variant)!;
      if (!o.tarief.eq(t.tarief)) verwacht.set(`${t.product}/${t.variant}`, t.tarief.minus(o.tarief).toFixed(2));
    }
    expect(new Map(j.tarieven.map((t: { product: string; variant: string; delta: string }) => [`${t.product}/${t.variant}`, t.delta]))).toEqual(verwacht);
    // every tariff computed from a salary moves; the overgenomen tariffs and the pgb shares of one do not
    expect(nieuw.tarieven.filter((t) => !verwacht.has(`${t.product}/${t.variant}`)).map((t) => `${t.product}/${t.variant}`)).toEqual(['02A01/vast', '02A01/pgb-professioneel', '02A01/pgb-sociaal_netwerk', '48A01/vast']);
    // the changed parameters (in any order: vergelijk lists them by cause): the five table cells the functiehuis
    // uses, and what only route 1 has: the index figures and the rounding point of the indexation (default per_deel)
    expect(j.parameters.map((p: { pad: string }) => p.pad).sort()).toEqual([
      'cao.alfa.tabel.schaal[10].trede[1]',
      'cao.alfa.tabel.schaal[10].trede[2]',
      'cao.alfa.tabel.schaal[8].trede[1]',
      'cao.beta.tabel.schaal[6].trede[2]',
      'cao.beta.tabel.schaal[9].trede[1]',
      'indexcijfers.2026.ova_definitief',
      'indexcijfers.2026.ova_voorlopig',
      'indexcijfers.2026.ppc_definitief',
      'indexcijfers.2026.ppc_voorlopig',
      'indexcijfers.2027.ova_voorlopig',
      'indexcijfers.2027.ppc_voorlopig',
      'indexcijfers.afrondingspunt',
    ]);
  });
});

describe('begroting', () => {
  const { set } = laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-review'));
  const plan = berekenTarieven(set);

  it('het totaal is de som van p × q, tot op de cent', () => {
    const b = berekenBegroting(set, plan)!;
    let som = new Decimal(0);
    for (const g of set.volumes!.gemeenten) {
      let gemeente = new Decimal(0);
      for (const q of g.volumes) {
        const t = plan.tarieven.find((x) => x.product === q.product && x.variant === 'basistarief') ?? plan.tarieven.find((x) => x.product === q.product && x.variant === 'vast')!;
        gemeente = gemeente.plus(t.tarief.times(q.aantal));
      }
      expect(b.gemeenten.find((x) => x.id === g.id)!.totaal.toFixed(2)).toBe(gemeente.toFixed(2));
      som = som.plus(gemeente);
    }
    expect(b.totaal.toFixed(2)).toBe(som.toFixed(2));
    expect(b.totaal.toFixed(2)).toBe('594333.83');
  });

  it('toont het verschil met een basisset per gemeente', async () => {
    const r = await run(['begroting', path.join(ROOT, 'test/fixtures/sets/volledig-review'), '--basis', path.join(ROOT, 'test/fixtures/sets/volledig-conventies'), '--json'], ROOT);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totaal).toBe('594333.83');
    // the same volumes priced at the basis set's tariffs, summed here independently
    const basis = berekenTarieven(laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-conventies')).set);
    let verwacht = new Decimal(0);
    for (const g of set.volumes!.gemeenten)
      for (const q of g.volumes) {
        const t = basis.tarieven.find((x) => x.product === q.product && x.variant === 'basistarief') ?? basis.tarieven.find((x) => x.product === q.product && x.variant === 'vast')!;
        verwacht = verwacht.plus(t.tarief.times(q.aantal));
      }
    expect(j.basis_totaal).toBe(verwacht.toFixed(2));
  });

  it('een set zonder volumes geeft een melding', async () => {
    const r = await run(['begroting', path.join(ROOT, 'test/fixtures/sets/volledig')], ROOT);
    expect(r.code).toBe(1);
    expect(r.err).toContain('heeft geen volumes');
  });
});
