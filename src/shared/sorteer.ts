/**
 * The one collation for every sorted list in the outputs: Dutch (CLDR `nl`), fixed here instead of taken from the
 * machine's locale (LC_ALL, LANG), with code-point order as the tie-break so that the order is total. Same input,
 * same order, on every machine: `localeCompare` without a locale is not allowed in src/ (a test checks it).
 */
const COLLATOR = new Intl.Collator('nl', { usage: 'sort', sensitivity: 'variant', numeric: false, ignorePunctuation: false, caseFirst: 'false' });

export function vergelijkTekst(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A sorted copy. */
export function sorteerTekst(lijst: Iterable<string>): string[] {
  return [...lijst].sort(vergelijkTekst);
}

const NUMERIEK = new Intl.Collator('nl', { usage: 'sort', sensitivity: 'variant', numeric: true, caseFirst: 'false' });

/** As vergelijkTekst, but numbers in the text by value: "schaal 9" before "schaal 10". */
export function vergelijkNumeriek(a: string, b: string): number {
  return NUMERIEK.compare(a, b) || vergelijkTekst(a, b);
}
