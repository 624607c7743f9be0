/**
 * From results to published variants: a `Tarief` per result, the lowest of several CAO results (the
 * basistarief, the micro tariff) and an aanbieder-specifiek tarief. Pure.
 */
import type * as T from '../../params/types.ts';
import { E } from '../expressie.ts';
import { bronTekst, zwaksteStatus } from '../gebruik.ts';
import type { Stap, Tarief, VariantSoort } from '../types.ts';
import { type Resultaat, laatsteStap, fmt, stap, vergelijkbaar } from './context.ts';

/** The least certain status among the parameters of some steps. */
export function zwakste(stappen: Stap[]): T.Status {
  return zwaksteStatus(stappen.flatMap((st) => st.parameters.map((g) => g.status)));
}

export function maakTarief(p: T.Product, variant: string, soort: VariantSoort, r: Resultaat, cao?: string): Tarief {
  return {
    product: p.code,
    productnaam: p.naam,
    wet: p.wet,
    contract: p.contract,
    variant,
    variantSoort: soort,
    ...(cao ? { cao } : {}),
    eenheid: p.eenheid,
    eenheidCode: p.eenheidCode,
    tarief: r.tarief,
    ...(r.tariefPerUur ? { tariefPerUur: r.tariefPerUur } : {}),
    ...(soort !== 'vast' && soort !== 'pgb' ? { kostprijs: r.kostprijs } : {}),
    status: zwakste(r.stappen),
    opbouw: r.stappen,
  };
}

export interface PerCao {
  cao: string;
  r: Resultaat;
}

/** The CAO result with the lowest (or highest) tariff; the first one on a tie. */
export function uiterste(kandidaten: PerCao[], richting: 'laagste' | 'hoogste'): PerCao {
  let beste = kandidaten[0]!;
  for (const k of kandidaten) {
    const beter = richting === 'laagste' ? vergelijkbaar(k.r).lt(vergelijkbaar(beste.r)) : vergelijkbaar(k.r).gt(vergelijkbaar(beste.r));
    if (beter) beste = k;
  }
  return beste;
}

/**
 * The lowest of several results, with a closing step naming the comparison. Compared on the hourly tariff
 * where there is one, so the lowest minute tariff and the lowest hourly tariff come from the same CAO.
 * `live`: the closing step is a MIN over the other variants' tariffs (the basistarief); otherwise it keeps
 * the chain of the chosen CAO.
 */
export function laagste(product: string, kandidaten: PerCao[], label: string, stapId: string, live: boolean): PerCao {
  const beste = uiterste(kandidaten, 'laagste');
  const vergelijking = kandidaten.map((k) => `${k.cao} ${fmt(k.r.tarief, 2)}`).join(', ');
  const stappen = [
    ...beste.r.stappen,
    stap({
      stap: stapId,
      label,
      formule: `laagste van: ${vergelijking} → ${beste.cao}`,
      waarde: beste.r.tarief,
      eenheid: laatsteStap(beste.r.stappen).eenheid,
      parameters: [],
      expr: live ? E.fn('MIN', ...kandidaten.map((k) => E.extern(product, k.cao, laatsteStap(k.r.stappen).stap))) : E.stap(laatsteStap(beste.r.stappen).stap),
    }),
  ];
  return { cao: beste.cao, r: { ...beste.r, stappen } };
}

/** The closing step of an aanbieder-specifiek tarief: which CAO and which parameters of the aanbieder. */
export function aanbiederStap(a: T.Aanbieder, ov: Aanbiederafwijking, r: Resultaat): Stap {
  const gewijzigd = [
    ov.groepsgrootte ? 'groepsgrootte' : '',
    ov.urenPerEenheid ? 'uren per eenheid' : '',
    ov.inzet ? 'inzet' : '',
    ov.productiviteit ? 'productiviteit' : '',
    ov.clientgebondenKosten ? 'cliëntgebonden kosten' : '',
  ].filter(Boolean);
  return stap({
    stap: 'aanbieder',
    label: `Aanbieder-specifiek tarief ${a.naam}`,
    formule: `berekend met ${a.cao} en de aangepaste parameters van ${a.naam} (${gewijzigd.join(', ')}); besluit: ${bronTekst(a.besluit)}`,
    waarde: r.tarief,
    eenheid: laatsteStap(r.stappen).eenheid,
    parameters: [],
    expr: E.stap(laatsteStap(r.stappen).stap),
  });
}

type Aanbiederafwijking = T.Aanbieder['producten'][number];
