/**
 * The workbooks as a reader uses them, read back from the generated xlsx (exceljs and the XML itself):
 * - sheet names a person can tell apart: at most 31 characters, unique, never cut inside a word, no "(2)";
 * - formulas protected: every sheet with a formula has a sheetProtection (without a password), every formula
 *   cell is locked, and only the input cells are open (the answers of the inschrijvingsformulier, the
 *   parameters of the tariefbijlage, which is meant for what-if);
 * - percentages as percentages: a percentage cell holds the fraction with a real % format (23 % is 0.23), so
 *   typing 23 % gives 23 %; no format with a quoted " %";
 * - no number format that shows "3," (a decimal part of only #).
 * The workbooks: tariefbijlage.xlsx, begroting.xlsx, productenboek.xlsx and programma-van-eisen.xlsx of the
 * default set, and the indexation workbook of an indexed test set.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { tariefbijlageWerkboek } from '../../src/docmodel/tariefbijlage.ts';
import { productenboekWerkboek } from '../../src/docmodel/productenboek.ts';
import { programmaVanEisenWerkboek } from '../../src/docmodel/documenten/programma-van-eisen.ts';
import { indexatieOverzicht } from '../../src/docmodel/indexatie.ts';
import { formule, veiligeBladnaam } from '../../src/docmodel/werkboek.ts';
import { E, type Expr } from '../../src/model/expressie.ts';
import type { ParamGebruik } from '../../src/model/types.ts';
import { schrijfXlsx } from '../../src/render/xlsx.ts';
import { korteNaam, leesbaar } from '../../src/docmodel/documenten/gemeenschappelijk.ts';

const SET = 'models/voorbeeldregio-2027';

/** A format shows a percentage when it has a % outside quotes; "3," comes from a decimal part of only #. */
const zonderAanhalingen = (code: string) => code.replace(/"[^"]*"/g, '').replace(/\\./g, '');
const isProcentFormaat = (code: string) => zonderAanhalingen(code).includes('%');
const toontLosseKomma = (code: string) => /\.#/.test(zonderAanhalingen(code));
const nepProcent = (code: string) => /"[^"]*%[^"]*"/.test(code);

async function lees(buf: Buffer): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return { wb, zip: await JSZip.loadAsync(buf) };
}

/** The sheetN.xml of each sheet, by its name, from workbook.xml and its relationships. */
async function bladXml(zip: JSZip): Promise<Map<string, string>> {
  const boek = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const doel = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, 'xl/')]));
  const uit = new Map<string, string>();
  for (const m of boek.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const naam = m[1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"');
    uit.set(naam, await zip.file(doel.get(m[2]!)!)!.async('string'));
  }
  return uit;
}

describe('bladnamen: kort, uniek en heel', () => {
  it('kort een lange naam in bij hele woorden, met het laatste woord erbij, en nooit met (2)', () => {
    const bezet = new Set<string>();
    // the two contracts of the default set that made "Opbouw Dagbesteding en loge (2)"
    expect(veiligeBladnaam('Opbouw Dagbesteding en logeren Jeugd', bezet)).toBe('Opbouw Dagbesteding … Jeugd');
    expect(veiligeBladnaam('Opbouw Dagbesteding en logeren Wmo', bezet)).toBe('Opbouw Dagbesteding … Wmo');
    expect(veiligeBladnaam('Opbouw Jeugdbescherming en jeugdreclassering', bezet)).toBe('Opbouw Jeugdbescherming …');
    expect(veiligeBladnaam('Opbouw Hoog specialistische jeugdhulp', bezet)).toBe('Opbouw Hoog specialistische …');
    expect(veiligeBladnaam('Opbouw Wonen Jeugd', bezet)).toBe('Opbouw Wonen Jeugd');
    expect(veiligeBladnaam('opbouw wonen jeugd', bezet)).toBe('opbouw wonen …');
    // a name that stays taken after every shortening gets a number, not "(2)"
    expect(veiligeBladnaam('Tarieven', bezet)).toBe('Tarieven');
    expect(veiligeBladnaam('tarieven', bezet)).toBe('tarieven 2');
    expect(veiligeBladnaam('Cao: GGZ [2027]', bezet)).toBe('Cao GGZ 2027');
  });
});

describe('formules over percentages als percentage', () => {
  const ref = (pad: string, eenheid: string): Expr => E.param({ pad, eenheid, geldig_van: '2027-01-01' } as unknown as ParamGebruik);
  const p = ref('opslagen.overhead', 'procent');
  const q = ref('opslagen.winst', 'procent');
  const ctx = {
    param: (pad: string) => pad.split('.').pop()!,
    stap: (s: string) => s.toUpperCase(),
    extern: () => 'X',
    procent: (x: Expr) => x.soort === 'param' && x.ref.eenheid === 'procent',
  };
  it('deelt niet meer door 100 waar de cel de fractie houdt', () => {
    expect(formule(E.procentVan(E.stap('a'), p), ctx)).toBe('A*overhead');
    expect(formule(E.deel(E.maal(E.stap('a'), E.minus(E.getal(100), p)), E.getal(100)), ctx)).toBe('A*(1-overhead)');
    expect(formule(E.plus(E.stap('a'), E.procentVan(E.stap('a'), p)), ctx)).toBe('A+A*overhead');
    // two percentages in one product: each its own ÷ 100
    expect(formule(E.procentVan(E.procentVan(E.stap('a'), p), q), ctx)).toBe('A*overhead*winst');
    // a percentage not divided by 100 in the model: × 100 in the formula
    expect(formule(E.plus(p, E.getal(1)), ctx)).toBe('overhead*100+1');
    // without percentages the formula is as before
    expect(formule(E.procentVan(E.stap('a'), ref('uren', 'uren')), ctx)).toBe('A*uren/100');
  });
  it('een stap in procent staat als fractie in zijn cel', () => {
    expect(formule(E.plus(p, q), ctx, { alsProcent: true })).toBe('overhead+winst');
    expect(formule(E.maal(E.stap('a'), E.getal(2)), ctx, { alsProcent: true })).toBe('A*2/100');
  });
});

describe('de werkboeken van de standaardset, teruggelezen', () => {
  const werkboeken = new Map<string, Buffer>();
  const { set } = laadParameterset(SET);
  const plan = berekenTarieven(set);
  beforeAll(async () => {
    werkboeken.set('tariefbijlage.xlsx', await schrijfXlsx(tariefbijlageWerkboek(set, plan)));
    werkboeken.set('begroting.xlsx', await schrijfXlsx(tariefbijlageWerkboek(set, plan, { intern: true })));
    werkboeken.set('productenboek.xlsx', await schrijfXlsx(productenboekWerkboek(set, plan)));
    werkboeken.set('programma-van-eisen.xlsx', await schrijfXlsx(programmaVanEisenWerkboek(set, plan, { publicatie: false } as Parameters<typeof programmaVanEisenWerkboek>[2])));
    // the indexation workbook of an indexed set (the default set has no indexation round)
    const geindexeerd = laadParameterset('test/fixtures/sets/volledig-geindexeerd').set;
    const nieuw = berekenTarieven(geindexeerd);
    werkboeken.set('indexatie-2027.xlsx', await schrijfXlsx(indexatieOverzicht(berekenTarieven(geindexeerd.indexering!.basis!), nieuw).werkboek));
  }, 60_000);

  it('elke bladnaam: hoogstens 31 tekens, uniek, zonder (2) en alleen hele woorden van de volle naam', async () => {
    const fout: string[] = [];
    let bladen = 0;
    for (const [naam, buf] of werkboeken) {
      const { wb } = await lees(buf);
      const gezien = new Set<string>();
      for (const ws of wb.worksheets) {
        bladen++;
        const n = ws.name;
        if (n.length > 31) fout.push(`${naam}: «${n}» is ${n.length} tekens`);
        if (gezien.has(n.toLowerCase())) fout.push(`${naam}: «${n}» twee keer`);
        gezien.add(n.toLowerCase());
        if (/\(\d+\)$/.test(n)) fout.push(`${naam}: «${n}» met een volgnummer`);
        // a shortened name: the print footer carries the full name (the contract), every word of the sheet name is a whole word of it
        if (!n.includes('…')) continue;
        const vol = `${n.split(' ')[0]} ${(ws.headerFooter.oddFooter ?? '').replace(/^&L/, '').replace(/&R.*$/, '').replace(/&&/g, '&')}`;
        const woorden = new Set(vol.toLowerCase().split(/[\s:,()]+/));
        for (const w of n.toLowerCase().split(' ')) if (w !== '…' && !woorden.has(w)) fout.push(`${naam}: «${n}»: «${w}» is geen heel woord van «${vol}»`);
      }
    }
    expect(bladen).toBeGreaterThan(30);
    expect(fout).toEqual([]);
    // the contracts behind the shortened names are listed on the first sheet of the tariefbijlage
    const { wb } = await lees(werkboeken.get('tariefbijlage.xlsx')!);
    const toelichting: string[] = [];
    wb.getWorksheet('Toelichting')!.eachRow((r) => toelichting.push(`${String(r.getCell(1).value)} = ${String(r.getCell(2).value)}`));
    expect(toelichting).toContain('Opbouw Dagbesteding … Jeugd = opbouw van de tarieven van het contract Dagbesteding en logeren Jeugd');
    expect(toelichting).toContain('Opbouw Dagbesteding … Wmo = opbouw van de tarieven van het contract Dagbesteding en logeren Wmo');
  });

  it('formules beveiligd: elk blad met een formule heeft een beveiliging zonder wachtwoord, formulecellen zijn vergrendeld, alleen invoer is open', async () => {
    const fout: string[] = [];
    let beveiligd = 0;
    let formules = 0;
    let open = 0;
    for (const [naam, buf] of werkboeken) {
      const { wb, zip } = await lees(buf);
      const xml = await bladXml(zip);
      for (const ws of wb.worksheets) {
        let heeftFormule = false;
        ws.eachRow((r) =>
          r.eachCell((c) => {
            if (c.type === ExcelJS.ValueType.Formula) {
              heeftFormule = true;
              formules++;
              if (c.protection?.locked === false) fout.push(`${naam} ${ws.name}!${c.address}: formule niet vergrendeld`);
            } else if (c.protection?.locked === false) {
              open++;
              // an open cell is an input cell: yellow
              if ((c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb !== 'FFFFF2CC') fout.push(`${naam} ${ws.name}!${c.address}: open maar geen invoercel`);
            }
          }),
        );
        const bescherming = /<sheetProtection\b[^>]*>/.exec(xml.get(ws.name)!)?.[0];
        if (heeftFormule && !bescherming) fout.push(`${naam} ${ws.name}: formules zonder bladbeveiliging`);
        if (bescherming) {
          beveiligd++;
          if (/password|hashValue/i.test(bescherming)) fout.push(`${naam} ${ws.name}: beveiliging met wachtwoord`);
          if (!/sheet="1"/.test(bescherming)) fout.push(`${naam} ${ws.name}: beveiliging staat niet aan`);
        }
      }
    }
    expect(fout.slice(0, 20), `${fout.length} fouten`).toEqual([]);
    expect(formules).toBeGreaterThan(3000);
    expect(beveiligd).toBeGreaterThan(12);
    expect(open).toBeGreaterThan(200);
  });

  it('het inschrijvingsformulier: de antwoordcellen open, de rest vergrendeld', async () => {
    const { wb } = await lees(werkboeken.get('programma-van-eisen.xlsx')!);
    const eisen = wb.getWorksheet('Eisen')!;
    const koprij = [...Array(10).keys()].map((i) => i + 1).find((r) => eisen.getRow(r).values.toString().includes('voldoet'))!;
    const koppen = (eisen.getRow(koprij).values as unknown[]).map((v) => String(v ?? ''));
    const antwoord = koppen.findIndex((k) => /^voldoet/.test(k));
    expect(antwoord, koppen.join(' | ')).toBeGreaterThan(0);
    let rijen = 0;
    eisen.eachRow((r, i) => {
      if (i <= koprij || !r.getCell(1).value) return;
      rijen++;
      expect(r.getCell(antwoord).protection?.locked, `Eisen rij ${i}`).toBe(false);
      expect(r.getCell(1).protection?.locked, `Eisen rij ${i}`).not.toBe(false);
    });
    expect(rijen).toBeGreaterThan(20);
  });

  it('een percentage staat als percentage: de fractie met een %-opmaak (23 % is 0,23), ook in invoercellen', async () => {
    const { wb } = await lees(werkboeken.get('begroting.xlsx')!);
    const par = wb.getWorksheet('Parameters')!;
    let procenten = 0;
    const fout: string[] = [];
    const alleParameters = plan.tarieven.flatMap((t) => t.opbouw.flatMap((s) => s.parameters));
    par.eachRow((r) => {
      if (r.getCell(4).value !== 'procent') return;
      procenten++;
      const c = r.getCell(3);
      if (!isProcentFormaat(c.numFmt ?? '')) fout.push(`Parameters!${c.address}: opmaak ${c.numFmt}`);
      if (c.protection?.locked !== false) fout.push(`Parameters!${c.address}: invoer vergrendeld`);
      // the set's value ÷ 100: overhead 22 (%) stands as 0.22
      const kandidaten = alleParameters.filter((x) => x.eenheid === 'procent' && korte(x.pad) === String(r.getCell(2).value));
      if (!kandidaten.some((p) => Number(c.value) === p.waarde.div(100).toNumber())) fout.push(`Parameters!${c.address}: ${String(c.value)} voor ${kandidaten.map((p) => p.waarde.toFixed()).join(' of ')} %`);
    });
    expect(procenten).toBeGreaterThan(40);
    expect(fout).toEqual([]);
    // the shares of a volume mix in the Begroting
    const begroting = wb.getWorksheet('Begroting')!;
    const aandelen: ExcelJS.Cell[] = [];
    begroting.eachRow((r, i) => i > 3 && r.getCell(6).type === ExcelJS.ValueType.Number && aandelen.push(r.getCell(6)));
    expect(aandelen.length).toBeGreaterThan(0);
    for (const c of aandelen) {
      expect(isProcentFormaat(c.numFmt ?? ''), c.address).toBe(true);
      expect(Number(c.value)).toBeLessThanOrEqual(1);
    }
  });

  it('geen getalopmaak die "3," toont en geen " %" als tekst: elk numFmt van elk werkboek', async () => {
    const formaten = new Set<string>();
    for (const buf of werkboeken.values()) {
      const stijlen = await (await JSZip.loadAsync(buf)).file('xl/styles.xml')!.async('string');
      for (const m of stijlen.matchAll(/<numFmt [^>]*formatCode="([^"]*)"/g)) formaten.add(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    }
    // the custom formats (€, uur, #,##0); 0.00%, 0.00 and #,##0.00 are built-in formats without a numFmt
    expect(formaten.size).toBeGreaterThanOrEqual(3);
    expect([...formaten].filter((f) => toontLosseKomma(f) || nepProcent(f))).toEqual([]);
    // the checks themselves: the formats that were there before
    expect(toontLosseKomma('#,##0.####')).toBe(true);
    expect(nepProcent('0.00" %"')).toBe(true);
    expect(isProcentFormaat('0.00" %"')).toBe(false);
    expect(isProcentFormaat('0.00%')).toBe(true);
  });
});

/** The parameter in words as the Parameters sheet shows it (column B). */
function korte(pad: string): string {
  return leesbaar(korteNaam(pad));
}
