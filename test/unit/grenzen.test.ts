/**
 * The reader's limits and the cost of its algorithms on inputs far beyond any real set. The budgets are wide
 * (a loaded 2-core machine), the inputs large enough that the old quadratic code needed tens of seconds:
 * 8 000 duplicate keys took 30 s, a "bedoelde u" over a 1 MB string 43 s.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { GRENZEN, begrensd, ingekort } from '../../src/params/grenzen.ts';
import { Posities, leesYaml } from '../../src/params/yaml.ts';
import { afstand, bedoeldeU } from '../../src/params/zodfouten.ts';

const lees = (bron: string) => leesYaml('x.yaml', bron, new Posities());
const duur = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

describe('grenzen van het lezen', () => {
  it('"bedoelde u" over een tekst van 1 MB vergelijkt niets en is direct klaar', () => {
    const lang = 'x'.repeat(1_000_000);
    let s: string | undefined = 'iets';
    expect(duur(() => (s = bedoeldeU(lang, ['cao-2026', lang.slice(0, 70), 'test'])))).toBeLessThan(200);
    expect(s).toBeUndefined();
    // short typos are still found
    expect(bedoeldeU('basistarif', ['basistarief', 'micro-onderneming'])).toBe('basistarief');
    expect(afstand('kitten', 'sitting')).toBe(3);
  });

  it('meldt 20 000 dubbele sleutels in lineaire tijd: tien apart, de rest in één melding', () => {
    const bron = `a: 0\n${Array.from({ length: 20_000 }, (_, i) => `a: ${i + 1}`).join('\n')}\n`;
    let r = lees('a: 1\n');
    const ms = duur(() => (r = lees(bron)));
    expect(ms).toBeLessThan(5000);
    expect(r.problemen).toHaveLength(GRENZEN.dubbeleSleutels + 1);
    expect(r.problemen[0]).toMatchObject({ regel: 2, kolom: 1, melding: "dubbele sleutel 'a'", gevonden: "'a' staat ook op regel 1" });
    expect(r.problemen[GRENZEN.dubbeleSleutels]).toMatchObject({ regel: 12, melding: 'nog 19990 dubbele sleutels in dit bestand' });
  });

  it('weigert diepe nesting vóór de parser, in blokken en in haakjes, zonder stack-overloop', () => {
    const blok = `a:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`;
    expect(lees(blok).problemen.map((p) => `${p.regel}:${p.kolom} ${p.melding}`)).toEqual([`${GRENZEN.inspringing + 2}:${GRENZEN.inspringing + 2} de opbouw is te diep ingesprongen`]);
    const haakjes = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(lees(haakjes).problemen.map((p) => `${p.regel}:${p.kolom} ${p.melding}`)).toEqual([`1:${4 + GRENZEN.haakjesdiepte} te veel haakjes in elkaar`]);
    const lijst = `${'- '.repeat(3000)}x\n`;
    expect(lees(lijst).problemen[0]!.melding).toBe('de opbouw is te diep ingesprongen');
  });

  it('laat blokteksten en gewone inspringing met rust', () => {
    const r = lees(`a:\n  b: >-\n${' '.repeat(200)}een regel die diep ingesprongen tekst is\n  c: [1, [2, {d: 3}]]\n`);
    expect(r.problemen).toEqual([]);
  });

  it('houdt meldingen kort, wat de set ook bevat', () => {
    expect(ingekort('x'.repeat(1_000_000), 10)).toBe('xxxxxxxxxx… (1.000.000 tekens)');
    const p = begrensd({ melding: 'm'.repeat(5000), gevonden: 'g'.repeat(5000), fragment: 'f'.repeat(5000), kolom: 3 });
    expect(p.melding.length).toBeLessThan(700);
    expect(p.gevonden!.length).toBeLessThan(700);
    expect(p.fragment).toBe(`${'f'.repeat(GRENZEN.fragment)}…`);
    // found by the mutation test: a source of two spaces printed as an empty "gevonden:"
    expect(begrensd({ melding: 'onbekende bron', gevonden: '  ', kolom: 1 }).gevonden).toBe("'  ' (alleen spaties)");
  });
});
