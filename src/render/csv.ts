/**
 * RFC 4180 CSV with a fixed column order and \n line ends: stable bytes for diffs.
 *
 * Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with =, +, -, @, a tab or a
 * carriage return as a formula, so a product name like =HYPERLINK(…) from a set could act when tarieven.csv is
 * opened. Such a field gets a leading apostrophe ('=HYPERLINK(…)) and is quoted; the spreadsheet shows the text.
 * Plain numbers (-1.50) are left as they are. Deterministic: the same text always gives the same field.
 */
const FORMULE_BEGIN = /^[=+\-@\t\r]/;
const GETAL = /^-?\d+(\.\d+)?$/;

export function csvVeld(v: string): string {
  const tekst = FORMULE_BEGIN.test(v) && !GETAL.test(v) ? `'${v}` : v;
  return tekst !== v || /[",\n\r]/.test(tekst) ? `"${tekst.replace(/"/g, '""')}"` : tekst;
}

export function naarCsv<K extends string>(kolommen: readonly K[], rijen: Record<K, string>[]): string {
  const regels = [kolommen.map(csvVeld).join(','), ...rijen.map((r) => kolommen.map((k) => csvVeld(r[k])).join(','))];
  return `${regels.join('\n')}\n`;
}
