import type { ParameterSet } from '../params/types.ts';
import type { ModelProbleem, Tarievenplan } from './types.ts';
import { tariefTekst } from '../shared/format.ts';

/** Checks the controletotalen the procurement team wrote into the set. */
export function controleerTotalen(set: ParameterSet, plan: Tarievenplan): ModelProbleem[] {
  const uit: ModelProbleem[] = [];
  for (const c of set.controletotalen) {
    const t = plan.tarieven.find((x) => x.product === c.product && x.variant === c.variant);
    if (!t) {
      const varianten = plan.tarieven.filter((x) => x.product === c.product).map((x) => x.variant);
      uit.push({
        ...c.herkomstVariant,
        melding: `controletotaal ${c.product} / ${c.variant}: deze variant bestaat niet`,
        verwacht: varianten.length ? `een variant van ${c.product}: ${varianten.join(', ')}` : `een product ${c.product} met tarieven`,
        gevonden: c.variant,
        hint: 'controleer de naam van de variant (een CAO, basistarief, micro-onderneming, micro-<cao>, pgb-… of aanbieder-…)',
      });
      continue;
    }
    if (!t.tarief.eq(c.tarief)) {
      const verschil = t.tarief.minus(c.tarief);
      uit.push({
        ...c.herkomst,
        melding: `controletotaal ${c.product} / ${c.variant} klopt niet`,
        verwacht: `${tariefTekst(c.tarief)} (controletotaal)`,
        gevonden: `${tariefTekst(t.tarief)} (berekend), verschil ${verschil.isPos() ? '+' : ''}${tariefTekst(verschil)}`,
        hint: `bekijk de opbouw met: tariefbouw verklaar ${c.product} --variant ${c.variant}`,
      });
    }
  }
  return uit;
}
