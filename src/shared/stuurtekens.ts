/**
 * Control characters from a set (ESC, CR, a line or paragraph separator, bidirectional overrides) must not reach a
 * terminal or CI log as themselves: they could move the cursor, hide a line or reorder text. Every text the CLI
 * writes goes through `zichtbaar`, which shows such a character as its code (\u001b). Newline and tab stay.
 */
// C0 except \t and \n, DEL, C1, U+2028/2029, bidi embeddings/overrides/isolates, zero-width no-break BOM
// eslint-disable-next-line no-control-regex
const STUURTEKEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function zichtbaar(s: string): string {
  return s.replace(STUURTEKEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
