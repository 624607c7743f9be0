/** RFC 4180 CSV with a fixed column order and \n line ends: stable bytes for diffs. */
function veld(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function naarCsv<K extends string>(kolommen: readonly K[], rijen: Record<K, string>[]): string {
  const regels = [kolommen.join(','), ...rijen.map((r) => kolommen.map((k) => veld(r[k])).join(','))];
  return `${regels.join('\n')}\n`;
}
