/**
 * A full disk and a folder without write permission, injected into node:fs (the tests run as root in CI, where
 * chmod does not stop a write). Expected: a Dutch UitvoerFout with exit 1, the previous output unchanged, no
 * temporary folder or lock left, and the next run succeeds.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const storing = vi.hoisted(() => ({ code: '' as string, bij: '' as string }));

vi.mock('node:fs', async (origineel) => {
  const fs = await origineel<typeof import('node:fs')>();
  const met = <A extends unknown[], R>(naam: string, f: (...a: A) => R) =>
    (...a: A): R => {
      if (storing.code && storing.bij === naam) {
        const e = new Error(`${storing.code}: injected`) as NodeJS.ErrnoException;
        e.code = storing.code;
        throw e;
      }
      return f(...a);
    };
  return { ...fs, default: fs, writeFileSync: met('writeFileSync', fs.writeFileSync), linkSync: met('linkSync', fs.linkSync), mkdirSync: met('mkdirSync', fs.mkdirSync) };
});

const { schrijfMapAtomisch, UitvoerFout } = await import('../../src/cli/schrijf.ts');

const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-storing-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));

describe('omgevingsfouten bij het schrijven', () => {
  it.each([
    ['ENOSPC', 'writeFileSync', 'de schijf is vol bij het schrijven in', 'maak ruimte vrij of kies met --out een andere map'],
    ['EACCES', 'linkSync', 'geen toestemming om te schrijven in', 'kies met --out een map waarin u mag schrijven, of pas de rechten aan'],
    ['EROFS', 'mkdirSync', 'geen toestemming om te schrijven in', 'kies met --out een map waarin u mag schrijven, of pas de rechten aan'],
  ])('%s bij %s: exit 1, Nederlandse melding, de vorige uitvoer blijft, geen resten', async (code, bij, melding, hint) => {
    const uit = path.join(werk, code);
    const doel = path.join(uit, 'set');
    const opties = { eigenaar: 'genereer', setMappen: [] };
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'vorige\n']]), opties);
    storing.code = code;
    storing.bij = bij;
    let fout: unknown;
    try {
      await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'nieuw\n']]), opties);
    } catch (e) {
      fout = e;
    } finally {
      storing.code = '';
    }
    expect(fout).toBeInstanceOf(UitvoerFout);
    const f = fout as InstanceType<typeof UitvoerFout>;
    expect(f.code).toBe(1);
    expect(f.tekst()).toContain(`fout: ${melding}`);
    expect(f.tekst()).toContain(`hint: ${hint}`);
    expect(f.tekst()).toContain('Er is niets geschreven.');
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('vorige\n');
    expect(readdirSync(uit).filter((n) => n.startsWith('.tariefbouw-'))).toEqual([]);
    await schrijfMapAtomisch(doel, new Map([['tarieven.csv', 'daarna\n']]), opties);
    expect(readFileSync(path.join(doel, 'tarieven.csv'), 'utf8')).toBe('daarna\n');
  });
});
