/**
 * The PDFs of the default set, read as a reader (and poppler) would: every
 * product code and tariff, every toelatingscriterium, the table of contents
 * and its bookmarks, CONCEPT and "pagina X van Y" on every page, embedded
 * fonts, metadata; and two builds give the same bytes.
 *
 * Needs poppler-utils (pdftotext, pdffonts, pdfinfo, pdftohtml): without
 * them the reading tests are skipped with a message on a laptop, but fail
 * in CI (CI=true).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { documentSpecs, maakDocumenten, vulSjabloon } from '../../src/cli/documenten.ts';
import { documentDefinitie } from '../../src/render/pdf.ts';
import { euro } from '../../src/shared/format.ts';
import { metGereedschap } from '../gereedschap.ts';
import { bladwijzers, pdfFonts, pdfInfo, pdfTekst, plat, tekensVanLettertype, type Bladwijzer } from './hulp.ts';

const metPoppler = metGereedschap('poppler');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SET = 'models/voorbeeldregio-2027';
const { set } = laadParameterset(SET);
const plan = berekenTarieven(set);
const opties = { publicatie: false, sjablonen: path.join(ROOT, 'templates'), setMap: SET };
let docs: Map<string, Buffer>;

beforeAll(async () => {
  docs = await maakDocumenten(set, plan, opties);
}, 120_000);

const tekst = (naam: string) => pdfTekst(docs.get(naam)!);

describe('de documenten van de standaardset', () => {
  it('zijn er allemaal: productenboek, tariefbijlage, programma van eisen (pdf en xlsx) en een addendum per aanbieder, elk ook als webpagina, met een index', () => {
    expect([...docs.keys()].sort()).toEqual(
      [
        ...['addendum-zorgboerderij-de-linde', 'productenboek', 'programma-van-eisen', 'tariefbijlage'].flatMap((d) => [`${d}.pdf`, `${d}.html`]),
        'index.html',
        'programma-van-eisen.xlsx',
      ].sort(),
    );
  });

  it('gebruiken alleen tekens die het ingebedde lettertype heeft (ĳ, €, é, ë …)', () => {
    const tekens = tekensVanLettertype(path.join(ROOT, 'fonts/Roboto/Roboto-Regular.ttf'));
    for (const c of 'ĳĲ€éëïöüèàç’“”–—×÷−≤Σ') expect(tekens.has(c.codePointAt(0)!), c).toBe(true);
    const ontbreekt = new Set<string>();
    for (const spec of documentSpecs(set, plan, opties)) {
      const def = JSON.stringify(documentDefinitie(vulSjabloon(spec, opties.sjablonen)).content);
      for (const m of def.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)) for (const c of JSON.parse(`"${m[1]}"`) as string) if (c !== '\n' && !tekens.has(c.codePointAt(0)!)) ontbreekt.add(c);
    }
    expect([...ontbreekt]).toEqual([]);
  });

  metPoppler('productenboek: elke productcode en elk tarief staat erin', () => {
    const t = plat(tekst('productenboek.pdf').join('\n'));
    for (const p of set.producten) expect(t, p.code).toContain(`${p.code} ${plat(p.naam)}`);
    expect(t).toContain('Zorgboerderij De Linde; zie het addendum');
  });

  metPoppler('productenboek: de tarieventabel van elk product heeft precies de tarieven van dat product', () => {
    // Per product the rows under "Tarieven <code> <jaar>" (a table split over two pages repeats that title):
    // each row is a variant with its tariff and, for a minute product, the hourly tariff. A whole-document
    // search would find an amount at another product (151 tariffs share 109 amounts).
    const regels = tekst('productenboek.pdf').join('\n').split('\n').map((r) => r.replace(/\s+/g, ' ').trim());
    const gevonden = new Map<string, string[]>();
    regels.forEach((r, i) => {
      const m = new RegExp(`^Tarieven (\\S+) ${set.tariefjaar}$`).exec(r);
      if (!m) return;
      let j = i + 1;
      while (j < regels.length && j < i + 4 && !regels[j]!.includes('€')) j++;
      const rijen = gevonden.get(m[1]!) ?? [];
      for (; j < regels.length && regels[j]!.includes('€'); j++) rijen.push(regels[j]!.match(/€ [\d.]+,\d+/g)!.join(' | '));
      gevonden.set(m[1]!, rijen);
    });
    const verwacht = new Map<string, string[]>();
    for (const x of plan.tarieven.filter((y) => y.variantSoort !== 'aanbieder')) {
      const rij = [euro(x.tarief), ...(x.tariefPerUur ? [euro(x.tariefPerUur)] : [])].map((e) => e.replace(/\s+/g, ' ')).join(' | ');
      verwacht.set(x.product, [...(verwacht.get(x.product) ?? []), rij]);
    }
    const sorteer = (m: Map<string, string[]>) => [...m].map(([k, v]) => [k, [...v].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(sorteer(gevonden)).toEqual(sorteer(verwacht));
  });

  metPoppler('tariefbijlage: elke productcode, elk tarief en de opbouw met vindplaats en bron', () => {
    const paginas = tekst('tariefbijlage.pdf');
    const t = plat(paginas.join('\n'));
    for (const p of set.producten) expect(t, p.code).toContain(`Opbouw ${p.code}`);
    // the overview lists each tariff on its own line: product code first, then its variants
    for (const x of plan.tarieven.filter((y) => y.variantSoort !== 'aanbieder')) expect(t, `${x.product} ${x.variant}`).toContain(euro(x.tarief));
    expect(t).toMatch(/groepsgrootte = 8 · illustratief · producten\/dagbesteding-jeugd\.yaml#L\d+ · \[\d+\]/);
    expect(t).toMatch(/overhead standaard 22 % 1‑1‑2027 t\/m 31‑12‑2027 illustratief opslagen\.yaml#L\d+ \[\d+\]/);
    expect(t).toContain('Personeelskosten');
    expect(t).toMatch(/L\d+ · loonkosten hbo/);
  });

  metPoppler('programma van eisen: elk toelatingscriterium en elke eis met id, tekst en bewijsmiddel', () => {
    const t = plat(tekst('programma-van-eisen.pdf').join('\n'));
    const ink = set.inkoop!;
    for (const e of [...ink.toelatingscriteria, ...ink.secties.flatMap((s) => s.eisen)]) {
      expect(t, e.id).toContain(`${e.id} ${plat(e.tekst).slice(0, 60)}`);
      if (e.bewijsmiddel) expect(t, e.id).toContain(plat(e.bewijsmiddel).slice(0, 40));
    }
    expect(t).toContain('ten hoogste € 25,00 per afspraak');
    for (const c of set.contracten) expect(t).toContain(c.naam);
  });

  metPoppler('addendum: het aanbieder-specifieke tarief, wat er anders is en de opbouw', () => {
    const t = plat(tekst('addendum-zorgboerderij-de-linde.pdf').join('\n'));
    const x = plan.tarieven.find((y) => y.variant === 'aanbieder-zorgboerderij-de-linde')!;
    expect(t).toContain('Zorgboerderij De Linde');
    expect(t).toContain(euro(x.tarief));
    expect(t).toMatch(/07A03 Dagbesteding hoog groepsgrootte 4 3 aanbieders\/zorgboerderij-de-linde\.yaml#L\d+/);
  });

  metPoppler('elke pagina: CONCEPT, versie en vingerafdruk; na de kaft ook "pagina X van Y"', () => {
    for (const [naam, buf] of docs) {
      if (!naam.endsWith('.pdf')) continue;
      const paginas = pdfTekst(buf);
      expect(paginas.length, naam).toBeGreaterThan(2);
      paginas.forEach((p, i) => {
        expect(p, `${naam} pagina ${i + 1}`).toContain('CONCEPT');
        if (i === 0) {
          expect(p).toContain(plan.model.vingerafdruk);
          expect(p).toMatch(/Versie\s+0\.1/);
        } else {
          expect(p, `${naam} pagina ${i + 1}`).toContain(`pagina ${i + 1} van ${paginas.length}`);
          expect(p).toContain(`vingerafdruk ${plan.model.vingerafdruk.slice(0, 16)}`);
          expect(p).toContain('versie 0.1');
        }
      });
    }
  });

  metPoppler('de inhoudsopgave is ook de bladwijzerboom, met dezelfde paginanummers', () => {
    for (const [naam, buf] of docs) {
      if (!naam.endsWith('.pdf')) continue;
      const boom = bladwijzers(buf);
      const alle: Bladwijzer[] = [];
      const loop = (l: Bladwijzer[]) => l.forEach((b) => (alle.push(b), loop(b.kinderen)));
      loop(boom);
      expect(alle.length, naam).toBeGreaterThan(2);
      const inhoud = tekst(naam).slice(1, 6).join('\n');
      expect(inhoud).toContain('Inhoud');
      for (const b of alle) expect(plat(inhoud), `${naam}: ${b.titel}`).toMatch(new RegExp(`${plat(b.titel).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${b.pagina}\\b`));
    }
    const boek = bladwijzers(docs.get('productenboek.pdf')!);
    expect(boek.map((b) => b.titel)).toEqual(expect.arrayContaining(['Inleiding', ...set.contracten.map((c) => c.naam)]));
    const jeugd = boek.find((b) => b.titel === 'Ambulante jeugdhulp')!;
    expect(jeugd.kinderen.map((b) => b.titel)).toContain('45A48 Ambulante jeugdhulp hbo');
  });

  metPoppler('alle lettertypen zijn ingebed (subset, met Unicode-tabel)', () => {
    for (const [naam, buf] of docs) {
      if (!naam.endsWith('.pdf')) continue;
      const fonts = pdfFonts(buf);
      expect(fonts.length, naam).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f.naam, naam).toMatch(/\+Roboto-/);
        expect([f.emb, f.sub, f.uni], `${naam} ${f.naam}`).toEqual(['yes', 'yes', 'yes']);
      }
    }
  });

  metPoppler('metadata: titel, PDF 1.7, paginatal; taal nl-NL en titel in de titelbalk; geen valse toegankelijkheidsclaim', () => {
    const info = pdfInfo(docs.get('productenboek.pdf')!);
    expect(info.Title).toBe('Productenboek Voorbeeldregio 2027');
    expect(info.Author).toBe('Inkoopbureau Sociaal Domein Voorbeeldregio');
    expect(info.Subject).toContain('Producten, eenheden en tarieven');
    expect(info.Keywords).toContain('productenboek');
    expect(info['PDF version']).toBe('1.7');
    expect(Number(info.Pages)).toBeGreaterThan(20);
    expect(info.Tagged).toBe('no');
    expect(info.CreationDate).toContain('2026');
    for (const [naam, buf] of docs) {
      if (!naam.endsWith('.pdf')) continue;
      const ruw = buf.toString('latin1');
      expect(ruw, naam).toContain('/Lang (nl-NL)');
      expect(ruw, naam).toContain('/DisplayDocTitle true');
      expect(ruw, naam).not.toMatch(/\/StructTreeRoot|\/MarkInfo|pdfuaid/);
    }
  });

  it('twee builds geven dezelfde bytes', async () => {
    const opnieuw = await maakDocumenten(set, plan, opties);
    for (const [naam, buf] of docs) expect(opnieuw.get(naam)!.equals(buf), naam).toBe(true);
  }, 120_000);
});
