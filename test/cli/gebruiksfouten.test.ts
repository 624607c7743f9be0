/**
 * Mistakes in how the command is called and trouble on the machine are not internal errors (issue 8): each gets a
 * Dutch message and exit 1 (the machine, the file) or 2 (usage), and never "interne fout … meld hem".
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { voerUit } from './hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'tariefbouw.js');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-gebruik-'));
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/volledig'), { recursive: true });
afterAll(() => rmSync(werk, { recursive: true, force: true }));

describe('verkeerd gebruik en de omgeving', () => {
  it('bereken --json | head: stopt stil, zonder stacktrace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" bereken "${path.join(ROOT, 'models/voorbeeldregio-2027')}" --json | head -c 20 > /dev/null`], { cwd: werk, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('een ontbrekende --naar: Nederlands, exit 2', async () => {
    const r = await voerUit(['indexeer', 'volledig'], werk);
    expect(r.code).toBe(2);
    expect(r.err).toContain("fout: verplichte optie '--naar <jaar>' ontbreekt");
    expect(r.err).not.toMatch(/required option|not specified/);
  });

  it('een ongeldige optiewaarde: Nederlands, exit 2', async () => {
    const r = await voerUit(['bereken', 'volledig', '--tariefjaar', '27'], werk);
    expect(r.code).toBe(2);
    expect(r.err).toContain("fout: ongeldige waarde '27' bij optie '--tariefjaar <jaar>': verwacht een jaartal van vier cijfers, zoals 2027");
  });

  it('--help noemt standaardwaarden in het Nederlands, ook als de regel afbreekt', async () => {
    for (const c of ['genereer', 'vergelijk', 'bereken', 'indexeer', 'verklaar', 'begroting', 'controleer']) {
      const r = await voerUit([c, '--help'], werk);
      expect(r.code).toBe(0);
      expect(r.out, c).not.toMatch(/default|choices|preset|Usage|Options/);
    }
    const v = await voerUit(['vergelijk', '--help'], werk);
    expect(v.out.replace(/\s+/g, ' ')).toContain('(standaard: 60000)');
  });

  it('--sjablonen die niet bestaat: exit 2 vóór het renderen, niets geschreven', async () => {
    const r = await voerUit(['genereer', 'volledig', '--sjablonen', 'geen-map', '--out', 'uit'], werk);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fout: --sjablonen geen-map bestaat niet');
    expect(r.err).toContain('hint: laat --sjablonen weg voor de sjablonen van tariefbouw');
    expect(r.err).not.toContain('documenten maken');
    expect(spawnSync('ls', ['-A', path.join(werk, 'uit')]).status).not.toBe(0);
  });

  it('dump-xlsx op iets dat geen werkboek is: exit 1 met uitleg; een git LFS-verwijzing herkend', async () => {
    writeFileSync(path.join(werk, 'tekst.xlsx'), 'geen werkboek\n');
    writeFileSync(path.join(werk, 'lfs.xlsx'), 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
    writeFileSync(path.join(werk, 'zip.xlsx'), Buffer.from('PK\u0003\u0004 afgebroken download', 'latin1'));
    mkdirSync(path.join(werk, 'map.xlsx'));
    const tekst = await voerUit(['dump-xlsx', 'tekst.xlsx'], werk);
    expect(tekst.code).toBe(1);
    expect(tekst.err).toContain('fout: tekst.xlsx is geen Excel-werkboek');
    const lfs = await voerUit(['dump-xlsx', 'lfs.xlsx'], werk);
    expect(lfs.code).toBe(1);
    expect(lfs.err).toContain('gevonden: een git LFS-verwijzing in plaats van het werkboek');
    expect(lfs.err).toContain('hint: haal de werkboeken op met git lfs pull');
    const map = await voerUit(['dump-xlsx', 'map.xlsx'], werk);
    expect(map.code).toBe(2);
    expect(map.err).toContain('fout: kan map.xlsx niet lezen: het is een map');
    const geen = await voerUit(['dump-xlsx', 'bestaat-niet.xlsx'], werk);
    expect(geen.code).toBe(2);
    expect(geen.err).toContain('fout: kan bestaat-niet.xlsx niet lezen: het bestand bestaat niet');
    const zip = await voerUit(['dump-xlsx', 'zip.xlsx'], werk);
    expect([zip.code, zip.err.split('\n')[0]]).toEqual([1, 'fout: zip.xlsx is geen leesbaar Excel-werkboek']);
    for (const r of [tekst, lfs, map, geen, zip]) expect(r.err).not.toContain('interne fout');
  });
});
