/**
 * Text from a set reaches a document as the literal text that was written (issue 8): whatever string is placed in
 * a template field, the document holds exactly that string (after mdNormaal: line breaks become a space, white
 * space at the ends goes) and no structure arises from it: no list, rule, heading, code block, link or emphasis.
 * A property test over arbitrary Unicode and over strings built from Markdown's own characters, in every kind of
 * place a template can put a field, plus the cases from the issue by name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mdNormaal, renderSjabloon } from '../../src/render/sjablonen.ts';
import type { Blok, Tekst } from '../../src/docmodel/document.ts';

/** A template with one field, and the text around it that the document must show. */
const PLEKKEN: { sjabloon: string; voor: string; na: string }[] = [
  { sjabloon: '{{x}}', voor: '', na: '' },
  { sjabloon: 'Tekst {{x}} eind.', voor: 'Tekst ', na: ' eind.' },
  { sjabloon: 'Eerste regel\n{{x}}', voor: 'Eerste regel ', na: '' },
  { sjabloon: '{{x}}\nvolgende regel', voor: '', na: ' volgende regel' },
  { sjabloon: '# {{x}}', voor: '', na: '' },
  { sjabloon: '## Kop {{x}}', voor: 'Kop ', na: '' },
  { sjabloon: '- {{x}}', voor: '', na: '' },
  { sjabloon: '1. {{x}}', voor: '', na: '' },
  { sjabloon: '> {{x}}', voor: '', na: '' },
  { sjabloon: '**{{x}}**', voor: '', na: '' },
  { sjabloon: '*{{x}}*', voor: '', na: '' },
  { sjabloon: '| kop |\n|---|\n| {{x}} |', voor: 'kop', na: '' },
  { sjabloon: '{{#each l}}\n- {{this}}\n{{/each}}', voor: '', na: '' },
];

function tekstVan(inhoud: Tekst[]): string {
  return inhoud.map((t) => t.tekst).join('');
}

/** All text of the blocks, in reading order; structure besides the template's own fails the test. */
function tekst(blokken: Blok[]): string {
  return blokken
    .map((b) => {
      switch (b.soort) {
        case 'alinea':
          return tekstVan(b.inhoud);
        case 'kop':
          return b.tekst;
        case 'lijst':
          return b.items.map(tekst).join('');
        case 'kader':
          return tekst(b.blokken);
        case 'tabel':
          return b.kolommen.map((k) => k.kop).join('') + b.rijen.map((r) => r.cellen.map((c) => c.map(tekstVan).join('')).join('')).join('');
        default:
          throw new Error(`onverwacht blok ${b.soort}`);
      }
    })
    .join('');
}

function opmaak(blokken: Blok[]): Tekst[] {
  return blokken.flatMap((b) => (b.soort === 'alinea' ? b.inhoud : b.soort === 'lijst' ? b.items.flatMap(opmaak) : b.soort === 'kader' ? opmaak(b.blokken) : []));
}

function controleer(x: string) {
  const verwacht = mdNormaal(x);
  if (verwacht === '') return; // an empty value leaves the template's own text (and **** is the template's rule)
  for (const p of PLEKKEN) {
    const blokken = renderSjabloon({ bestand: 'test.md.hbs', tekst: p.sjabloon }, { x, l: [x] }, {});
    expect(tekst(blokken), `${p.sjabloon} met ${JSON.stringify(x)}`).toBe(`${p.voor}${verwacht}${p.na}`);
    // no link and no extra emphasis from the value
    for (const t of opmaak(blokken)) expect(t.link, p.sjabloon).toBeUndefined();
    // the template's own structure only: one block (a table, list, heading, quote or paragraph)
    expect(blokken.length, `${p.sjabloon} met ${JSON.stringify(x)}`).toBe(1);
  }
}

const MARKDOWN = fc.string({
  unit: fc.constantFrom('#', '-', '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '|', '\\', '&', ';', '1', '3', '.', ' ', '    ', '\n', '\t', '=', '+', '~', 'https://', 'www.', '@', 'a', 'x', ':', '/', '{', '}', '"', "'", '^', '$', '%', '\r', '\u2028', 'amp', 'é'),
  maxLength: 40,
});

describe('waarden uit de set staan letterlijk in het document', () => {
  it.each([
    '    ingesprongen met vier spaties',
    '3. Alleen voor cliënten met een indicatie',
    '1) eerste',
    '---',
    '***',
    '___',
    '=== onderstreept',
    'zie https://example.org/pad_met_liggende_streep en www.example.org',
    'mail info@example.org',
    '<b>vet</b> <!-- opmerking -->',
    '&amp; &lt; &#35;',
    '![plaatje](x.png) [link](https://x)',
    '**vet** _schuin_ `code` ~~weg~~',
    '# geen kop',
    '> geen citaat',
    '| geen | tabel |',
    'eindigt op backslash \\',
    'regel\nmet\r\neinden\u2028en',
    '  spaties aan de randen  ',
    'a  twee spaties',
    'nul\u0000teken en \u001b escape',
  ])('%j', (x) => controleer(x));

  it('eigenschap: willekeurige Unicode-tekst', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), controleer), { numRuns: 150, seed: 8 });
  });

  it('eigenschap: willekeurige codepunten, ook stuurtekens', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), controleer), { numRuns: 150, seed: 8 });
  });

  it('eigenschap: tekst uit de tekens van Markdown zelf', () => {
    fc.assert(fc.property(MARKDOWN, controleer), { numRuns: 400, seed: 8 });
  });
});
