/**
 * Data-driven tariff cases (test/cases/*.yaml). Every case says where its expected value comes from:
 * gepubliceerd (a source outside this project, named in bron) or handberekening (recalculated
 * independently in test/cases/narekening.ts, see test/model/narekening.test.ts), and explains it in a
 * toelichting. There is no "regressie": a value copied from the model's own output proves nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const Case = z.strictObject({
  naam: z.string(),
  herkomst: z.enum(['gepubliceerd', 'handberekening']),
  bron: z.string().optional(),
  set: z.string(),
  product: z.string(),
  variant: z.string(),
  verwacht: z.strictObject({
    tarief: z.string(),
    tarief_per_uur: z.string().optional(),
    stappen: z.record(z.string(), z.string()).optional(),
  }),
  tolerantie_procent: z.number().optional(),
  toelichting: z.string().min(20),
});

const map = path.join(import.meta.dirname, '..', 'cases');
const cases = readdirSync(map)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => z.array(Case).parse(parse(readFileSync(path.join(map, f), 'utf8'), { intAsBigInt: false })).map((c) => ({ ...c, bestand: f })));

const plannen = new Map<string, ReturnType<typeof berekenTarieven>>();
function plan(set: string) {
  let p = plannen.get(set);
  if (!p) {
    p = berekenTarieven(laadParameterset(set).set);
    plannen.set(set, p);
  }
  return p;
}

describe('tariefcases', () => {
  it('gepubliceerde cases hebben een bron', () => {
    for (const c of cases) if (c.herkomst === 'gepubliceerd') expect(c.bron, c.naam).toBeTruthy();
  });

  it.each(cases.map((c) => [`${c.bestand}: ${c.naam}`, c] as const))('%s', (_, c) => {
    const t = plan(c.set).tarieven.find((x) => x.product === c.product && x.variant === c.variant);
    expect(t, `${c.product}/${c.variant} bestaat`).toBeDefined();
    const verwacht = new Decimal(c.verwacht.tarief);
    if (c.tolerantie_procent !== undefined) {
      const afwijking = t!.tarief.minus(verwacht).abs().div(verwacht).times(100);
      expect(afwijking.toNumber(), `afwijking ${afwijking.toFixed(2)} % t.o.v. ${c.verwacht.tarief}`).toBeLessThanOrEqual(c.tolerantie_procent);
    } else {
      expect(t!.tarief.toFixed(2)).toBe(verwacht.toFixed(2));
    }
    if (c.verwacht.tarief_per_uur) expect(t!.tariefPerUur?.toFixed(2)).toBe(new Decimal(c.verwacht.tarief_per_uur).toFixed(2));
    for (const [stap, waarde] of Object.entries(c.verwacht.stappen ?? {})) {
      const s = t!.opbouw.find((x) => x.stap === stap);
      expect(s, `stap ${stap}`).toBeDefined();
      expect(s!.waarde.toDecimalPlaces(10).toFixed(), `stap ${stap}`).toBe(new Decimal(waarde).toFixed());
    }
  });
});
