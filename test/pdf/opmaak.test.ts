/**
 * The layout of the default set's PDFs, read from the text positions (pdftotext -bbox) rather than by eye:
 * - no line ends in "€" (the amount on the next line), and no date breaks over two lines;
 * - a section heading (## in a template) never stands alone at the foot of a page;
 * - no blank page and no page with a single line (such as a table of contents that spills one entry);
 * - one spelling: cao (not CAO) in running text, no-show;
 * - a table continued on the next page repeats its title with the product (the opbouw of the tariefbijlage);
 * - no text smaller than 9 pt (a word box of Roboto is 1.171875 × the font size high: 9 pt gives 10.55);
 * - a table that continues over a page has at least three rows on both sides of the break (test/pdf/opmaak.ts reads
 *   the rows from the gaps between lines), a table of contents never leaves one or two entries on a page, and no
 *   word in a table breaks inside the word; a small document without the renderer's rules shows the checks fail.
 * The documents: the default set's productenboek, tariefbijlage, programma van eisen, addendum and indexation letter.
 *
 * Needs poppler (pdftotext): skipped with a message on a laptop without it, fails in CI.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { maakDocumenten } from '../../src/cli/documenten.ts';
import { gereedschapPad, metGereedschap } from '../gereedschap.ts';
import { voerUit } from '../cli/hulp.ts';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gebrokenWoorden, inhoud, inhoudsopgave, paginas, splitsingen, type Pagina } from './opmaak.ts';
import pdfmake from 'pdfmake';
import { cel, t, type Blok, type Document } from '../../src/docmodel/document.ts';
import { documentDefinitie, schrijfPdf } from '../../src/render/pdf.ts';

/** pdftotext -bbox reads the positions: without poppler these tests skip visibly (laptop) or fail (CI) */
const metPoppler = metGereedschap('poppler');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SET = 'models/voorbeeldregio-2027';

const MAANDEN = /^(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$/;

describe('opmaak van de PDF’s, gelezen uit de tekstposities', () => {
  let docs: Map<string, Pagina[]>;
  beforeAll(async () => {
    docs = new Map();
    if (!gereedschapPad('poppler')) return;
    const { set } = laadParameterset(SET);
    const plan = berekenTarieven(set);
    for (const [naam, buf] of await maakDocumenten(set, plan, { publicatie: false, sjablonen: path.join(ROOT, 'templates'), setMap: SET })) if (naam.endsWith('.pdf')) docs.set(naam, paginas(buf));
    // the indexation letter of the default set: a round to 2028 (as test/pdf/indexatie.test.ts makes it)
    const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-opmaak-ronde-'));
    cpSync(path.join(ROOT, SET), path.join(werk, SET), { recursive: true });
    const r = await voerUit(['indexeer', 'voorbeeldregio-2027', '--naar', '2028', '--versie', '2028.1', '--documentdatum', '2027-11-15'], werk);
    if (r.code !== 0) throw new Error(r.err);
    docs.set('indexatie-2028.pdf', paginas(readFileSync(path.join(werk, 'output/voorbeeldregio-2028/indexatie-2028.pdf'))));
  }, 240_000);

  metPoppler('de documenten van de voorbeeldset: productenboek, tariefbijlage, programma van eisen, addendum en indexatiebrief', () => {
    expect([...docs.keys()].sort()).toEqual(['addendum-zorgboerderij-de-linde.pdf', 'indexatie-2028.pdf', 'productenboek.pdf', 'programma-van-eisen.pdf', 'tariefbijlage.pdf']);
  });

  metPoppler('een tabel die over een pagina doorloopt, heeft aan beide kanten ten minste drie rijen', () => {
    const fout: string[] = [];
    let gezien = 0;
    for (const [naam, ps] of docs)
      for (const x of splitsingen(ps)) {
        gezien++;
        // a table of four or five rows that does not fit on one page cannot keep three on both sides (tall rows)
        if (x.boven + x.onder <= 5 && x.eindigtHier) continue;
        if (x.boven < 3) fout.push(`${naam} p. ${x.pagina - 1}: de tabel begint met ${x.boven} rij(en) onderaan: «${x.kop}»`);
        if (x.eindigtHier && x.onder < 3) fout.push(`${naam} p. ${x.pagina}: de tabel eindigt met ${x.onder} rij(en) alleen: «${x.kop}»`);
      }
    // the default set has tables that continue over a page (product tables, the opbouw of the tariefbijlage)
    expect(gezien).toBeGreaterThan(30);
    expect(fout).toEqual([]);
  });

  metPoppler('een inhoudsopgave laat nooit één of twee regels alleen op een pagina', () => {
    const fout: string[] = [];
    let meer = 0;
    for (const [naam, ps] of docs) {
      const perPagina = inhoudsopgave(ps);
      if (perPagina.length > 1) meer++;
      perPagina.forEach((n, i) => n <= 2 && fout.push(`${naam}: pagina ${i + 1} van de inhoudsopgave heeft ${n} regel(s)`));
    }
    // the productenboek and the tariefbijlage have a table of contents of two pages
    expect(meer).toBeGreaterThanOrEqual(2);
    expect(fout).toEqual([]);
  });

  metPoppler('geen woord breekt midden in een woord in een tabel (zoals «cao Gehandicaptenz» / «org» in een smalle kolom)', () => {
    const fout: string[] = [];
    for (const [naam, ps] of docs) for (const g of gebrokenWoorden(ps)) fout.push(`${naam} ${g}`);
    expect(fout).toEqual([]);
  });

  metPoppler('geen regel eindigt op "€", en geen datum breekt over twee regels', () => {
    const fout: string[] = [];
    for (const [naam, ps] of docs) {
      ps.forEach((p, i) => {
        for (const r of inhoud(p)) {
          // within one cell a wrapped line continues below at about the same x: check each word's successor
          r.woorden.forEach((w, k) => {
            if (k < r.woorden.length - 1) return;
            if (w.tekst === '€') fout.push(`${naam} p. ${i + 1}: "€" aan het eind van «${r.tekst}»`);
          });
          const laatste = r.woorden[r.woorden.length - 1]!.tekst;
          const volgende = p.regels.find((q) => q.y > r.y + 1 && q.y < r.y + 2 * r.h && q.woorden.some((w) => Math.abs(w.x - r.woorden[0]!.x) < 2));
          const eerste = volgende?.woorden.find((w) => Math.abs(w.x - r.woorden[0]!.x) < 2)?.tekst ?? '';
          if ((/^\d{1,2}$/.test(laatste) && MAANDEN.test(eerste)) || (MAANDEN.test(laatste) && /^\d{4}\b/.test(eerste))) fout.push(`${naam} p. ${i + 1}: datum gebroken: «${r.tekst}» / «${volgende!.tekst}»`);
        }
      });
    }
    expect(fout).toEqual([]);
  });

  metPoppler('een paragraafkop staat nooit alleen onderaan een pagina', () => {
    const fout: string[] = [];
    for (const [naam, ps] of docs) {
      ps.forEach((p, i) => {
        const rs = inhoud(p);
        const laatste = rs[rs.length - 1];
        // ## is 12.5 pt (box ≈ 14.6), # 17 pt; body text 9.5 pt (box ≈ 11.1)
        if (i > 0 && laatste && laatste.h > 13.5) fout.push(`${naam} p. ${i + 1}: kop onderaan: «${laatste.tekst}»`);
      });
    }
    expect(fout).toEqual([]);
  });

  metPoppler('geen lege pagina en geen pagina met één regel (zoals een inhoudsopgave die één regel doorloopt)', () => {
    const fout: string[] = [];
    for (const [naam, ps] of docs) ps.forEach((p, i) => i > 0 && inhoud(p).length < 2 && fout.push(`${naam} p. ${i + 1}: ${inhoud(p).length} regel(s): «${inhoud(p).map((r) => r.tekst).join(' / ')}»`));
    expect(fout).toEqual([]);
  });

  metPoppler('een opbouwtabel die doorloopt, herhaalt op de volgende pagina haar titel met het product (of L…, P…)', () => {
    const ps = docs.get('tariefbijlage.pdf')!;
    const fout: string[] = [];
    let doorlopend = 0;
    ps.forEach((p, i) => {
      const rs = inhoud(p);
      // a row of a calculation table names its legal cost element (Bjw 2.3 a … d, Wmo 5.4 a … f) after the step
      const rij = rs.findIndex((r) => /.\b(Bjw 2\.3|Wmo 5\.4) [a-f]\b/.test(r.tekst));
      if (rij < 0) return;
      // the title of the opbouw of a product, or of a personnel cost L1, L2 … or productive hours P1, P2 …
      const titel = [...rs.slice(0, rij)].reverse().find((r) => /^(Opbouw [0-9A-Z]{5} · |[LP]\d+ · )/.test(r.tekst));
      if (!titel) fout.push(`tariefbijlage.pdf p. ${i + 1}: opbouwrijen zonder titel erboven: «${rs[rij]!.tekst}»`);
      else if (rs.indexOf(titel) === 0) doorlopend++;
    });
    // the default set has tables that continue over a page: the check saw some
    expect(doorlopend).toBeGreaterThan(3);
    expect(fout).toEqual([]);
  });

  metPoppler('geen tekst kleiner dan 9 pt, ook niet in tabellen, kop- en voetregel', () => {
    const fout: string[] = [];
    let woorden = 0;
    for (const [naam, ps] of docs)
      ps.forEach((p, i) => {
        for (const r of p.regels)
          for (const w of r.woorden) {
            woorden++;
            if (w.h < 9 * 1.171875 - 0.01) fout.push(`${naam} p. ${i + 1}: ${(w.h / 1.171875).toFixed(1)} pt «${w.tekst}» in «${r.tekst.slice(0, 60)}»`);
          }
      });
    expect(woorden).toBeGreaterThan(10_000);
    expect(fout.slice(0, 20), `${fout.length} woorden onder 9 pt`).toEqual([]);
  });

  metPoppler('één spelling: cao en no-show', () => {
    const fout: string[] = [];
    for (const [naam, ps] of docs)
      ps.forEach((p, i) => {
        for (const r of p.regels) if (/\bCAO\b/.test(r.tekst) || /\bno ?show\b/i.test(r.tekst)) fout.push(`${naam} p. ${i + 1}: «${r.tekst}»`);
      });
    expect(fout).toEqual([]);
  });
});

describe('de opmaakregels kunnen falen: kleine documenten zonder de regels van de renderer', () => {
  const basis: Omit<Document, 'blokken' | 'inhoudsopgave'> = {
    naam: 'proef',
    titel: 'Proef',
    onderwerp: 'opmaak',
    trefwoorden: [],
    regio: 'Proefregio',
    gemeenten: [],
    tariefjaar: 2027,
    versie: '1',
    datum: '2027-01-01',
    vingerafdruk: '0'.repeat(64),
    concept: false,
    statusTekst: 'proef',
  };
  const tabel = (n: number): Document => ({
    ...basis,
    inhoudsopgave: false,
    blokken: [{ soort: 'tabel', titel: 'Proeftabel', kolommen: [{ kop: 'rij', breedte: 80 }, { kop: 'omschrijving', breedte: '*' }], rijen: Array.from({ length: n }, (_, i) => ({ cellen: [cel(`R${i + 1}`), cel(`regel ${i + 1} van de proeftabel`)] })) }],
  });
  const koppen = (n: number): Document => ({
    ...basis,
    inhoudsopgave: true,
    blokken: Array.from({ length: n }, (_, i): Blok[] => [
      { soort: 'kop', niveau: 2, tekst: `Paragraaf ${i + 1}`, inhoud: true },
      { soort: 'alinea', inhoud: [t('Tekst.')] },
    ]).flat(),
  });
  /** pdfmake without the renderer's rule on last rows (no pageBreakBefore): what the tests must catch */
  const zonderRegel = async (doc: Document): Promise<Pagina[]> => {
    await schrijfPdf(doc); // sets the fonts
    const def = documentDefinitie(doc);
    delete (def as { pageBreakBefore?: unknown }).pageBreakBefore;
    return paginas(Buffer.from(await pdfmake.createPdf(def).getBuffer()));
  };

  metPoppler('een tabel die met één rij op de volgende pagina eindigt: de test ziet het, de renderer voorkomt het', async () => {
    // how many rows fill the first page of the flow (page 2, after the cover): one more leaves a single row
    const vol = splitsingen(await zonderRegel(tabel(120)))[0]!.boven;
    const slecht = splitsingen(await zonderRegel(tabel(vol + 1)));
    expect(slecht).toEqual([expect.objectContaining({ boven: vol, onder: 1, eindigtHier: true })]);
    const goed = splitsingen(paginas(await schrijfPdf(tabel(vol + 1))));
    expect(goed).toEqual([expect.objectContaining({ boven: vol - 2, onder: 3, eindigtHier: true })]);
  }, 60_000);

  metPoppler('een inhoudsopgave die twee regels op de volgende pagina zet: de test ziet het, de renderer voorkomt het', async () => {
    const vol = inhoudsopgave(await zonderRegel(koppen(120)))[0]!;
    expect(inhoudsopgave(await zonderRegel(koppen(vol + 2)))).toEqual([vol, 2]);
    expect(inhoudsopgave(paginas(await schrijfPdf(koppen(vol + 2))))).toEqual([vol - 1, 3]);
  }, 60_000);
});
