/**
 * The layout of the default set's PDFs, read from the text positions (pdftotext -bbox) rather than by eye:
 * - no line ends in "€" (the amount on the next line), and no date breaks over two lines;
 * - a section heading (## in a template) never stands alone at the foot of a page;
 * - no blank page and no page with a single line (such as a table of contents that spills one entry);
 * - one spelling: cao (not CAO) in running text, no-show;
 * - a table continued on the next page repeats its title with the product (the opbouw of the tariefbijlage);
 * - no text smaller than 9 pt (a word box of Roboto is 1.171875 × the font size high: 9 pt gives 10.55).
 *
 * Needs poppler (pdftotext): skipped with a message on a laptop without it, fails in CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { maakDocumenten } from '../../src/cli/documenten.ts';
import { gereedschapPad, metGereedschap } from '../gereedschap.ts';

/** pdftotext -bbox reads the positions: without poppler these tests skip visibly (laptop) or fail (CI) */
const metPoppler = metGereedschap('poppler');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SET = 'models/voorbeeldregio-2027';

interface Woord {
  x: number;
  y: number;
  /** Height of the word box: the font size × about 1.17 for Roboto. */
  h: number;
  tekst: string;
}
interface Regel {
  y: number;
  h: number;
  woorden: Woord[];
  tekst: string;
}
interface Pagina {
  hoogte: number;
  regels: Regel[];
}

/** Every page as lines of words (words on the same baseline, left to right), from pdftotext -bbox. */
export function paginas(pdf: Buffer): Pagina[] {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'tariefbouw-opmaak-')), 'doc.pdf');
  writeFileSync(f, pdf);
  const xml = execFileSync('pdftotext', ['-bbox', f, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const uit: Pagina[] = [];
  for (const p of xml.split('<page ').slice(1)) {
    const hoogte = Number(/height="([\d.]+)"/.exec(p)![1]);
    const woorden: Woord[] = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[3]), h: Number(m[3]) - Number(m[2]), tekst: m[4]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') }))
      // the CONCEPT watermark: huge, rotated letters
      .filter((w) => w.h < 40);
    const regels: Regel[] = [];
    for (const w of [...woorden].sort((a, b) => a.y - b.y || a.x - b.x)) {
      const r = regels.find((x) => Math.abs(x.y - w.y) < 1.5);
      if (r) r.woorden.push(w);
      else regels.push({ y: w.y, h: 0, woorden: [w], tekst: '' });
    }
    for (const r of regels) {
      r.woorden.sort((a, b) => a.x - b.x);
      r.h = Math.max(...r.woorden.map((w) => w.h));
      r.tekst = r.woorden.map((w) => w.tekst).join(' ');
    }
    uit.push({ hoogte, regels: regels.sort((a, b) => a.y - b.y) });
  }
  return uit;
}

/** The lines between the running header and footer. */
const inhoud = (p: Pagina) => p.regels.filter((r) => r.y > 60 && r.y < p.hoogte - 45);
/** Lines as a reader follows them within a column of text: the next line below that starts left of this one's end. */
const MAANDEN = /^(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$/;

describe('opmaak van de PDF’s, gelezen uit de tekstposities', () => {
  let docs: Map<string, Pagina[]>;
  beforeAll(async () => {
    docs = new Map();
    if (!gereedschapPad('poppler')) return;
    const { set } = laadParameterset(SET);
    const plan = berekenTarieven(set);
    for (const [naam, buf] of await maakDocumenten(set, plan, { publicatie: false, sjablonen: path.join(ROOT, 'templates'), setMap: SET })) if (naam.endsWith('.pdf')) docs.set(naam, paginas(buf));
  }, 120_000);

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
