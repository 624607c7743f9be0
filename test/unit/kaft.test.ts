/**
 * The cover states the same facts in every edition: one list in the document model (kaftFeiten), used by the PDF
 * and the web page. Expected values: the document's own fields and the version in package.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kaftFeiten, type Document } from '../../src/docmodel/document.ts';
import { schrijfHtml } from '../../src/render/html.ts';

const versie = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')).version as string;

const doc: Document = {
  naam: 'tariefbijlage',
  titel: 'Tariefbijlage',
  onderwerp: 'Tarieven',
  trefwoorden: [],
  gemeenten: ['Aalsterveen', 'Bredehoek'],
  statusTekst: 'Concept',
  inhoudsopgave: false,
  regio: 'Regio Proef',
  tariefjaar: 2027,
  versie: '2027.1',
  datum: '2026-11-15',
  concept: true,
  vingerafdruk: 'abc123def456',
  liggend: false,
  blokken: [],
};

describe('kaft', () => {
  it('noemt regio, tariefjaar, versie, datum, status, vingerafdruk en de versie van tariefbouw, in die volgorde', () => {
    expect(kaftFeiten(doc)).toEqual([
      ['Regio', 'Regio Proef'],
      ['Tariefjaar', '2027'],
      ['Versie', '2027.1'],
      ['Datum', '15 november 2026'],
      ['Status', 'CONCEPT'],
      ['Vingerafdruk', 'abc123def456'],
      ['Gemaakt met', `tariefbouw ${versie}`],
    ]);
  });

  it('de webpagina toont elk feit van de kaft', () => {
    const html = schrijfHtml(doc);
    for (const [label, waarde] of kaftFeiten(doc)) expect(html).toContain(`<dt>${label}</dt><dd>${waarde}</dd>`);
  });
});
