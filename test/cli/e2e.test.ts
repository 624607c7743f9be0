/** The CLI end to end, as a separate process on a fresh temporary folder. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'tariefbouw.js');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-e2e-'));
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/volledig'), { recursive: true });
afterAll(() => rmSync(werk, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: werk, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('tariefbouw als commando', () => {
  it('controleer is stil bij een goede set', () => {
    const r = run('controleer', 'volledig');
    expect(r).toEqual({ code: 0, out: '', err: '' });
  });

  it('de fout uit de README ("Een parameter wijzigen") is wat controleer echt zegt', () => {
    cpSync(path.join(ROOT, 'models/voorbeeldregio-2027'), path.join(werk, 'models/voorbeeldregio-2027'), { recursive: true });
    const ops = path.join(werk, 'models/voorbeeldregio-2027/opslagen.yaml');
    const regels = readFileSync(ops, 'utf8').split('\n');
    expect(regels[6]).toBe('    waarde: 22');
    regels[6] = '    waarde: 23 %';
    writeFileSync(ops, regels.join('\n'));
    const r = run('controleer', 'voorbeeldregio-2027');
    rmSync(path.join(werk, 'models/voorbeeldregio-2027'), { recursive: true, force: true });
    expect(r.code).toBe(1);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const blok = /bijvoorbeeld bij `waarde: 23 %`:\n\n   ```\n([\s\S]*?)\n   ```/.exec(readme)![1]!.split('\n').map((l) => l.slice(3));
    expect(r.err.split('\n').slice(0, blok.length)).toEqual(blok);
  });

  it('bereken --json volgt het contract', () => {
    const r = run('bereken', 'volledig', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.model)).toEqual(expect.arrayContaining(['naam', 'tariefjaar', 'vingerafdruk']));
    expect(j.model.vingerafdruk).toMatch(/^[0-9a-f]{64}$/);
    const t = j.tarieven.find((x: { product: string; variant: string }) => x.product === '45A01' && x.variant === 'alfa');
    expect(t).toMatchObject({ product: '45A01', variant: 'alfa', eenheid: 'minuut', tarief: '1.28' });
    for (const s of t.opbouw) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['stap', 'formule', 'waarde', 'eenheid', 'parameters']));
      expect(typeof s.waarde).toBe('string');
      for (const p of s.parameters) expect(Object.keys(p)).toEqual(expect.arrayContaining(['pad', 'bestand', 'regel', 'bron']));
    }
  });

  it('verklaar toont de opbouw met bestand:regel en bron', () => {
    const r = run('verklaar', '45A01', '--set', 'volledig', '--variant', 'alfa');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tarief: € 1,28 per minuut');
    expect(r.out).toContain('models/volledig/cao/alfa.yaml:');
    expect(r.out).toContain('bron: Testwaarde voor de testsuite');
  });

  it('verklaar meldt een onbekend product met een suggestie', () => {
    const r = run('verklaar', '45A0I', '--set', 'volledig');
    expect(r.code).toBe(1);
    expect(r.err).toContain('bedoelde u 45A01?');
  });

  it('genereer schrijft tarieven.csv en opbouw.json, en twee keer geeft dezelfde bytes', () => {
    const r1 = run('genereer', 'volledig');
    expect(r1.code).toBe(0);
    const csv1 = readFileSync(path.join(werk, 'output/volledig/tarieven.csv'));
    const json1 = readFileSync(path.join(werk, 'output/volledig/opbouw.json'));
    expect(csv1.toString().split('\n')[0]).toBe('productcode,productnaam,wet,contract,variant,cao,eenheid,eenheidcode,tarief,tarief_per_uur,kostprijs,status');
    const r2 = run('genereer', 'volledig');
    expect(r2.code).toBe(0);
    expect(readFileSync(path.join(werk, 'output/volledig/tarieven.csv')).equals(csv1)).toBe(true);
    expect(readFileSync(path.join(werk, 'output/volledig/opbouw.json')).equals(json1)).toBe(true);
  });

  it('een kapotte set schrijft niets en laat de vorige output staan', () => {
    run('genereer', 'volledig');
    const voor = readFileSync(path.join(werk, 'output/volledig/tarieven.csv'));
    const bestand = path.join(werk, 'models/volledig/opslagen.yaml');
    const goed = readFileSync(bestand, 'utf8');
    writeFileSync(bestand, goed.replace('conventie: opslag_op_directe_kosten', 'conventie: opslag_op_direkte_kosten'));
    try {
      const r = run('genereer', 'volledig');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain('models/volledig/opslagen.yaml:2:14: fout: onbekende waarde bij overhead.conventie');
      expect(r.err).toContain("bedoelde u 'opslag_op_directe_kosten'?");
      expect(r.err).toContain('Er is niets geschreven.');
      expect(readFileSync(path.join(werk, 'output/volledig/tarieven.csv')).equals(voor)).toBe(true);
    } finally {
      writeFileSync(bestand, goed);
    }
  });

  it('een ander tariefjaar zonder waarden geeft fouten per parameter, exit 1', () => {
    const r = run('bereken', 'volledig', '--tariefjaar', '2031');
    expect(r.code).toBe(1);
    expect(r.err).toContain('heeft geen waarde die geldt op de peildatum 2031-01-01');
    // every value without a 2031 value at once, not only the first one per product
    expect(r.err).toMatch(/models\/volledig\/opslagen\.yaml:\d+:\d+: fout: opslagen\.winst_en_risico heeft geen waarde/);
    expect(r.err).toMatch(/models\/volledig\/cao\/beta\.yaml:\d+:\d+: fout: cao\.beta\.uren_per_week heeft geen waarde/);
    expect(r.err).toContain('De set heeft geen waarden voor tariefjaar 2031. Er is niets geschreven.');
  });

  it('verkeerd gebruik geeft exit 2 en een Nederlandse melding', () => {
    const r = run('berekn');
    expect(r.code).toBe(2);
    expect(r.err).toContain("fout: onbekend commando 'berekn'");
    expect(r.err).toContain('(bedoelde u bereken?)');
  });

  it('--help legt de commando’s uit', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const c of ['controleer', 'bereken', 'verklaar', 'genereer']) expect(r.out).toContain(c);
    expect(r.out).toContain('Gebruik: tariefbouw');
  });

  it('de standaardset staat klaar in een verse map zonder models/', () => {
    const leeg = mkdtempSync(path.join(tmpdir(), 'tariefbouw-leeg-'));
    try {
      const r = spawnSync(process.execPath, [BIN, 'controleer'], { cwd: leeg, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(existsSync(path.join(leeg, 'output'))).toBe(false);
    } finally {
      rmSync(leeg, { recursive: true, force: true });
    }
  });
});
