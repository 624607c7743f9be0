/**
 * Thin adapter from the workbook model to exceljs. Decimals become numbers
 * only here; the zip is rewritten with fixed entry dates so two builds are
 * byte-identical.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Decimal } from '../shared/decimal.ts';
import { celAdres, type Blad, type Cel, type Formaat, type Werkboek } from '../docmodel/werkboek.ts';

const FORMATEN: Record<Formaat, string> = {
  tekst: '@',
  euro: '[$€-413] #,##0.00;[$€-413] -#,##0.00',
  euro4: '[$€-413] #,##0.0000;[$€-413] -#,##0.0000',
  procent: '0.00" %"',
  getal: '#,##0.00',
  getal4: '#,##0.0000',
  uren: '#,##0.00" uur"',
  aantal: '#,##0.####',
};

const GEEL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const GRIJS: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const LICHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const ROOD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };

function alsGetal(d: Decimal | string): number | string {
  return typeof d === 'string' ? d : d.toNumber();
}

const LETTER = { name: 'Arial', size: 10 } as const;

function zetCel(c: ExcelJS.Cell, cel: Cel) {
  c.font = LETTER;
  if (cel.formule !== undefined) {
    c.value = { formula: cel.formule, result: cel.resultaat === undefined ? undefined : alsGetal(cel.resultaat) } as ExcelJS.CellFormulaValue;
  } else if (cel.waarde !== undefined) {
    c.value = alsGetal(cel.waarde);
  }
  if (cel.formaat && cel.formaat !== 'tekst') c.numFmt = FORMATEN[cel.formaat];
  switch (cel.stijl) {
    case 'invoer':
      c.fill = GEEL;
      c.font = { ...LETTER, color: { argb: 'FF1F4E9B' } };
      c.protection = { locked: false };
      break;
    case 'kop':
      c.font = { ...LETTER, bold: true };
      break;
    case 'blokkop':
      c.font = { ...LETTER, bold: true };
      c.fill = LICHT;
      break;
    case 'tarief':
      c.font = { ...LETTER, bold: true };
      break;
    case 'uitleg':
      c.font = { ...LETTER, color: { argb: 'FF595959' } };
      break;
    case 'concept':
      c.font = { ...LETTER, bold: true, color: { argb: 'FF9C0006' } };
      c.fill = ROOD;
      break;
    default:
  }
}

function schrijfBlad(wb: ExcelJS.Workbook, blad: Blad) {
  const koprij = (blad.titel?.length ?? 0) + 1;
  const ws = wb.addWorksheet(blad.naam, {
    views: [{ state: 'frozen', xSplit: blad.bevriesKolommen ?? 0, ySplit: koprij }],
    pageSetup: {
      orientation: blad.liggend ? 'landscape' : 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${(blad.voettekst ?? blad.naam).replace(/&/g, '&&')}&Rpagina &P van &N` },
  });
  ws.pageSetup.printTitlesRow = `${koprij}:${koprij}`;
  blad.titel?.forEach((t, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.font = i === 0 ? { ...LETTER, bold: true, size: 13 } : t === 'CONCEPT' ? { ...LETTER, bold: true, size: 13, color: { argb: 'FF9C0006' } } : { ...LETTER, italic: true };
  });
  blad.kolommen.forEach((k, i) => {
    const col = ws.getColumn(i + 1);
    col.width = k.breedte;
    const c = ws.getCell(koprij, i + 1);
    c.value = k.kop;
    c.font = { ...LETTER, bold: true };
    c.fill = GRIJS;
    c.alignment = { vertical: 'middle', wrapText: true };
    c.border = { bottom: { style: 'thin' } };
  });
  blad.rijen.forEach((rij, r) => {
    rij.forEach((cel, k) => {
      if (cel) zetCel(ws.getCell(koprij + 1 + r, k + 1), cel);
    });
  });
  if (blad.autofilter && blad.rijen.length) ws.autoFilter = { from: celAdres(koprij, 1), to: celAdres(koprij + blad.rijen.length, blad.kolommen.length) };
  for (const kl of blad.keuzelijsten ?? []) {
    for (let r = 0; r < blad.rijen.length; r++) {
      ws.getCell(koprij + 1 + r, kl.kolom).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${kl.opties.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Ongeldig antwoord',
        error: `Kies ${kl.opties.join(' of ')}`,
      };
    }
  }
  return ws;
}

/** Fixed entry dates in the zip: exceljs stamps "now" on every entry. */
async function vasteZip(buf: Buffer, datum: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const uit = new JSZip();
  for (const naam of Object.keys(zip.files).sort()) {
    const f = zip.files[naam]!;
    if (f.dir) continue;
    uit.file(naam, await f.async('uint8array'), { date: datum, createFolders: false });
  }
  return uit.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

export async function schrijfXlsx(model: Werkboek): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const datum = new Date(`${model.datum}T00:00:00Z`);
  wb.creator = model.maker;
  wb.lastModifiedBy = model.maker;
  wb.created = datum;
  wb.modified = datum;
  wb.title = model.titel;
  wb.subject = model.onderwerp;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const blad of model.bladen) {
    const ws = schrijfBlad(wb, blad);
    if (blad.beveiligd) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true });
  }
  for (const n of model.namen) wb.definedNames.add(`'${n.blad.replace(/'/g, "''")}'!$${celAdres(n.rij, n.kolom).replace(/(\d+)$/, '$$$1')}`, n.naam);
  return vasteZip(Buffer.from(await wb.xlsx.writeBuffer()), datum);
}

/** One line per non-empty cell: sheet!cell, value, formula, number format. For `git diff` via textconv. */
export async function dumpXlsx(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const regels: string[] = [];
  for (const n of [...wb.definedNames.model].sort((a, b) => a.name.localeCompare(b.name))) regels.push(`naam\t${n.name}\t${n.ranges.join(',')}`);
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
