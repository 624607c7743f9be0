/** Begrotingseffect: expected volumes × tariffs per gemeente, and the difference with a basis round. Pure. */
import { NUL, som, type Decimal } from '../shared/decimal.ts';
import type { ParameterSet } from '../params/types.ts';
import type { Tarief, Tarievenplan } from './types.ts';

export interface BegrotingRegel {
  product: string;
  productnaam: string;
  variant: string;
  eenheid: string;
  aantal: Decimal;
  tarief: Decimal;
  bedrag: Decimal;
  basisTarief?: Decimal;
  basisBedrag?: Decimal;
}

export interface GemeenteBegroting {
  id: string;
  naam: string;
  regels: BegrotingRegel[];
  totaal: Decimal;
  basisTotaal?: Decimal;
}

export interface Begroting {
  model: Tarievenplan['model'];
  basis?: Tarievenplan['model'];
  variant: string;
  gemeenten: GemeenteBegroting[];
  totaal: Decimal;
  basisTotaal?: Decimal;
  /** products priced at another variant because the chosen one does not exist for them */
  opmerkingen: string[];
}

function kies(plan: Tarievenplan, product: string, variant: string): Tarief | undefined {
  const van = plan.tarieven.filter((t) => t.product === product);
  return van.find((t) => t.variant === variant) ?? van.find((t) => t.variant === 'vast') ?? van.find((t) => t.variant === 'basistarief');
}

export function berekenBegroting(set: ParameterSet, plan: Tarievenplan, basisPlan?: Tarievenplan): Begroting | undefined {
  const v = set.volumes;
  if (!v) return undefined;
  const opmerkingen = new Set<string>();
  const gemeenten = v.gemeenten.map((g): GemeenteBegroting => {
    const regels = g.volumes.map((q): BegrotingRegel => {
      const t = kies(plan, q.product, v.variant);
      if (t && t.variant !== v.variant) opmerkingen.add(`${q.product} is geprijsd tegen variant ${t.variant}: ${v.variant} bestaat niet voor dit product`);
      const tarief = t?.tarief ?? NUL;
      const b = basisPlan ? kies(basisPlan, q.product, v.variant) : undefined;
      if (basisPlan && !b) opmerkingen.add(`${q.product} bestaat niet in ${basisPlan.model.naam}: daar geteld als € 0`);
      return {
        product: q.product,
        productnaam: t?.productnaam ?? set.producten.find((p) => p.code === q.product)?.naam ?? q.product,
        variant: t?.variant ?? v.variant,
        eenheid: t?.eenheid ?? '',
        aantal: q.aantal,
        tarief,
        bedrag: tarief.times(q.aantal),
        ...(basisPlan ? { basisTarief: b?.tarief ?? NUL, basisBedrag: (b?.tarief ?? NUL).times(q.aantal) } : {}),
      };
    });
    return {
      id: g.id,
      naam: g.naam,
      regels,
      totaal: som(regels.map((r) => r.bedrag)),
      ...(basisPlan ? { basisTotaal: som(regels.map((r) => r.basisBedrag!)) } : {}),
    };
  });
  return {
    model: plan.model,
    ...(basisPlan ? { basis: basisPlan.model } : {}),
    variant: v.variant,
    gemeenten,
    totaal: som(gemeenten.map((g) => g.totaal)),
    ...(basisPlan ? { basisTotaal: som(gemeenten.map((g) => g.basisTotaal!)) } : {}),
    opmerkingen: [...opmerkingen].sort(),
  };
}

