/**
 * No partial plans: when a value is missing for a product (here only the micro overhead, so the CAO
 * tariffs and the basistarief could be computed), the plan has no tariffs at all, only the problem; the
 * CLI then writes nothing. Expected values: the problem points at the parameter that misses a value.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';

describe('geen half tarievenplan', () => {
  it('een ontbrekende waarde alleen voor de micro-variant: geen enkel tarief, wel het probleem', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    const micro = set.opslagen!.overhead.micro!;
    expect(set.varianten.micro).toBe('per_cao');
    // the micro overhead holds only in another year than the set's peildatum
    micro.reeks = micro.reeks.map((w) => ({ ...w, van: '2099-01-01', tot: '2099-12-31' }));
    const plan = berekenTarieven(set);
    expect(plan.tarieven).toEqual([]);
    expect(plan.problemen).toHaveLength(1);
    expect(plan.problemen[0]!.melding).toBe(`${micro.pad} heeft geen waarde die geldt op ${set.peildatum}`);
    expect(plan.problemen[0]!.bestand).toBe(micro.herkomst.bestand);
  });

  it('zonder ontbrekende waarde: alle varianten, en geen problemen', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig');
    const plan = berekenTarieven(set);
    expect(plan.problemen).toEqual([]);
    expect(plan.tarieven.some((t) => t.variantSoort === 'micro')).toBe(true);
  });

  it('een indexatieronde waarvan de basisset een waarde mist: geen enkel tarief', () => {
    const { set } = laadParameterset('test/fixtures/sets/volledig-geindexeerd');
    const basis = set.indexering!.basis ?? set;
    const wr = basis.opslagen!.winstEnRisico;
    wr.reeks = wr.reeks.map((w) => ({ ...w, van: '2099-01-01', tot: '2099-12-31' }));
    const plan = berekenTarieven(set);
    expect(plan.problemen.length).toBeGreaterThan(0);
    expect(plan.tarieven).toEqual([]);
  });
});
