/**
 * Thin adapter from the workbook model to exceljs. Decimals become numbers
 * only here; the zip is rewritten with fixed entry dates so two builds are
 * byte-identical.
 */
import ExcelJS from 'exceljs';
import archiver from 'archiver';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import type { Decimal } from '../shared/decimal.ts';
import { TARIEFBOUW_VERSIE } from '../shared/versie.ts';
import { celAdres, type Blad, type Cel, type Formaat, type Werkboek } from '../docmodel/werkboek.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';

const FORMATEN: Record<Formaat, string> = {
  tekst: '@',
  euro: '[$€-413] #,##0.00;[$€-413] -#,##0.00',
  euro3: '[$€-413] #,##0.000;[$€-413] -#,##0.000',
  euro4: '[$€-413] #,##0.0000;[$€-413] -#,##0.0000',
  // a real percentage format: the cell holds 0.23 and shows 23,00 %, and typing 23 % gives 23 %
  procent: '0.00%',
  getal: '#,##0.00',
  getal4: '#,##0.0000',
  uren: '#,##0.00" uur"',
  // a whole number without decimals; a number with decimals (aantal below) with two: never "3," with a bare comma
  aantal: '#,##0',
};

/** The format of a cell: an aantal with decimals gets two, like a getal. */
function formaatVan(cel: Cel): Formaat | undefined {
  if (cel.formaat !== 'aantal') return cel.formaat;
  const w = cel.formule !== undefined ? cel.resultaat : cel.waarde;
  return typeof w === 'object' && !w.isInteger() ? 'getal' : 'aantal';
}

const GEEL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const GRIJS: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const LICHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const ROOD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };

function alsGetal(d: Decimal | string): number | string {
  return typeof d === 'string' ? d : d.toNumber();
}

// exceljs's default font is Calibri 11; plain cells carry no style of their own (fast for large sheets).
const LETTER = { name: 'Calibri', size: 11 } as const;

function stijlVoor(cel: Cel, formaat: Formaat | undefined): Partial<ExcelJS.Style> {
  const st: Partial<ExcelJS.Style> = {};
  if (formaat && formaat !== 'tekst') st.numFmt = FORMATEN[formaat];
  switch (cel.stijl) {
    case 'invoer':
      st.fill = GEEL;
      st.font = { ...LETTER, color: { argb: 'FF1F4E9B' } };
      st.protection = { locked: false };
      break;
    case 'invoerlang':
      st.fill = GEEL;
      st.font = { ...LETTER, color: { argb: 'FF1F4E9B' } };
      st.protection = { locked: false };
      st.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'status':
      st.font = { ...LETTER, bold: true };
      st.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'kop':
      st.font = { ...LETTER, bold: true };
      st.alignment = { vertical: 'top' };
      break;
    case 'tarief':
      st.font = { ...LETTER, bold: true };
      break;
    case 'blokkop':
      st.font = { ...LETTER, bold: true };
      st.fill = LICHT;
      break;
    case 'uitleg':
      st.font = { ...LETTER, color: { argb: 'FF595959' } };
      break;
    case 'tekstlang':
      st.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'concept':
      st.font = { ...LETTER, bold: true, color: { argb: 'FF9C0006' } };
      st.fill = ROOD;
      break;
    default:
  }
  return st;
}

/**
 * One shared style object per (stijl, formaat): exceljs recognises a style
 * object it has seen before, which keeps large sheets fast.
 */
const stijlen = new Map<string, Partial<ExcelJS.Style>>();
function gedeeldeStijl(cel: Cel): Partial<ExcelJS.Style> | undefined {
  const formaat = formaatVan(cel);
  if (!cel.stijl && (!formaat || formaat === 'tekst')) return undefined;
  const sleutel = `${cel.stijl ?? ''}|${formaat ?? ''}`;
  let st = stijlen.get(sleutel);
  if (!st) {
    st = stijlVoor(cel, formaat);
    stijlen.set(sleutel, st);
  }
  return st;
}

function zetCel(c: ExcelJS.Cell, cel: Cel) {
  if (cel.formule !== undefined) {
    c.value = { formula: cel.formule, result: cel.resultaat === undefined ? undefined : alsGetal(cel.resultaat) } as ExcelJS.CellFormulaValue;
  } else if (cel.waarde !== undefined) {
    c.value = alsGetal(cel.waarde);
  }
  const st = gedeeldeStijl(cel);
  if (st) c.style = st;
}

type Werkblad = ExcelJS.Worksheet;

function schrijfBlad(wb: ExcelJS.stream.xlsx.WorkbookWriter, blad: Blad): Werkblad {
  const koprij = (blad.titel?.length ?? 0) + 1;
  const ws = wb.addWorksheet(blad.naam, {
    views: [{ state: 'frozen', xSplit: blad.bevriesKolommen ?? 0, ySplit: koprij }],
    pageSetup: {
      orientation: blad.liggend ? 'landscape' : 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${koprij}:${koprij}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${(blad.voettekst ?? blad.naam).replace(/&/g, '&&')}&Rpagina &P van &N` },
  }) as Werkblad;
  blad.kolommen.forEach((k, i) => {
    ws.getColumn(i + 1).width = k.breedte;
  });
  if (blad.autofilter && blad.rijen.length) ws.autoFilter = { from: celAdres(koprij, 1), to: celAdres(koprij + blad.rijen.length, blad.kolommen.length) };
  blad.titel?.forEach((t, i) => {
    const row = ws.getRow(i + 1);
    const c = row.getCell(1);
    c.value = t;
    c.font = i === 0 ? { ...LETTER, bold: true, size: 13 } : t === 'CONCEPT' ? { ...LETTER, bold: true, size: 13, color: { argb: 'FF9C0006' } } : { ...LETTER, italic: true };
    row.commit();
  });
  const kop = ws.getRow(koprij);
  blad.kolommen.forEach((k, i) => {
    const c = kop.getCell(i + 1);
    c.value = k.kop;
    c.font = { ...LETTER, bold: true };
    c.fill = GRIJS;
    c.alignment = { vertical: 'middle', wrapText: true };
    c.border = { bottom: { style: 'thin' } };
  });
  kop.commit();
  blad.rijen.forEach((rij, r) => {
    const row = ws.getRow(koprij + 1 + r);
    // Spreadsheets do not grow rows for wrapped text written by exceljs: estimate the lines needed.
    let regels = 1;
    rij.forEach((cel, k) => {
      if (cel?.stijl === 'tekstlang' && typeof cel.waarde === 'string') {
        // characters per line: a column of width w holds about w digits, but fewer letters of running text
        const breedte = Math.max(4, (blad.kolommen[k]?.breedte ?? 10) * 0.95);
        const n = cel.waarde.split('\n').reduce((som, deel) => som + Math.max(1, Math.ceil(deel.length / breedte)), 0);
        regels = Math.max(regels, n);
      }
    });
    // On a sheet with answers a bidder writes in, the height is a starting point, not fixed (see groeiend).
    if (regels > 1) row.height = 15 * regels;
    rij.forEach((cel, k) => {
      if (!cel) return;
      const c = row.getCell(k + 1);
      zetCel(c, cel);
    });
    row.commit();
  });
  // One validation per run of rows, written as a range: exceljs would merge per-cell validations into
  // overlapping ranges (F10:F30 inside F6:F30), because it sorts the addresses as text.
  for (const lijst of blad.keuzelijsten ?? []) {
    const rijen = lijst.rijen ?? blad.rijen.map((_, i) => i);
    for (const [van, tot] of reeksen(rijen)) {
      const bereik = `${celAdres(koprij + 1 + van, lijst.kolom)}:${celAdres(koprij + 1 + tot, lijst.kolom)}`;
      (ws as unknown as { dataValidations: { add(adres: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(bereik, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${lijst.opties.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Ongeldig antwoord',
        error: `Kies ${lijst.opties.join(' of ')}`,
      });
    }
  }
  for (const w of blad.waarschuwingen ?? []) {
    if (!blad.rijen.length) continue;
    const bereik = `${celAdres(koprij + 1, w.kolom)}:${celAdres(koprij + blad.rijen.length, w.kolom)}`;
    ws.addConditionalFormatting({
      ref: bereik,
      rules: [{ type: 'containsText', operator: 'containsText', text: w.bevat, priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { bold: true, color: { argb: 'FF9C0006' } } } }],
    });
  }
  return ws;
}

/** Sorted runs of consecutive row numbers: [1,2,3,7] → [[1,3],[7,7]]. */
function reeksen(rijen: number[]): [number, number][] {
  const uit: [number, number][] = [];
  for (const r of [...new Set(rijen)].sort((a, b) => a - b)) {
    const laatste = uit[uit.length - 1];
    if (laatste && laatste[1] === r - 1) laatste[1] = r;
    else uit.push([r, r]);
  }
  return uit;
}

/**
 * Fixed entry dates in the zip: exceljs stamps "now" on every entry. exceljs
 * writes the entries uncompressed; they are compressed once here, with
 * Node's own zlib, in a fixed order.
 */
async function vasteZip(buf: Buffer, datum: Date, groeiend: Set<string> = new Set()): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const uit = archiver('zip', { zlib: { level: 6 } });
  const stukken: Buffer[] = [];
  uit.on('data', (b: Buffer) => stukken.push(b));
  const klaar = new Promise<void>((resolve, reject) => {
    uit.on('end', resolve);
    uit.on('error', reject);
  });
  for (const naam of Object.keys(zip.files).sort()) {
    const f = zip.files[naam]!;
    if (f.dir) continue;
    // exceljs marks every row height as custom, which stops a spreadsheet from growing the row when a bidder
    // types a long answer: on the sheets with such answers the heights stay, but as the automatic height.
    const inhoud = groeiend.has(naam) ? Buffer.from((await f.async('string')).replace(/ customHeight="1"/g, ''), 'utf8') : await f.async('nodebuffer');
    uit.append(inhoud, { name: naam, date: datum, mode: 0o644 });
  }
  await uit.finalize();
  await klaar;
  return Buffer.concat(stukken);
}

export async function schrijfXlsx(model: Werkboek): Promise<Buffer> {
  const stukken: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (b: Buffer) => stukken.push(b));
  const klaar = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // The streaming writer keeps memory flat for large sets: rows are written as they are committed.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true, zip: { store: true } } as unknown as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  const datum = new Date(`${model.datum}T00:00:00Z`);
  // the version next to the maker: the same set gives the same workbook only with the same version
  wb.creator = `${model.maker} ${TARIEFBOUW_VERSIE}`;
  wb.lastModifiedBy = `${model.maker} ${TARIEFBOUW_VERSIE}`;
  wb.created = datum;
  wb.modified = datum;
  wb.title = model.titel;
  wb.subject = model.onderwerp;
  for (const n of model.namen) wb.definedNames.add(`'${n.blad.replace(/'/g, "''")}'!$${celAdres(n.rij, n.kolom).replace(/(\d+)$/, '$$$$$1')}`, n.naam);
  const groeiend = new Set(
    model.bladen.flatMap((b, i) => (b.rijen.some((r) => r.some((c) => c?.stijl === 'invoerlang')) ? [`xl/worksheets/sheet${i + 1}.xml`] : [])),
  );
  for (const blad of model.bladen) {
    const ws = schrijfBlad(wb, blad);
    // Formulas are protected: every sheet with a formula (or marked beveiligd) is locked except its input cells
    // (invoer: the parameters of a what-if workbook, the answers of the inschrijvingsformulier). No password:
    // anyone may view, and whoever must change a formula can lift the protection without one.
    if (blad.beveiligd || blad.rijen.some((r) => r.some((c) => c?.formule !== undefined)))
      await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true });
    ws.commit();
  }
  await wb.commit();
  await klaar;
  return vasteZip(Buffer.concat(stukken), datum, groeiend);
}

/** One line per non-empty cell: sheet!cell, value, formula, number format. For `git diff` via textconv. */
export async function dumpXlsx(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  // exceljs reads any zip (a .docx, a .zip of photos) as a workbook without sheets; a real workbook has one.
  if (wb.worksheets.length === 0) throw new Error('het zip-archief bevat geen werkblad');
  const regels: string[] = [];
  for (const n of [...wb.definedNames.model].sort((a, b) => vergelijkTekst(a.name, b.name))) regels.push(`naam\t${n.name}\t${n.ranges.join(',')}`);
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (c) => {
        const waarde = c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
        const tekst = waarde === null || waarde === undefined ? '' : typeof waarde === 'object' ? JSON.stringify(waarde) : String(waarde);
        regels.push(`${ws.name}!${c.address}\t${tekst}\t${c.type === ExcelJS.ValueType.Formula ? `=${c.formula}` : ''}\t${c.numFmt ?? ''}`);
      });
    });
  });
  return `${regels.join('\n')}\n`;
}
