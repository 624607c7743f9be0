/**
 * The personnel chain, per (CAO, functiehuis level, wet, productivity profile, ORT, no-show):
 *   salaris → jaarsalaris → CAO-toeslagen → werkgeverslasten → productieve uren → kosten per productief uur
 * Shared by many products, so the result is cached per key within one computation. Pure.
 */
import type { Decimal } from '../../shared/decimal.ts';
import { NUL } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import type { Stap } from '../types.ts';
import type { Context, Wet } from './context.ts';
import { loonkostenPerFte } from './loonkosten.ts';
import { kostenPerProductiefUur } from './productiviteit.ts';
import { kiesTabellen, salarisStap } from './salaris.ts';

export interface PersoneelVraag {
  cao: T.Cao;
  niveau: string;
  wet: Wet;
  /** without a profile the chain stops at the loonkosten per fte (a lump sum counts in fte) */
  profiel: string | undefined;
  ort: string | undefined;
  /** no-show as niet-productieve tijd */
  noShow: T.Param | undefined;
}

export interface Personeelskosten {
  /** per productive hour; zero without a profile */
  kostenPerUur: Decimal;
  loonkostenPerFte: Decimal;
  stappen: Stap[];
}

export type PersoneelCache = Map<string, Personeelskosten>;

export function personeelskosten(ctx: Context, cache: PersoneelCache, v: PersoneelVraag): Personeelskosten {
  const sleutel = [v.cao.id, v.niveau, v.wet, v.profiel ?? '-', v.ort ?? '-', v.noShow?.pad ?? '-'].join('|');
  const bekend = cache.get(sleutel);
  if (bekend) return bekend;
  const r = bereken(ctx, v);
  cache.set(sleutel, r);
  return r;
}

function bereken(ctx: Context, v: PersoneelVraag): Personeelskosten {
  const tab = kiesTabellen(ctx, v.cao);
  const sal = salarisStap(ctx, tab, v.niveau, v.wet);
  const uren = ctx.gebruik(v.cao.urenPerWeek);
  const loon = loonkostenPerFte(ctx, { tab, niveau: v.niveau, wet: v.wet, salaris: sal.salaris, uren, ort: v.ort });
  const stappen = [sal.stap, ...loon.stappen];
  if (v.profiel === undefined) return { kostenPerUur: NUL, loonkostenPerFte: loon.loonkosten, stappen };
  const profiel = ctx.set.productiviteit.get(v.profiel)!;
  const noShow = v.noShow ? ctx.gebruik(v.noShow) : undefined;
  const k = kostenPerProductiefUur(ctx, { cao: v.cao, niveau: v.niveau, wet: v.wet, profiel, loonkosten: loon.loonkosten, uren, noShow });
  return { kostenPerUur: k.kostenPerUur, loonkostenPerFte: loon.loonkosten, stappen: [...stappen, ...k.stappen] };
}
