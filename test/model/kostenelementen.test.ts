/** Every legal cost element is visible in the opbouw (Wmo art. 5.4 lid 3; Besluit Jeugdwet art. 2.3 lid 1). */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { KOSTENELEMENT, berekenTarieven } from '../../src/model/bereken.ts';

const plan = berekenTarieven(laadParameterset('test/fixtures/sets/volledig').set);
const elementen = (code: string, variant: string) =>
  new Set(plan.tarieven.find((t) => t.product === code && t.variant === variant)!.opbouw.flatMap((s) => s.kostenelementen));

describe('wettelijke kostenelementen in de opbouw', () => {
  it('een Wmo-product toont a tot en met f', () => {
    const e = elementen('02A02', 'alfa');
    for (const k of Object.values(KOSTENELEMENT.wmo)) expect(e, k).toContain(k);
  });
  it('een Jeugdwet-product toont a tot en met d', () => {
    const e = elementen('45A01', 'alfa');
    for (const k of Object.values(KOSTENELEMENT.jeugdwet)) expect(e, k).toContain(k);
  });
  it('een Jeugdwet-product noemt geen Wmo-artikelen', () => {
    for (const k of elementen('07A01', 'beta')) expect(k).not.toMatch(/^Wmo/);
  });
});
