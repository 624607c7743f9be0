/**
 * How many random inputs a property test tries. `npm test` tries the number the test names; a mutation run
 * (vitest.mutatie.config.ts) sets TARIEFBOUW_EIGENSCHAP_RUNS to a fraction, because Stryker runs the covering tests
 * once for every mutant and a property that fails, fails for almost any input.
 */
export function pogingen(n: number): number {
  const factor = Number(process.env.TARIEFBOUW_EIGENSCHAP_RUNS ?? '1');
  return Math.max(3, Math.round(n * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}
