/**
 * `indexeer` when writing the output fails after the new set was made (a full disk, a refused output folder):
 * the new set is removed again, the message is Dutch, and "Er is niets geschreven." appears exactly once (issue 9:
 * it was printed twice, once by indexeer and once with the error). The failure is injected into schrijfMapAtomisch.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const storing = vi.hoisted(() => ({ fout: undefined as (() => Error) | undefined }));

vi.mock('../../src/cli/schrijf.ts', async (origineel) => {
  const m = await origineel<typeof import('../../src/cli/schrijf.ts')>();
  return {
    ...m,
    schrijfMapAtomisch: async (...a: Parameters<typeof m.schrijfMapAtomisch>) => {
      if (storing.fout) throw storing.fout();
      return m.schrijfMapAtomisch(...a);
    },
  };
});

const { voerUit } = await import('../cli/hulp.ts');
const { UitvoerFout } = await import('../../src/cli/schrijf.ts');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-indexeer-storing-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(werk, 'models/volledig'), { recursive: true });
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml'), path.join(werk, 'models/volledig/indexcijfers.yaml'));

const keer = (tekst: string, stuk: string) => tekst.split(stuk).length - 1;

describe('indexeer: schrijven mislukt na het maken van de set', () => {
  it.each([
    ['een volle schijf (ENOSPC)', () => Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' }), 1, 'fout: de schijf is vol bij het schrijven in'],
    ['een geweigerde uitvoermap (UitvoerFout)', () => new UitvoerFout(2, 'output/volledig-2027 is bezet'), 2, 'fout: output/volledig-2027 is bezet'],
  ])('%s: de nieuwe set verdwijnt, één keer "Er is niets geschreven."', async (_, fout, code, melding) => {
    storing.fout = fout;
    try {
      const r = await voerUit(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk);
      expect(r.code).toBe(code);
      expect(r.err).toContain(melding);
      expect(keer(r.err, 'Er is niets geschreven.')).toBe(1);
      expect(r.err).not.toContain('interne fout');
      expect(existsSync(path.join(werk, 'models/volledig-2027'))).toBe(false);
    } finally {
      storing.fout = undefined;
    }
  });

  it('zonder storing lukt dezelfde opdracht daarna gewoon', async () => {
    const r = await voerUit(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], werk);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(path.join(werk, 'models/volledig-2027/model.yaml'))).toBe(true);
  });
});
