/**
 * begrensd and ingekort (src/params/grenzen.ts): every text of a message is bounded, so a hostile or broken set
 * cannot make a message of megabytes. Written for the mutants of src/params/grenzen.ts that no test under
 * test/params reached (issue 14). The expected texts follow from the limits in grenzen.ts: MELDINGLENGTE 600
 * characters per text, a fragment of GRENZEN.fragment (200) characters or up to 40 past the column, and
 * ingekort's form "<start>… (<length with thousands dots> tekens)".
 */
import { describe, expect, it } from 'vitest';
import { begrensd, ingekort } from '../../src/params/grenzen.ts';

const basis = { melding: 'een melding', kolom: 5 };

describe('begrensd', () => {
  it('laat een melding zonder lange tekst ongemoeid (hetzelfde object)', () => {
    const p = { ...basis, verwacht: 'v', gevonden: 'g', hint: 'h', fragment: 'x'.repeat(201) };
    expect(begrensd(p)).toBe(p);
  });

  it('kort elke te lange tekst in tot 600 tekens en noemt de lengte; korte teksten blijven gelijk', () => {
    // 1 234 characters: the first 600, an ellipsis and the length with a thousands dot
    const lang = 'a'.repeat(1234);
    const kort = `${'a'.repeat(600)}… (1.234 tekens)`;
    expect(begrensd({ ...basis, melding: lang, verwacht: 'v', gevonden: 'g', hint: 'h' })).toStrictEqual({ ...basis, melding: kort, verwacht: 'v', gevonden: 'g', hint: 'h' });
    expect(begrensd({ ...basis, verwacht: lang })).toStrictEqual({ ...basis, verwacht: kort });
    expect(begrensd({ ...basis, gevonden: lang })).toStrictEqual({ ...basis, gevonden: kort });
    expect(begrensd({ ...basis, hint: lang })).toStrictEqual({ ...basis, hint: kort });
    // exactly 600 is not too long
    const p = { ...basis, hint: 'b'.repeat(600) };
    expect(begrensd(p)).toBe(p);
  });

  it('een lege of onzichtbare gevonden-waarde wordt zichtbaar gemaakt', () => {
    expect(begrensd({ ...basis, gevonden: '' })).toStrictEqual({ ...basis, gevonden: "'' (niets)" });
    expect(begrensd({ ...basis, gevonden: '   ' })).toStrictEqual({ ...basis, gevonden: "'   ' (alleen spaties)" });
    // more than 20 spaces: the shown value is itself shortened (ingekort to 20)
    expect(begrensd({ ...basis, gevonden: ' '.repeat(25) })).toStrictEqual({ ...basis, gevonden: `'${' '.repeat(20)}… (25 tekens)' (alleen spaties)` });
  });

  it('kort een lange bronregel in tot 200 tekens, of tot 40 tekens voorbij de kolom', () => {
    const regel = 'r'.repeat(300);
    // kolom 5: max(200, 45) = 200 characters, then an ellipsis
    expect(begrensd({ ...basis, fragment: regel })).toStrictEqual({ ...basis, fragment: `${'r'.repeat(200)}…` });
    // kolom 250: max(200, 290) = 290 characters
    expect(begrensd({ ...basis, kolom: 250, fragment: regel })).toStrictEqual({ ...basis, kolom: 250, fragment: `${'r'.repeat(290)}…` });
    // a line of 291 at kolom 250 is one past the limit of 290: kept whole (the ellipsis would save nothing)
    const p = { ...basis, kolom: 250, fragment: 'r'.repeat(291) };
    expect(begrensd(p)).toBe(p);
    const q = { ...basis, kolom: 250, fragment: 'r'.repeat(292) };
    expect(begrensd(q).fragment).toBe(`${'r'.repeat(290)}…`);
  });
});

describe('ingekort', () => {
  it('knipt nooit een surrogaatpaar doormidden', () => {
    // 119 letters, then an emoji (two UTF-16 units: 119 and 120), then 10 letters: 131 units. Cutting at 120
    // would keep half the emoji, so the cut is at 119.
    const s = `${'a'.repeat(119)}😀${'b'.repeat(10)}`;
    expect(s.length).toBe(131);
    expect(ingekort(s)).toBe(`${'a'.repeat(119)}… (131 tekens)`);
    // with the emoji wholly before the cut, it stays
    expect(ingekort(`${'a'.repeat(100)}😀${'b'.repeat(30)}`)).toBe(`${'a'.repeat(100)}😀${'b'.repeat(18)}… (132 tekens)`);
  });
});
