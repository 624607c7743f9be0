/**
 * The programma van eisen as a tender document, from the default set's inkoop.yaml: numbered chapters and
 * sections, the procedure (timetable, Nota van Inlichtingen, submitting, complaints, order of precedence),
 * selection and award per aanbesteding with weights that add up to 100 %, the agreement's articles that the
 * requirements cite; and the inschrijvingsformulier: one validation range per column (none overlapping), a
 * visible knock-out warning, rows that grow with an answer.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { vulSjabloon } from '../../src/cli/documenten.ts';
import { programmaVanEisenSpec, programmaVanEisenWerkboek } from '../../src/docmodel/documenten/programma-van-eisen.ts';
import { schrijfXlsx } from '../../src/render/xlsx.ts';
import type { Blok } from '../../src/docmodel/document.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const { set } = laadParameterset(path.join(ROOT, 'models/voorbeeldregio-2027'));
const plan = berekenTarieven(set);
const opties = { publicatie: false, setMap: 'models/voorbeeldregio-2027' };
const doc = vulSjabloon(programmaVanEisenSpec(set, plan, opties), path.join(ROOT, 'templates'));

function tekstVan(b: Blok[]): string {
  return b
    .map((x) => {
      switch (x.soort) {
        case 'kop':
          return x.tekst;
        case 'alinea':
          return x.inhoud.map((t) => t.tekst).join('');
        case 'lijst':
          return x.items.map((i) => tekstVan(i)).join('\n');
        case 'tabel':
          return [x.titel ?? '', ...x.rijen.map((r) => r.cellen.map((c) => c.map((regel) => regel.map((t) => t.tekst).join('')).join(' ')).join(' | '))].join('\n');
        case 'kader':
          return tekstVan(x.blokken);
        default:
          return '';
      }
    })
    .join('\n');
}
// the typography's non-breaking spaces read as spaces
const tekst = tekstVan(doc.blokken).replace(/\u00a0/g, ' ');

describe('programma van eisen', () => {
  it('hoofdstukken en paragrafen zijn genummerd 1, 1.1, … zodat een vraag ze kan noemen', () => {
    const koppen = doc.blokken.filter((b): b is Extract<Blok, { soort: 'kop' }> => b.soort === 'kop' && b.niveau < 3).map((b) => b.tekst);
    expect(koppen.slice(0, 8)).toEqual(['1 Inleiding', '1.1 Het inschrijvingsformulier', '2 Procedure', '2.1 Tijdpad', '2.2 Vragen en Nota van Inlichtingen', '2.3 Inschrijven', '2.4 Klachten', '2.5 Rangorde van de documenten']);
    expect(koppen).toEqual(expect.arrayContaining(['3 Contracten', '4 Selectie en gunning', '4.1 Hoog specialistische jeugdhulp', '4.2 Wonen Jeugd', '5 Toelatingscriteria', '6 Eisen aan alle aanbieders', '8 Overeenkomst']));
  });

  it('de procedure: tijdpad, Nota van Inlichtingen, inschrijven, klachten, rangorde', () => {
    for (const p of set.inkoop!.procedure!.planning) expect(tekst).toContain(p.stap);
    expect(tekst).toContain('1 september 2026 | Publicatie van de aanbestedingsstukken op TenderNed');
    expect(tekst).toContain('één Nota van Inlichtingen');
    expect(tekst).toContain('klachtenmeldpunt');
    expect(tekst).toMatch(/de overeenkomst\nde Nota\('s\) van Inlichtingen\ndit programma van eisen/);
  });

  it('per aanbesteding: uitsluitingsgronden, UEA of Eigen Verklaring, selectiecriteria en gunningscriteria met wegingen die optellen tot 100 %', () => {
    const aanbesteed = set.inkoop!.contracten.filter((c) => c.procedure === 'aanbesteding').map((c) => c.id);
    expect(set.inkoop!.gunning.map((g) => g.contract).sort()).toEqual(aanbesteed.sort());
    expect(tekst).toContain('Uniform Europees Aanbestedingsdocument (UEA)');
    expect(tekst).toContain('de inschrijver dient de Eigen Verklaring in');
    expect(tekst).toContain('artikel 2.86 van de Aanbestedingswet 2012');
    expect(tekst).toContain('G-HS1 | Kwaliteit van de behandeling en de samenwerking met de lokale teams Beoordeeld op een plan van aanpak van ten hoogste zes pagina\'s. | 50 %');
    expect(tekst.match(/totaal \| 100 %/g)).toHaveLength(2);
  });

  it('de artikelen van de overeenkomst waar T09 en N02 naar verwijzen, staan erin', () => {
    const eisen = [...set.inkoop!.toelatingscriteria, ...set.inkoop!.secties.flatMap((s) => s.eisen)];
    for (const [id, artikel] of [['T09', 'O2'], ['N02', 'O3']] as const) {
      expect(eisen.find((e) => e.id === id)!.tekst).toContain(`artikel ${artikel}`);
      expect(tekst).toContain(`Artikel ${artikel} `);
    }
    for (const titel of ['Budgetplafond', 'Controle op de declaraties', 'Beëindiging']) expect(tekst).toContain(titel);
  });

  it('de voorbeeldeisen die zo’n pakket meestal heeft (illustratief)', () => {
    for (const woord of ['VOG', 'AGB-code', 'iJw en iWmo', 'Algemene verordening gegevensbescherming', 'verwerkersovereenkomst', 'NEN 7510', 'controleprotocol', 'binnen tien werkdagen na de toewijzing', 'Wtza', 'budgetplafond', 'opzeggen']) expect(tekst, woord).toContain(woord);
  });

  it('no-show: de producten zonder no-show staan erbij, met de reden uit de set', () => {
    expect(tekst).toContain('Het tarief van 42V01 Vervoer dagbesteding jeugd, 44L01 Logeren jeugd, 08V01 Vervoer dagbesteding Wmo, 04A01 Logeren (respijtzorg) Wmo en 44G01 Gezinshuis bevat geen no-show.');
  });
});

describe('inschrijvingsformulier (programma-van-eisen.xlsx)', () => {
  it('één keuzelijst per kolom en rijreeks, nooit overlappend; een rode waarschuwing bij een knock-out met Nee; rijen die meegroeien', async () => {
    const zip = await JSZip.loadAsync(await schrijfXlsx(programmaVanEisenWerkboek(set, plan, opties)));
    const blad = async (n: number) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');
    const eisen = await blad(3);
    const aantal = set.inkoop!.toelatingscriteria.length + set.inkoop!.gunning.reduce((s, g) => s + g.selectiecriteria.length, 0) + set.inkoop!.secties.reduce((s, x) => s + x.eisen.length, 0);
    expect([...eisen.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1])).toEqual([`I6:I${5 + aantal}`, `F6:F${5 + aantal}`]);
    expect(eisen).toContain('SEARCH(&quot;KNOCK-OUT&quot;,I6)');
    expect(eisen).not.toContain('customHeight');
    expect([...(await blad(1)).matchAll(/sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(['B12:B12', 'B13:B13']);
    expect([...(await blad(2)).matchAll(/sqref="([^"]+)"/g)].map((m) => m[1])).toEqual([`E6:E${5 + set.producten.length}`]);
  });
});
