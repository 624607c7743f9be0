/** The stable JSON contract of `tariefbouw bereken --json`. Pure. */
import type { Decimal } from '../shared/decimal.ts';
import type { Tarievenplan } from '../model/types.ts';
import { tariefTekst } from '../shared/format.ts';
import { TARIEFBOUW_VERSIE } from '../shared/versie.ts';

/** Intermediate values: exact to 10 decimals, no trailing zeros, never exponent notation. */
function stapWaarde(d: Decimal): string {
  return d.toDecimalPlaces(10).toFixed();
}

export function planNaarJson(plan: Tarievenplan) {
  return {
    model: {
      naam: plan.model.naam,
      id: plan.model.id,
      regio: plan.model.regio,
      tariefjaar: plan.model.tariefjaar,
      peildatum: plan.model.peildatum,
      versie: plan.model.versie,
      vingerafdruk: plan.model.vingerafdruk,
      /** the version of tariefbouw that computed this: the same set gives the same output only with the same version */
      tariefbouw: TARIEFBOUW_VERSIE,
    },
    tarieven: plan.tarieven.map((t) => ({
      product: t.product,
      productnaam: t.productnaam,
      variant: t.variant,
      eenheid: t.eenheid,
      eenheidcode: t.eenheidCode,
      tarief: tariefTekst(t.tarief),
      ...(t.tariefPerUur ? { tarief_per_uur: tariefTekst(t.tariefPerUur) } : {}),
      status: t.status,
      opbouw: t.opbouw.map((s) => ({
        stap: s.stap,
        omschrijving: s.label,
        formule: s.formule,
        waarde: stapWaarde(s.waarde),
        eenheid: s.eenheid,
        kostenelementen: s.kostenelementen,
        parameters: s.parameters.map((p) => ({
          pad: p.pad,
          waarde: p.weergave ?? p.waarde.toFixed(),
          eenheid: p.eenheid,
          bestand: p.bestand,
          regel: p.regel,
          bron: p.bron,
          status: p.status,
        })),
      })),
    })),
  };
}
