/** PDFs laid out in worker threads: the same bytes as in the main thread, in the order asked, and a failure is an error, not a hang. */
import { describe, expect, it } from 'vitest';
import type { Blok, Document } from '../../src/docmodel/document.ts';
import { schrijfPdf } from '../../src/render/pdf.ts';
import { GROOT, PdfWerkers } from '../../src/render/pdf-werkers.ts';

function document(naam: string, blokken: Blok[]): Document {
  return { naam, titel: naam, onderwerp: 'Proef', trefwoorden: ['proef'], regio: 'Regio', gemeenten: [], tariefjaar: 2027, versie: '1', datum: '2026-12-01', vingerafdruk: 'b'.repeat(64), concept: true, statusTekst: 'concept', inhoudsopgave: true, blokken };
}

const tabel = (rijen: number): Blok => ({
  soort: 'tabel',
  kolommen: [{ kop: 'nr', breedte: 40 }, { kop: 'tekst', breedte: '*' }],
  rijen: Array.from({ length: rijen }, (_, i) => ({ cellen: [[[{ tekst: String(i) }]], [[{ tekst: `rij ${i} met ĳ, € en ë` }]]] })),
});

describe('PDF-werkers', () => {
  const klein = document('klein', [{ soort: 'kop', niveau: 1, tekst: 'Klein', inhoud: true }, tabel(20)]);
  // More than GROOT rows in all, so the pool grows to a worker per core.
  const groot = document('groot', [{ soort: 'kop', niveau: 1, tekst: 'Groot', inhoud: true }, tabel(GROOT + 1)]);

  it('geven dezelfde bytes als de hoofdthread, in de gevraagde volgorde', async () => {
    const hier = [await schrijfPdf(klein), await schrijfPdf(groot)];
    const werkers = PdfWerkers.start(2);
    try {
      const gezien: string[] = [];
      const daar = await werkers.render([klein, groot], (d) => gezien.push(d.naam));
      expect(daar[0]!.equals(hier[0]!), 'klein').toBe(true);
      expect(daar[1]!.equals(hier[1]!), 'groot').toBe(true);
      expect(gezien.sort()).toEqual(['groot', 'klein']);
    } finally {
      await werkers.stop();
    }
  }, 60_000);

  it('zonder werkers rendert de hoofdthread zelf', async () => {
    const werkers = PdfWerkers.start(0);
    const [pdf] = await werkers.render([klein]);
    expect(pdf!.equals(await schrijfPdf(klein))).toBe(true);
    await werkers.stop();
  });

  it('een document dat niet te renderen is, geeft een fout met de oorzaak', async () => {
    const kapot = { ...klein, blokken: [{ soort: 'tabel', kolommen: null, rijen: [] }] } as unknown as Document;
    const werkers = PdfWerkers.start(1);
    try {
      await expect(werkers.render([kapot])).rejects.toThrow(/TypeError/);
    } finally {
      await werkers.stop();
    }
  }, 60_000);
});
