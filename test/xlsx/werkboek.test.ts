/** The workbooks without a spreadsheet engine: names, formulas, cached results, determinism. */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { tariefbijlageWerkboek } from '../../src/docmodel/tariefbijlage.ts';
import { productenboekWerkboek } from '../../src/docmodel/productenboek.ts';
import { formule, veiligeBladnaam, veiligeNaam } from '../../src/docmodel/werkboek.ts';
import { E } from '../../src/model/expressie.ts';
import { dumpXlsx, schrijfXlsx } from '../../src/render/xlsx.ts';

const { set } = laadParameterset('test/fixtures/sets/volledig');
const plan = berekenTarieven(set);

describe('namen en bladnamen', () => {
  it.each([
    ['opslagen.winst_en_risico', 'opslagen.winst_en_risico'],
    ['cao.jeugdzorg.tabel[2027-01-01].schaal[FWG 45].trede[3]', 'cao.jeugdzorg.tabel_2027_01_01.schaal_FWG_45.trede_3'],
    ['producten.45A01.groepsgrootte', 'producten.45A01.groepsgrootte'],
    ['cliëntgebonden', 'p.clientgebonden'],
    ['ABC1', 'p.ABC1'],
    ['R1C1', 'p.R1C1'],
    ['12.x', 'p.x'],
  ])('%s → %s', (pad, naam) => expect(veiligeNaam(pad, new Set())).toBe(naam));

  it('maakt namen uniek zonder onderscheid in hoofdletters en houdt ze onder 255 tekens', () => {
    const bezet = new Set<string>();
    expect(veiligeNaam('a.b', bezet)).toBe('a.b');
    expect(veiligeNaam('A.B', bezet)).toBe('A.B.2');
    const lang = veiligeNaam(`x.${'y'.repeat(400)}`, bezet);
    expect(lang.length).toBeLessThan(255);
  });

  it('maakt bladnamen veilig: hoogstens 31 tekens, geen []:*?/\\ en uniek', () => {
    const bezet = new Set<string>();
    // shortened by whole words, with "…" (test/xlsx/leesbaar.test.ts has the names of the default set)
    expect(veiligeBladnaam('Opbouw Jeugd: ambulant [test] / extra lang en nog langer', bezet)).toBe('Opbouw Jeugd ambulant test …');
    expect(veiligeBladnaam('Tarieven', bezet)).toBe('Tarieven');
    expect(veiligeBladnaam('tarieven', bezet)).toBe('tarieven 2');
  });
});

describe('formules', () => {
  const ctx = { param: (p: string) => p, stap: (s: string) => s.toUpperCase(), extern: (p: string, v: string, s: string) => `${p}!${v}!${s}` };
  it('zet alleen haakjes waar de volgorde dat vraagt', () => {
    expect(formule(E.maal(E.plus(E.stap('a'), E.stap('b')), E.getal(2)), ctx)).toBe('(A+B)*2');
    expect(formule(E.plus(E.stap('a'), E.maal(E.stap('b'), E.getal(2))), ctx)).toBe('A+B*2');
    expect(formule(E.minus(E.stap('a'), E.minus(E.stap('b'), E.stap('c'))), ctx)).toBe('A-(B-C)');
    expect(formule(E.deel(E.stap('a'), E.maal(E.stap('b'), E.stap('c'))), ctx)).toBe('A/(B*C)');
    expect(formule(E.fn('ROUND', E.deel(E.stap('x'), E.getal('0.60')), E.getal(0)), ctx)).toBe('ROUND(X/0.6,0)');
  });
});

describe('tariefbijlage.xlsx', () => {
  it('elke formulecel heeft als opgeslagen uitkomst de waarde van het model', async () => {
    const buf = await schrijfXlsx(tariefbijlageWerkboek(set, plan));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const tarieven = wb.getWorksheet('Tarieven')!;
    // header row below the two title lines; one row per tariff
    expect(tarieven.getCell('A3').value).toBe('productcode');
    let rij = 4;
    // the workbook every provider gets: an aanbieder-specifiek tarief only in the addendum (and in begroting.xlsx)
    for (const t of plan.tarieven.filter((x) => x.variantSoort !== 'aanbieder')) {
      const c = tarieven.getCell(`I${rij}`);
      expect(c.type).toBe(ExcelJS.ValueType.Formula);
      expect(c.result, `${t.product}/${t.variant}`).toBe(t.tarief.toNumber());
      expect(c.numFmt).toContain('€');
      rij++;
    }
    expect(tarieven.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    // every parameter a defined name
    const namen = wb.definedNames.model.map((n) => n.name);
    expect(namen).toContain('opslagen.winst_en_risico');
    expect(namen).toContain('cao.alfa.tabel_2026_01_01.schaal_10.trede_1');
    // a step formula refers to the names and earlier steps
    const opbouw = wb.worksheets.find((w) => w.name.startsWith('Opbouw Jeugdhulp'))!;
    const formules: string[] = [];
    opbouw.eachRow((r) => r.eachCell((c) => c.type === ExcelJS.ValueType.Formula && formules.push(c.formula)));
    expect(formules.some((f) => /^ROUND\(ROUND\(F\d+\/afronding\.zestig_cent,9\),0\)\*afronding\.zestig_cent$/.test(f))).toBe(true);
    expect(formules.some((f) => f.includes('opslagen.winst_en_risico'))).toBe(true);
  });

  it('twee keer bouwen geeft dezelfde bytes', async () => {
    const h = async () => createHash('sha256').update(await schrijfXlsx(tariefbijlageWerkboek(set, plan))).digest('hex');
    const h2 = async () => createHash('sha256').update(await schrijfXlsx(productenboekWerkboek(set, plan))).digest('hex');
    expect(await h()).toBe(await h());
    expect(await h2()).toBe(await h2());
  });

  it('dump-xlsx geeft één regel per cel met formule en opmaak', async () => {
    const tekst = await dumpXlsx(await schrijfXlsx(tariefbijlageWerkboek(set, plan)));
    expect(tekst).toMatch(/^naam\topslagen\.winst_en_risico\tParameters!\$C\$\d+$/m);
    expect(tekst).toMatch(/^Tarieven!I4\t0\.93\t='Opbouw Wmo-begeleiding \(test\)'!F\d+\t.*€/m);
  });
});
