/** The PDF renderer on its own: nothing is lost, metadata stays valid, fonts carry Dutch characters. */
import { describe, expect } from 'vitest';
import type { Document } from '../../src/docmodel/document.ts';
import { schrijfPdf } from '../../src/render/pdf.ts';
import { metGereedschap } from '../gereedschap.ts';
import { pdfInfo, pdfTekst, plat } from './hulp.ts';

const metPoppler = metGereedschap('poppler');

function document(blokken: Document['blokken'], extra: Partial<Document> = {}): Document {
  return { naam: 'proef', titel: 'Proef', onderwerp: 'Proef', trefwoorden: ['proef'], regio: 'Regio', gemeenten: [], tariefjaar: 2027, versie: '1', datum: '2026-12-01', vingerafdruk: 'a'.repeat(64), concept: true, statusTekst: 'concept', inhoudsopgave: false, blokken, ...extra };
}

describe('PDF-renderer', () => {
  metPoppler('een tabelrij die hoger is dan een pagina gaat niet verloren', async () => {
    const lang = Array.from({ length: 160 }, (_, i) => `regel${i}`).join(' met een paar woorden ertussen ');
    const pdf = await schrijfPdf(document([{ soort: 'tabel', kolommen: [{ kop: 'a', breedte: 80 }, { kop: 'b', breedte: '*' }], rijen: [{ cellen: [[[{ tekst: 'lang' }]], [[{ tekst: lang }]]] }, { cellen: [[[{ tekst: 'na' }]], [[{ tekst: 'EINDE' }]]] }] }]));
    const t = plat(pdfTekst(pdf).join('\n'));
    for (let i = 0; i < 160; i++) expect(t).toContain(`regel${i} `);
    expect(t).toContain('EINDE');
  });

  metPoppler('tekens als & en < in de metadata maken de XMP niet ongeldig', async () => {
    const pdf = await schrijfPdf(document([{ soort: 'alinea', inhoud: [{ tekst: 'ĳs € 12,50 é ë' }] }], { regio: 'Noord & Zuid <test>' }));
    expect(pdfInfo(pdf).Title).toBe('Proef Noord en Zuid test 2027');
    const ruw = pdf.toString('latin1');
    const xmp = ruw.slice(ruw.indexOf('<x:xmpmeta'), ruw.indexOf('</x:xmpmeta>'));
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)|<test>/);
    expect(plat(pdfTekst(pdf).join(' '))).toContain('ĳs € 12,50 é ë');
  });

  metPoppler('zonder concept geen CONCEPT-merk', async () => {
    const pdf = await schrijfPdf(document([{ soort: 'kop', niveau: 1, tekst: 'Hoofdstuk', inhoud: true }, { soort: 'alinea', inhoud: [{ tekst: 'tekst' }] }], { concept: false, statusTekst: 'gepubliceerd' }));
    for (const p of pdfTekst(pdf)) expect(p).not.toContain('CONCEPT');
  });
});
