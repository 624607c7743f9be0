/** PDFs laid out in worker threads: the same bytes as in this thread, in the order asked, and a failure is an error, not a hang. */
import { describe, expect, it } from 'vitest';
import type { Blok, Document } from '../../src/docmodel/document.ts';
import { schrijfPdf } from '../../src/render/pdf.ts';
import { GROOT, schrijfPdfs } from '../../src/render/pdf-werkers.ts';

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
  // More than GROOT rows in all, so the documents go to the workers.
  const groot = document('groot', [{ soort: 'kop', niveau: 1, tekst: 'Groot', inhoud: true }, tabel(GROOT + 1)]);

  it('geven dezelfde bytes als deze thread, in de gevraagde volgorde', async () => {
    const hier = [await schrijfPdf(klein), await schrijfPdf(groot)];
    const gezien: string[] = [];
    const daar = await schrijfPdfs([klein, groot], (d) => gezien.push(d.naam), 2);
    expect(daar[0]!.equals(hier[0]!), 'klein').toBe(true);
    expect(daar[1]!.equals(hier[1]!), 'groot').toBe(true);
    expect(gezien.sort()).toEqual(['groot', 'klein']);
  }, 60_000);

  it('een kleine set (in deze thread gerenderd) geeft dezelfde bytes', async () => {
    const [pdf] = await schrijfPdfs([klein], undefined, 2);
    expect(pdf!.equals(await schrijfPdf(klein))).toBe(true);
  });

  it('een document dat niet te renderen is, geeft een fout met de oorzaak', async () => {
    const kapot = { ...groot, blokken: [...groot.blokken, { soort: 'tabel', kolommen: null, rijen: [] }] } as unknown as Document;
    await expect(schrijfPdfs([kapot], undefined, 1)).rejects.toThrow(/TypeError/);
  }, 60_000);
});
