/**
 * Stage 1 of the personnel chain: the salary of a functiehuis level from the CAO tables. Either the table on
 * the peildatum, or (`salaristabellen: jaargemiddelde`) the months-weighted mean of every table in the
 * tariefjaar; over several treden the weighted mean of their amounts. Pure.
 */
import { Decimal, NUL, som } from '../../shared/decimal.ts';
import type * as T from '../../params/types.ts';
import { tabellenInJaar, tabelOp } from '../../params/regels.ts';
import { E, type Expr } from '../expressie.ts';
import { bronTekst, keuzeGebruik } from '../gebruik.ts';
import type { ParamGebruik, Stap } from '../types.ts';
import { type Context, KOSTENELEMENT, Ontbreekt, type Wet, fmt, stap } from './context.ts';

const MAAND = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The tables a salary comes from, each with its number of months in the tariefjaar. */
export interface Tabellen {
  cao: T.Cao;
  jaar: number;
  lijst: { tabel: T.CaoTabel; maanden: number }[];
  /** true when the amount is a months-weighted mean over more than one table */
  gemiddeld: boolean;
  soort: T.CaoTabel['soort'];
}

export interface Treden {
  trede: string;
  gewicht: Decimal;
}

/** An amount over the tariefjaar: per table, and the (weighted) whole. */
export interface JaarBedrag {
  per: { tabel: T.CaoTabel; maanden: number; waarde: Decimal; expr: Expr; refs: ParamGebruik[] }[];
  refs: ParamGebruik[];
  waarde: Decimal;
  expr: Expr;
}

export function kiesTabellen(ctx: Context, cao: T.Cao): Tabellen {
  const jaar = Number(ctx.peildatum.slice(0, 4));
  const methode = ctx.set.salaristabellen.methode;
  let lijst: Tabellen['lijst'];
  if (methode === 'jaargemiddelde') {
    const r = tabellenInJaar(cao, jaar);
    if ('maand' in r) {
      throw new Ontbreekt({
        ...r.tabel.herkomst,
        melding: `de salaristabellen van ${cao.naam} geven geen jaargemiddelde over ${jaar} (${r.maand})`,
        verwacht: `tabellen die samen elke maand van ${jaar} heel beslaan`,
        gevonden: cao.tabellen.map((t) => `${t.van} t/m ${t.tot}`).join(', '),
        hint: 'het jaargemiddelde vraagt een tabel voor elke hele maand van het tariefjaar',
      });
    }
    lijst = r.tabellen;
  } else {
    const t = tabelOp(cao, ctx.peildatum);
    if (!t) {
      throw new Ontbreekt({
        ...cao.tabellen[0]!.herkomst,
        melding: `${cao.naam} heeft geen salaristabel die geldt op ${ctx.peildatum}`,
        verwacht: `een tabel met geldig_van ≤ ${ctx.peildatum} ≤ geldig_tot`,
        gevonden: cao.tabellen.map((t) => `${t.van} t/m ${t.tot}`).join(', '),
        hint: 'voeg de tabel voor dit tariefjaar toe',
      });
    }
    lijst = [{ tabel: t, maanden: 12 }];
  }
  return { cao, jaar, lijst, gemiddeld: methode === 'jaargemiddelde' && lijst.length > 1, soort: lijst[0]!.tabel.soort };
}

/** The amount of one table for a schaal and its treden (a weighted mean over several), with the cells used. */
function uitTabel(tab: Tabellen, tabel: T.CaoTabel, schaalId: string, treden: Treden[], plek: T.Herkomst) {
  const { cao, jaar } = tab;
  const schaal = tabel.schalen.get(schaalId);
  const refs: ParamGebruik[] = [];
  let gewogen = NUL;
  let gewichten = NUL;
  for (const t of treden) {
    const cel = schaal?.get(t.trede);
    if (!cel) {
      throw new Ontbreekt({
        ...plek,
        melding: `schaal ${schaalId} trede ${t.trede} ontbreekt in de tabel van ${cao.naam} geldig vanaf ${tabel.van}`,
        verwacht: `trede ${t.trede} in schaal ${schaalId} van die tabel`,
        gevonden: schaal ? `treden ${[...schaal.keys()].join(', ')}` : `geen schaal ${schaalId}`,
        hint: 'pas het functiehuis (of het ORT-maximum) aan, of vul de tabel aan',
      });
    }
    refs.push({
      pad: `cao.${cao.id}.tabel[${tabel.van}].schaal[${schaalId}].trede[${t.trede}]`,
      // a table that starts during the year (jaargemiddelde) is compared with another set by its start month;
      // the one in force on 1 January, like the table on a peildatum, by schaal and trede alone
      ...(tabel.van > `${jaar}-01-01` && tab.lijst.length > 1
        ? { vergelijkAls: `cao.${cao.id}.tabel[vanaf ${MAAND[Number(tabel.van.slice(5, 7)) - 1]}].schaal[${schaalId}].trede[${t.trede}]` }
        : {}),
      waarde: cel.bedrag,
      eenheid: tabel.soort === 'maand' ? 'euro_per_maand' : 'euro_per_uur',
      ...cel.herkomst,
      bron: bronTekst(tabel.bron),
      status: tabel.status,
      geldig_van: tabel.van,
      geldig_tot: tabel.tot,
    });
    gewogen = gewogen.plus(cel.bedrag.times(t.gewicht));
    gewichten = gewichten.plus(t.gewicht);
  }
  return {
    waarde: gewogen.div(gewichten),
    expr: treden.length === 1 ? E.param(refs[0]!) : E.deel(E.som(treden.map((t, i) => E.maal(E.param(refs[i]!), E.getal(t.gewicht)))), E.getal(gewichten)),
    refs,
  };
}

/** The amount over the tariefjaar: the table on the peildatum, or (jaargemiddelde) the months-weighted mean. */
export function overJaar(tab: Tabellen, schaalId: string, treden: Treden[], plek: T.Herkomst): JaarBedrag {
  const per = tab.lijst.map((x) => ({ ...x, ...uitTabel(tab, x.tabel, schaalId, treden, plek) }));
  return {
    per,
    refs: per.flatMap((x) => x.refs),
    waarde: tab.gemiddeld ? som(per.map((x) => x.waarde.times(x.maanden))).div(12) : per[0]!.waarde,
    expr: tab.gemiddeld ? E.deel(E.som(per.map((x) => E.maal(x.expr, E.getal(x.maanden)))), E.getal(12)) : per[0]!.expr,
  };
}

/** Per tabel weighted over the treden, then over the months: the same weighting `overJaar` does, for derived amounts per cell. */
export function wegenOverJaar(tab: Tabellen, perTabel: { maanden: number; waarde: Decimal; expr: Expr }[]): { waarde: Decimal; expr: Expr } {
  return {
    waarde: tab.gemiddeld ? som(perTabel.map((x) => x.waarde.times(x.maanden))).div(12) : perTabel[0]!.waarde,
    expr: tab.gemiddeld ? E.deel(E.som(perTabel.map((x) => E.maal(x.expr, E.getal(x.maanden)))), E.getal(12)) : perTabel[0]!.expr,
  };
}

/** The salary step of one level: `personeel.<niveau>.salaris`. */
export function salarisStap(ctx: Context, tab: Tabellen, niveau: string, wet: Wet): { salaris: JaarBedrag; stap: Stap } {
  const { cao, soort } = tab;
  const fh = cao.functiehuis.get(niveau)!;
  const sal = overJaar(tab, fh.schaal, fh.treden, fh.herkomst);
  const eerste = sal.per[0]!.tabel;
  const laatste = sal.per[sal.per.length - 1]!.tabel;
  const fhRef: ParamGebruik = {
    pad: `cao.${cao.id}.functiehuis.${niveau}`,
    waarde: new Decimal(fh.treden.length),
    eenheid: 'functiehuis',
    weergave: `schaal ${fh.schaal}, ${fh.treden.length === 1 ? `trede ${fh.treden[0]!.trede}` : `treden ${fh.treden.map((t) => t.trede).join('/')}`}${fh.functie ? ` (${fh.functie})` : ''}`,
    ...fh.herkomst,
    bron: bronTekst(fh.bron),
    status: fh.status,
    geldig_van: eerste.van,
    geldig_tot: laatste.tot,
  };
  const st = ctx.set.salaristabellen;
  const methodeRef = st.herkomst ? [keuzeGebruik('model.salaristabellen', st.methode, st.herkomst, ctx.peildatum)] : [];
  const tredeTekst = fh.treden.length === 1 ? `trede ${fh.treden[0]!.trede}` : `gewogen over treden ${fh.treden.map((t) => `${t.trede} (${fmt(t.gewicht)})`).join(', ')}`;
  const perTabelFormule = fh.treden.length === 1 ? `tabelwaarde schaal ${fh.schaal} trede ${fh.treden[0]!.trede}` : `Σ(bedrag × gewicht) ÷ Σ gewicht`;
  return {
    salaris: sal,
    stap: stap({
      stap: `personeel.${niveau}.salaris`,
      label: `${soort === 'loonkosten_per_uur' ? 'Integrale loonkosten per uur' : 'Salaris'} ${niveau}: ${cao.naam}, schaal ${fh.schaal}, ${tredeTekst}${st.methode === 'jaargemiddelde' ? `, gemiddeld over ${tab.jaar}` : ''}`,
      formule: tab.gemiddeld
        ? `(${sal.per.map((x) => `${x.maanden} × ${fmt(x.waarde, 2)} (tabel vanaf ${x.tabel.van})`).join(' + ')}) ÷ 12 maanden; per tabel ${perTabelFormule}`
        : perTabelFormule,
      waarde: sal.waarde,
      eenheid: soort === 'maand' ? 'euro_per_maand' : 'euro_per_uur',
      parameters: [...methodeRef, fhRef, ...sal.refs],
      kostenelementen: [KOSTENELEMENT[wet].beroepskracht],
      expr: sal.expr,
    }),
  };
}
