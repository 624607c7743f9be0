/**
 * The product chain after the personnel costs per unit, the same for cost-price products and lump sums:
 *   indexatie → overhead → gemeentelijke verplichtingen → cliëntgebonden kosten → no-show (opslag)
 *   → kostprijs → winst en risico
 * Every function takes the steps so far and appends its own. Pure.
 */
import { type Decimal, HONDERD, NUL } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { E, type Expr } from '../expressie.ts';
import { keuzeGebruik } from '../gebruik.ts';
import type { ParamGebruik, Stap } from '../types.ts';
import { type Context, KOSTENELEMENT, type Wet, fmt, laatsteStap, stap } from './context.ts';

/** One cost item in the rekeneenheid of the product: its amount, formula text and expression. */
export type Omrekening = (k: ParamGebruik, param: T.Param) => { bedrag: Decimal; tekst: string; expr: Expr };

export interface OpslagInvoer {
  wet: Wet;
  /** personnel cost per rekeneenheid (the last step so far) */
  personeelskosten: Decimal;
  kosten: { soort: string; param: T.Param }[];
  omreken: Omrekening;
  /** rekeneenheid of every step: euro_per_uur, euro_per_dagdeel, euro_per_jaar, … */
  eenheid: string;
  /** the set's opslagen (Context.opslagen) */
  opslagen: T.Opslagen;
  overhead: T.Param;
  /** no-show as an opslag on the kostprijs, if the set uses that method */
  noShowOpslag: T.Param | undefined;
}

/** Appends the steps from indexatie to winst en risico; returns the unrounded tariff and the kostprijs. */
export function opslagen(ctx: Context, inv: OpslagInvoer, stappen: Stap[]): { onafgerond: Decimal; kostprijs: Decimal } {
  const personeel = indexatie(ctx, inv, stappen);
  const k = clientgebondenKosten(ctx, inv);
  let subtotaal = overhead(ctx, inv, personeel, k, stappen);
  subtotaal = gemeentelijkeVerplichtingen(ctx, inv, personeel, subtotaal, stappen);
  subtotaal = subtotaal.plus(k.bedrag);
  const voorK = laatsteStap(stappen).stap;
  stappen.push(
    stap({
      stap: 'clientgebonden_kosten',
      label: 'Cliëntgebonden kosten anders dan personeel',
      formule: k.delen.length ? `vorige + ${k.delen.join(' + ')}` : 'geen cliëntgebonden kosten in dit product',
      waarde: subtotaal,
      eenheid: inv.eenheid,
      parameters: k.refs,
      kostenelementen: inv.wet === 'jeugdwet' ? [KOSTENELEMENT.jeugdwet.clientgebonden] : [],
      expr: inv.kosten.length ? E.plus(E.stap(voorK), k.expr) : E.stap(voorK),
    }),
  );
  subtotaal = noShowOpslag(ctx, inv, subtotaal, stappen);
  const kostprijs = subtotaal;
  stappen.push(
    stap({ stap: 'kostprijs', label: 'Kostprijs', formule: 'som van de vorige stappen', waarde: kostprijs, eenheid: inv.eenheid, parameters: [], expr: E.stap(laatsteStap(stappen).stap) }),
  );
  return { onafgerond: winstEnRisico(ctx, inv, kostprijs, stappen), kostprijs };
}

/** personeelskosten × (1 + loonindex), or the salary tables of the peildatum with no further index. */
function indexatie(ctx: Context, inv: OpslagInvoer, stappen: Stap[]): Decimal {
  const vorige = laatsteStap(stappen).stap;
  const el = KOSTENELEMENT[inv.wet];
  const loon = inv.opslagen.indexatie.loon;
  if (!loon) {
    stappen.push(
      stap({
        stap: 'indexatie',
        label: 'Indexatie',
        formule: `salaristabellen en parameters geldig op peildatum ${ctx.peildatum}; geen aanvullende indexatie`,
        waarde: inv.personeelskosten,
        eenheid: inv.eenheid,
        parameters: [],
        kostenelementen: [el.indexatie],
        expr: E.stap(vorige),
      }),
    );
    return inv.personeelskosten;
  }
  const g = ctx.gebruik(loon);
  const waarde = inv.personeelskosten.times(HONDERD.plus(g.waarde)).div(HONDERD);
  stappen.push(
    stap({
      stap: 'indexatie',
      label: 'Indexatie loonkosten',
      formule: `personeelskosten × (1 + ${fmt(g.waarde)} %)`,
      waarde,
      eenheid: inv.eenheid,
      parameters: [g],
      kostenelementen: [el.indexatie],
      expr: E.deel(E.maal(E.stap(vorige), E.plus(E.getal(100), E.param(g))), E.getal(100)),
    }),
  );
  return waarde;
}

/** Σ client-bound costs in the rekeneenheid, × (1 + materiële index) when the set gives one. */
function clientgebondenKosten(ctx: Context, inv: OpslagInvoer) {
  const refs: ParamGebruik[] = [];
  const delen: string[] = [];
  const termen: Expr[] = [];
  let bedrag = NUL;
  for (const item of inv.kosten) {
    const g = ctx.gebruik(item.param);
    refs.push(g);
    const o = inv.omreken(g, item.param);
    termen.push(o.expr);
    bedrag = bedrag.plus(o.bedrag);
    delen.push(`${item.soort} ${o.tekst}`);
  }
  let expr: Expr = E.som(termen);
  const materieel = inv.opslagen.indexatie.materieel;
  if (materieel && inv.kosten.length) {
    const g = ctx.gebruik(materieel);
    refs.push(g);
    bedrag = bedrag.times(HONDERD.plus(g.waarde)).div(HONDERD);
    expr = E.deel(E.maal(expr, E.plus(E.getal(100), E.param(g))), E.getal(100));
    delen.push(`× (1 + materiële index ${fmt(g.waarde)} %)`);
  }
  return { bedrag, expr, refs, delen };
}

/**
 * overhead over the grondslag (personnel, or personnel + client-bound costs):
 * opslag op directe kosten: grondslag × o; aandeel in de kostprijs: grondslag × o ÷ (1 − o).
 */
function overhead(ctx: Context, inv: OpslagInvoer, personeel: Decimal, k: { bedrag: Decimal; expr: Expr }, stappen: Stap[]): Decimal {
  const oh = ctx.gebruik(inv.overhead);
  const conv = inv.opslagen.overhead;
  const opslag = conv.conventie === 'opslag_op_directe_kosten';
  const basis = conv.grondslag === 'personeel' ? personeel : personeel.plus(k.bedrag);
  const bedrag = opslag ? basis.times(oh.waarde).div(HONDERD) : basis.times(oh.waarde).div(HONDERD.minus(oh.waarde));
  const waarde = personeel.plus(bedrag);
  const basisExpr = conv.grondslag === 'personeel' || !inv.kosten.length ? E.stap('indexatie') : E.plus(E.stap('indexatie'), k.expr);
  const ohExpr = opslag ? E.procentVan(basisExpr, E.param(oh)) : E.deel(E.maal(basisExpr, E.param(oh)), E.minus(E.getal(100), E.param(oh)));
  const grondslagTekst = conv.grondslag === 'personeel' ? 'personeelskosten' : '(personeelskosten + cliëntgebonden kosten)';
  stappen.push(
    stap({
      stap: 'overhead',
      label: `Overhead (${opslag ? 'opslag op directe kosten' : 'aandeel in de kostprijs'})`,
      formule: opslag
        ? `personeelskosten + ${grondslagTekst} × ${fmt(oh.waarde)} %`
        : `personeelskosten + ${grondslagTekst} × ${fmt(oh.waarde)} ÷ (100 − ${fmt(oh.waarde)})`,
      waarde,
      eenheid: inv.eenheid,
      parameters: [oh],
      kostenelementen: [KOSTENELEMENT[inv.wet].overhead],
      expr: E.plus(E.stap('indexatie'), ohExpr),
    }),
  );
  return waarde;
}

/** vorige + geïndexeerde personeelskosten × gemeentelijke verplichtingen %, when the set has them. */
function gemeentelijkeVerplichtingen(ctx: Context, inv: OpslagInvoer, personeel: Decimal, vorige: Decimal, stappen: Stap[]): Decimal {
  const gv = inv.opslagen.gemeentelijkeVerplichtingen;
  if (!gv) return vorige;
  const g = ctx.gebruik(gv);
  const waarde = vorige.plus(personeel.times(g.waarde).div(HONDERD));
  stappen.push(
    stap({
      stap: 'gemeentelijke_verplichtingen',
      label: 'Kosten van gemeentelijke verplichtingen (administratie, rapportage)',
      formule: `vorige + personeelskosten × ${fmt(g.waarde)} %`,
      waarde,
      eenheid: inv.eenheid,
      parameters: [g],
      kostenelementen: inv.wet === 'wmo' ? [KOSTENELEMENT.wmo.verplichtingen] : [KOSTENELEMENT.jeugdwet.overhead],
      expr: E.plus(E.stap('overhead'), E.procentVan(E.stap('indexatie'), E.param(g))),
    }),
  );
  return waarde;
}

/** vorige ÷ (1 − no-show), when no-show is an opslag. */
function noShowOpslag(ctx: Context, inv: OpslagInvoer, vorige: Decimal, stappen: Stap[]): Decimal {
  if (!inv.noShowOpslag) return vorige;
  const g = ctx.gebruik(inv.noShowOpslag);
  const waarde = vorige.times(HONDERD).div(HONDERD.minus(g.waarde));
  stappen.push(
    stap({
      stap: 'no_show',
      label: 'No-show (opslag 1 ÷ (1 − no-show))',
      formule: `vorige × 100 ÷ (100 − ${fmt(g.waarde)})`,
      waarde,
      eenheid: inv.eenheid,
      parameters: [g],
      kostenelementen: inv.wet === 'wmo' ? [KOSTENELEMENT.wmo.nietProductief] : [KOSTENELEMENT.jeugdwet.beroepskracht],
      expr: E.deel(E.maal(E.stap('clientgebonden_kosten'), E.getal(100)), E.minus(E.getal(100), E.param(g))),
    }),
  );
  return waarde;
}

/** opslag op de kostprijs: t = k × (1 + r); aandeel in het tarief: t = k ÷ (1 − r), so that r is r % of the tariff. */
function winstEnRisico(ctx: Context, inv: OpslagInvoer, kostprijs: Decimal, stappen: Stap[]): Decimal {
  const wr = ctx.gebruik(inv.opslagen.winstEnRisico);
  const wrc = inv.opslagen.winstEnRisicoConventie;
  const keuze = wrc.herkomst ? [keuzeGebruik('opslagen.winst_en_risico.conventie', wrc.conventie, wrc.herkomst, ctx.peildatum)] : [];
  const aandeel = wrc.conventie === 'aandeel_in_tarief';
  const waarde = aandeel ? kostprijs.times(HONDERD).div(HONDERD.minus(wr.waarde)) : kostprijs.times(HONDERD.plus(wr.waarde)).div(HONDERD);
  stappen.push(
    stap({
      stap: 'winst_en_risico',
      label: aandeel ? 'Winst en risico (aandeel in het tarief)' : wrc.herkomst ? 'Winst en risico (opslag op de kostprijs)' : 'Winst en risico',
      formule: aandeel ? `kostprijs ÷ (1 − ${fmt(wr.waarde)} %)` : `kostprijs × (1 + ${fmt(wr.waarde)} %)`,
      waarde,
      eenheid: inv.eenheid,
      parameters: [...keuze, wr],
      expr: aandeel
        ? E.deel(E.maal(E.stap('kostprijs'), E.getal(100)), E.minus(E.getal(100), E.param(wr)))
        : E.deel(E.maal(E.stap('kostprijs'), E.plus(E.getal(100), E.param(wr))), E.getal(100)),
    }),
  );
  return waarde;
}
