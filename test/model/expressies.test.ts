/**
 * Every step's expression (the future spreadsheet formula) reproduces the
 * model's own value: evaluated exactly, it equals the step's waarde to 20
 * decimals, and it only refers to earlier steps and existing tariffs.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { evalueer, verwijzingen } from '../../src/model/expressie.ts';

describe.each(['test/fixtures/sets/volledig', 'test/fixtures/sets/volledig-conventies', 'test/fixtures/sets/volledig-opslag', 'test/fixtures/sets/volledig-jaargemiddelde', 'test/fixtures/sets/volledig-geindexeerd', 'test/fixtures/sets/volledig-geindexeerd-nza', 'test/fixtures/sets/volledig-geindexeerd-2028', 'test/fixtures/sets/e1-opbouw-begeleiding', 'test/fixtures/sets/e2-esf', 'models/voorbeeldregio-2027'])('expressies van %s', (setMap) => {
  it('reproduceren elke stap', () => {
    const plan = berekenTarieven(laadParameterset(setMap).set);
    const index = new Map(plan.tarieven.map((t) => [`${t.product}|${t.variant}`, t]));
    let aantal = 0;
    for (const t of plan.tarieven) {
      const eerder = new Map<string, (typeof t.opbouw)[number]>();
      for (const s of t.opbouw) {
        const v = verwijzingen(s.expr);
        for (const id of v.stappen) expect(eerder.has(id), `${t.product}/${t.variant} ${s.stap} verwijst naar ${id}`).toBe(true);
        const w = evalueer(s.expr, {
          stap: (id) => eerder.get(id)!.waarde,
          extern: (product, variant, stap) => {
            const ander = index.get(`${product}|${variant}`);
            const st = ander?.opbouw.find((x) => x.stap === stap);
            if (!st) throw new Error(`${t.product}/${t.variant} ${s.stap}: geen ${product}/${variant}/${stap}`);
            return st.waarde;
          },
        });
        expect(w.minus(s.waarde).abs().lt('1e-20'), `${t.product}/${t.variant} ${s.stap}: ${w.toFixed()} ≠ ${s.waarde.toFixed()}`).toBe(true);
        eerder.set(s.stap, s);
        aantal++;
      }
    }
    expect(aantal).toBeGreaterThan(10);
  });
});
