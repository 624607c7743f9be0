/**
 * Begrotingseffect: expected volumes × tariffs per gemeente, and the difference with a basis round. Pure.
 *
 * Two stages: `verdeelVolumes` turns each volume of volumes.yaml into volumes per variant (the set's `variant`,
 * a number per variant, or a total times the expected shares), `berekenBegroting` prices those at the tariffs.
 * Pricing at the mix matters wherever providers get a CAO tariff above the basistarief.
 */
import { HONDERD, NUL, som, type Decimal } from '../shared/decimal.ts';
import type { Herkomst, ParameterSet } from '../params/types.ts';
import type { ModelProbleem, Tarief, Tarievenplan } from './types.ts';

export interface BegrotingRegel {
  product: string;
  productnaam: string;
  variant: string;
  eenheid: string;
  /** the volume priced at this variant */
  aantal: Decimal;
  /** with a `verdeling`: the total of the product and this variant's share of it (percent) */
  totaal?: Decimal;
  aandeel?: Decimal;
  /** given per variant or with a verdeling in volumes.yaml */
  uitMix: boolean;
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
  /** whether any volume is given per variant or with a mix (then the output names the variant per row) */
  metMix: boolean;
  gemeenten: GemeenteBegroting[];
  totaal: Decimal;
  basisTotaal?: Decimal;
  /** products priced at another variant because the chosen one does not exist for them */
  opmerkingen: string[];
}

/** One volume of one product at one variant, as the first stage gives it. */
export interface VariantVolume {
  product: string;
  /** the tariff that prices it (of the plan the volumes were distributed with) */
  tarief: Tarief | undefined;
  variant: string;
  aantal: Decimal;
  totaal?: Decimal;
  aandeel?: Decimal;
  /** given per variant or with a verdeling (not the set's variant with its fallback) */
  uitMix: boolean;
  herkomst: Herkomst;
}

export interface VerdeeldeVolumes {
  gemeenten: { id: string; naam: string; volumes: VariantVolume[] }[];
  opmerkingen: string[];
  problemen: ModelProbleem[];
}

/** The tariff of a plain volume: the chosen variant, else vast, else the basistarief. */
function kies(plan: Tarievenplan, product: string, variant: string): Tarief | undefined {
  const van = plan.tarieven.filter((t) => t.product === product);
  return van.find((t) => t.variant === variant) ?? van.find((t) => t.variant === 'vast') ?? van.find((t) => t.variant === 'basistarief');
}

/**
 * Stage 1: every volume as volumes per variant. A plain number goes to the set's variant (or vast/basistarief where
 * the product lacks it, with a note); `per_variant` and `verdeling` go to exactly the variants named, and a variant
 * the product has no tariff for is a problem at its place in volumes.yaml.
 */
export function verdeelVolumes(set: ParameterSet, plan: Tarievenplan): VerdeeldeVolumes | undefined {
  const v = set.volumes;
  if (!v) return undefined;
  const opmerkingen = new Set<string>();
  const problemen: ModelProbleem[] = [];
  const gemeenten = v.gemeenten.map((g) => ({
    id: g.id,
    naam: g.naam,
    volumes: g.volumes.flatMap((q): VariantVolume[] => {
      if (!q.mix) {
        const t = kies(plan, q.product, v.variant);
        if (t && t.variant !== v.variant) opmerkingen.add(`${q.product} is geprijsd tegen variant ${t.variant}: ${v.variant} bestaat niet voor dit product`);
        return [{ product: q.product, tarief: t, variant: t?.variant ?? v.variant, aantal: q.aantal, uitMix: false, herkomst: q.herkomst }];
      }
      const van = plan.tarieven.filter((t) => t.product === q.product);
      return q.mix.delen.map((d): VariantVolume => {
        const t = van.find((x) => x.variant === d.variant);
        // a product that does not exist is already a problem of the set (volume voor onbekend product)
        if (!t && van.length)
          problemen.push({
            ...d.herkomst,
            melding: `variant '${d.variant}' bestaat niet voor product ${q.product} (volumes van ${g.naam})`,
            verwacht: `een variant van ${q.product}: ${van.map((x) => x.variant).join(', ')}`,
            gevonden: d.variant,
            hint: 'een product heeft alleen de CAO-varianten van zijn eigen CAO\'s; zet het volume op een variant die het heeft',
          });
        const verdeling = q.mix!.soort === 'verdeling';
        return {
          product: q.product,
          tarief: t,
          variant: d.variant,
          aantal: verdeling ? q.aantal.times(d.waarde).div(HONDERD) : d.waarde,
          ...(verdeling ? { totaal: q.aantal, aandeel: d.waarde } : {}),
          uitMix: true,
          herkomst: d.herkomst,
        };
      });
    }),
  }));
  return { gemeenten, opmerkingen: [...opmerkingen].sort(), problemen };
}

/** The problems of the volumes with this plan (a variant of a mix the product does not have); empty without volumes. */
export function begrotingProblemen(set: ParameterSet, plan: Tarievenplan): ModelProbleem[] {
  return verdeelVolumes(set, plan)?.problemen ?? [];
}

/**
 * Stage 2: the volumes per variant × tariffs, per gemeente; with a basis plan also at its tariffs of the same
 * variants (the same volumes against the old tariffs). The volumes are distributed with the new plan.
 */
export function berekenBegroting(set: ParameterSet, plan: Tarievenplan, basisPlan?: Tarievenplan): Begroting | undefined {
  const verdeeld = verdeelVolumes(set, plan);
  if (!verdeeld) return undefined;
  const opmerkingen = new Set(verdeeld.opmerkingen);
  const gemeenten = verdeeld.gemeenten.map((g): GemeenteBegroting => {
    const regels = g.volumes.map((q): BegrotingRegel => {
      const t = q.tarief;
      const tarief = t?.tarief ?? NUL;
      // the basis at the same variant; a plain volume as before (the set's variant, else vast or basistarief)
      const b = !basisPlan ? undefined : q.uitMix ? basisPlan.tarieven.find((x) => x.product === q.product && x.variant === q.variant) : kies(basisPlan, q.product, set.volumes!.variant);
      if (basisPlan && !b) opmerkingen.add(`${q.product}${q.uitMix ? ` (${q.variant})` : ""} bestaat niet in ${basisPlan.model.naam}: daar geteld als € 0`);
      return {
        product: q.product,
        productnaam: t?.productnaam ?? set.producten.find((p) => p.code === q.product)?.naam ?? q.product,
        variant: q.variant,
        eenheid: t?.eenheid ?? '',
        aantal: q.aantal,
        ...(q.totaal !== undefined ? { totaal: q.totaal, aandeel: q.aandeel! } : {}),
        uitMix: q.uitMix,
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
    variant: set.volumes!.variant,
    metMix: set.volumes!.gemeenten.some((g) => g.volumes.some((q) => q.mix)),
    gemeenten,
    totaal: som(gemeenten.map((g) => g.totaal)),
    ...(basisPlan ? { basisTotaal: som(gemeenten.map((g) => g.basisTotaal!)) } : {}),
    opmerkingen: [...opmerkingen].sort(),
  };
}
