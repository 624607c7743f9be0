/**
 * The two walks over an expression tree in src/model/expressie.ts, on one small tree written out by hand that has
 * every kind of node: `verwijzingen` (what a step reads: steps, other tariffs, parameters, in reading order) and
 * `hernoemStappen` (the step names of an earlier indexation round, own and external, renamed; the rest unchanged).
 */
import { describe, expect, it } from 'vitest';
import { E, hernoemStappen, verwijzingen, type Expr } from '../../src/model/expressie.ts';
import type { ParamGebruik } from '../../src/model/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const param = (pad: string): ParamGebruik => ({ pad, waarde: new Decimal(2), eenheid: 'procent', bestand: 'opslagen.yaml', regel: 1, kolom: 1, bron: 'b', status: 'vastgesteld', geldig_van: '2026-01-01', geldig_tot: '2026-12-31' });
const overhead = param('opslagen.overhead');
const winst = param('opslagen.winst');

// ROUND((kostprijs + overhead% × 02A02/alfa:kostprijs) × winst ÷ 100 − MAX(afronding, 1), 2)
const boom: Expr = E.fn(
  'ROUND',
  E.minus(E.deel(E.maal(E.plus(E.stap('kostprijs'), E.maal(E.param(overhead), E.extern('02A02', 'alfa', 'kostprijs'))), E.param(winst)), E.getal(100)), E.fn('MAX', E.stap('afronding'), E.getal(1))),
  E.getal(2),
);

describe('verwijzingen', () => {
  it('geeft de stappen, de externe stappen en de parameters in leesvolgorde, getallen niet', () => {
    expect(verwijzingen(boom)).toEqual({
      stappen: ['kostprijs', 'afronding'],
      extern: [{ product: '02A02', variant: 'alfa', stap: 'kostprijs' }],
      params: [overhead, winst],
    });
  });

  it('één knoop van elke soort', () => {
    expect(verwijzingen(E.stap('a'))).toEqual({ stappen: ['a'], extern: [], params: [] });
    expect(verwijzingen(E.extern('p', 'v', 's'))).toEqual({ stappen: [], extern: [{ product: 'p', variant: 'v', stap: 's' }], params: [] });
    expect(verwijzingen(E.param(winst))).toEqual({ stappen: [], extern: [], params: [winst] });
    expect(verwijzingen(E.getal(3))).toEqual({ stappen: [], extern: [], params: [] });
  });
});

describe('hernoemStappen', () => {
  const naam = (s: string) => `${s}_2027`;

  it('hernoemt eigen en externe stappen overal in de boom; parameters, getallen en functies blijven', () => {
    expect(hernoemStappen(boom, naam)).toEqual(
      E.fn(
        'ROUND',
        E.minus(E.deel(E.maal(E.plus(E.stap('kostprijs_2027'), E.maal(E.param(overhead), E.extern('02A02', 'alfa', 'kostprijs_2027'))), E.param(winst)), E.getal(100)), E.fn('MAX', E.stap('afronding_2027'), E.getal(1))),
        E.getal(2),
      ),
    );
  });

  it('een losse stap en een losse externe stap', () => {
    expect(hernoemStappen(E.stap('a'), naam)).toEqual({ soort: 'stap', stap: 'a_2027' });
    expect(hernoemStappen(E.extern('p', 'v', 's'), naam)).toEqual({ soort: 'extern', product: 'p', variant: 'v', stap: 's_2027' });
    const p = E.param(winst);
    expect(hernoemStappen(p, naam)).toBe(p);
  });
});
