/**
 * A lump sum per year for one CAO: the formation plus the costs per year, through the same opslagen as a
 * cost-price product (standard overhead, no no-show), then rounded. The formation is
 *   Σ fte × loonkosten per fte                      (inzet: day staff, fte given)
 * + Σ roosteruren × personeelskosten per productief uur  (rooster: hours per year, with the product's
 *   productivity profile, so fte = uren ÷ productieve uren per fte; the ORT profile holds for these hours)
 * With a roster the ORT is for the roster hours only; without one it is for every fte of the inzet. Pure.
 */
import { type Decimal, som } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { E, type Expr } from '../expressie.ts';
import type { Stap } from '../types.ts';
import { afronden } from './afronden.ts';
import { type Context, KOSTENELEMENT, type Resultaat, fmt, stap } from './context.ts';
import { opslagen } from './opslagen.ts';
import { type PersoneelCache, personeelskosten } from './personeel.ts';

export function lumpsumProduct(ctx: Context, cache: PersoneelCache, p: T.LumpsumProduct, caoId: string): Resultaat {
  const cao = ctx.set.caos.get(caoId)!;
  const stappen: Stap[] = [];
  const el = KOSTENELEMENT[p.wet];
  const delen: string[] = [];
  const waarden: Decimal[] = [];
  const termen: Expr[] = [];
  const metRooster = p.rooster.length > 0;
  for (const i of p.inzet) {
    const r = personeelskosten(ctx, cache, { cao, niveau: i.niveau, wet: p.wet, profiel: undefined, ort: metRooster ? undefined : p.ort, noShow: undefined });
    stappen.push(...r.stappen);
    termen.push(E.maal(E.stap(`personeel.${i.niveau}.werkgeverslasten`), E.getal(i.aantal)));
    waarden.push(r.loonkostenPerFte.times(i.aantal));
    delen.push(`${fmt(i.aantal)} fte ${i.niveau} × ${fmt(r.loonkostenPerFte, 2)}`);
  }
  for (const x of p.rooster) {
    const r = personeelskosten(ctx, cache, { cao, niveau: x.niveau, wet: p.wet, profiel: p.productiviteit, ort: p.ort, noShow: undefined });
    const uren = ctx.gebruik(x.uren);
    const fte = uren.waarde.times(r.kostenPerUur).div(r.loonkostenPerFte);
    stappen.push(
      ...r.stappen,
      stap({
        stap: `rooster.${x.niveau}`,
        label: `Roosteruren ${x.niveau} per jaar (profiel ${p.productiviteit})`,
        formule: `${fmt(uren.waarde)} uur × ${fmt(r.kostenPerUur, 2)} per productief uur (${fmt(fte, 2)} fte)`,
        waarde: uren.waarde.times(r.kostenPerUur),
        eenheid: 'euro_per_jaar',
        parameters: [uren],
        kostenelementen: [el.beroepskracht],
        expr: E.maal(E.param(uren), E.stap(`personeel.${x.niveau}.kosten_per_uur`)),
      }),
    );
    termen.push(E.stap(`rooster.${x.niveau}`));
    waarden.push(uren.waarde.times(r.kostenPerUur));
    delen.push(`roosteruren ${x.niveau} ${fmt(uren.waarde.times(r.kostenPerUur), 2)}`);
  }
  const formatie = som(waarden);
  stappen.push(
    stap({
      stap: 'formatie',
      label: 'Personeelskosten van de formatie per jaar',
      formule: delen.join(' + '),
      waarde: formatie,
      eenheid: 'euro_per_jaar',
      parameters: [],
      kostenelementen: p.wet === 'wmo' ? [el.beroepskracht, KOSTENELEMENT.wmo.nietProductief] : [el.beroepskracht],
      expr: E.som(termen),
    }),
  );
  const o = ctx.opslagen(p);
  const { onafgerond, kostprijs } = opslagen(
    ctx,
    {
      wet: p.wet,
      personeelskosten: formatie,
      kosten: p.kostenPerJaar,
      omreken: (g) => ({ bedrag: g.waarde, tekst: fmt(g.waarde, 2), expr: E.param(g) }),
      eenheid: 'euro_per_jaar',
      opslagen: o,
      overhead: o.overhead.standaard,
      noShowOpslag: undefined,
    },
    stappen,
  );
  const { tarief } = afronden(ctx, p, onafgerond, stappen, 'euro_per_jaar');
  return { onafgerond, kostprijs, tarief, stappen };
}
