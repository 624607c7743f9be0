/**
 * The determinism matrix: two builds of the default set under a different locale (LC_ALL, LANG), time zone and
 * working folder, the set once by name and once by absolute path, must give the same bytes in every output file.
 * Before the fixed collation (src/shared/sorteer.ts) da_DK sorted 'aa' after 'z' and the workbooks differed; before
 * set-anchored file references the tariefbijlage PDF held the absolute path of the set.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'tariefbouw.js');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-determinisme-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));

function bouw(cwd: string, env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'genereer', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
}

describe('byte voor byte dezelfde uitvoer op elke machine', () => {
  it('LC_ALL=C.UTF-8, TZ=UTC vanuit de map van de set tegen LC_ALL=da_DK.UTF-8, TZ=Asia/Kathmandu vanuit een andere map', () => {
    const a = path.join(werk, 'a');
    cpSync(path.join(ROOT, 'models/voorbeeldregio-2027'), path.join(a, 'models/voorbeeldregio-2027'), { recursive: true });
    const b = path.join(werk, 'b/nog/dieper');
    mkdirSync(b, { recursive: true });
    bouw(a, { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', TZ: 'UTC' }, 'voorbeeldregio-2027', '--out', 'uit');
    bouw(b, { LC_ALL: 'da_DK.UTF-8', LANG: 'da_DK.UTF-8', TZ: 'Asia/Kathmandu' }, path.join(a, 'models/voorbeeldregio-2027'), '--out', path.join(werk, 'uit2'));
    const een = path.join(a, 'uit/voorbeeldregio-2027');
    const twee = path.join(werk, 'uit2/voorbeeldregio-2027');
    const namen = readdirSync(een).sort();
    expect(readdirSync(twee).sort()).toEqual(namen);
    expect(namen.length).toBeGreaterThanOrEqual(9);
    const verschillend = namen.filter((n) => !readFileSync(path.join(een, n)).equals(readFileSync(path.join(twee, n))));
    expect(verschillend).toEqual([]);
    // no absolute path of the machine in a text output
    for (const n of ['tarieven.csv', 'opbouw.json']) expect(readFileSync(path.join(een, n), 'utf8')).not.toContain(werk);
  }, 300_000); // two full builds in child processes: ~50 s on a quiet machine, more under load
});
