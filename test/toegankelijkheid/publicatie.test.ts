/**
 * Accessible publication, checked with the real tools on the fixture set test/fixtures/sets/publicatie (the
 * full test set with every value vastgesteld; fictitious data):
 * - `genereer --publicatie` writes an HTML edition and a tagged PDF of every document, plus index.html;
 * - axe-core (WCAG 2.0/2.1 A and AA rules) in headless Chromium finds 0 violations on every HTML page, at
 *   desktop width and at phone width (360 px: what 200 % zoom of a 720 px window also gives);
 * - every published PDF (qpdf for the object tree, pdf.js for the text): marked, a structure tree, nl-NL,
 *   title shown, pdfuaid in XMP, headings at least as many as the bookmarks and in the same order, every table
 *   with TH and TD, every link with a description, no text outside the structure tree or the artifacts, no
 *   running header, page number or CONCEPT in the text read in structure order, no tagged text under 9 pt;
 * - two builds give the same bytes;
 * - a concept build does not claim tagging, and still writes the HTML edition.
 * Without Chromium or qpdf (or poppler for the PDF information) the checks are skipped with a message on a
 * laptop, and fail in CI (CI=true): test/gereedschap.ts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voerUit } from '../cli/hulp.ts';
import { pdfInfo, pdfTekst } from '../pdf/hulp.ts';
import { htmlTekst, lekken, werkboekTekst } from '../pdf/lekken.ts';
import { dumpXlsx } from '../../src/render/xlsx.ts';
import { beschrijfMet, metGereedschap } from '../gereedschap.ts';
import { axeOp, leesvolgorde, structuur } from './hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-toegankelijk-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));

/** what genereer writes for the fixture set, and the overview indexeer writes for its next round */
const DOCUMENTEN = ['productenboek', 'tariefbijlage', 'programma-van-eisen', 'addendum-kleine-groep', 'indexatie-2027'];
const metPoppler = metGereedschap('poppler');
/** the running header of each document (title, subtitle, region, year), as in the fixture set */
const KOPREGELS: Record<string, string> = {
  productenboek: 'Productenboek · Testregio 2026',
  tariefbijlage: 'Tariefbijlage · Testregio 2026',
  'programma-van-eisen': 'Programma van eisen · Testregio 2026',
  'addendum-kleine-groep': 'Addendum aanbieder-specifiek tarief Zorgboerderij Kleine Groep · Testregio 2026',
  'indexatie-2027': 'Indexatie van de tarieven van 2026 naar 2027 · Testregio 2027',
};

beschrijfMet('chromium', 'qpdf')('genereer --publicatie: HTML-uitgave en getagde PDF', () => {
  const uit = path.join(werk, 'a/publicatie');
  const bestand = (naam: string) => readFileSync(path.join(uit, naam));

  beforeAll(async () => {
    cpSync(path.join(ROOT, 'test/fixtures/sets/publicatie'), path.join(werk, 'models/publicatie'), { recursive: true });
    for (const map of ['a', 'b']) {
      const r = await voerUit(['genereer', 'publicatie', '--publicatie', '--out', map], werk);
      expect(r.code, r.err).toBe(0);
    }
    // the indexation overview: a round on the fixture set with the index figures of volledig-geindexeerd, made
    // vastgesteld here; twice, in two folders (indexeer never overwrites a set)
    for (const map of ['ronde-a', 'ronde-b']) {
      const w = path.join(werk, map);
      cpSync(path.join(ROOT, 'test/fixtures/sets/publicatie'), path.join(w, 'models/publicatie'), { recursive: true });
      // the round needs no procurement data, and the fixture's inkoop.yaml only holds values for 2026
      rmSync(path.join(w, 'models/publicatie/inkoop.yaml'));
      const cijfers = readFileSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml'), 'utf8');
      writeFileSync(path.join(w, 'models/publicatie/indexcijfers.yaml'), cijfers.replace(/status: (illustratief|voorlopig)/g, 'status: vastgesteld'));
      const r = await voerUit(['indexeer', 'publicatie', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15', '--publicatie'], w);
      expect(r.code, r.err).toBe(0);
      cpSync(path.join(w, 'output/publicatie-2027/indexatie-2027.html'), path.join(werk, map === 'ronde-a' ? 'a' : 'b', 'publicatie/indexatie-2027.html'));
      cpSync(path.join(w, 'output/publicatie-2027/indexatie-2027.pdf'), path.join(werk, map === 'ronde-a' ? 'a' : 'b', 'publicatie/indexatie-2027.pdf'));
    }
  }, 300_000);

  it('schrijft voor elk document een webpagina en een PDF, en een index', () => {
    const namen = readdirSync(uit).sort();
    for (const d of DOCUMENTEN) {
      expect(namen).toContain(`${d}.html`);
      expect(namen).toContain(`${d}.pdf`);
    }
    expect(namen).toContain('index.html');
    const index = bestand('index.html').toString('utf8');
    for (const d of DOCUMENTEN.filter((x) => !x.startsWith('indexatie'))) {
      expect(index).toContain(`href="${d}.html"`);
      expect(index).toContain(`href="${d}.pdf"`);
    }
  });

  it('twee builds geven dezelfde bytes', () => {
    const a = readdirSync(uit).sort();
    expect(readdirSync(path.join(werk, 'b/publicatie')).sort()).toEqual(a);
    for (const n of a) expect(bestand(n).equals(readFileSync(path.join(werk, 'b/publicatie', n))), n).toBe(true);
  });

  it('elke webpagina: lang nl, één h1, koppen zonder overgeslagen niveau, tabellen met caption en th scope, springlink, geen externe bronnen', () => {
    for (const d of [...DOCUMENTEN, 'index']) {
      const html = bestand(`${d}.html`).toString('utf8');
      expect(html, d).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
      expect(html.match(/<h1[ >]/g)?.length, d).toBe(1);
      const niveaus = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
      for (let i = 1; i < niveaus.length; i++) expect(niveaus[i]! - niveaus[i - 1]!, `${d}: h${niveaus[i - 1]} → h${niveaus[i]}`).toBeLessThanOrEqual(1);
      const tabellen = html.match(/<table>/g)?.length ?? 0;
      expect(tabellen, d).toBeGreaterThan(0);
      expect(html.match(/<table><caption id="[^"]+">[^<]+<\/caption>/g)?.length, d).toBe(tabellen);
      expect(html, d).not.toMatch(/<th(?![a-z])(?![^>]*scope=)[^>]*>/);
      expect(html).toContain('<a class="sprong" href="#hoofdinhoud">Naar de inhoud</a>');
      expect(html).toContain('<main id="hoofdinhoud"');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/<script|<link /);
      expect(html).not.toContain('CONCEPT');
    }
    // the table of contents links to every heading that is in it
    const boek = bestand('productenboek.html').toString('utf8');
    const toc = /<nav class="inhoud"[^]*?<\/nav>/.exec(boek)![0];
    const doelen = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(doelen.length).toBeGreaterThan(5);
    for (const id of doelen) expect(boek).toMatch(new RegExp(`<h[2-5] id="${id}"`));
  });

  it('de lektest (test/pdf/lekken.ts) op de gepubliceerde uitgave: geen YAML-sleutel, pad, bestand:regel of optie in een webpagina of werkboek', async () => {
    const teksten: [string, string][] = [];
    for (const d of [...DOCUMENTEN, 'index']) teksten.push([`${d}.html`, htmlTekst(bestand(`${d}.html`).toString('utf8'))]);
    // every workbook a provider gets (begroting.xlsx is the region's own)
    for (const n of readdirSync(uit).filter((x) => x.endsWith('.xlsx') && x !== 'begroting.xlsx')) teksten.push([n, werkboekTekst(await dumpXlsx(bestand(n)))]);
    expect(teksten.map(([n]) => n)).toEqual(expect.arrayContaining(['productenboek.html', 'tariefbijlage.html', 'programma-van-eisen.xlsx', 'tariefbijlage.xlsx', 'indexatie-2027.html']));
    expect(teksten.flatMap(([n, t]) => lekken(n, t))).toEqual([]);
  });

  metPoppler('de lektest op de getagde PDF\'s van de gepubliceerde uitgave: hun eigen tekst voegt de kaft en de lopende regels toe', () => {
    const teksten = DOCUMENTEN.map((d) => [`${d}.pdf`, pdfTekst(bestand(`${d}.pdf`)).join('\n')] as const);
    for (const [n, t] of teksten) expect(t.length, n).toBeGreaterThan(500);
    expect(teksten.flatMap(([n, t]) => lekken(n, t))).toEqual([]);
  });

  it('axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa): 0 overtredingen op elke webpagina, ook op telefoonbreedte', async () => {
    const uitslag = await axeOp([...DOCUMENTEN, 'index'].map((d) => ({ naam: d, html: bestand(`${d}.html`).toString('utf8') })));
    expect(uitslag.size).toBe((DOCUMENTEN.length + 1) * 2);
    for (const [naam, u] of uitslag) {
      expect(u.overtredingen, `${naam}: ${JSON.stringify(u.overtredingen, null, 1)}`).toEqual([]);
      // axe looked at something: contrast, lang, headings, tables, links …
      expect(u.geslaagd, naam).toBeGreaterThan(10);
    }
  }, 240_000);

  it.each(DOCUMENTEN)('%s.pdf: structuurboom, taal, titel, PDF/UA-kenmerk, tabellen met TH en TD, links met beschrijving', (d) => {
    const s = structuur(bestand(`${d}.pdf`));
    expect(s.marked).toBe(true);
    expect(s.structTreeRoot).toBe(true);
    expect(s.lang).toBe('nl-NL');
    expect(s.displayDocTitle).toBe(true);
    expect(s.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(s.xmp).toContain('<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>');
    expect(s.xmp).toMatch(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">[^<]+<\/rdf:li><\/rdf:Alt><\/dc:title>/);
    expect(s.elementen[0]).toBe('Document');
    expect(s.elementen.filter((e) => e === 'H1')).toHaveLength(1);
    for (const e of ['P', 'H2', 'Table', 'TR', 'TH', 'TD']) expect(s.elementen, e).toContain(e);
    expect(s.tabellen.length).toBeGreaterThan(0);
    for (const [i, t] of s.tabellen.entries()) {
      expect(t.th, `tabel ${i + 1}`).toBeGreaterThan(0);
      expect(t.td, `tabel ${i + 1}`).toBeGreaterThan(0);
    }
    expect(s.linkAnnotaties).toBeGreaterThan(0);
    expect(s.linksZonderBeschrijving).toBe(0);
    expect(s.elementen.filter((e) => e === 'Link').length).toBe(s.linkAnnotaties);
  });

  metPoppler('elke PDF zoals poppler hem leest: getagd, PDF 1.7', () => {
    for (const d of DOCUMENTEN) expect(pdfInfo(bestand(`${d}.pdf`)), d).toMatchObject({ Tagged: 'yes', 'PDF version': '1.7' });
  });

  it.each(DOCUMENTEN)('%s.pdf: koppen volgen de bladwijzers; in structuurvolgorde geen kopregel, paginanummer of CONCEPT; geen tekst onder 9 pt', async (d) => {
    const pdf = bestand(`${d}.pdf`);
    const s = structuur(pdf);
    const l = await leesvolgorde(pdf);
    expect(s.bladwijzers.length).toBeGreaterThan(2);
    expect(l.koppen.length).toBeGreaterThanOrEqual(s.bladwijzers.length);
    // every bookmark is a heading, in the same order
    let j = 0;
    for (const b of s.bladwijzers) {
      while (j < l.koppen.length && l.koppen[j]!.tekst !== b.trim()) j++;
      expect(j, `bladwijzer ${b} niet als kop (op volgorde) gevonden`).toBeLessThan(l.koppen.length);
      j++;
    }
    expect(l.ongemarkeerd).toEqual([]);
    // pdf.js splits text at ligatures (de|fi|nitief): compare without spaces
    const zonderWit = (x: string) => x.replace(/\s+/g, '');
    const kopregel = zonderWit(KOPREGELS[d]!);
    const structuurtekst = zonderWit(l.tekst);
    expect(structuurtekst).not.toMatch(/pagina\d+van\d+/);
    // the round has its own version (indexeer --versie 2027.1), the other documents the set's version 1
    const versieregel = d.startsWith('indexatie') ? 'versie2027.1·definitief' : 'versie1·definitief';
    expect(structuurtekst).not.toContain(versieregel);
    expect(structuurtekst).not.toContain(kopregel);
    expect(structuurtekst).not.toContain('CONCEPT');
    // the running header and footer are there, as artifacts, from page 2 on
    const artefacten = zonderWit(l.artefacten.join(''));
    expect(artefacten.split(versieregel).length - 1).toBe(s.paginas - 1);
    expect(artefacten.split(kopregel).length - 1).toBe(s.paginas - 1);
    expect(artefacten).toContain(`pagina${s.paginas}van${s.paginas}`);
    expect(l.kleinsteLetter).toBeGreaterThanOrEqual(8.99);
    expect(l.tekst.length).toBeGreaterThan(500);
  });
});


describe('genereer zonder --publicatie', () => {
  let gebouwd: Promise<string> | undefined;
  /** The fixture set built once without --publicatie; the folder of its documents. */
  const concept = () =>
    (gebouwd ??= (async () => {
      cpSync(path.join(ROOT, 'test/fixtures/sets/publicatie'), path.join(werk, 'models/publicatie'), { recursive: true });
      const r = await voerUit(['genereer', 'publicatie', '--out', 'concept'], werk);
      expect(r.code, r.err).toBe(0);
      return path.join(werk, 'concept/publicatie');
    })());
  const CONCEPTEN = DOCUMENTEN.filter((x) => !x.startsWith('indexatie'));

  it('schrijft ook de HTML-uitgave, met CONCEPT; de PDF claimt geen tagging en geen PDF/UA', async () => {
    const map = await concept();
    for (const d of CONCEPTEN) {
      const html = readFileSync(path.join(map, `${d}.html`), 'utf8');
      expect(html).toContain('<p class="concept">CONCEPT: niet publiceren</p>');
      expect(html).toMatch(/<title>CONCEPT /);
      const pdf = readFileSync(path.join(map, `${d}.pdf`));
      expect(pdf.includes('/StructTreeRoot')).toBe(false);
      expect(pdf.includes('pdfuaid')).toBe(false);
      expect(pdf.includes('/Marked true')).toBe(false);
    }
  }, 120_000);

  metPoppler('poppler leest de concept-PDF als niet getagd', async () => {
    const map = await concept();
    for (const d of CONCEPTEN) expect(pdfInfo(readFileSync(path.join(map, `${d}.pdf`))).Tagged, d).toBe('no');
  }, 120_000);
});
