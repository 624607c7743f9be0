/** Helpers for workbook tests: LibreOffice recalculation and reading formula cells back. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A LibreOffice profile that recalculates every formula on load instead of trusting cached results. */
function profiel(): string {
  const map = mkdtempSync(path.join(tmpdir(), 'tariefbouw-lo-'));
  mkdirSync(path.join(map, 'user'), { recursive: true });
  writeFileSync(
    path.join(map, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return map;
}

/** Removes every cached formula result, so the spreadsheet engine must compute them itself. */
export async function zonderResultaten(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  for (const naam of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(naam)!.async('string');
    zip.file(naam, xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1'));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Recalculates workbooks with LibreOffice headless and returns the recalculated files. */
export function herbereken(soffice: string, bestanden: Record<string, Buffer>): Record<string, Buffer> {
  const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-recalc-'));
  const uitMap = path.join(werk, 'uit');
  const paden = Object.entries(bestanden).map(([naam, buf]) => {
    const p = path.join(werk, naam);
    writeFileSync(p, buf);
    return p;
  });
  execFileSync(soffice, [`-env:UserInstallation=file://${profiel()}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', uitMap, ...paden], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  return Object.fromEntries(Object.keys(bestanden).map((naam) => [naam, readFileSync(path.join(uitMap, naam))]));
}

export interface FormuleCel {
  adres: string;
  formule: string;
  resultaat: unknown;
}

export async function formuleCellen(buf: Buffer): Promise<Map<string, FormuleCel>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const uit = new Map<string, FormuleCel>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) uit.set(`${ws.name}!${c.address}`, { adres: `${ws.name}!${c.address}`, formule: c.formula, resultaat: c.result });
      }),
    ),
  );
  return uit;
}
