/**
 * The chain of a cost-price product for one CAO:
 *   personeel per niveau → functiemix → groepsgrootte → eenheid → opslagen (indexatie … winst en risico)
 *   → afronding (→ minuut)
 * The unit step sits before overhead so that client-bound costs stay in the unit in which the set states
 * them; all steps before it are multiplicative, so the order does not change the amount. Pure.
 */
import { Decimal, som } from '../../shared/decimal.ts';
import { PRODUCTEENHEDEN } from '../../params/schema.ts';
import type * as T from '../../params/types.ts';
import { E, type Expr } from '../expressie.ts';
import type { ParamGebruik, Stap } from '../types.ts';
import { afronden } from './afronden.ts';
import { type Context, KOSTENELEMENT, type Resultaat, fmt, laatsteStap, stap } from './context.ts';
import { type Omrekening, opslagen } from './opslagen.ts';
import { type PersoneelCache, personeelskosten } from './personeel.ts';

/** What an aanbieder-specifiek tarief changes in the product. */
export interface Afwijkingen {
  groepsgrootte?: T.Param;
  urenPerEenheid?: T.Param;
  inzet?: T.Inzet[];
  productiviteit?: string;
  clientgebondenKosten?: { soort: string; param: T.Param }[];
}

export interface ProductVraag {
  product: T.KostprijsProduct;
  cao: string;
  overhead: T.Param;
  afwijkingen?: Afwijkingen;
}

export function kostprijsProduct(ctx: Context, cache: PersoneelCache, v: ProductVraag): Resultaat {
  const { product: p } = v;
  const ov = v.afwijkingen ?? {};
  const stappen: Stap[] = [];
  const perUur = functiemix(ctx, cache, v, stappen);
  const perClientUur = groepsgrootte(ctx, p, ov.groepsgrootte ?? p.groepsgrootte, perUur, stappen);
  const opUur = p.eenheid === 'minuut' || p.eenheid === 'uur';
  const rekeneenheid = opUur ? 'euro_per_uur' : `euro_per_${p.eenheid}`;
  const eh = opUur ? { perEenheid: perClientUur, uren: new Decimal(1), expr: E.getal(1) } : eenheid(ctx, p, ov.urenPerEenheid ?? p.urenPerEenheid, perClientUur, stappen);
  const omreken: Omrekening = (g, param) => {
    if (opUur && param.eenheid === 'euro_per_eenheid' && p.eenheid === 'minuut')
      return { bedrag: g.waarde.times(60), tekst: `${fmt(g.waarde, 2)} per minuut × 60`, expr: E.maal(E.param(g), E.getal(60)) };
    if (!opUur && param.eenheid === 'euro_per_uur')
      return { bedrag: g.waarde.times(eh.uren), tekst: `${fmt(g.waarde, 2)} per uur × ${fmt(eh.uren)}`, expr: E.maal(E.param(g), eh.expr) };
    return { bedrag: g.waarde, tekst: fmt(g.waarde, 2), expr: E.param(g) };
  };
  const o = ctx.opslagen(p);
  const ns = p.noShow ?? o.noShow.percentage;
  const { onafgerond, kostprijs } = opslagen(
    ctx,
    {
      wet: p.wet,
      personeelskosten: eh.perEenheid,
      kosten: ov.clientgebondenKosten ?? p.clientgebondenKosten,
      omreken,
      eenheid: rekeneenheid,
      opslagen: o,
      overhead: v.overhead,
      noShowOpslag: o.noShow.methode === 'opslag' ? ns : undefined,
    },
    stappen,
  );
  const { tarief, tariefPerUur } = afronden(ctx, p, onafgerond, stappen, rekeneenheid);
  return { onafgerond, kostprijs, tarief, ...(tariefPerUur ? { tariefPerUur } : {}), stappen };
}

/** Σ aantal × personnel cost per productive hour of each level in the inzet. */
function functiemix(ctx: Context, cache: PersoneelCache, v: ProductVraag, stappen: Stap[]): Decimal {
  const { product: p } = v;
  const ov = v.afwijkingen ?? {};
  const cao = ctx.set.caos.get(v.cao)!;
  const o = ctx.opslagen(p);
  const ns = p.noShow ?? o.noShow.percentage;
  const npt = o.noShow.methode === 'niet_productieve_tijd' ? ns : undefined;
  const profiel = ov.productiviteit ?? p.productiviteit;
  const delen: string[] = [];
  const waarden: Decimal[] = [];
  const termen: Expr[] = [];
  for (const i of ov.inzet ?? p.inzet) {
    const r = personeelskosten(ctx, cache, { cao, niveau: i.niveau, wet: p.wet, profiel, ort: p.ort, noShow: npt });
    stappen.push(...r.stappen);
    termen.push(E.maal(E.stap(`personeel.${i.niveau}.kosten_per_uur`), E.getal(i.aantal)));
    waarden.push(r.kostenPerUur.times(i.aantal));
    delen.push(`${fmt(i.aantal)} × ${i.niveau} ${fmt(r.kostenPerUur, 2)}`);
  }
  const perUur = som(waarden);
  stappen.push(
    stap({
      stap: 'functiemix',
      label: 'Personeelskosten per begeleidingsuur (functiemix)',
      formule: delen.join(' + '),
      waarde: perUur,
      eenheid: 'euro_per_uur',
      parameters: [],
      kostenelementen: [KOSTENELEMENT[p.wet].beroepskracht],
      expr: E.som(termen),
    }),
  );
  return perUur;
}

/** per cliënt = functiemix ÷ groepsgrootte, for a group product. */
function groepsgrootte(ctx: Context, p: T.KostprijsProduct, gg: T.Param | undefined, perUur: Decimal, stappen: Stap[]): Decimal {
  if (!gg) return perUur;
  const g = ctx.gebruik(gg);
  const waarde = perUur.div(g.waarde);
  stappen.push(
    stap({
      stap: 'groepsgrootte',
      label: 'Per cliënt (groepsgrootte)',
      formule: `÷ ${fmt(g.waarde)} cliënten per groep`,
      waarde,
      eenheid: 'euro_per_uur',
      parameters: [g],
      kostenelementen: [KOSTENELEMENT[p.wet].beroepskracht],
      expr: E.deel(E.stap('functiemix'), E.param(g)),
    }),
  );
  return waarde;
}

/** per eenheid = per uur × uren per eenheid (the product's own, or the fixed hours of dagdeel, etmaal …). */
function eenheid(ctx: Context, p: T.KostprijsProduct, upeParam: T.Param | undefined, perUur: Decimal, stappen: Stap[]) {
  const voor = laatsteStap(stappen).stap;
  const refs: ParamGebruik[] = [];
  let uren: Decimal;
  let expr: Expr;
  if (upeParam) {
    const g = ctx.gebruik(upeParam);
    refs.push(g);
    uren = g.waarde;
    expr = E.param(g);
  } else {
    uren = new Decimal(PRODUCTEENHEDEN[p.eenheid].uren!);
    expr = E.getal(uren);
  }
  const perEenheid = perUur.times(uren);
  stappen.push(
    stap({
      stap: 'eenheid',
      label: `Personeelskosten per ${PRODUCTEENHEDEN[p.eenheid].omschrijving}`,
      formule: `× ${fmt(uren)} uur per ${p.eenheid}`,
      waarde: perEenheid,
      eenheid: `euro_per_${p.eenheid}`,
      parameters: refs,
      kostenelementen: [KOSTENELEMENT[p.wet].beroepskracht],
      expr: E.maal(E.stap(voor), expr),
    }),
  );
  return { perEenheid, uren, expr };
}
