/**
 * Every hand-calculated case (test/cases/handberekening.yaml) is reproduced by its independent
 * recalculation in test/cases/narekening.ts (decimal.js only, nothing from src/): the expected values
 * in the YAML are not copied from the model's output, and a case cannot be added without one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NAREKENING } from '../cases/narekening.ts';

interface Geval {
  naam: string;
  set: string;
  product: string;
  variant: string;
  verwacht: { tarief: string; tarief_per_uur?: string; stappen?: Record<string, string> };
}

const gevallen = (parse(readFileSync(path.join(import.meta.dirname, '..', 'cases', 'handberekening.yaml'), 'utf8')) as Geval[]).map((g) => ({ ...g, sleutel: `${g.set}|${g.product}|${g.variant}` }));

describe('onafhankelijke narekening van de handberekeningen', () => {
  it('elke handberekening heeft precies één narekening, en elke narekening een handberekening', () => {
    expect(gevallen.length).toBe(28);
    expect(new Set(gevallen.map((g) => g.sleutel)).size).toBe(gevallen.length);
    expect(Object.keys(NAREKENING).sort()).toEqual(gevallen.map((g) => g.sleutel).sort());
  });

  it.each(gevallen.map((g) => [g.naam, g] as const))('%s', (_, g) => {
    const n = NAREKENING[g.sleutel]!();
    expect(n.tarief.toFixed(2), 'tarief').toBe(g.verwacht.tarief);
    if (g.verwacht.tarief_per_uur) expect(n.tarief_per_uur?.toFixed(2), 'tarief per uur').toBe(g.verwacht.tarief_per_uur);
    // every step the case names is recalculated too, to the ten decimals the case compares at
    expect(Object.keys(n.stappen ?? {}).sort(), 'nagerekende stappen').toEqual(Object.keys(g.verwacht.stappen ?? {}).sort());
    for (const [stap, waarde] of Object.entries(g.verwacht.stappen ?? {})) expect(n.stappen![stap]!.toDecimalPlaces(10).toFixed(), stap).toBe(waarde);
  });
});
