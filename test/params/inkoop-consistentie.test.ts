/**
 * Where the set contradicts itself, `controleer` says so with the place (test/params: a broken copy of the
 * default set per contradiction), and the documents state each fact once:
 * - no-show cannot be declared, yet a product's tariff has 0 % no-show without a reason in inkoop.yaml;
 * - an aanbieder-specifiek tarief shows only in the addendum unless the set chooses otherwise;
 * - the cover counts no tariffs of its own (it said 152 where the text said "alle 151");
 * - an adopted tariff with an illustrative amount does not print the placeholder source.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { formatProblemen } from '../../src/shared/problems.ts';
import { productenboekWerkboek } from '../../src/docmodel/productenboek.ts';
import { tariefbijlageWerkboek } from '../../src/docmodel/tariefbijlage.ts';
import { kaftgegevens, zichtbareTarieven } from '../../src/docmodel/documenten/gemeenschappelijk.ts';
import { productBlokken } from '../../src/docmodel/documenten/productenboek.ts';
import { ParametersetFout } from '../../src/shared/problems.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-inkoop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BRON = 'models/voorbeeldregio-2027';
function kopie(naam: string, wijzig: Record<string, (s: string) => string>): string {
  const map = path.join(tmp, naam);
  cpSync(BRON, map, { recursive: true });
  for (const [bestand, f] of Object.entries(wijzig)) {
    const p = path.join(map, bestand);
    const oud = readFileSync(p, 'utf8');
    const nieuw = f(oud);
    expect(nieuw, `${bestand} is gewijzigd`).not.toBe(oud);
    writeFileSync(p, nieuw);
  }
  return map;
}
const eigen = <T extends { melding: string }>(w: T[]): T[] => w.filter((x) => /no-show|no_show|begroot voor/.test(x.melding));

describe('controleer: tegenspraak tussen inkoop.yaml en de rest van de set', () => {
  it('de standaardset spreekt zichzelf niet tegen', () => {
    expect(eigen(laadParameterset(BRON).waarschuwingen)).toEqual([]);
  });

  it('no-show niet declarabel, maar vijf producten met 0 % no-show en geen reden: vijf waarschuwingen op de plek van die 0 %', () => {
    const map = kopie('noshow', { 'inkoop.yaml': (s) => s.replace(/ {2}zonder_no_show:\n(?: {4}.*\n| {6}.*\n)+/, '') });
    const w = eigen(laadParameterset(map, { weergaveBasis: tmp }).waarschuwingen);
    expect(w.map((x) => `${x.bestand}:${x.regel}`)).toEqual([
      'noshow/producten/dagbesteding-jeugd.yaml:261',
      'noshow/producten/dagbesteding-jeugd.yaml:331',
      'noshow/producten/dagbesteding-wmo.yaml:254',
      'noshow/producten/dagbesteding-wmo.yaml:326',
      'noshow/producten/wonen-jeugd.yaml:59',
    ]);
    expect(formatProblemen([w[0]!])).toBe(
      [
        'noshow/producten/dagbesteding-jeugd.yaml:261:15: waarschuwing: het tarief van 42V01 Vervoer dagbesteding jeugd bevat geen no-show (0 %), maar een aanbieder mag no-show niet declareren',
        '  verwacht: een no-show-percentage in het tarief, of het product in inkoop.yaml onder no_show.zonder_no_show met de reden',
        '  gevonden: 0 %',
        '  hint: het programma van eisen zegt dat de tarieven no-show dekken; noem een product zonder no-show met de reden, zodat het document dat ook zegt',
        '',
        '1 waarschuwing.',
      ].join('\n'),
    );
  });

  it('een product onder zonder_no_show dat wel no-show in zijn tarief heeft: een waarschuwing op de plek in inkoop.yaml', () => {
    const map = kopie('noshow-wel', { 'inkoop.yaml': (s) => s.replace('producten: [42V01, 44L01, 08V01, 04A01, 44G01]', 'producten: [42V01, 44L01, 08V01, 04A01, 44G01, 45A48]') });
    const w = eigen(laadParameterset(map, { weergaveBasis: tmp }).waarschuwingen);
    expect(w).toHaveLength(1);
    expect(w[0]!.melding).toBe('45A48 Ambulante jeugdhulp hbo staat onder no_show.zonder_no_show, maar zijn tarief bevat 4 % no-show');
    expect(w[0]!.bestand).toBe('noshow-wel/inkoop.yaml');
    expect(w[0]!.gevonden).toBe('4 % no-show');
  });

  it('een onbekende productcode onder zonder_no_show is een fout', () => {
    const map = kopie('noshow-onbekend', { 'inkoop.yaml': (s) => s.replace('producten: [42V01,', 'producten: [42V02,') });
    let fout: ParametersetFout | undefined;
    try {
      laadParameterset(map, { weergaveBasis: tmp });
    } catch (e) {
      fout = e as ParametersetFout;
    }
    expect(fout).toBeInstanceOf(ParametersetFout);
    const p = fout!.problemen.find((x) => x.melding.includes('zonder_no_show'))!;
    expect(p.melding).toBe('onbekend product 42V02 onder no_show.zonder_no_show');
    expect(p.hint).toBe("bedoelde u '42V01'?");
  });

  it('gunning: wegingen die niet optellen tot 100, gunning bij een Open House, een aanbesteding zonder gunning: fouten met plek', () => {
    const map = kopie('gunning', {
      'inkoop.yaml': (s) =>
        s
          .replace('criterium: Bijdrage aan het afschalen naar lichtere hulp in de regio, weging: 20', 'criterium: Bijdrage aan het afschalen naar lichtere hulp in de regio, weging: 25')
          .replace('  wonen-jeugd:\n    uitsluitingsgronden:', '  ambulant-jeugd:\n    uitsluitingsgronden:'),
    });
    let fout: ParametersetFout | undefined;
    try {
      laadParameterset(map, { weergaveBasis: tmp });
    } catch (e) {
      fout = e as ParametersetFout;
    }
    expect(fout).toBeInstanceOf(ParametersetFout);
    // in the order of their place in inkoop.yaml
    expect(fout!.problemen.map((p) => `${p.bestand}: ${p.melding}`)).toEqual([
      'gunning/inkoop.yaml: de wegingen van de gunningscriteria van hoog-specialistisch tellen op tot 105 %',
      'gunning/inkoop.yaml: gunning voor ambulant-jeugd, dat niet wordt aanbesteed',
      'gunning/inkoop.yaml: contract wonen-jeugd wordt aanbesteed, maar inkoop.yaml geeft geen gunning',
    ]);
  });
  it('de indexatiebrief rust op een artikel dat de overeenkomst niet heeft: een fout met plek en bedoelde u', () => {
    const map = kopie('brief', { 'inkoop.yaml': (s) => s.replace('  artikel: O7\n', '  artikel: O70\n') });
    let fout: ParametersetFout | undefined;
    try {
      laadParameterset(map, { weergaveBasis: tmp });
    } catch (e) {
      fout = e as ParametersetFout;
    }
    expect(fout).toBeInstanceOf(ParametersetFout);
    expect(fout!.problemen.map((p) => [`${p.bestand}:${p.regel}`, p.melding, p.hint])).toEqual([
      // line 154 of the example inkoop.yaml: indexatiebrief.artikel
      ['brief/inkoop.yaml:154', 'de indexatiebrief rust op artikel O70, maar de overeenkomst heeft dat artikel niet', "bedoelde u 'O7'?"],
    ]);
  });

  it('minuutproducten zonder definitie van directe tijd in inkoop.yaml: een waarschuwing die de producten noemt', () => {
    const map = kopie('directe-tijd', { 'inkoop.yaml': (s) => s.replace(/^directe_tijd: >-\n(?: {2}.*\n)+/m, '') });
    const w = laadParameterset(map, { weergaveBasis: tmp }).waarschuwingen.filter((x) => x.melding.includes('directe tijd'));
    expect(w.map((x) => [`${x.bestand}:${x.regel}`, x.melding, x.verwacht])).toEqual([
      [
        'directe-tijd/inkoop.yaml:1',
        '9 minuutproducten (02A01, 02A02, 02A18, 03A01, 45A18, 45A48, 45AM1, 45AW1, 54HS1) worden in directe tijd gedeclareerd, maar inkoop.yaml zegt niet wat directe tijd is',
        'directe_tijd: wat als directe tijd telt (en wat niet)',
      ],
    ]);
    expect(laadParameterset(BRON).waarschuwingen.filter((x) => x.melding.includes('directe tijd'))).toEqual([]);
  });
});

describe('documenten: elk feit één keer, uit de set', () => {
  const { set } = laadParameterset(BRON);
  const plan = berekenTarieven(set);
  const aanbieder = plan.tarieven.filter((x) => x.variantSoort === 'aanbieder');

  it('het aanbieder-specifieke tarief staat standaard alleen in het addendum: niet in productenboek.xlsx of tariefbijlage.xlsx, niet in het indexatieoverzicht', () => {
    expect(aanbieder.map((x) => x.variant)).toEqual(['aanbieder-zorgboerderij-de-linde']);
    expect(zichtbareTarieven(set, plan.tarieven)).toHaveLength(plan.tarieven.length - 1);
    const boek = JSON.stringify(productenboekWerkboek(set, plan));
    expect(boek).not.toContain('Zorgboerderij');
    const bijlage = tariefbijlageWerkboek(set, plan);
    expect(JSON.stringify(bijlage)).not.toContain('zorgboerderij');
    expect(bijlage.bladen.map((b) => b.naam)).not.toContain('Aanbieder-specifiek');
  });

  it('met aanbieder_specifieke_tarieven: alle_documenten staat het ook in de werkboeken', () => {
    const map = kopie('zichtbaar', { 'inkoop.yaml': (s) => s.replace('documentdatum: 2026-12-01\n', 'documentdatum: 2026-12-01\naanbieder_specifieke_tarieven: alle_documenten\n') });
    const ander = laadParameterset(map, { weergaveBasis: tmp }).set;
    const p2 = berekenTarieven(ander);
    expect(zichtbareTarieven(ander, p2.tarieven)).toHaveLength(p2.tarieven.length);
    expect(JSON.stringify(productenboekWerkboek(ander, p2))).toContain('Aanbieder-specifiek: Zorgboerderij De Linde');
    expect(tariefbijlageWerkboek(ander, p2).bladen.map((b) => b.naam)).toContain('Aanbieder-specifiek');
  });

  it('de volumes staan niet in de tariefbijlage voor aanbieders, wel in de interne begroting', () => {
    expect(tariefbijlageWerkboek(set, plan).bladen.map((b) => b.naam)).not.toContain('Begroting');
    const intern = tariefbijlageWerkboek(set, plan, { intern: true });
    expect(intern.bladen.map((b) => b.naam)).toEqual(expect.arrayContaining(['Begroting', 'Aanbieder-specifiek']));
    expect(intern.titel).toContain('intern, niet voor aanbieders');
  });

  it('de kaft telt geen tarieven (hij zei 152 waar de tekst "alle 151" zei)', () => {
    const k = kaftgegevens(set, plan, { publicatie: false });
    expect(k.statusTekst).toBe('CONCEPT, niet publiceren. Dit document is een concept: een deel van de waarden waarop de tarieven rusten is nog niet vastgesteld (status illustratief of voorlopig).');
  });

  it('een overgenomen tarief met een illustratief bedrag noemt geen plaatshouder als bron, en het productenboek geeft geen werkaantekening', () => {
    const p = set.producten.find((x) => x.code === '47JR1')!;
    const tekst = JSON.stringify(productBlokken(set, plan, p));
    expect(tekst).toContain('tarief overgenomen, niet door de regio berekend; het bedrag is nog niet vastgesteld');
    expect(tekst).not.toContain('Illustratieve waarde');
    expect(tekst).not.toMatch(/vervang|niet nagezocht/);
  });
});
