/**
 * The kostprijsmodel: a pure function of (parameter set, tariefjaar/peildatum) to tariffs with their opbouw.
 * No files, no clock, no rendering. This file only puts the stages in `stadia/` together:
 *
 *   personeel (salaris.ts → loonkosten.ts → productiviteit.ts, cached in personeel.ts)
 *     per CAO and level: salaris → jaarsalaris → CAO-toeslagen → werkgeverslasten → productieve uren
 *     → kosten per productief uur
 *   product.ts      functiemix → groepsgrootte → eenheid, then
 *   opslagen.ts     indexatie → overhead → gemeentelijke verplichtingen → cliëntgebonden kosten → no-show
 *                   → kostprijs → winst en risico, then
 *   afronden.ts     afronding (→ minuut)
 *   lumpsum.ts      formatie → opslagen → afronding, per year
 *   overgenomen.ts  the amount from the source
 *   varianten.ts    CAO variants, basistarief, aanbieder-specifiek
 *   micro.ts        micro-ondernemingen: per CAO with the lower overhead, and the lowest of those
 *   pgb.ts          pgb tariffs from a ZIN tariff
 * An indexation round (route 1) indexes the tariffs of its base set instead (indexering.ts).
 *
 * No partial plans: a product whose computation misses a value gets no tariff at all, and a plan with any
 * problem has no tariffs, only the problems.
 */
import type * as T from '../params/types.ts';
import { indexeerTarieven } from './indexering.ts';
import type { ModelProbleem, Tarief, Tarievenplan } from './types.ts';
import { type Context, Ontbreekt, maakContext } from './stadia/context.ts';
import { lumpsumProduct } from './stadia/lumpsum.ts';
import { microTarieven } from './stadia/micro.ts';
import { overgenomenTarief } from './stadia/overgenomen.ts';
import type { PersoneelCache } from './stadia/personeel.ts';
import { pgbTarieven } from './stadia/pgb.ts';
import { kostprijsProduct } from './stadia/product.ts';
import { aanbiederStap, laagste, maakTarief, uiterste } from './stadia/varianten.ts';

export { KOSTENELEMENT } from './stadia/context.ts';

export interface BerekenOpties {
  /** Defaults to the set's tariefjaar. */
  tariefjaar?: number;
  /** Defaults to the set's peildatum, or 1 January of another tariefjaar. */
  peildatum?: string;
}

const BASISTARIEF = 'Basistarief: laagste tarief van de toepasselijke cao’s';

export function berekenTarieven(set: T.ParameterSet, opties: BerekenOpties = {}): Tarievenplan {
  if (set.indexering) {
    // Route 1 of an indexation round: last year's tariffs of this set, indexed to its tariefjaar.
    if (opties.tariefjaar !== undefined && opties.tariefjaar !== set.tariefjaar) {
      return {
        model: { id: set.id, naam: set.naam, regio: set.regio, tariefjaar: opties.tariefjaar, peildatum: set.peildatum, versie: set.versie, vingerafdruk: set.vingerafdruk },
        tarieven: [],
        problemen: [
          {
            bestand: set.indexcijfers?.herkomst.bestand ?? `models/${set.id}/model.yaml`,
            regel: 1,
            kolom: 1,
            melding: `${set.naam} is een geïndexeerde set voor ${set.tariefjaar}; die kan niet voor ${opties.tariefjaar} worden berekend`,
            verwacht: `--tariefjaar ${set.tariefjaar} of geen --tariefjaar`,
            gevonden: String(opties.tariefjaar),
            hint: 'maak met tariefbouw indexeer een set voor het volgende jaar',
          },
        ],
      };
    }
    const { indexering, ...basisSet } = set;
    // The tariffs of the year before as the base set gives them (the cost model, or a round itself); without
    // a base set (a set written by hand), the cost model of this set at the base year.
    const basis = indexering.basis ? berekenTarieven(indexering.basis) : berekenTarieven({ ...basisSet, tariefjaar: indexering.basisjaar, peildatum: indexering.basisPeildatum });
    const peildatum = opties.peildatum ?? set.peildatum;
    const r = indexeerTarieven(set, basis.tarieven, peildatum);
    const problemen = [...basis.problemen, ...r.problemen];
    return {
      model: { id: set.id, naam: set.naam, regio: set.regio, tariefjaar: set.tariefjaar, peildatum, versie: set.versie, vingerafdruk: set.vingerafdruk },
      tarieven: problemen.length ? [] : r.tarieven,
      problemen,
    };
  }
  const tariefjaar = opties.tariefjaar ?? set.tariefjaar;
  const peildatum = opties.peildatum ?? (tariefjaar === set.tariefjaar ? set.peildatum : `${tariefjaar}-01-01`);
  const ctx = maakContext(set, tariefjaar, peildatum);
  const cache: PersoneelCache = new Map();
  const problemen: ModelProbleem[] = [];
  const tarieven: Tarief[] = [];
  for (const p of set.producten) {
    try {
      tarieven.push(...productTarieven(ctx, cache, p));
    } catch (e) {
      if (!(e instanceof Ontbreekt)) throw e;
      if (!problemen.some((q) => q.melding === e.probleem.melding)) problemen.push(e.probleem);
    }
  }
  return {
    model: { id: set.id, naam: set.naam, regio: set.regio, tariefjaar, peildatum, versie: set.versie, vingerafdruk: set.vingerafdruk },
    // no partial plans: a plan with a missing value has no tariffs, so none can reach a document or tarieven.csv
    tarieven: problemen.length ? [] : tarieven,
    problemen,
  };
}

/** Every tariff of one product, in the order of the tariff table; throws `Ontbreekt` when a value is missing. */
function productTarieven(ctx: Context, cache: PersoneelCache, p: T.Product): Tarief[] {
  if (p.berekening === 'overgenomen') {
    const r = overgenomenTarief(ctx, p);
    return [maakTarief(p, 'vast', 'vast', r), ...pgbTarieven(ctx, p, { zin: r, variant: 'vast', label: 'vast' })];
  }
  const { set } = ctx;
  if (p.berekening === 'lumpsum') {
    const perCao = p.caos.map((c) => ({ cao: c, r: lumpsumProduct(ctx, cache, p, c) }));
    const uit = perCao.map(({ cao, r }) => maakTarief(p, cao, 'cao', r, cao));
    if (set.varianten.basistarief) {
      const l = laagste(p.code, perCao, BASISTARIEF, 'basistarief', true);
      uit.push(maakTarief(p, 'basistarief', 'basistarief', l.r, l.cao));
    }
    return uit;
  }
  const oh = ctx.opslagen(p).overhead;
  const perCao = p.caos.map((c) => ({ cao: c, r: kostprijsProduct(ctx, cache, { product: p, cao: c, overhead: oh.standaard }) }));
  const uit = perCao.map(({ cao, r }) => maakTarief(p, cao, 'cao', r, cao));
  let basis = uiterste(perCao, 'laagste');
  if (set.varianten.basistarief) {
    basis = laagste(p.code, perCao, BASISTARIEF, 'basistarief', true);
    uit.push(maakTarief(p, 'basistarief', 'basistarief', basis.r, basis.cao));
  }
  uit.push(...microTarieven(ctx, cache, p));
  const pgb = set.varianten.pgb;
  if (pgb) {
    if (pgb.grondslag === 'basistarief') {
      const variant = set.varianten.basistarief ? 'basistarief' : basis.cao;
      uit.push(...pgbTarieven(ctx, p, { zin: basis.r, variant, label: set.varianten.basistarief ? 'basistarief' : `laagste CAO (${basis.cao})` }));
    } else {
      // Stryker disable next-line StringLiteral: uiterste kiest bij elke richting behalve 'laagste' het hoogste; "" geeft hetzelfde
      const hoogste = uiterste(perCao, 'hoogste');
      uit.push(...pgbTarieven(ctx, p, { zin: hoogste.r, variant: hoogste.cao, label: `hoogste CAO (${hoogste.cao})` }));
    }
  }
  for (const a of set.aanbieders) {
    const ov = a.producten.find((x) => x.code === p.code);
    if (!ov) continue;
    const r = kostprijsProduct(ctx, cache, { product: p, cao: a.cao, overhead: oh.standaard, afwijkingen: ov });
    r.stappen.push(aanbiederStap(a, ov, r));
    uit.push(maakTarief(p, `aanbieder-${a.id}`, 'aanbieder', r, a.cao));
  }
  return uit;
}
