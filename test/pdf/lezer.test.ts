/**
 * The documents in the reader's language: the text of every provider-facing document of the default set
 * (pdftotext of each PDF, the text of each HTML page, every cell and sheet name of the workbooks a provider gets) holds no YAML key,
 * snake_case name, file path, file:line, command-line flag or command, and spells the begrippenlijst's way
 * (cliëntgebonden, no-show, cao). A parameter is only referred to as a link into the published set
 * (bestand.yaml#L12, see inkoop.yaml parameterset_url).
 *
 * Needs poppler (pdftotext): skipped with a message on a laptop without it, fails in CI.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { maakDocumenten } from '../../src/cli/documenten.ts';
import { productenboekWerkboek } from '../../src/docmodel/productenboek.ts';
import { tariefbijlageWerkboek } from '../../src/docmodel/tariefbijlage.ts';
import { dumpXlsx, schrijfXlsx } from '../../src/render/xlsx.ts';
import { gereedschapPad, metGereedschap } from '../gereedschap.ts';
import { pdfTekst } from './hulp.ts';
import { htmlTekst, lekken, SPELLING_CAO, werkboekTekst } from './lekken.ts';

/** the PDFs are read with pdftotext: without poppler that test skips visibly (laptop) or fails (CI) */
const metPoppler = metGereedschap('poppler');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SET = 'models/voorbeeldregio-2027';

describe('de documenten in de taal van de lezer', () => {
  let teksten: Map<string, string>;
  let url: string | undefined;
  beforeAll(async () => {
    const { set } = laadParameterset(SET);
    url = set.inkoop?.parametersetUrl;
    const plan = berekenTarieven(set);
    const docs = await maakDocumenten(set, plan, { publicatie: false, sjablonen: path.join(ROOT, 'templates'), setMap: SET });
    teksten = new Map();
    for (const [naam, buf] of docs) {
      if (naam.endsWith('.pdf')) {
        if (gereedschapPad('poppler')) teksten.set(naam, pdfTekst(buf).join('\n'));
      }
      else if (naam.endsWith('.xlsx')) teksten.set(naam, werkboekTekst(await dumpXlsx(buf)));
      else if (naam.endsWith('.html')) teksten.set(naam, htmlTekst(buf.toString('utf8')));
    }
    teksten.set('productenboek.xlsx', werkboekTekst(await dumpXlsx(await schrijfXlsx(productenboekWerkboek(set, plan)))));
    teksten.set('tariefbijlage.xlsx', werkboekTekst(await dumpXlsx(await schrijfXlsx(tariefbijlageWerkboek(set, plan)))));
  }, 120_000);

  it('de lektest vindt wat hij moet vinden', () => {
    expect(lekken('x', 'loonsom + sociale_lasten 17 %')).toHaveLength(1);
    expect(lekken('x', 'opslagen.yaml:6')).toHaveLength(2);
    expect(lekken('x', 'zie https://a.example/sets/\nvoorbeeld_2027/x.yaml#L3', 'https://a.example/sets/voorbeeld_2027')).toEqual([]);
    expect(lekken('x', 'gemaakt zonder --publicatie')).toHaveLength(1);
    expect(lekken('x', 'indirect clientgebonden 2 %')).toHaveLength(1);
    expect(lekken('x', 'no show = 0 %')).toHaveLength(1);
    expect(lekken('x', 'tarief CAO', undefined, [SPELLING_CAO])).toHaveLength(1);
    expect(lekken('x', 'per CAO-variant', undefined, [SPELLING_CAO])).toHaveLength(1);
    expect(lekken('x', 'Cao GGZ, per cao, cao-toeslagen', undefined, [SPELLING_CAO])).toEqual([]);
    expect(lekken('x', 'opslagen.overhead.standaard 22 %')).toHaveLength(1);
    expect(lekken('x', 'zie cao/jeugdzorg.yaml')).toHaveLength(1);
    // the published form is allowed, and so are URLs and ordinary Dutch
    expect(lekken('x', 'overhead = 22 % · illustratief · opslagen.yaml#L6 · [2] https://vng.nl/a_b.yaml www.lad.nl no-show 4 %')).toEqual([]);
  });

  it('geen YAML-sleutel, snake_case, bestandspad, bestand:regel of opdrachtregeloptie in een webpagina of werkboek voor aanbieders', () => {
    const andere = [...teksten].filter(([naam]) => !naam.endsWith('.pdf'));
    expect(andere.map(([naam]) => naam)).toEqual(expect.arrayContaining(['productenboek.html', 'tariefbijlage.html', 'productenboek.xlsx', 'tariefbijlage.xlsx', 'programma-van-eisen.xlsx']));
    expect(url, 'de standaardset geeft het adres van de gepubliceerde set').toMatch(/^https:\/\//);
    expect(andere.flatMap(([naam, t]) => lekken(naam, t, url, [SPELLING_CAO]))).toEqual([]);
  });

  metPoppler('geen YAML-sleutel, snake_case, bestandspad, bestand:regel of opdrachtregeloptie in een PDF voor aanbieders', () => {
    const pdfs = [...teksten].filter(([naam]) => naam.endsWith('.pdf'));
    expect(pdfs.map(([naam]) => naam)).toEqual(expect.arrayContaining(['addendum-zorgboerderij-de-linde.pdf', 'productenboek.pdf', 'programma-van-eisen.pdf', 'tariefbijlage.pdf']));
    expect(pdfs.flatMap(([naam, t]) => lekken(naam, t, url, [SPELLING_CAO]))).toEqual([]);
  });
});
