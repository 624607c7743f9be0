/**
 * Stage 2 of the personnel chain: from the salary to the loonkosten per fte per year.
 *   jaarsalaris → CAO-toeslagen (vakantiegeld, eindejaarsuitkering/IKB, ORT) → werkgeverslasten
 * A table of integrale loonkosten per uur skips the toeslagen and lasten: they are in the amount. Pure.
 */
import { Decimal, HONDERD, NUL, som } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { E, type Expr } from '../expressie.ts';
import { bronTekst, keuzeGebruik } from '../gebruik.ts';
import type { ParamGebruik, Stap } from '../types.ts';
import { type Context, KOSTENELEMENT, type Wet, fmt, stap } from './context.ts';
import { type JaarBedrag, type Tabellen, overJaar, wegenOverJaar } from './salaris.ts';

/** What the loonkosten of one level are computed from. */
export interface LoonInvoer {
  tab: Tabellen;
  niveau: string;
  wet: Wet;
  salaris: JaarBedrag;
  /** cao.uren_per_week on the peildatum */
  uren: ParamGebruik;
  /** the ORT key of the product, if any */
  ort: string | undefined;
}

/** One toeslag by the name a grondslag uses for it (`ort` for the ORT). */
interface Toeslag {
  naam: string;
  bedrag: Decimal;
  expr: Expr;
}

const pfx = (niveau: string) => `personeel.${niveau}`;

/** The loonkosten per fte per year with their steps (salary step excluded). */
export function loonkostenPerFte(ctx: Context, inv: LoonInvoer): { loonkosten: Decimal; stappen: Stap[] } {
  if (inv.tab.soort === 'loonkosten_per_uur') return integraleLoonkosten(inv);
  const stappen: Stap[] = [];
  const jaar = jaarsalaris(inv);
  stappen.push(jaar.stap);
  const t = caoToeslagen(ctx, inv, jaar.waarde);
  stappen.push(t.stap);
  const w = werkgeverslasten(ctx, inv, jaar.waarde, t.loonsom, t.perToeslag);
  stappen.push(w.stap);
  return { loonkosten: w.loonkosten, stappen };
}

/** The table already holds the full personnel cost per paid hour (salary, allowances and employer charges). */
function integraleLoonkosten(inv: LoonInvoer): { loonkosten: Decimal; stappen: Stap[] } {
  const { niveau, uren, salaris } = inv;
  const loonkosten = salaris.waarde.times(uren.waarde).times(52);
  return {
    loonkosten,
    stappen: [
      stap({
        stap: `${pfx(niveau)}.werkgeverslasten`,
        label: `Loonkosten ${niveau} per fte per jaar (integrale loonkosten uit de tabel)`,
        formule: `${fmt(salaris.waarde, 2)} × ${fmt(uren.waarde)} uur × 52 weken; toeslagen en werkgeverslasten zitten in het tabelbedrag`,
        waarde: loonkosten,
        eenheid: 'euro_per_jaar',
        parameters: [uren],
        kostenelementen: [KOSTENELEMENT[inv.wet].beroepskracht],
        expr: E.maal(E.maal(E.stap(`${pfx(niveau)}.salaris`), E.param(uren)), E.getal(52)),
      }),
    ],
  };
}

/** jaarsalaris = maandsalaris × 12, or uurloon × uren per week × 52. */
function jaarsalaris(inv: LoonInvoer): { waarde: Decimal; stap: Stap } {
  const { niveau, uren, salaris, tab } = inv;
  const maand = tab.soort === 'maand';
  const waarde = maand ? salaris.waarde.times(12) : salaris.waarde.times(uren.waarde).times(52);
  return {
    waarde,
    stap: stap({
      stap: `${pfx(niveau)}.jaarsalaris`,
      label: `Jaarsalaris ${niveau} per fte`,
      formule: maand ? `${fmt(salaris.waarde, 2)} × 12 maanden` : `${fmt(salaris.waarde, 2)} × ${fmt(uren.waarde)} uur × 52 weken`,
      waarde,
      eenheid: 'euro_per_jaar',
      parameters: maand ? [] : [uren],
      kostenelementen: [KOSTENELEMENT[inv.wet].beroepskracht],
      expr: maand ? E.maal(E.stap(`${pfx(niveau)}.salaris`), E.getal(12)) : E.maal(E.maal(E.stap(`${pfx(niveau)}.salaris`), E.param(uren)), E.getal(52)),
    }),
  };
}

/**
 * ORT over at most the salary of one schaal and trede (Sociaal Werk: schaal 5 trede 11): the cap holds per
 * trede and per table, before the weighting over treden and months. Returns the capped year salary.
 */
function ortGrondslag(inv: LoonInvoer, m: NonNullable<T.Cao['ortMaximum']>, peildatum: string) {
  const { tab, salaris, uren, niveau } = inv;
  const fh = tab.cao.functiehuis.get(niveau)!;
  const cap = overJaar(tab, m.schaal, [{ trede: m.trede, gewicht: new Decimal(1) }], m.herkomst);
  const gewichten = som(fh.treden.map((t) => t.gewicht));
  const perTabel = salaris.per.map((x, i) => {
    const c = cap.per[i]!;
    return {
      maanden: x.maanden,
      waarde: som(fh.treden.map((t, k) => Decimal.min(x.refs[k]!.waarde, c.waarde).times(t.gewicht))).div(gewichten),
      expr:
        fh.treden.length === 1
          ? E.fn('MIN', E.param(x.refs[0]!), c.expr)
          : E.deel(E.som(fh.treden.map((t, k) => E.maal(E.fn('MIN', E.param(x.refs[k]!), c.expr), E.getal(t.gewicht)))), E.getal(gewichten)),
    };
  });
  const perMaand = wegenOverJaar(tab, perTabel);
  const maand = tab.soort === 'maand';
  const grond = maand ? perMaand.waarde.times(12) : perMaand.waarde.times(uren.waarde).times(52);
  const grondExpr = maand ? E.maal(perMaand.expr, E.getal(12)) : E.maal(E.maal(perMaand.expr, E.param(uren)), E.getal(52));
  const refs: ParamGebruik[] = [
    { pad: `cao.${tab.cao.id}.ort_maximum`, waarde: new Decimal(0), eenheid: 'keuze', weergave: `schaal ${m.schaal} trede ${m.trede}`, ...m.herkomst, bron: bronTekst(m.bron), status: m.status, geldig_van: peildatum, geldig_tot: peildatum },
    ...cap.refs,
    ...(maand ? [] : [uren]),
  ];
  return { grond, grondExpr, refs };
}

/** loonsom = jaarsalaris + Σ toeslagen (percentage of the jaarsalaris, per month × 12, or per year). */
function caoToeslagen(ctx: Context, inv: LoonInvoer, jaar: Decimal) {
  const { tab, niveau, ort } = inv;
  const cao = tab.cao;
  const refs: ParamGebruik[] = [];
  const termen: Expr[] = [E.stap(`${pfx(niveau)}.jaarsalaris`)];
  const delen: string[] = [];
  let toeslagen = NUL;
  const params = [...cao.toeslagen.map((p) => ({ p, sleutel: p.pad.split('.').pop()! })), ...(ort ? [{ p: cao.ort.get(ort)!, sleutel: 'ort' }] : [])];
  const perToeslag = new Map<string, Toeslag>();
  for (const { p, sleutel } of params) {
    const g = ctx.gebruik(p);
    refs.push(g);
    const naam = p.pad.split('.').pop()!;
    let bedrag: Decimal;
    let expr: Expr;
    const m = sleutel === 'ort' ? cao.ortMaximum : undefined;
    if (m) {
      const o = ortGrondslag(inv, m, ctx.peildatum);
      refs.push(...o.refs);
      bedrag = o.grond.times(g.waarde).div(HONDERD);
      expr = E.procentVan(o.grondExpr, E.param(g));
      delen.push(`ORT ${naam} ${fmt(g.waarde)} % × ${fmt(o.grond, 2)} (jaarsalaris met per trede ten hoogste schaal ${m.schaal} trede ${m.trede})`);
    } else if (p.eenheid === 'procent') {
      bedrag = jaar.times(g.waarde).div(HONDERD);
      expr = E.procentVan(E.stap(`${pfx(niveau)}.jaarsalaris`), E.param(g));
      delen.push(`${naam} ${fmt(g.waarde)} %`);
    } else if (p.eenheid === 'euro_per_maand') {
      bedrag = g.waarde.times(12);
      expr = E.maal(E.param(g), E.getal(12));
      delen.push(`${naam} ${fmt(g.waarde, 2)} × 12`);
    } else {
      bedrag = g.waarde;
      expr = E.param(g);
      delen.push(`${naam} ${fmt(g.waarde, 2)} per jaar`);
    }
    toeslagen = toeslagen.plus(bedrag);
    termen.push(expr);
    perToeslag.set(sleutel, { naam: sleutel === 'ort' ? `ORT ${naam}` : naam, bedrag, expr });
  }
  const loonsom = jaar.plus(toeslagen);
  return {
    loonsom,
    perToeslag,
    stap: stap({
      stap: `${pfx(niveau)}.cao_toeslagen`,
      label: `Jaarsalaris met CAO-toeslagen ${niveau}`,
      formule: delen.length ? `jaarsalaris + ${delen.join(' + ')}` : 'jaarsalaris (geen toeslagen)',
      waarde: loonsom,
      eenheid: 'euro_per_jaar',
      parameters: refs,
      kostenelementen: [KOSTENELEMENT[inv.wet].beroepskracht],
      expr: E.som(termen),
    }),
  };
}

/**
 * loonkosten = loonsom + Σ last % × grondslag, with grondslag = max(0, min(loonsom, maximum) − franchise); the
 * loonsom of a werkgeverslast with its own grondslag is the jaarsalaris plus only the toeslagen it names.
 */
function werkgeverslasten(ctx: Context, inv: LoonInvoer, jaar: Decimal, loonsom: Decimal, perToeslag: Map<string, Toeslag>) {
  const { tab, niveau, wet } = inv;
  const cao = tab.cao;
  const refs: ParamGebruik[] = [];
  const termen: Expr[] = [E.stap(`${pfx(niveau)}.cao_toeslagen`)];
  const delen: string[] = [];
  let lasten = NUL;
  let opleiding = false;
  for (const p of cao.werkgeverslasten) {
    const g = ctx.gebruik(p);
    refs.push(g);
    const naam = p.pad.split('.').pop()!;
    if (naam.includes('opleiding')) opleiding = true;
    const fr = cao.franchises.get(naam);
    const mx = cao.maxima.get(naam);
    const gs = cao.grondslagen.get(naam);
    let grondslag = loonsom;
    let grondExpr: Expr = E.stap(`${pfx(niveau)}.cao_toeslagen`);
    let grondTekst = 'loonsom';
    if (gs) {
      const mee = gs.toeslagen.flatMap((t) => perToeslag.get(t) ?? []);
      refs.push(keuzeGebruik(`cao.${cao.id}.grondslagen.${naam}`, ['jaarsalaris', ...gs.toeslagen].join(' + '), gs.herkomst, ctx.peildatum));
      grondslag = som([jaar, ...mee.map((m) => m.bedrag)]);
      grondExpr = E.som([E.stap(`${pfx(niveau)}.jaarsalaris`), ...mee.map((m) => m.expr)]);
      grondTekst = mee.length ? `(jaarsalaris + ${mee.map((m) => m.naam).join(' + ')})` : 'jaarsalaris';
    }
    if (mx) {
      const mg = ctx.gebruik(mx);
      refs.push(mg);
      grondslag = Decimal.min(grondslag, mg.waarde);
      grondExpr = E.fn('MIN', grondExpr, E.param(mg));
      grondTekst = `min(${grondTekst}, maximum ${fmt(mg.waarde, 2)})`;
    }
    if (fr) {
      const fg = ctx.gebruik(fr);
      refs.push(fg);
      grondslag = Decimal.max(NUL, grondslag.minus(fg.waarde));
      grondExpr = E.fn('MAX', E.getal(0), E.minus(grondExpr, E.param(fg)));
      grondTekst = `(${grondTekst} − franchise ${fmt(fg.waarde, 2)})`;
    }
    termen.push(E.procentVan(grondExpr, E.param(g)));
    delen.push(fr || mx || gs ? `${naam} ${fmt(g.waarde)} % × ${grondTekst}` : `${naam} ${fmt(g.waarde)} %`);
    lasten = lasten.plus(grondslag.times(g.waarde).div(HONDERD));
  }
  const loonkosten = loonsom.plus(lasten);
  const elementen: string[] = [KOSTENELEMENT[wet].beroepskracht];
  if (opleiding && wet === 'wmo') elementen.push(KOSTENELEMENT.wmo.reisOpleiding);
  return {
    loonkosten,
    stap: stap({
      stap: `${pfx(niveau)}.werkgeverslasten`,
      label: `Loonkosten ${niveau} per fte per jaar (met werkgeverslasten)`,
      formule: `loonsom + ${delen.join(' + ')}`,
      waarde: loonkosten,
      eenheid: 'euro_per_jaar',
      parameters: refs,
      kostenelementen: elementen,
      expr: E.som(termen),
    }),
  };
}
