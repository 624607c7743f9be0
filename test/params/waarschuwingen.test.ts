/**
 * Plausibility warnings: a valid value that is probably a typo (0.08 for 8 %, 230 for 23 %) is reported
 * with its place, but the set stays valid; nothing an officer would type on purpose is refused.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { formatProblemen } from '../../src/shared/problems.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-waarschuwing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('waarschuwingen bij ongewone percentages', () => {
  it('0.08 voor vakantiegeld en 230 voor overhead: een waarschuwing met plek en hint, geen fout', () => {
    const map = path.join(tmp, 'set');
    cpSync('test/fixtures/sets/volledig', map, { recursive: true });
    const cao = path.join(map, 'cao/alfa.yaml');
    writeFileSync(cao, readFileSync(cao, 'utf8').replace(/(vakantiegeld:\n\s+eenheid: procent\n\s+waarde:) 8\n/, '$1 0.08\n'));
    const ops = path.join(map, 'opslagen.yaml');
    writeFileSync(ops, readFileSync(ops, 'utf8').replace(/(standaard:\n\s+eenheid: procent\n\s+waarde:) 20\n/, '$1 230\n'));
    const { waarschuwingen } = laadParameterset(map, { weergaveBasis: tmp });
    expect(formatProblemen(waarschuwingen.filter((w) => /ongewoon/.test(w.melding)))).toBe(
      [
        'set/cao/alfa.yaml:29:13: waarschuwing: cao.alfa.toeslagen.vakantiegeld is 0.08 procent: ongewoon klein',
        '  29 |     waarde: 0.08',
        '     |             ^',
        '  verwacht: een percentage als getal, zoals 8 voor 8 %',
        '  gevonden: 0.08 procent',
        '  hint: bedoelde u 8? Klopt 0.08 procent echt, laat het dan staan; dit is een waarschuwing',
        '',
        'set/opslagen.yaml:6:13: waarschuwing: opslagen.overhead.standaard is 230 procent: ongewoon hoog',
        '  6 |     waarde: 230',
        '    |             ^',
        '  verwacht: meestal hoogstens 100 procent',
        '  gevonden: 230 procent',
        '  hint: controleer de waarde met de bron (een tikfout, zoals 23 bedoeld?); klopt ze, laat haar dan staan',
        '',
        '2 waarschuwingen.',
      ].join('\n'),
    );
  });

  it('een indexcijfer van 49.4 (voor 4.94): een waarschuwing, geen fout', () => {
    const map = path.join(tmp, 'index');
    cpSync('test/fixtures/sets/volledig', map, { recursive: true });
    writeFileSync(path.join(map, 'indexcijfers.yaml'), readFileSync('test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml', 'utf8').replace('ova_voorlopig: { waarde: 4.94', 'ova_voorlopig: { waarde: 49.4'));
    const { waarschuwingen } = laadParameterset(map, { weergaveBasis: tmp });
    const w = waarschuwingen.find((x) => /ongewoon/.test(x.melding))!;
    expect(w.melding).toBe('ova voorlopig 2027 is 49.4 procent: ongewoon hoog');
    expect(w.verwacht).toBe('meestal hoogstens 12 procent');
  });

  it('productiviteit 0.8 (voor 80 %) en sociale lasten 0.20 (voor 20 %): een waarschuwing; een premie van 0,5 % niet', () => {
    const map = path.join(tmp, 'klein');
    cpSync('test/fixtures/sets/e1-opbouw-begeleiding', map, { recursive: true });
    const prod = path.join(map, 'productiviteit.yaml');
    writeFileSync(prod, readFileSync(prod, 'utf8').replace(/waarde: 80\b/, 'waarde: 0.8'));
    const alfa = path.join(tmp, 'klein-alfa');
    cpSync('test/fixtures/sets/volledig', alfa, { recursive: true });
    const cao = path.join(alfa, 'cao/alfa.yaml');
    writeFileSync(cao, readFileSync(cao, 'utf8').replace(/(sociale_lasten:\n\s+eenheid: procent\n\s+waarde:) 20\n/, '$1 0.20\n').replace(/(opleidingsbudget:\n\s+eenheid: procent\n\s+waarde:) 1\n/, '$1 0.5\n'));
    const w1 = laadParameterset(map, { weergaveBasis: tmp }).waarschuwingen.map((x) => x.melding);
    expect(w1).toContain('productiviteit.e1.productiviteit is 0.8 procent: ongewoon klein');
    const w2 = laadParameterset(alfa, { weergaveBasis: tmp }).waarschuwingen.map((x) => x.melding);
    expect(w2).toContain('cao.alfa.werkgeverslasten.sociale_lasten is 0.20 procent: ongewoon klein');
    expect(w2.filter((x) => x.includes('opleidingsbudget'))).toEqual([]);
  });
});
