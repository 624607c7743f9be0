/**
 * indexatie-<jaar>.pdf from `tariefbouw indexeer`, read as a provider (and poppler) would: every product
 * code, old and new tariffs, the index percentages and the OVA/PPC figures with their sources, products in
 * components; CONCEPT and "pagina X van Y" on every page, the table of contents against the bookmarks;
 * two runs give the same bytes; --publicatie and a template error write nothing.
 *
 * Needs poppler-utils: without it the reading tests are skipped on a laptop, but fail in CI (CI=true).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { euro } from '../../src/shared/format.ts';
import { gereedschapPad, metGereedschap } from '../gereedschap.ts';
import { bladwijzers, pdfInfo, pdfTekst, pdfTekstOpmaak, plat, type Bladwijzer } from './hulp.ts';
import { voerUit } from '../cli/hulp.ts';

const metPoppler = metGereedschap('poppler');
/** --publicatie prints the tagged PDF in Chromium */
const metChromium = metGereedschap('chromium');
const metChromiumEnPoppler = metGereedschap('chromium', 'poppler');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-indexatie-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], cwd: string) => voerUit(args, cwd);

/** A working folder with the test set and the index figures of volledig-geindexeerd (44A01 in components). */
function testWerk(naam: string, aanpassen?: (tekst: string) => string): string {
  const werk = path.join(tmp, naam);
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/volledig'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml'), path.join(werk, 'models/volledig/indexcijfers.yaml'));
  if (aanpassen) {
    const alle = (map: string): string[] => readdirSync(map, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? alle(path.join(map, e.name)) : [path.join(map, e.name)]));
    for (const f of alle(path.join(werk, 'models/volledig'))) writeFileSync(f, aanpassen(readFileSync(f, 'utf8')));
  }
  return werk;
}

const alleBladwijzers = (l: Bladwijzer[]): Bladwijzer[] => l.flatMap((b) => [b, ...alleBladwijzers(b.kinderen)]);

describe('indexatie-<jaar>.pdf van de testset (met een product in componenten)', () => {
  const werk = testWerk('test');
  let pdf: Buffer;
  let tekst: string;

  beforeAll(async () => {
    const r = await run(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk);
    expect(r.code, r.err).toBe(0);
    // all of genereer's output for the new set, with the overview (PDF, web page, Markdown, workbook)
    for (const f of ['indexatie-2027.pdf', 'indexatie-2027.html', 'indexatie-2027.md', 'indexatie-2027.xlsx', 'tarieven.csv']) expect(r.err).toContain(f);
    expect(r.err).toContain('(documenten als CONCEPT)');
    pdf = readFileSync(path.join(werk, 'output/volledig-2027/indexatie-2027.pdf'));
    // without poppler the reading tests below skip (laptop) or fail (CI) through metPoppler
    if (gereedschapPad('poppler')) tekst = plat(pdfTekst(pdf).join('\n'));
  }, 60_000);

  metPoppler('elke productcode, en per tarief het oude en het nieuwe bedrag', () => {
    const { set } = laadParameterset(path.join(werk, 'models/volledig-2027'));
    const nieuw = berekenTarieven(set);
    for (const p of set.producten) expect(tekst, p.code).toContain(`${p.code} ${plat(p.naam)}`);
    // sent to every provider: the aanbieder-specifiek tarief stays in its addendum (inkoop.yaml aanbieder_specifieke_tarieven)
    for (const x of nieuw.tarieven.filter((y) => y.variantSoort !== 'aanbieder')) expect(tekst, `${x.product}/${x.variant}`).toContain(euro(x.tarief));
    expect(tekst).not.toContain('Kleine Groep');
    // a few rows as a reader sees them, one line per variant: old tariff, (per hour), index, new tariff, (per hour)
    const regels = pdfTekstOpmaak(pdf).join('\n').split('\n').map((r) => r.replace(/\s+/g, ' ').trim());
    const rij = (r: string) => expect(regels.filter((x) => x.endsWith(r)), r).toHaveLength(1);
    // at 9 pt the product name wraps after its first word (45A01 Ambulante / jeugdhulp hbo)
    rij('45A01 Ambulante Basistarief € 1,26 € 75,60 6,30 % (I1) € 1,34 € 80,40 illustratief');
    rij('CAO Alfa (maandtabel) € 1,28 € 76,80 6,30 % (I1) € 1,36 € 81,60 illustratief');
    rij('CAO Beta (uurtabel) € 36,00 5,91 % (I2) € 38,13 illustratief');
    rij('44A01 Logeren Basistarief € 243,82 5,27 % (I3) € 256,67 illustratief');
    rij('Pgb professioneel € 182,87 via ZIN € 192,50 illustratief');
    rij('48A01 Jeugdbescherming Vastgesteld tarief € 1.500,00 — € 1.500,00 illustratief');
  });

  metPoppler('de methode, de indexcijfers met vindplaats en bron, en de berekening van elk indexpercentage', () => {
    expect(tekst).toContain('De regio volgt de indexatiesystematiek van de VNG.');
    expect(tekst).toContain('De inhaal is het relatieve verschil:');
    expect(tekst).toContain('(1 + definitief) ÷ (1 + voorlopig) − 1.');
    expect(tekst).toContain('Loon weegt 90 % en materieel 10 %');
    expect(tekst).toContain('Met deze gewichten is het indexpercentage 6,30 % (I1).');
    const bron = /2026 OVA \(loon\), voorlopig 4,74 % inhaal 2026 illustratief \[(\d+)\]/.exec(tekst);
    expect(bron, 'rij OVA 2026 voorlopig').not.toBeNull();
    expect(tekst).toMatch(/2026 PPC \(materieel\), definitief 7,02 % inhaal 2026/);
    expect(tekst).toMatch(/2027 OVA \(loon\), voorlopig 4,94 % voorlopige index 2027/);
    expect(tekst).toMatch(/2027 PPC \(materieel\), voorlopig 2,51 % voorlopige index 2027/);
    expect(tekst).toContain(`[${bron![1]}] Testwaarde voor de testsuite van tariefbouw (geen externe bron)`);
    expect(tekst).toContain('I1 · gewichten van de set: 6,30 %');
    expect(tekst).toContain('I2 · eigen gewichten van 07A01 Dagbesteding groep: 5,91 %');
    expect(tekst).toContain('I3 · 44A01 Logeren in 3 componenten: 5,27 %');
  });

  metPoppler('een product in componenten: elk component met aandeel en index, en de combinatie', () => {
    expect(tekst).toContain('44A01 Logeren, indexpercentage 5,27 % (I3): dienst 75 % met loon 85 % en materieel 15 %; huisvesting 15 % met een gegeven index van 2,50 %; inventaris 10 % met een gegeven index van 2,46 %.');
    expect(tekst).toMatch(/44A01 Logeren dienst 75 % OVA en PPC, loon 85 %, materieel 15 % aandeel = 75 % · illustratief · \[\d+\]/);
    expect(tekst).toMatch(/huisvesting 15 % gegeven: 2,50 %/);
    expect(tekst).toMatch(/Index dienst 2027 \(VNG, loon 85 %, materieel 15 %\) .*6,20 %/);
    expect(tekst).toContain('Σ aandeel × index: 75 % × 6,20 % (dienst) + 15 % × 2,50 % (huisvesting) + 10 % × 2,46 % (inventaris), afgerond op 2 decimalen');
    expect(tekst).toMatch(/dienst aandeel = 75 % · illustratief · \[\d+\]/);
  });

  metPoppler('elke pagina: CONCEPT; na de kaft ook versie, vingerafdruk, de versie van tariefbouw en "pagina X van Y"; de kaft draagt de documentdatum en de versie van de ronde', () => {
    const paginas = pdfTekst(pdf);
    expect(paginas.length).toBeGreaterThan(5);
    paginas.forEach((p, i) => {
      expect(p, `pagina ${i + 1}`).toContain('CONCEPT');
      if (i === 0) {
        expect(p).toContain('Indexatie van de tarieven');
        expect(p).toContain('van 2026 naar 2027');
        // the round's own document date and version (indexeer --documentdatum 2026-11-15 --versie 2027.1), not the base set's
        expect(p).toMatch(/Datum\s+15 november 2026/);
        expect(p).toMatch(/Versie\s+2027\.1/);
        expect(p).toMatch(/Gemaakt met\s+tariefbouw \d+\.\d+\.\d+/);
      } else {
        expect(p, `pagina ${i + 1}`).toContain(`pagina ${i + 1} van ${paginas.length}`);
        expect(p, `pagina ${i + 1}`).toMatch(/vingerafdruk [0-9a-f]{16} · tariefbouw \d+\.\d+\.\d+/);
      }
    });
  });

  metPoppler('de inhoudsopgave is de bladwijzerboom; metadata en taal', () => {
    const inhoud = plat(pdfTekst(pdf).slice(1, 3).join('\n'));
    const alle = alleBladwijzers(bladwijzers(pdf));
    expect(alle.map((b) => b.titel)).toEqual(expect.arrayContaining(['Inleiding', 'Methode', 'Indexcijfers', 'Berekening van het indexpercentage', 'Tarieven 2027', 'Jeugdhulp (test)', 'Bronnen']));
    for (const b of alle) expect(inhoud, b.titel).toMatch(new RegExp(`${plat(b.titel).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${b.pagina}\\b`));
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Indexatie van de tarieven van 2026 naar 2027 Testregio 2027');
    expect(info['PDF version']).toBe('1.7');
    expect(info.CreationDate).toContain('Nov 15 12:00:00 2026');
    expect(info.Creator).toMatch(/^tariefbouw \d+\.\d+\.\d+$/);
    expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
  });

  it('twee runs geven dezelfde bytes (de datum komt uit de set, niet van de klok)', async () => {
    rmSync(path.join(werk, 'models/volledig-2027'), { recursive: true });
    const r = await run(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15', '--out', 'opnieuw'], werk);
    expect(r.code, r.err).toBe(0);
    for (const f of ['indexatie-2027.pdf', 'indexatie-2027.xlsx', 'indexatie-2027.md']) {
      expect(readFileSync(path.join(werk, 'opnieuw/volledig-2027', f)).equals(readFileSync(path.join(werk, 'output/volledig-2027', f))), f).toBe(true);
    }
  }, 60_000);
});

describe('indexatie-2028.pdf van de standaardset', () => {
  const werk = path.join(tmp, 'standaard');
  cpSync(path.join(ROOT, 'models/voorbeeldregio-2027'), path.join(werk, 'models/voorbeeldregio-2027'), { recursive: true });

  metPoppler('noemt elk product, de bron van de gewichten en van de OVA- en PPC-cijfers', async () => {
    const r = await run(['indexeer', 'voorbeeldregio-2027', '--naar', '2028', '--versie', '2028.1', '--documentdatum', '2027-11-15'], werk);
    expect(r.code, r.err).toBe(0);
    const t = plat(pdfTekst(readFileSync(path.join(werk, 'output/voorbeeldregio-2028/indexatie-2028.pdf'))).join('\n'));
    const { set } = laadParameterset(path.join(werk, 'models/voorbeeldregio-2027'));
    for (const p of set.producten) expect(t, p.code).toContain(p.code);
    const bron = (titel: string) => new RegExp(`\\[(\\d+)\\] ${titel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(t)?.[1];
    const gewichten = bron('Informatie over indexatie inkoop Wmo/Jeugd (gewichten 90 % loon, 10 % materieel)');
    const illustratief = bron('Illustratieve waarde gekozen voor de voorbeeldset; geen externe bron');
    expect(gewichten).toBeDefined();
    expect(illustratief).toBeDefined();
    // the weights stay in the base set's file (line 13: after the yaml-language-server line); the round's own figures are in its indexcijfers.yaml, linked through
    // the base set's URL (voorbeeldregio-2028/indexcijfers.yaml#L12)
    expect(t).toContain(`loon = 90 % · vastgesteld · indexcijfers.yaml#L13 · [${gewichten}]`);
    expect(t).toMatch(new RegExp(`2028 OVA \\(loon\\), voorlopig 3,40 % voorlopige index 2028 illustratief voorbeeldregio-2028/indexcijfers\\.yaml#L\\d+ \\[${illustratief}\\]`));
    expect(t).toContain('De inhaal is het verschil in');
    expect(t).toContain('procentpunten: definitief min voorlopig.');
    expect(t).toContain('Het indexpercentage (I1) staat hier stap voor stap');
    expect(t).toMatch(/Overgenomen tarieven \(47JR1 .* en 48OT1 .*\) worden niet door de regio geïndexeerd/);
    // a letter the region can send (inkoop.yaml indexatiebrief): addressee, the article of the agreement, contact and response route
    expect(t).toContain('Brief aan de aanbieders Aan De gecontracteerde aanbieders van jeugdhulp en Wmo-ondersteuning in de Voorbeeldregio Van Inkoopbureau Sociaal Domein Voorbeeldregio Datum 15 november 2027 Betreft Indexatie van de tarieven 2027 naar 2028, op grond van artikel O7 (Indexatie) van de overeenkomst Geachte aanbieder,');
    expect(t).toContain('Op grond van artikel O7 (Indexatie) van de overeenkomst indexeert Inkoopbureau Sociaal Domein Voorbeeldregio de tarieven elk jaar per 1 januari.');
    expect(t).toContain('Het indexpercentage is 3,50 %.');
    expect(t).toContain('laat het ons dan binnen vier weken na de datum van deze brief weten per e-mail aan de contactpersoon');
    expect(t).toContain('Contactpersoon M. de Vries, contractmanager E-mail contractmanagement@inkoopbureau-voorbeeldregio.example Telefoon 0123 45 67 89 Met vriendelijke groet, Het hoofd van het Inkoopbureau Sociaal Domein Voorbeeldregio');
    // every index figure with the method's two decimals, in the table and in the steps (it said "OVA 2027 voorlopig = 3,6 %" next to "3,60 %")
    expect(t).toContain('OVA 2027 voorlopig = 3,60 % · illustratief');
    expect(t).toContain('PPC 2028 voorlopig = 2,00 % · illustratief');
    expect(t).not.toMatch(/(OVA|PPC) \d{4} (voorlopig|definitief) = \d+(,\d)? %/);
  }, 60_000);
});

describe('indexeer schrijft niets als het overzicht niet kan', () => {
  it('--publicatie weigert een set met illustratieve indexcijfers, met elke reden, en schrijft niets', async () => {
    const werk = testWerk('weigeren');
    const r = await run(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15', '--publicatie'], werk);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^models\/volledig\/indexcijfers\.yaml:\d+:\d+: indexcijfers\.2027\.ova_voorlopig heeft status illustratief$/m);
    expect(r.err).toMatch(/^models\/volledig\/indexcijfers\.yaml:\d+:\d+: indexcijfers\.producten\.44A01\.componenten\.huisvesting\.index heeft status illustratief$/m);
    expect(r.err).toMatch(/^models\/volledig\/opslagen\.yaml:\d+:\d+: opslagen\.overhead\.standaard heeft status illustratief$/m);
    expect(r.err).toContain('of indexeer zonder --publicatie');
    expect(r.err).toContain('Er is niets geschreven.');
    expect(existsSync(path.join(werk, 'models/volledig-2027'))).toBe(false);
    expect(existsSync(path.join(werk, 'output'))).toBe(false);
  });

  let gepubliceerd: Promise<{ werk: string; r: Awaited<ReturnType<typeof run>> }> | undefined;
  /** The vastgestelde set indexed with --publicatie, once for the tests that read it. */
  const publiceer = () =>
    (gepubliceerd ??= (async () => {
      const werk = testWerk('publiceren', (s) => s.replace(/status: (illustratief|voorlopig)/g, 'status: vastgesteld'));
      return { werk, r: await run(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15', '--publicatie'], werk) };
    })());

  // --publicatie prints a tagged PDF in Chromium: without it this is skipped on a laptop (and fails in CI)
  metChromium('--publicatie met een vastgestelde set: het overzicht zonder CONCEPT', async () => {
    const { werk, r } = await publiceer();
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('CONCEPT');
    const md = readFileSync(path.join(werk, 'output/volledig-2027/indexatie-2027.md'), 'utf8');
    expect(md).not.toContain('CONCEPT');
  });

  metChromiumEnPoppler('--publicatie met een vastgestelde set: geen pagina van de PDF draagt CONCEPT', async () => {
    const { werk, r } = await publiceer();
    expect(r.code, r.err).toBe(0);
    const paginas = pdfTekst(readFileSync(path.join(werk, 'output/volledig-2027/indexatie-2027.pdf')));
    for (const p of paginas) expect(p).not.toContain('CONCEPT');
    expect(paginas[0]).toContain('Gepubliceerd: alle gebruikte waarden, ook de indexcijfers');
    expect(paginas[1]).toContain('versie 2027.1 · definitief');
  }, 60_000);

  it('een tikfout in het sjabloon: bestand en regel, afsluitcode 1, geen nieuwe set en geen overzicht', async () => {
    const werk = testWerk('sjabloon');
    const sjablonen = path.join(werk, 'sjablonen');
    cpSync(path.join(ROOT, 'templates'), sjablonen, { recursive: true });
    const origineel = readFileSync(path.join(ROOT, 'templates/indexatie.md.hbs'), 'utf8');
    const regels = origineel.split('\n');
    const i = regels.findIndex((l) => l.startsWith('# Indexcijfers'));
    regels.splice(i + 1, 0, '', 'De cijfers van {{basisjar}}.');
    writeFileSync(path.join(sjablonen, 'indexatie.md.hbs'), regels.join('\n'));
    const r = await run(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15', '--sjablonen', 'sjablonen'], werk);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`sjablonen/indexatie.md.hbs:${i + 3}:`);
    expect(r.err).toContain("onbekende plaatshouder 'basisjar'");
    expect(r.err).toContain('Er is niets geschreven. Verbeter het sjabloon en probeer het opnieuw.');
    expect(existsSync(path.join(werk, 'models/volledig-2027'))).toBe(false);
    expect(existsSync(path.join(werk, 'output'))).toBe(false);
  });
});
