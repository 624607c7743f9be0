/** Templates are strict: every mistake names the template file and line; helpers refuse empty values. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.ts';
import { renderSjabloon, SjabloonFout, type ToegestaneBlokken } from '../../src/render/sjablonen.ts';
import type { Blok } from '../../src/docmodel/document.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'tariefbouw.js');

function render(tekst: string, view: object = {}, blokken: ToegestaneBlokken = {}): Blok[] {
  return renderSjabloon({ bestand: 'templates/proef.md.hbs', tekst }, view, blokken);
}

function fout(tekst: string, view: object = {}, blokken: ToegestaneBlokken = {}): SjabloonFout {
  try {
    render(tekst, view, blokken);
  } catch (e) {
    if (e instanceof SjabloonFout) return e;
    throw e;
  }
  throw new Error('geen fout');
}

const tekstVan = (b: Blok[]) => JSON.stringify(b);

describe('sjablonen', () => {
  it('een tikfout in een plaatshouder noemt bestand, regel en de naam', () => {
    const e = fout('# Kop\n\nTarief voor {{regio}}.\n\nIn {{tarifjaar}} geldt dit.\n', { regio: 'Voorbeeldregio', tariefjaar: 2027 });
    expect(e.probleem).toMatchObject({ bestand: 'templates/proef.md.hbs', regel: 5, melding: "onbekende plaatshouder 'tarifjaar'" });
    expect(e.probleem.fragment).toBe('In {{tarifjaar}} geldt dit.');
  });

  it('ook binnen #each en in een geneste naam', () => {
    expect(fout('{{#each lijst}}\n- {{naam}}\n- {{nam}}\n{{/each}}', { lijst: [{ naam: 'a' }] }).probleem).toMatchObject({ regel: 3, melding: "onbekende plaatshouder 'nam'" });
    expect(fout('a\n{{x.y}}\n{{x.z}}', { x: { y: 1 } }).probleem).toMatchObject({ regel: 3, melding: "onbekende plaatshouder 'z'" });
  });

  it('een onbekende helper wordt bij het lezen al gemeld, met de regel', () => {
    expect(fout('a\n\nb {{bedrag x}}', { x: 1 }).probleem).toMatchObject({ regel: 3, melding: "onbekende helper 'bedrag'" });
  });

  it('een kapotte plaatshouder of een blok zonder einde noemt de regel', () => {
    expect(fout('a\n\n{{x}\n', { x: 1 }).probleem).toMatchObject({ regel: 3 });
    expect(fout('a\n{{#if x}}\nb\n{{/iff}}', { x: 1 }).probleem.regel).toBe(4);
  });

  it('helpers weigeren een waarde die niet bestaat, ook bij #if en #each', () => {
    for (const [tekst, helper] of [
      ['a\n{{euro x.bedrag}}', 'euro'],
      ['a\n{{procent x.bedrag}}', 'procent'],
      ['a\n{{datum x.bedrag}}', 'datum'],
      ['a\n{{#if x.bestaatniet}}b{{/if}}', 'if'],
      ['a\n{{#each x.lijst}}b{{/each}}', 'each'],
    ] as const) {
      const e = fout(tekst, { x: {} });
      expect(e.probleem, tekst).toMatchObject({ regel: 2, melding: `de waarde bij ${helper} bestaat niet of is leeg` });
    }
    expect(fout('{{euro x}}', { x: null }).probleem.melding).toBe('de waarde bij euro bestaat niet of is leeg');
    expect(fout('{{euro x}}', { x: 'veel' }).probleem.melding).toBe('euro kreeg geen getal');
  });

  it('maakt bedragen, percentages en datums op zoals in het Nederlands', () => {
    const b = render('{{euro a}} · {{euro b}} · {{procent c}} · {{procent d}} · {{datum e}} · {{jaar f}} · {{opsomming g}}', {
      a: new Decimal('1234.5'),
      b: new Decimal('25'),
      c: new Decimal('8.33'),
      d: new Decimal('22'),
      e: '2027-01-01',
      f: 4,
      g: ['Aalsterveen', 'Bredehoek', 'Zuidmeer'],
    });
    expect(b).toEqual([{ soort: 'alinea', inhoud: [{ tekst: '€ 1.234,50 · € 25,00 · 8,33 % · 22 % · 1 januari 2027 · 4 jaar · Aalsterveen, Bredehoek en Zuidmeer' }] }]);
  });

  it('procent en getal met een vast aantal decimalen: {{procent x 2}}; een ongeldig aantal is een fout met de regel', () => {
    expect(render('{{procent a 2}} · {{getal b 1}} · {{procent c}}', { a: new Decimal('6.3'), b: new Decimal('1118.65'), c: new Decimal('6.3') })).toEqual([{ soort: 'alinea', inhoud: [{ tekst: '6,30 % · 1.118,7 · 6,3 %' }] }]);
    expect(fout('a\n{{procent a 1.5}}', { a: new Decimal('6.3') }).probleem).toMatchObject({ regel: 2, melding: 'procent kreeg een ongeldig aantal decimalen' });
    expect(fout('a\n{{getal a "twee"}}', { a: new Decimal('6.3') }).probleem).toMatchObject({ regel: 2, melding: 'getal kreeg een ongeldig aantal decimalen' });
  });

  it('tekst uit de set wordt nooit opmaak: sterretjes, liggende streepjes en haken blijven staan', () => {
    const b = render('Product: {{naam}}', { naam: 'Hulp *plus* [A] <b>x</b> _y_ | z' });
    expect(b).toEqual([{ soort: 'alinea', inhoud: [{ tekst: 'Product: Hulp *plus* [A] <b>x</b> _y_ | z' }] }]);
  });

  it('Markdown wordt koppen, alinea’s, lijsten, tabellen en kaders', () => {
    const b = render('# Een\n\n## Twee\n\nTekst met **vet** en *schuin*.\n\n- a\n- b\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n\n> Let op.\n');
    expect(b.map((x) => x.soort)).toEqual(['kop', 'kop', 'alinea', 'lijst', 'tabel', 'kader']);
    expect(b[0]).toMatchObject({ niveau: 1, tekst: 'Een', inhoud: true, nieuwePagina: true });
    expect(b[2]).toEqual({ soort: 'alinea', inhoud: [{ tekst: 'Tekst met ' }, { tekst: 'vet', vet: true }, { tekst: ' en ' }, { tekst: 'schuin', cursief: true }, { tekst: '.' }] });
    expect(b[4]).toMatchObject({ kolommen: [{ kop: 'x' }, { kop: 'y', rechts: true }] });
  });

  it('{{blok}} zet een tabel uit het model op zijn plek; een onbekend blok of argument is een fout met de regel', () => {
    const blokken = { producten: ['jeugd', 'wmo'], tarieven: null };
    const b = render('# A\n\n{{#each c}}\n{{blok "producten" id}}\n{{/each}}\n\n{{blok "tarieven"}}\n', { c: [{ id: 'jeugd' }, { id: 'wmo' }] }, blokken);
    expect(b.filter((x) => x.soort === 'invoegen')).toEqual([
      { soort: 'invoegen', naam: 'producten', argument: 'jeugd', bestand: 'templates/proef.md.hbs', regel: 4 },
      { soort: 'invoegen', naam: 'producten', argument: 'wmo', bestand: 'templates/proef.md.hbs', regel: 4 },
      { soort: 'invoegen', naam: 'tarieven', bestand: 'templates/proef.md.hbs', regel: 7 },
    ]);
    expect(fout('a\n\n{{blok "tarief"}}', {}, blokken).probleem).toMatchObject({ regel: 3, melding: "onbekend blok 'tarief'", hint: 'bedoelde u "tarieven"?' });
    expect(fout('a\n{{blok "producten" "jeugt"}}', {}, blokken).probleem).toMatchObject({ regel: 2, melding: 'blok "producten" met onbekend argument' });
    expect(fout('a\n\nZie {{blok "tarieven"}} hier.', {}, blokken).probleem).toMatchObject({ regel: 3, melding: '{{blok …}} staat niet op een eigen regel' });
  });

  it('HTML en codeblokken worden geweigerd; opmerkingen niet', () => {
    expect(fout('a\n\n<div>x</div>\n').probleem).toMatchObject({ regel: 3, melding: 'HTML wordt in een document niet ondersteund' });
    expect(tekstVan(render('{{!-- opmerking voor het inkoopteam --}}\n<!-- ook goed -->\n\nTekst'))).toBe(tekstVan([{ soort: 'alinea', inhoud: [{ tekst: 'Tekst' }] }]));
  });

  it('genereer stopt bij een tikfout in een sjabloon, noemt bestand en regel, en schrijft niets', () => {
    const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-sjabloon-'));
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/volledig'), { recursive: true });
    cpSync(path.join(ROOT, 'templates'), path.join(werk, 'eigen'), { recursive: true });
    const bestand = path.join(werk, 'eigen', 'productenboek.md.hbs');
    const regels = readFileSync(bestand, 'utf8').split('\n');
    const i = regels.findIndex((r) => r.includes('{{aantalProducten}}'));
    regels[i] = regels[i]!.replace('{{aantalProducten}}', '{{aantalProdukten}}');
    writeFileSync(bestand, regels.join('\n'));
    const r = spawnSync(process.execPath, [BIN, 'genereer', 'volledig', '--sjablonen', 'eigen'], { cwd: werk, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`eigen/productenboek.md.hbs:${i + 1}:`);
    expect(r.stderr).toContain("fout: onbekende plaatshouder 'aantalProdukten'");
    expect(r.stderr).toContain('Er is niets geschreven.');
    expect(existsSync(path.join(werk, 'output', 'volledig'))).toBe(false);
  });
});
