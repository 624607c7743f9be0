/**
 * The yearly round as the inkoopteam lives it, end to end in an empty repository: copy the example set,
 * indexeer to the next year, fill in the definitive figures, genereer, indexeer the year after, genereer again.
 * Every expected file exists after each step, and a second run gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { voerUit } from '../cli/hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const repo = mkdtempSync(path.join(tmpdir(), 'tariefbouw-ronde-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

/**
 * Everything genereer writes for the example set (it has inkoop.yaml, volumes: the region's own begroting.xlsx, and
 * one provider with its own tariff), plus the round's overview.
 */
const UITVOER = [
  'addendum-zorgboerderij-de-linde.html',
  'addendum-zorgboerderij-de-linde.pdf',
  'begroting.xlsx',
  'index.html',
  'opbouw.json',
  'productenboek.html',
  'productenboek.pdf',
  'productenboek.xlsx',
  'programma-van-eisen.html',
  'programma-van-eisen.pdf',
  'programma-van-eisen.xlsx',
  'tariefbijlage.html',
  'tariefbijlage.pdf',
  'tariefbijlage.xlsx',
  'tarieven.csv',
];
const metOverzicht = (jaar: number) => [...UITVOER, `indexatie-${jaar}.html`, `indexatie-${jaar}.md`, `indexatie-${jaar}.pdf`, `indexatie-${jaar}.xlsx`].sort();
const bestandenIn = (map: string) => readdirSync(path.join(repo, map)).filter((f) => !f.startsWith('.')).sort();
const bytes = (map: string) => new Map(bestandenIn(map).map((f) => [f, readFileSync(path.join(repo, map, f))]));
const rij = (jaar: number, code: string, variant: string) => readFileSync(path.join(repo, `output/voorbeeldregio-${jaar}/indexatie-${jaar}.md`), 'utf8').split('\n').find((r) => r.startsWith(`| ${code} `) && r.includes(`| ${variant} |`));

describe('de jaarlijkse ronde van begin tot eind, in een lege repository', () => {
  git('init', '-q', '-b', 'main');
  cpSync(path.join(ROOT, 'models/voorbeeldregio-2027'), path.join(repo, 'models/voorbeeldregio-2027'), { recursive: true });
  git('add', '.');
  git('commit', '-qm', 'set 2027');
  let eersteRun: Map<string, Buffer>;

  it('1. indexeer naar 2028: de ronde met drie bestanden, alle uitvoer met het overzicht, en de volgende stappen', async () => {
    const r = await voerUit(['indexeer', 'voorbeeldregio-2027', '--naar', '2028', '--versie', '2028.1', '--documentdatum', '2027-11-15'], repo);
    expect(r.code, r.err).toBe(0);
    expect(bestandenIn('models/voorbeeldregio-2028')).toEqual(['controletotalen.yaml', 'indexcijfers.yaml', 'model.yaml']);
    expect(bestandenIn('output/voorbeeldregio-2028')).toEqual(metOverzicht(2028));
    const model = readFileSync(path.join(repo, 'models/voorbeeldregio-2028/model.yaml'), 'utf8');
    expect(model).toContain('versie: "2028.1"\ndocumentdatum: 2027-11-15\n');
    expect(r.err).toContain('Volgende stappen:');
    expect(r.err).toContain('in models/voorbeeldregio-2028/indexcijfers.yaml');
    expect(r.err).toContain('npx tariefbouw genereer voorbeeldregio-2028');
    // index 2028 with the illustrative figures: inhaal (0,9 × 3,85 + 0,1 × 2,10) − (0,9 × 3,60 + 0,1 × 2,00) = 0,235 → 0,24;
    // voorlopig 0,9 × 3,40 + 0,1 × 2,00 = 3,26; 3,50 %. 01A01: 42,79 × 1,035 = 44,287… → € 44,29
    expect(rij(2028, '01A01', 'Basistarief')).toBe('| 01A01 Hulp bij het huishouden | Basistarief | uur | € 42,79 | 3,50 % | € 44,29 |');
    eersteRun = bytes('output/voorbeeldregio-2028');
    git('add', '.');
    git('commit', '-qm', 'indexatieronde 2028');
  }, 300_000);

  it('2. de definitieve cijfers van 2027 in de ronde, genereer: alle uitvoer opnieuw, het overzicht met de nieuwe index', async () => {
    const bestand = path.join(repo, 'models/voorbeeldregio-2028/indexcijfers.yaml');
    const oud = readFileSync(bestand, 'utf8');
    const nieuw = oud.replace(
      /ova_definitief: \{ waarde: 3\.85, [^}]*\}/,
      'ova_definitief: { waarde: 4.05, bron: { titel: "Definitieve OVA 2027 (test)", uitgever: NZa, datum: 2027-10-01 }, status: vastgesteld }',
    );
    expect(nieuw).not.toBe(oud);
    writeFileSync(bestand, nieuw);
    const c = await voerUit(['controleer', 'voorbeeldregio-2028'], repo);
    expect(c.code, c.err).toBe(0);
    const r = await voerUit(['genereer', 'voorbeeldregio-2028'], repo);
    expect(r.code, r.err).toBe(0);
    expect(bestandenIn('output/voorbeeldregio-2028')).toEqual(metOverzicht(2028));
    // inhaal (0,9 × 4,05 + 0,1 × 2,10) − 3,44 = 0,415 → 0,42; index 3,68 %; 42,79 × 1,0368 = 44,364… → € 44,36
    expect(rij(2028, '01A01', 'Basistarief')).toBe('| 01A01 Hulp bij het huishouden | Basistarief | uur | € 42,79 | 3,68 % | € 44,36 |');
    expect(readFileSync(path.join(repo, 'output/voorbeeldregio-2028/tarieven.csv')).equals(eersteRun.get('tarieven.csv')!)).toBe(false);
    git('add', '.');
    git('commit', '-qm', 'definitieve cijfers 2027');
  }, 300_000);

  it('3. genereer nog eens: dezelfde bytes', async () => {
    const voor = bytes('output/voorbeeldregio-2028');
    const r = await voerUit(['genereer', 'voorbeeldregio-2028'], repo);
    expect(r.code, r.err).toBe(0);
    const na = bytes('output/voorbeeldregio-2028');
    expect([...na.keys()]).toEqual([...voor.keys()]);
    for (const [f, b] of na) expect(b.equals(voor.get(f)!), f).toBe(true);
  }, 300_000);

  it('4. indexeer de ronde naar 2029 met de cijfers van 2028 en 2029: weer alle uitvoer', async () => {
    const bestand = path.join(repo, 'models/voorbeeldregio-2028/indexcijfers.yaml');
    const tekst = readFileSync(bestand, 'utf8').replace(
      /(  - jaar: 2028\n    ova_voorlopig: [^\n]*\n)(    ppc_voorlopig: [^\n]*\n)/,
      '$1    ova_definitief: { waarde: 3.70, bron: illustratief-tariefbouw, status: illustratief }\n$2    ppc_definitief: { waarde: 2.00, bron: illustratief-tariefbouw, status: illustratief }\n',
    );
    writeFileSync(bestand, `${tekst}  - jaar: 2029\n    ova_voorlopig: { waarde: 3.20, bron: illustratief-tariefbouw, status: illustratief }\n    ppc_voorlopig: { waarde: 1.90, bron: illustratief-tariefbouw, status: illustratief }\n`);
    // the example set's weights hold to 2028-12-31: the message names the round's own file to extend them in
    const zonder = await voerUit(['indexeer', 'voorbeeldregio-2028', '--naar', '2029', '--versie', '2029.1', '--documentdatum', '2028-11-14'], repo);
    expect(zonder.code).toBe(1);
    expect(zonder.err).toContain('models/voorbeeldregio-2027/indexcijfers.yaml:12:5: fout: indexcijfers.gewichten.loon heeft geen waarde die geldt op 2029-01-01');
    expect(zonder.err).toContain('zet de waarde voor 2029 in models/voorbeeldregio-2028/indexcijfers.yaml (een overlay op models/voorbeeldregio-2027/indexcijfers.yaml)');
    expect(zonder.err).toContain('Er is niets geschreven.');
    expect(existsSync(path.join(repo, 'models/voorbeeldregio-2029'))).toBe(false);
    const gewicht = (w: number) => `{ eenheid: procent, waarde: ${w}, geldig_van: 2023-01-01, geldig_tot: 2029-12-31, bron: vng-indexatie-gewichten, status: vastgesteld }`;
    writeFileSync(bestand, `${readFileSync(bestand, 'utf8')}gewichten:\n  loon: ${gewicht(90)}\n  materieel: ${gewicht(10)}\n`);
    const r = await voerUit(['indexeer', 'voorbeeldregio-2028', '--naar', '2029', '--versie', '2029.1', '--documentdatum', '2028-11-14'], repo);
    expect(r.code, r.err).toBe(0);
    expect(bestandenIn('models/voorbeeldregio-2029')).toEqual(['controletotalen.yaml', 'indexcijfers.yaml', 'model.yaml']);
    expect(bestandenIn('output/voorbeeldregio-2029')).toEqual(metOverzicht(2029));
    // the 2028 round and its outputs are untouched
    expect(bestandenIn('output/voorbeeldregio-2028')).toEqual(metOverzicht(2028));
    // index 2029: inhaal (0,9 × 3,70 + 0,1 × 2,00) − 3,26 = 0,27; voorlopig 0,9 × 3,20 + 0,1 × 1,90 = 3,07; 3,34 %.
    // 01A01: 44,36 × 1,0334 = 45,841… → € 45,84
    expect(rij(2029, '01A01', 'Basistarief')).toBe('| 01A01 Hulp bij het huishouden | Basistarief | uur | € 44,36 | 3,34 % | € 45,84 |');
    eersteRun = bytes('output/voorbeeldregio-2029');
  }, 300_000);

  it('5. genereer de ronde 2029: dezelfde bestanden en bytes als indexeer schreef', async () => {
    const r = await voerUit(['genereer', 'voorbeeldregio-2029'], repo);
    expect(r.code, r.err).toBe(0);
    const na = bytes('output/voorbeeldregio-2029');
    expect([...na.keys()]).toEqual([...eersteRun.keys()]);
    for (const [f, b] of na) expect(b.equals(eersteRun.get(f)!), f).toBe(true);
    expect(existsSync(path.join(repo, 'models/voorbeeldregio-2029/indexcijfers.yaml'))).toBe(true);
  }, 300_000);
});
