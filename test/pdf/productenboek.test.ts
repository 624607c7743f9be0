/**
 * The productenboek per product: who refers (toegang), the volume norm, the start deadline and the exclusions
 * where the set gives them (producten/<contract>.yaml); whether the staff mix binds the provider (inkoop.yaml
 * functiemix, a product may differ); and what directe tijd is for minute products (inkoop.yaml directe_tijd).
 * Expected texts are those of models/voorbeeldregio-2027 (illustrative values).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { vulSjabloon } from '../../src/cli/documenten.ts';
import { productenboekSpec } from '../../src/docmodel/documenten/productenboek.ts';
import { productenboekWerkboek } from '../../src/docmodel/productenboek.ts';
import type { Blok, Cel } from '../../src/docmodel/document.ts';
import type { ParameterSet } from '../../src/params/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BRON = path.join(ROOT, 'models/voorbeeldregio-2027');
const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-productenboek-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const celTekst = (c: Cel): string => c.map((l) => l.map((x) => x.tekst).join('')).join(' / ');
const tekst = (bs: Blok[]): string =>
  bs
    .map((b) =>
      b.soort === 'kop'
        ? b.tekst
        : b.soort === 'alinea'
          ? b.inhoud.map((x) => x.tekst).join('')
          : b.soort === 'lijst'
            ? b.items.map(tekst).join('\n')
            : b.soort === 'velden'
              ? b.rijen.map((r) => `${r.label}: ${celTekst(r.waarde)}`).join('\n')
              : '',
    )
    .join('\n')
    .replace(/\u00a0/g, ' ');
function boek(set: ParameterSet): string {
  const plan = berekenTarieven(set);
  return tekst(vulSjabloon(productenboekSpec(set, plan, { publicatie: false, setMap: 'models/voorbeeldregio-2027' }), path.join(ROOT, 'templates')).blokken);
}
/** The field rows of one product, from its heading to the next product heading. */
function product(t: string, code: string): string {
  const i = t.indexOf(`\nProductcode: ${code} `);
  expect(i, code).toBeGreaterThan(0);
  return t.slice(i, t.indexOf('\nProductcode: ', i + 1) === -1 ? undefined : t.indexOf('\nProductcode: ', i + 1));
}

describe('productenboek: per product toegang, volumenorm, starttermijn, uitsluitingen, functiemix en directe tijd', () => {
  const { set } = laadParameterset(BRON);
  const t = boek(set);

  it('een minuutproduct (45A48): elk veld uit de set, de functiemix als rekenbasis, gedeclareerd in directe tijd', () => {
    const p = product(t, '45A48');
    expect(p).toContain('\nToegang: De gemeente (jeugdteam) met een beschikking, of een verwijzing van de huisarts, jeugdarts of medisch specialist (Jeugdwet art. 2.6).\n');
    expect(p).toContain('\nVolumenorm: Gemiddeld 2 uur per week over de looptijd; meer na overleg met de verwijzer.\n');
    expect(p).toContain('\nStarttermijn: Binnen 10 werkdagen na de toewijzing.\n');
    expect(p).toContain('\nUitsluitingen: Niet tijdens een verblijf met behandeling (Wlz of jeugdhulp met verblijf).\n');
    expect(p).toMatch(/\nInzet en opleidingseisen: per begeleidingsuur: [^\n]* \(rekenbasis van het tarief, geen norm\) \/ /);
    expect(p).toContain('\nEenheid: minuut (iStandaard-eenheid 01), frequentie per week; gedeclareerd wordt de directe tijd (zie Hoe leest u een product?)\n');
  });

  it('een overgenomen tarief (48OT1) heeft geen inzet en geen functiemix; velden die de set niet geeft, ontbreken', () => {
    const p = product(t, '48OT1');
    expect(p).toContain('\nToegang: De kinderrechter, op verzoek van de Raad voor de Kinderbescherming; de gecertificeerde instelling voert uit.\n');
    expect(p).not.toContain('Volumenorm');
    expect(p).not.toContain('Uitsluitingen');
    expect(p).not.toContain('rekenbasis');
  });

  it('de leeswijzer geeft de keuze van de functiemix en de definitie van directe tijd uit inkoop.yaml', () => {
    expect(t).toContain('De functiemix is de rekenbasis van het tarief en geen norm: de aanbieder bepaalt zelf hoe hij het product uitvoert, binnen de opleidingseisen.');
    expect(t).toContain('Directe tijd: minuutproducten worden gedeclareerd in directe tijd. De tijd waarin de professional de cliënt of zijn netwerk helpt,');
    expect(t).not.toContain('Waar een product iets anders zegt');
  });

  it('een product dat de functiemix als norm geeft: bij dat product, en de leeswijzer zegt dat het per product kan verschillen', () => {
    const map = path.join(tmp, 'norm');
    cpSync(BRON, map, { recursive: true });
    const f = path.join(map, 'producten/ambulant-jeugd.yaml');
    const oud = readFileSync(f, 'utf8');
    const nieuw = oud.replace('  45AW1:\n    naam: Ambulante jeugdhulp wo (behandeling)\n', '  45AW1:\n    naam: Ambulante jeugdhulp wo (behandeling)\n    functiemix: norm\n');
    expect(nieuw).not.toBe(oud);
    writeFileSync(f, nieuw);
    const n = boek(laadParameterset(map).set);
    expect(product(n, '45AW1')).toMatch(/\nInzet en opleidingseisen: per begeleidingsuur: [^\n]* \(norm: ten minste deze inzet\)/);
    expect(product(n, '45A48')).toContain('(rekenbasis van het tarief, geen norm)');
    expect(n).toContain('Waar een product iets anders zegt, staat dat bij het product.');
  });

  it('productenboek.xlsx heeft de kolommen toegang, uitsluitingen, volumenorm, starttermijn en functiemix', () => {
    const wb = productenboekWerkboek(set, berekenTarieven(set));
    const blad = wb.bladen.find((b) => b.naam === 'Producten')!;
    const koppen = blad.kolommen.map((k) => k.kop);
    for (const k of ['toegang', 'uitsluitingen', 'volumenorm', 'starttermijn', 'functiemix']) expect(koppen).toContain(k);
    const rij = blad.rijen.find((r) => r[0]?.waarde === '45A48')!;
    const waarde = (kop: string) => rij[koppen.indexOf(kop)]?.waarde;
    expect(waarde('starttermijn')).toBe('Binnen 10 werkdagen na de toewijzing.');
    expect(waarde('functiemix')).toBe('rekenbasis');
  });
});
