/** Reading YAML: exact numbers, positions, and the things we refuse. */
import { describe, expect, it } from 'vitest';
import { Posities, leesYaml } from '../../src/params/yaml.ts';
import { voegSamen } from '../../src/params/bestanden.ts';

function lees(bron: string) {
  const pos = new Posities();
  const r = leesYaml('x.yaml', bron, pos);
  return { ...r, pos };
}

describe('YAML lezen', () => {
  it('houdt getallen exact zoals ze geschreven zijn', () => {
    const { waarde } = lees('a: 12.50\nb: 0.1\nc: 123456789012345678.12\nd: 0012\ne: 99E02\nf: 1e3\n');
    expect(waarde).toEqual({ a: '12.50', b: '0.1', c: '123456789012345678.12', d: '0012', e: '99E02', f: '1e3' });
  });

  it('laat datums tekst en booleans boolean', () => {
    expect(lees('a: 2027-01-01\nb: true\nc: no\nd: null\n').waarde).toEqual({ a: '2027-01-01', b: true, c: 'no', d: null });
  });

  it('onthoudt regel en kolom van sleutels en waarden', () => {
    const { waarde, pos } = lees('model:\n  naam: X\n  lijst:\n    - 1\n    - 2.5\n');
    expect(pos.zoek(waarde, ['model', 'naam'])).toMatchObject({ regel: 2, kolom: 9, fragment: '  naam: X' });
    expect(pos.zoek(waarde, ['model', 'lijst', 1])).toMatchObject({ regel: 5, kolom: 7 });
    expect(pos.zoek(waarde, ['model', 'naam'], 'sleutel')).toMatchObject({ regel: 2, kolom: 3 });
    // a missing key is reported at the nearest existing parent
    expect(pos.zoek(waarde, ['model', 'ontbreekt', 'diep'])).toMatchObject({ regel: 2, kolom: 3 });
  });

  it('weigert aliassen zonder ze uit te vouwen (geen alias-bom)', () => {
    const bom = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    const r = lees(bom);
    expect(r.problemen.length).toBeGreaterThan(0);
    expect(r.problemen[0]!.melding).toBe('ankers en aliassen (& en *) zijn niet toegestaan');
  });

  it('weigert __proto__ en meldt dubbele sleutels', () => {
    const r = lees('__proto__:\n  x: 1\na: 1\na: 2\n');
    expect(r.problemen.map((p) => `${p.regel}:${p.kolom} ${p.melding}`)).toEqual(["1:1 de sleutel '__proto__' is niet toegestaan", "4:1 dubbele sleutel 'a'"]);
    const r2 = lees('__proto__:\n  x: 1\n');
    expect(r2.problemen.map((p) => `${p.regel}:${p.kolom} ${p.melding}`)).toEqual(["1:1 de sleutel '__proto__' is niet toegestaan"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('overlay', () => {
  it('voegt blokken samen, vervangt parameters en lijsten, en houdt posities per herkomst', () => {
    const pos = new Posities();
    const basis = leesYaml('basis.yaml', 'a:\n  b: 1\n  c: 2\np:\n  eenheid: procent\n  waarde: 1\n  bron: x\nl: [1, 2]\n', pos).waarde;
    const over = leesYaml('over.yaml', 'a:\n  c: 3\np:\n  eenheid: procent\n  reeks: []\nl: [9]\n', pos).waarde;
    const samen = voegSamen(basis, over, pos) as Record<string, Record<string, unknown>>;
    expect(samen).toEqual({ a: { b: '1', c: '3' }, p: { eenheid: 'procent', reeks: [] }, l: ['9'] });
    expect(pos.zoek(samen, ['a', 'b'])).toMatchObject({ bestand: 'basis.yaml', regel: 2 });
    expect(pos.zoek(samen, ['a', 'c'])).toMatchObject({ bestand: 'over.yaml', regel: 2 });
  });
});
