/**
 * The kostprijsmodel: a pure function of (parameter set, tariefjaar/peildatum)
 * to tariffs with their opbouw. No files, no clock, no rendering.
 *
 * Order of the steps for a computed product (per rekeneenheid: the hour for
 * minute and hour products, otherwise the product's own unit):
 *   salaris → jaarsalaris → CAO-toeslagen → werkgeverslasten → productieve uren
 *   → kosten per productief uur → functiemix → groepsgrootte → eenheid
 *   → indexatie → overhead → gemeentelijke verplichtingen → cliëntgebonden kosten
 *   → no-show → kostprijs → winst en risico → afronding (→ minuut)
 * The unit step sits before overhead so that client-bound costs stay in the
 * unit in which the set states them; all steps before it are multiplicative,
 * so the order does not change the amount.
 */
import { Decimal, HONDERD, NUL, som } from '../shared/decimal.ts';
import { PRODUCTEENHEDEN } from '../params/schema.ts';
import type * as T from '../params/types.ts';
import { tabellenInJaar, tabelOp, waardeOp } from '../params/regels.ts';
import { rondAf } from './afronding.ts';
import { getal } from '../shared/format.ts';
import type { ModelProbleem, ParamGebruik, Stap, Tarief, Tarievenplan, VariantSoort } from './types.ts';
import { E, type Expr } from './expressie.ts';
import { indexeerTarieven } from './indexering.ts';
import { afrondExpr, bronTekst, keuzeGebruik, minuutStap, regelGebruik, zwaksteStatus } from './gebruik.ts';

export const KOSTENELEMENT = {
  wmo: {
    beroepskracht: 'Wmo art. 5.4 lid 3 a (kosten beroepskracht)',
    overhead: 'Wmo art. 5.4 lid 3 b (redelijke overhead)',
    nietProductief: 'Wmo art. 5.4 lid 3 c (niet-productieve uren)',
    reisOpleiding: 'Wmo art. 5.4 lid 3 d (reis- en opleidingskosten)',
    indexatie: 'Wmo art. 5.4 lid 3 e (indexatie)',
    verplichtingen: 'Wmo art. 5.4 lid 3 f (kosten gemeentelijke verplichtingen)',
  },
  jeugdwet: {
    beroepskracht: 'Besluit Jeugdwet art. 2.3 lid 1 a (beroepskrachten, cliëntgebonden en niet-cliëntgebonden)',
    clientgebonden: 'Besluit Jeugdwet art. 2.3 lid 1 b (cliëntgebonden kosten anders dan beroepskrachten)',
    overhead: 'Besluit Jeugdwet art. 2.3 lid 1 c (overhead)',
    indexatie: 'Besluit Jeugdwet art. 2.3 lid 1 d (indexering)',
  },
} as const;

export interface BerekenOpties {
  /** Defaults to the set's tariefjaar. */
  tariefjaar?: number;
  /** Defaults to the set's peildatum, or 1 January of another tariefjaar. */
  peildatum?: string;
}

const MAAND = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Numbers inside formula texts, Dutch style (1.234,56). */
function fmt(d: Decimal, dp?: number): string {
  return getal(d, dp ?? Math.min(d.decimalPlaces(), 6));
}

/** Thrown internally when a value is missing on the peildatum; becomes a ModelProbleem. */
class Ontbreekt extends Error {
  constructor(readonly probleem: ModelProbleem) {
    super(probleem.melding);
  }
}

interface Overrides {
  groepsgrootte?: T.Param;
  urenPerEenheid?: T.Param;
  inzet?: T.Inzet[];
  productiviteit?: string;
  clientgebondenKosten?: { soort: string; param: T.Param }[];
}

interface Resultaat {
  /** unrounded tariff per rekeneenheid */
  onafgerond: Decimal;
  kostprijs: Decimal;
  tarief: Decimal;
  tariefPerUur?: Decimal;
  stappen: Stap[];
}

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
    return {
      model: { id: set.id, naam: set.naam, regio: set.regio, tariefjaar: set.tariefjaar, peildatum, versie: set.versie, vingerafdruk: set.vingerafdruk },
      tarieven: r.tarieven,
      problemen: [...basis.problemen, ...r.problemen],
    };
  }
  const tariefjaar = opties.tariefjaar ?? set.tariefjaar;
  const peildatum = opties.peildatum ?? (tariefjaar === set.tariefjaar ? set.peildatum : `${tariefjaar}-01-01`);
  const problemen: ModelProbleem[] = [];
  const tarieven: Tarief[] = [];

  const gebruik = (p: T.Param): ParamGebruik => {
    const w = waardeOp(p, peildatum);
    if (!w) {
      throw new Ontbreekt({
        ...p.herkomst,
        melding: `${p.pad} heeft geen waarde die geldt op ${peildatum}`,
        verwacht: `een waarde met geldig_van ≤ ${peildatum} ≤ geldig_tot`,
        gevonden: p.reeks.map((x) => `${x.van} t/m ${x.tot}`).join(', '),
        hint: `voeg waarden voor tariefjaar ${tariefjaar} toe aan de set`,
      });
    }
    return {
      pad: p.pad,
      waarde: w.waarde,
      eenheid: p.eenheid,
      ...w.herkomst,
      bron: bronTekst(w.bron),
      status: w.status,
      geldig_van: w.van,
      geldig_tot: w.tot,
    };
  };
  const stap = (s: Omit<Stap, 'kostenelementen'> & { kostenelementen?: string[] }): Stap => ({ kostenelementen: [], ...s });

  // Personnel cost per productive hour, per (cao, niveau, profiel, ort, no-show): shared by many products.
  const personeelCache = new Map<string, { kostenPerUur: Decimal; loonkostenPerFte: Decimal; stappen: Stap[] }>();

  const personeel = (
    cao: T.Cao,
    niveau: string,
    wet: 'jeugdwet' | 'wmo',
    profielId: string | undefined,
    ort: string | undefined,
    noShowNpt: T.Param | undefined,
  ) => {
    const sleutel = [cao.id, niveau, wet, profielId ?? '-', ort ?? '-', noShowNpt?.pad ?? '-'].join('|');
    const bekend = personeelCache.get(sleutel);
    if (bekend) return bekend;
    const el = KOSTENELEMENT[wet];
    const pfx = `personeel.${niveau}`;
    const stappen: Stap[] = [];
    // The tables this salary comes from: the one on the peildatum, or (jaargemiddelde) every table of
    // the tariefjaar with its number of months in it.
    const jaar = Number(peildatum.slice(0, 4));
    let tabellen: { tabel: T.CaoTabel; maanden: number }[];
    if (set.salaristabellen.methode === 'jaargemiddelde') {
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
      tabellen = r.tabellen;
    } else {
      const t = tabelOp(cao, peildatum);
      if (!t) {
        throw new Ontbreekt({
          ...cao.tabellen[0]!.herkomst,
          melding: `${cao.naam} heeft geen salaristabel die geldt op ${peildatum}`,
          verwacht: `een tabel met geldig_van ≤ ${peildatum} ≤ geldig_tot`,
          gevonden: cao.tabellen.map((t) => `${t.van} t/m ${t.tot}`).join(', '),
          hint: 'voeg de tabel voor dit tariefjaar toe',
        });
      }
      tabellen = [{ tabel: t, maanden: 12 }];
    }
    const soort = tabellen[0]!.tabel.soort;
    const fh = cao.functiehuis.get(niveau)!;
    const tabelRefs: ParamGebruik[] = [];
    /** The amount of one table for a schaal and its treden (a weighted mean over several), with the cells used. */
    const uitTabel = (tabel: T.CaoTabel, schaalId: string, treden: { trede: string; gewicht: Decimal }[], plek: T.Herkomst): { waarde: Decimal; expr: Expr; refs: ParamGebruik[] } => {
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
          ...(tabel.van > `${jaar}-01-01` && tabellen.length > 1 ? { vergelijkAls: `cao.${cao.id}.tabel[vanaf ${MAAND[Number(tabel.van.slice(5, 7)) - 1]}].schaal[${schaalId}].trede[${t.trede}]` } : {}),
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
    };
    const gemiddeld = set.salaristabellen.methode === 'jaargemiddelde' && tabellen.length > 1;
    /** The amount over the tariefjaar: the table on the peildatum, or (jaargemiddelde) the months-weighted mean. */
    const overJaar = (schaalId: string, treden: { trede: string; gewicht: Decimal }[], plek: T.Herkomst) => {
      const per = tabellen.map((x) => ({ ...x, ...uitTabel(x.tabel, schaalId, treden, plek) }));
      return {
        per,
        refs: per.flatMap((x) => x.refs),
        waarde: gemiddeld ? som(per.map((x) => x.waarde.times(x.maanden))).div(12) : per[0]!.waarde,
        expr: gemiddeld ? E.deel(E.som(per.map((x) => E.maal(x.expr, E.getal(x.maanden)))), E.getal(12)) : per[0]!.expr,
      };
    };
    const sal = overJaar(fh.schaal, fh.treden, fh.herkomst);
    const perTabel = sal.per;
    tabelRefs.push(...sal.refs);
    const eersteTabel = perTabel[0]!.tabel;
    const laatsteTabel = perTabel[perTabel.length - 1]!.tabel;
    const fhRef: ParamGebruik = {
      pad: `cao.${cao.id}.functiehuis.${niveau}`,
      waarde: new Decimal(fh.treden.length),
      eenheid: 'functiehuis',
      weergave: `schaal ${fh.schaal}, ${fh.treden.length === 1 ? `trede ${fh.treden[0]!.trede}` : `treden ${fh.treden.map((t) => t.trede).join('/')}`}${fh.functie ? ` (${fh.functie})` : ''}`,
      ...fh.herkomst,
      bron: bronTekst(fh.bron),
      status: fh.status,
      geldig_van: eersteTabel.van,
      geldig_tot: laatsteTabel.tot,
    };
    const methodeRef = set.salaristabellen.herkomst ? [keuzeGebruik('model.salaristabellen', set.salaristabellen.methode, set.salaristabellen.herkomst, peildatum)] : [];
    const salaris = sal.waarde;
    const salarisExpr = sal.expr;
    const tredeTekst =
      fh.treden.length === 1 ? `trede ${fh.treden[0]!.trede}` : `gewogen over treden ${fh.treden.map((t) => `${t.trede} (${fmt(t.gewicht)})`).join(', ')}`;
    const perTabelFormule = fh.treden.length === 1 ? `tabelwaarde schaal ${fh.schaal} trede ${fh.treden[0]!.trede}` : `Σ(bedrag × gewicht) ÷ Σ gewicht`;
    stappen.push(
      stap({
        stap: `${pfx}.salaris`,
        label: `${soort === 'loonkosten_per_uur' ? 'Integrale loonkosten per uur' : 'Salaris'} ${niveau}: ${cao.naam}, schaal ${fh.schaal}, ${tredeTekst}${set.salaristabellen.methode === 'jaargemiddelde' ? `, gemiddeld over ${jaar}` : ''}`,
        formule: gemiddeld
          ? `(${perTabel.map((x) => `${x.maanden} × ${fmt(x.waarde, 2)} (tabel vanaf ${x.tabel.van})`).join(' + ')}) ÷ 12 maanden; per tabel ${perTabelFormule}`
          : perTabelFormule,
        waarde: salaris,
        eenheid: soort === 'maand' ? 'euro_per_maand' : 'euro_per_uur',
        parameters: [...methodeRef, fhRef, ...tabelRefs],
        kostenelementen: [el.beroepskracht],
        expr: salarisExpr,
      }),
    );
    const uren = gebruik(cao.urenPerWeek);
    /** Salary → CAO-toeslagen → werkgeverslasten: the loonkosten per fte per year. */
    const vanSalaris = (): Decimal => {
      const jaarsalaris = soort === 'maand' ? salaris.times(12) : salaris.times(uren.waarde).times(52);
      stappen.push(
        stap({
          stap: `${pfx}.jaarsalaris`,
          label: `Jaarsalaris ${niveau} per fte`,
          formule: soort === 'maand' ? `${fmt(salaris, 2)} × 12 maanden` : `${fmt(salaris, 2)} × ${fmt(uren.waarde)} uur × 52 weken`,
          waarde: jaarsalaris,
          eenheid: 'euro_per_jaar',
          parameters: soort === 'uur' ? [uren] : [],
          kostenelementen: [el.beroepskracht],
          expr:
            soort === 'maand'
              ? E.maal(E.stap(`${pfx}.salaris`), E.getal(12))
              : E.maal(E.maal(E.stap(`${pfx}.salaris`), E.param(uren)), E.getal(52)),
        }),
      );
      const toeslagRefs: ParamGebruik[] = [];
      const toeslagTermen: Expr[] = [E.stap(`${pfx}.jaarsalaris`)];
      const delen: string[] = [];
      let toeslagen = NUL;
      const toeslagParams = [...cao.toeslagen.map((p) => ({ p, sleutel: p.pad.split('.').pop()! })), ...(ort ? [{ p: cao.ort.get(ort)!, sleutel: 'ort' }] : [])];
      /** Each toeslag by the name a grondslag uses for it (`ort` for the ORT): amount and expression. */
      const perToeslag = new Map<string, { naam: string; bedrag: Decimal; expr: Expr }>();
      for (const { p, sleutel: tsleutel } of toeslagParams) {
        const g = gebruik(p);
        toeslagRefs.push(g);
        const naam = p.pad.split('.').pop()!;
        let bedrag: Decimal;
        let expr: Expr;
        const m = tsleutel === 'ort' ? cao.ortMaximum : undefined;
        if (m) {
          // ORT over at most the salary of one schaal and trede (Sociaal Werk: schaal 5 trede 11): the cap holds per
          // trede and per table, before the weighting over treden and months
          const cap = overJaar(m.schaal, [{ trede: m.trede, gewicht: new Decimal(1) }], m.herkomst);
          const gewichten = som(fh.treden.map((t) => t.gewicht));
          const perTabel = sal.per.map((x, i) => {
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
          const perMaand = gemiddeld ? som(perTabel.map((x) => x.waarde.times(x.maanden))).div(12) : perTabel[0]!.waarde;
          const perMaandExpr = gemiddeld ? E.deel(E.som(perTabel.map((x) => E.maal(x.expr, E.getal(x.maanden)))), E.getal(12)) : perTabel[0]!.expr;
          const grond = soort === 'maand' ? perMaand.times(12) : perMaand.times(uren.waarde).times(52);
          const grondExpr = soort === 'maand' ? E.maal(perMaandExpr, E.getal(12)) : E.maal(E.maal(perMaandExpr, E.param(uren)), E.getal(52));
          toeslagRefs.push(
            { pad: `cao.${cao.id}.ort_maximum`, waarde: new Decimal(0), eenheid: 'keuze', weergave: `schaal ${m.schaal} trede ${m.trede}`, ...m.herkomst, bron: bronTekst(m.bron), status: m.status, geldig_van: peildatum, geldig_tot: peildatum },
            ...cap.refs,
            ...(soort === 'uur' ? [uren] : []),
          );
          bedrag = grond.times(g.waarde).div(HONDERD);
          expr = E.procentVan(grondExpr, E.param(g));
          delen.push(`ORT ${naam} ${fmt(g.waarde)} % × ${fmt(grond, 2)} (jaarsalaris met per trede ten hoogste schaal ${m.schaal} trede ${m.trede})`);
        } else if (p.eenheid === 'procent') {
          bedrag = jaarsalaris.times(g.waarde).div(HONDERD);
          expr = E.procentVan(E.stap(`${pfx}.jaarsalaris`), E.param(g));
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
        toeslagTermen.push(expr);
        perToeslag.set(tsleutel, { naam: tsleutel === 'ort' ? `ORT ${naam}` : naam, bedrag, expr });
      }
      const loonsom = jaarsalaris.plus(toeslagen);
      stappen.push(
        stap({
          stap: `${pfx}.cao_toeslagen`,
          label: `Jaarsalaris met CAO-toeslagen ${niveau}`,
          formule: delen.length ? `jaarsalaris + ${delen.join(' + ')}` : 'jaarsalaris (geen toeslagen)',
          waarde: loonsom,
          eenheid: 'euro_per_jaar',
          parameters: toeslagRefs,
          kostenelementen: [el.beroepskracht],
          expr: E.som(toeslagTermen),
        }),
      );
      const lastRefs: ParamGebruik[] = [];
      const lastTermen: Expr[] = [E.stap(`${pfx}.cao_toeslagen`)];
      const lastDelen: string[] = [];
      let lasten = NUL;
      let opleiding = false;
      for (const p of cao.werkgeverslasten) {
        const g = gebruik(p);
        lastRefs.push(g);
        const naam = p.pad.split('.').pop()!;
        if (naam.includes('opleiding')) opleiding = true;
        const fr = cao.franchises.get(naam);
        const mx = cao.maxima.get(naam);
        const gs = cao.grondslagen.get(naam);
        // grondslag = min(loonsom, maximum) − franchise, never below zero; the loonsom of a werkgeverslast
        // with its own grondslag is the jaarsalaris plus only the toeslagen it names
        let grondslag = loonsom;
        let grondExpr: Expr = E.stap(`${pfx}.cao_toeslagen`);
        let grondTekst = 'loonsom';
        if (gs) {
          const mee = gs.toeslagen.flatMap((t) => perToeslag.get(t) ?? []);
          lastRefs.push(keuzeGebruik(`cao.${cao.id}.grondslagen.${naam}`, ['jaarsalaris', ...gs.toeslagen].join(' + '), gs.herkomst, peildatum));
          grondslag = som([jaarsalaris, ...mee.map((m) => m.bedrag)]);
          grondExpr = E.som([E.stap(`${pfx}.jaarsalaris`), ...mee.map((m) => m.expr)]);
          grondTekst = mee.length ? `(jaarsalaris + ${mee.map((m) => m.naam).join(' + ')})` : 'jaarsalaris';
        }
        if (mx) {
          const mg = gebruik(mx);
          lastRefs.push(mg);
          grondslag = Decimal.min(grondslag, mg.waarde);
          grondExpr = E.fn('MIN', grondExpr, E.param(mg));
          grondTekst = `min(${grondTekst}, maximum ${fmt(mg.waarde, 2)})`;
        }
        if (fr) {
          const fg = gebruik(fr);
          lastRefs.push(fg);
          grondslag = Decimal.max(NUL, grondslag.minus(fg.waarde));
          grondExpr = E.fn('MAX', E.getal(0), E.minus(grondExpr, E.param(fg)));
          grondTekst = `(${grondTekst} − franchise ${fmt(fg.waarde, 2)})`;
        }
        lastTermen.push(E.procentVan(grondExpr, E.param(g)));
        lastDelen.push(fr || mx || gs ? `${naam} ${fmt(g.waarde)} % × ${grondTekst}` : `${naam} ${fmt(g.waarde)} %`);
        lasten = lasten.plus(grondslag.times(g.waarde).div(HONDERD));
      }
      const loonkosten = loonsom.plus(lasten);
      const wgElementen: string[] = [el.beroepskracht];
      if (opleiding && wet === 'wmo') wgElementen.push(KOSTENELEMENT.wmo.reisOpleiding);
      stappen.push(
        stap({
          stap: `${pfx}.werkgeverslasten`,
          label: `Loonkosten ${niveau} per fte per jaar (met werkgeverslasten)`,
          formule: `loonsom + ${lastDelen.join(' + ')}`,
          waarde: loonkosten,
          eenheid: 'euro_per_jaar',
          parameters: lastRefs,
          kostenelementen: wgElementen,
          expr: E.som(lastTermen),
        }),
      );
      return loonkosten;
    };
    let loonkosten: Decimal;
    if (soort === 'loonkosten_per_uur') {
      // The table already holds the full personnel cost per paid hour (salary, allowances and employer charges).
      loonkosten = salaris.times(uren.waarde).times(52);
      stappen.push(
        stap({
          stap: `${pfx}.werkgeverslasten`,
          label: `Loonkosten ${niveau} per fte per jaar (integrale loonkosten uit de tabel)`,
          formule: `${fmt(salaris, 2)} × ${fmt(uren.waarde)} uur × 52 weken; toeslagen en werkgeverslasten zitten in het tabelbedrag`,
          waarde: loonkosten,
          eenheid: 'euro_per_jaar',
          parameters: [uren],
          kostenelementen: [el.beroepskracht],
          expr: E.maal(E.maal(E.stap(`${pfx}.salaris`), E.param(uren)), E.getal(52)),
        }),
      );
    } else loonkosten = vanSalaris();
    if (profielId === undefined) {
      const r = { kostenPerUur: NUL, loonkostenPerFte: loonkosten, stappen };
      personeelCache.set(sleutel, r);
      return r;
    }
    const profiel = set.productiviteit.get(profielId)!;
    const betaald = uren.waarde.times(52);
    const betaaldExpr = E.maal(E.param(uren), E.getal(52));
    const ns = noShowNpt ? gebruik(noShowNpt) : undefined;
    const pe: string[] = [wet === 'wmo' ? KOSTENELEMENT.wmo.nietProductief : el.beroepskracht];
    const reisOfScholing = profiel.vorm === 'posten' && profiel.posten.some((x) => x.post === 'reistijd' || x.post === 'scholing');
    if (reisOfScholing && wet === 'wmo') pe.push(KOSTENELEMENT.wmo.reisOpleiding);
    const rekenwijzeRef =
      profiel.vorm === 'posten' && profiel.rekenwijzeHerkomst ? [keuzeGebruik(`productiviteit.${profiel.id}.rekenwijze`, profiel.rekenwijze, profiel.rekenwijzeHerkomst, peildatum)] : [];

    if (profiel.vorm === 'posten' && profiel.rekenwijze === 'opslag') {
      // Opslag niet-productieve uren: every post is a share of the paid hours (a post in hours is
      // divided by the paid hours) and raises the cost per paid hour; no-show stays a share of the
      // productive hours and divides, as under aftrek.
      const refs: ParamGebruik[] = [...rekenwijzeRef];
      const termen: Expr[] = [];
      const delen: string[] = [];
      let opslag = NUL;
      if (profiel.posten.some((x) => x.param.eenheid !== 'procent')) refs.push(uren);
      for (const { post, param } of profiel.posten) {
        const g = gebruik(param);
        refs.push(g);
        if (param.eenheid === 'procent') {
          opslag = opslag.plus(g.waarde);
          termen.push(E.param(g));
          delen.push(`${post} ${fmt(g.waarde)} %`);
        } else {
          const pct = g.waarde.times(HONDERD).div(betaald);
          opslag = opslag.plus(pct);
          termen.push(E.deel(E.maal(E.param(g), E.getal(100)), betaaldExpr));
          delen.push(`${post} ${fmt(g.waarde)} u ÷ ${fmt(betaald)} = ${fmt(pct, 2)} %`);
        }
      }
      stappen.push(
        stap({
          stap: `${pfx}.opslag_niet_productief`,
          label: `Opslag niet-productieve uren per fte, profiel ${profiel.id}`,
          formule: `opslag op de kosten per betaald uur: ${delen.join(' + ') || 'geen posten'}`,
          waarde: opslag,
          eenheid: 'procent',
          parameters: refs,
          kostenelementen: pe,
          expr: E.som(termen),
        }),
      );
      const perBetaaldUur = loonkosten.div(betaald);
      let kostenPerUur = perBetaaldUur.times(HONDERD.plus(opslag)).div(HONDERD);
      let expr: Expr = E.deel(E.maal(E.deel(E.stap(`${pfx}.werkgeverslasten`), betaaldExpr), E.plus(E.getal(100), E.stap(`${pfx}.opslag_niet_productief`))), E.getal(100));
      let formule = `${fmt(loonkosten, 2)} ÷ ${fmt(betaald)} betaalde uren × (1 + ${fmt(opslag, 2)} % opslag niet-productieve uren)`;
      const kpuElementen: string[] = [el.beroepskracht];
      if (ns) {
        kostenPerUur = kostenPerUur.times(HONDERD).div(HONDERD.minus(ns.waarde));
        expr = E.deel(E.maal(expr, E.getal(100)), E.minus(E.getal(100), E.param(ns)));
        formule += ` ÷ (1 − no-show ${fmt(ns.waarde)} %)`;
        if (wet === 'wmo') kpuElementen.push(KOSTENELEMENT.wmo.nietProductief);
      }
      stappen.push(
        stap({
          stap: `${pfx}.kosten_per_uur`,
          label: `Personeelskosten ${niveau} per productief uur`,
          formule,
          waarde: kostenPerUur,
          eenheid: 'euro_per_uur',
          parameters: [uren, ...(ns ? [ns] : [])],
          kostenelementen: kpuElementen,
          expr,
        }),
      );
      const r = { kostenPerUur, loonkostenPerFte: loonkosten, stappen };
      personeelCache.set(sleutel, r);
      return r;
    }

    const postRefs: ParamGebruik[] = [];
    let productief: Decimal;
    let productiefExpr: Expr;
    let formule: string;
    if (profiel.vorm === 'productieve_uren') {
      const g = gebruik(profiel.param);
      postRefs.push(g);
      productief = g.waarde;
      productiefExpr = E.param(g);
      formule = `${fmt(g.waarde)} productieve uren per fte, zoals gegeven (${fmt(uren.waarde)} × 52 = ${fmt(betaald)} betaalde uren: productiviteit ${fmt(g.waarde.times(HONDERD).div(betaald), 1)} %)`;
    } else if (profiel.vorm === 'productiviteit') {
      const g = gebruik(profiel.param);
      postRefs.push(uren, g);
      productief = betaald.times(g.waarde).div(HONDERD);
      productiefExpr = E.procentVan(betaaldExpr, E.param(g));
      formule = `${fmt(uren.waarde)} × 52 = ${fmt(betaald)} betaalde uren × productiviteit ${fmt(g.waarde)} %`;
    } else {
      postRefs.push(uren, ...rekenwijzeRef);
      const postDelen: string[] = [];
      const postTermen: Expr[] = [];
      let af = NUL;
      for (const { post, param } of profiel.posten) {
        const g = gebruik(param);
        postRefs.push(g);
        const u = param.eenheid === 'procent' ? betaald.times(g.waarde).div(HONDERD) : g.waarde;
        af = af.plus(u);
        postTermen.push(param.eenheid === 'procent' ? E.procentVan(betaaldExpr, E.param(g)) : E.param(g));
        postDelen.push(param.eenheid === 'procent' ? `${post} ${fmt(g.waarde)} %` : `${post} ${fmt(g.waarde)} u`);
      }
      productief = betaald.minus(af);
      productiefExpr = postTermen.length ? E.minus(betaaldExpr, E.som(postTermen)) : betaaldExpr;
      formule = `${fmt(uren.waarde)} × 52 = ${fmt(betaald)} betaalde uren − (${postDelen.join(' + ') || 'geen posten'})`;
    }
    if (ns) {
      postRefs.push(ns);
      productief = productief.times(HONDERD.minus(ns.waarde)).div(HONDERD);
      productiefExpr = E.deel(E.maal(productiefExpr, E.minus(E.getal(100), E.param(ns))), E.getal(100));
      formule += profiel.vorm === 'posten' ? ` − no-show ${fmt(ns.waarde)} % van de overige uren` : ` − no-show ${fmt(ns.waarde)} % daarvan`;
    }
    stappen.push(
      stap({
        stap: `${pfx}.productieve_uren`,
        label: `Productieve (declarabele) uren per fte per jaar, profiel ${profiel.id}`,
        formule,
        waarde: productief,
        eenheid: 'uren_per_jaar',
        parameters: postRefs,
        kostenelementen: pe,
        expr: productiefExpr,
      }),
    );
    if (!productief.isPositive() || productief.isZero()) {
      throw new Ontbreekt({
        ...(profiel.vorm === 'posten' ? (profiel.posten[0]?.param.herkomst ?? cao.urenPerWeek.herkomst) : profiel.param.herkomst),
        melding: `productiviteitsprofiel ${profiel.id} laat onder ${cao.naam} geen productieve uren over`,
        verwacht: 'minder niet-productieve uren dan betaalde uren',
        gevonden: `${fmt(productief, 1)} productieve uren`,
        hint: 'controleer of een post in uren_per_jaar per ongeluk als procent is geschreven (of omgekeerd)',
      });
    }
    const kostenPerUur = loonkosten.div(productief);
    stappen.push(
      stap({
        stap: `${pfx}.kosten_per_uur`,
        label: `Personeelskosten ${niveau} per productief uur`,
        formule: `${fmt(loonkosten, 2)} ÷ ${fmt(productief, 2)} uur`,
        waarde: kostenPerUur,
        eenheid: 'euro_per_uur',
        parameters: [],
        kostenelementen: [el.beroepskracht],
        expr: E.deel(E.stap(`${pfx}.werkgeverslasten`), E.stap(`${pfx}.productieve_uren`)),
      }),
    );
    const r = { kostenPerUur, loonkostenPerFte: loonkosten, stappen };
    personeelCache.set(sleutel, r);
    return r;
  };

  /** Indexation, overhead, municipal obligations, client-bound costs, no-show, margin, rounding. */
  const opslagenEnAfronding = (
    p: T.Product,
    personeelskosten: Decimal,
    kosten: { soort: string; param: T.Param }[],
    omrekenKosten: (k: ParamGebruik, param: T.Param) => { bedrag: Decimal; tekst: string; expr: Expr },
    eenheid: string,
    overheadParam: T.Param,
    noShowOpslag: T.Param | undefined,
    stappen: Stap[],
  ): { onafgerond: Decimal; kostprijs: Decimal } => {
    const vorige = stappen[stappen.length - 1]!.stap;
    const el = KOSTENELEMENT[p.wet];
    const idx = set.opslagen.indexatie;
    let personeelIndex = personeelskosten;
    if (idx.loon) {
      const g = gebruik(idx.loon);
      personeelIndex = personeelskosten.times(HONDERD.plus(g.waarde)).div(HONDERD);
      stappen.push(
        stap({
          stap: 'indexatie',
          label: 'Indexatie loonkosten',
          formule: `personeelskosten × (1 + ${fmt(g.waarde)} %)`,
          waarde: personeelIndex,
          eenheid,
          parameters: [g],
          kostenelementen: [el.indexatie],
          expr: E.deel(E.maal(E.stap(vorige), E.plus(E.getal(100), E.param(g))), E.getal(100)),
        }),
      );
    } else {
      stappen.push(
        stap({
          stap: 'indexatie',
          label: 'Indexatie',
          formule: `salaristabellen en parameters geldig op peildatum ${peildatum}; geen aanvullende indexatie`,
          waarde: personeelIndex,
          eenheid,
          parameters: [],
          kostenelementen: [el.indexatie],
          expr: E.stap(vorige),
        }),
      );
    }
    // Client-bound costs (with materieel index when the set gives one).
    const kRefs: ParamGebruik[] = [];
    const kDelen: string[] = [];
    const kTermen: Expr[] = [];
    let k = NUL;
    for (const item of kosten) {
      const g = gebruik(item.param);
      kRefs.push(g);
      const { bedrag, tekst, expr } = omrekenKosten(g, item.param);
      kTermen.push(expr);
      k = k.plus(bedrag);
      kDelen.push(`${item.soort} ${tekst}`);
    }
    let kExpr: Expr = E.som(kTermen);
    if (idx.materieel && kosten.length) {
      const g = gebruik(idx.materieel);
      kRefs.push(g);
      k = k.times(HONDERD.plus(g.waarde)).div(HONDERD);
      kExpr = E.deel(E.maal(kExpr, E.plus(E.getal(100), E.param(g))), E.getal(100));
      kDelen.push(`× (1 + materiële index ${fmt(g.waarde)} %)`);
    }
    const oh = gebruik(overheadParam);
    const conv = set.opslagen.overhead;
    const ohBasis = conv.grondslag === 'personeel' ? personeelIndex : personeelIndex.plus(k);
    const overhead =
      conv.conventie === 'opslag_op_directe_kosten' ? ohBasis.times(oh.waarde).div(HONDERD) : ohBasis.times(oh.waarde).div(HONDERD.minus(oh.waarde));
    const naOverhead = personeelIndex.plus(overhead);
    const ohBasisExpr = conv.grondslag === 'personeel' || !kosten.length ? E.stap('indexatie') : E.plus(E.stap('indexatie'), kExpr);
    const ohExpr =
      conv.conventie === 'opslag_op_directe_kosten'
        ? E.procentVan(ohBasisExpr, E.param(oh))
        : E.deel(E.maal(ohBasisExpr, E.param(oh)), E.minus(E.getal(100), E.param(oh)));
    const grondslagTekst = conv.grondslag === 'personeel' ? 'personeelskosten' : '(personeelskosten + cliëntgebonden kosten)';
    stappen.push(
      stap({
        stap: 'overhead',
        label: `Overhead (${conv.conventie === 'opslag_op_directe_kosten' ? 'opslag op directe kosten' : 'aandeel in de kostprijs'})`,
        formule:
          conv.conventie === 'opslag_op_directe_kosten'
            ? `personeelskosten + ${grondslagTekst} × ${fmt(oh.waarde)} %`
            : `personeelskosten + ${grondslagTekst} × ${fmt(oh.waarde)} ÷ (100 − ${fmt(oh.waarde)})`,
        waarde: naOverhead,
        eenheid,
        parameters: [oh],
        kostenelementen: [el.overhead],
        expr: E.plus(E.stap('indexatie'), ohExpr),
      }),
    );
    let subtotaal = naOverhead;
    const gv = set.opslagen.gemeentelijkeVerplichtingen;
    if (gv) {
      const g = gebruik(gv);
      subtotaal = subtotaal.plus(personeelIndex.times(g.waarde).div(HONDERD));
      stappen.push(
        stap({
          stap: 'gemeentelijke_verplichtingen',
          label: 'Kosten van gemeentelijke verplichtingen (administratie, rapportage)',
          formule: `vorige + personeelskosten × ${fmt(g.waarde)} %`,
          waarde: subtotaal,
          eenheid,
          parameters: [g],
          kostenelementen: p.wet === 'wmo' ? [KOSTENELEMENT.wmo.verplichtingen] : [KOSTENELEMENT.jeugdwet.overhead],
          expr: E.plus(E.stap('overhead'), E.procentVan(E.stap('indexatie'), E.param(g))),
        }),
      );
    }
    subtotaal = subtotaal.plus(k);
    const voorK = stappen[stappen.length - 1]!.stap;
    stappen.push(
      stap({
        stap: 'clientgebonden_kosten',
        label: 'Cliëntgebonden kosten anders dan personeel',
        formule: kDelen.length ? `vorige + ${kDelen.join(' + ')}` : 'geen cliëntgebonden kosten in dit product',
        waarde: subtotaal,
        eenheid,
        parameters: kRefs,
        kostenelementen: p.wet === 'jeugdwet' ? [KOSTENELEMENT.jeugdwet.clientgebonden] : [],
        expr: kosten.length ? E.plus(E.stap(voorK), kExpr) : E.stap(voorK),
      }),
    );
    if (noShowOpslag) {
      const g = gebruik(noShowOpslag);
      subtotaal = subtotaal.times(HONDERD).div(HONDERD.minus(g.waarde));
      stappen.push(
        stap({
          stap: 'no_show',
          label: 'No-show (opslag 1 ÷ (1 − no-show))',
          formule: `vorige × 100 ÷ (100 − ${fmt(g.waarde)})`,
          waarde: subtotaal,
          eenheid,
          parameters: [g],
          kostenelementen: p.wet === 'wmo' ? [KOSTENELEMENT.wmo.nietProductief] : [KOSTENELEMENT.jeugdwet.beroepskracht],
          expr: E.deel(E.maal(E.stap('clientgebonden_kosten'), E.getal(100)), E.minus(E.getal(100), E.param(g))),
        }),
      );
    }
    const kostprijs = subtotaal;
    stappen.push(
      stap({ stap: 'kostprijs', label: 'Kostprijs', formule: 'som van de vorige stappen', waarde: kostprijs, eenheid, parameters: [], expr: E.stap(stappen[stappen.length - 1]!.stap) }),
    );
    const wr = gebruik(set.opslagen.winstEnRisico);
    const wrc = set.opslagen.winstEnRisicoConventie;
    const wrKeuze = wrc.herkomst ? [keuzeGebruik('opslagen.winst_en_risico.conventie', wrc.conventie, wrc.herkomst, peildatum)] : [];
    const aandeel = wrc.conventie === 'aandeel_in_tarief';
    // opslag op de kostprijs: t = k × (1 + r); aandeel in het tarief: t = k ÷ (1 − r), so that r is r % of the tariff
    const onafgerond = aandeel ? kostprijs.times(HONDERD).div(HONDERD.minus(wr.waarde)) : kostprijs.times(HONDERD.plus(wr.waarde)).div(HONDERD);
    stappen.push(
      stap({
        stap: 'winst_en_risico',
        label: aandeel ? 'Winst en risico (aandeel in het tarief)' : wrc.herkomst ? 'Winst en risico (opslag op de kostprijs)' : 'Winst en risico',
        formule: aandeel ? `kostprijs ÷ (1 − ${fmt(wr.waarde)} %)` : `kostprijs × (1 + ${fmt(wr.waarde)} %)`,
        waarde: onafgerond,
        eenheid,
        parameters: [...wrKeuze, wr],
        expr: aandeel
          ? E.deel(E.maal(E.stap('kostprijs'), E.getal(100)), E.minus(E.getal(100), E.param(wr)))
          : E.deel(E.maal(E.stap('kostprijs'), E.plus(E.getal(100), E.param(wr))), E.getal(100)),
      }),
    );
    return { onafgerond, kostprijs };
  };

  const afronden = (p: T.Product, onafgerond: Decimal, regelId: string, stappen: Stap[], eenheid: string): { tarief: Decimal; tariefPerUur?: Decimal } => {
    const regel = set.afronding.get(regelId)!;
    const ref = regelGebruik(regel, peildatum);
    const afgerond = rondAf(onafgerond, regel.veelvoud, regel.richting);
    const vorige = stappen[stappen.length - 1]!.stap;
    stappen.push(
      stap({
        stap: 'afronding',
        label: `Afronding (${regel.id})`,
        formule: `${regel.richting} afronden op een veelvoud van € ${fmt(regel.veelvoud, 2)}`,
        waarde: afgerond,
        eenheid,
        parameters: [ref],
        expr: afrondExpr(E.stap(vorige), ref, regel.richting),
      }),
    );
    if (p.eenheid !== 'minuut') return { tarief: afgerond };
    const minuut = minuutStap(afgerond, 'afronding');
    stappen.push(minuut);
    return { tarief: minuut.waarde, tariefPerUur: afgerond };
  };

  const kostprijsProduct = (p: T.KostprijsProduct, caoId: string, overheadParam: T.Param, ov: Overrides = {}): Resultaat => {
    const cao = set.caos.get(caoId)!;
    const stappen: Stap[] = [];
    const el = KOSTENELEMENT[p.wet];
    const inzet = ov.inzet ?? p.inzet;
    const profielId = ov.productiviteit ?? p.productiviteit;
    const ns = p.noShow ?? set.opslagen.noShow.percentage;
    const npt = set.opslagen.noShow.methode === 'niet_productieve_tijd' ? ns : undefined;
    const mixDelen: string[] = [];
    const mixWaarden: Decimal[] = [];
    const mixTermen: Expr[] = [];
    for (const i of inzet) {
      const r = personeel(cao, i.niveau, p.wet, profielId, p.ort, npt);
      stappen.push(...r.stappen);
      mixTermen.push(E.maal(E.stap(`personeel.${i.niveau}.kosten_per_uur`), E.getal(i.aantal)));
      mixWaarden.push(r.kostenPerUur.times(i.aantal));
      mixDelen.push(`${fmt(i.aantal)} × ${i.niveau} ${fmt(r.kostenPerUur, 2)}`);
    }
    const perUur = som(mixWaarden);
    stappen.push(
      stap({
        stap: 'functiemix',
        label: 'Personeelskosten per begeleidingsuur (functiemix)',
        formule: mixDelen.join(' + '),
        waarde: perUur,
        eenheid: 'euro_per_uur',
        parameters: [],
        kostenelementen: [el.beroepskracht],
        expr: E.som(mixTermen),
      }),
    );
    let perClientUur = perUur;
    const gg = ov.groepsgrootte ?? p.groepsgrootte;
    if (gg) {
      const g = gebruik(gg);
      perClientUur = perUur.div(g.waarde);
      stappen.push(
        stap({
          stap: 'groepsgrootte',
          label: 'Per cliënt (groepsgrootte)',
          formule: `÷ ${fmt(g.waarde)} cliënten per groep`,
          waarde: perClientUur,
          eenheid: 'euro_per_uur',
          parameters: [g],
          kostenelementen: [el.beroepskracht],
          expr: E.deel(E.stap('functiemix'), E.param(g)),
        }),
      );
    }
    const opUur = p.eenheid === 'minuut' || p.eenheid === 'uur';
    const rekeneenheid = opUur ? 'euro_per_uur' : `euro_per_${p.eenheid}`;
    let urenPerEenheid = new Decimal(1);
    let upeExpr: Expr = E.getal(1);
    let perEenheid = perClientUur;
    const voorEenheid = stappen[stappen.length - 1]!.stap;
    if (!opUur) {
      const upeParam = ov.urenPerEenheid ?? p.urenPerEenheid;
      const vast = PRODUCTEENHEDEN[p.eenheid].uren;
      const refs: ParamGebruik[] = [];
      if (upeParam) {
        const g = gebruik(upeParam);
        refs.push(g);
        urenPerEenheid = g.waarde;
        upeExpr = E.param(g);
      } else {
        urenPerEenheid = new Decimal(vast!);
        upeExpr = E.getal(urenPerEenheid);
      }
      perEenheid = perClientUur.times(urenPerEenheid);
      stappen.push(
        stap({
          stap: 'eenheid',
          label: `Personeelskosten per ${PRODUCTEENHEDEN[p.eenheid].omschrijving}`,
          formule: `× ${fmt(urenPerEenheid)} uur per ${p.eenheid}`,
          waarde: perEenheid,
          eenheid: rekeneenheid,
          parameters: refs,
          kostenelementen: [el.beroepskracht],
          expr: E.maal(E.stap(voorEenheid), upeExpr),
        }),
      );
    }
    const kosten = ov.clientgebondenKosten ?? p.clientgebondenKosten;
    const omreken = (g: ParamGebruik, param: T.Param) => {
      if (opUur && param.eenheid === 'euro_per_eenheid' && p.eenheid === 'minuut')
        return { bedrag: g.waarde.times(60), tekst: `${fmt(g.waarde, 2)} per minuut × 60`, expr: E.maal(E.param(g), E.getal(60)) };
      if (!opUur && param.eenheid === 'euro_per_uur')
        return { bedrag: g.waarde.times(urenPerEenheid), tekst: `${fmt(g.waarde, 2)} per uur × ${fmt(urenPerEenheid)}`, expr: E.maal(E.param(g), upeExpr) };
      return { bedrag: g.waarde, tekst: fmt(g.waarde, 2), expr: E.param(g) };
    };
    const noShowOpslag = set.opslagen.noShow.methode === 'opslag' ? ns : undefined;
    const { onafgerond, kostprijs } = opslagenEnAfronding(p, perEenheid, kosten, omreken, rekeneenheid, overheadParam, noShowOpslag, stappen);
    const { tarief, tariefPerUur } = afronden(p, onafgerond, p.afronding, stappen, rekeneenheid);
    return { onafgerond, kostprijs, tarief, ...(tariefPerUur ? { tariefPerUur } : {}), stappen };
  };

  const lumpsumProduct = (p: T.LumpsumProduct, caoId: string): Resultaat => {
    const cao = set.caos.get(caoId)!;
    const stappen: Stap[] = [];
    const el = KOSTENELEMENT[p.wet];
    const delen: string[] = [];
    const waarden: Decimal[] = [];
    const termen: Expr[] = [];
    for (const i of p.inzet) {
      const r = personeel(cao, i.niveau, p.wet, undefined, p.ort, undefined);
      stappen.push(...r.stappen);
      termen.push(E.maal(E.stap(`personeel.${i.niveau}.werkgeverslasten`), E.getal(i.aantal)));
      waarden.push(r.loonkostenPerFte.times(i.aantal));
      delen.push(`${fmt(i.aantal)} fte ${i.niveau} × ${fmt(r.loonkostenPerFte, 2)}`);
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
    const { onafgerond, kostprijs } = opslagenEnAfronding(
      p,
      formatie,
      p.kostenPerJaar,
      (g) => ({ bedrag: g.waarde, tekst: fmt(g.waarde, 2), expr: E.param(g) }),
      'euro_per_jaar',
      set.opslagen.overhead.standaard,
      undefined,
      stappen,
    );
    const { tarief } = afronden(p, onafgerond, p.afronding, stappen, 'euro_per_jaar');
    return { onafgerond, kostprijs, tarief, stappen };
  };

  const zwakste = (stappen: Stap[]): T.Status => zwaksteStatus(stappen.flatMap((st) => st.parameters.map((g) => g.status)));

  const maak = (p: T.Product, variant: string, soort: VariantSoort, r: Resultaat, cao?: string): Tarief => ({
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
  });

  /** The lowest of several results, with a closing step naming the comparison. */
  const laagste = (
    product: string,
    kandidaten: { cao: string; r: Resultaat }[],
    label: string,
    stapId: string,
    live: boolean,
  ): { cao: string; r: Resultaat } => {
    let beste = kandidaten[0]!;
    // Compare on the hourly tariff where there is one, so the lowest minute tariff and the lowest hourly tariff come from the same CAO.
    const bedrag = (r: Resultaat) => r.tariefPerUur ?? r.tarief;
    for (const k of kandidaten) if (bedrag(k.r).lt(bedrag(beste.r))) beste = k;
    const waarde = beste.r.tarief;
    const vergelijking = kandidaten.map((k) => `${k.cao} ${fmt(k.r.tarief, 2)}`).join(', ');
    const stappen = [
      ...beste.r.stappen,
      stap({
        stap: stapId,
        label,
        formule: `laagste van: ${vergelijking} → ${beste.cao}`,
        waarde,
        eenheid: beste.r.stappen[beste.r.stappen.length - 1]!.eenheid,
        parameters: [],
        // The basistarief is a live MIN over the CAO tariffs; the micro tariff keeps the chain of the chosen CAO.
        expr: live
          ? E.fn('MIN', ...kandidaten.map((k) => E.extern(product, k.cao, k.r.stappen[k.r.stappen.length - 1]!.stap)))
          : E.stap(beste.r.stappen[beste.r.stappen.length - 1]!.stap),
      }),
    ];
    return { cao: beste.cao, r: { ...beste.r, stappen } };
  };


  const pgbVarianten = (p: T.Product, zin: Resultaat, zinVariant: string, zinLabel: string) => {
    const pgb = set.varianten.pgb;
    if (!pgb) return;
    const regel = set.afronding.get(pgb.afronding)!;
    for (const soort of pgb.soorten) {
      const ov = p.pgb.find((o) => o.soort === soort.id);
      if (ov?.uitgesloten) continue;
      const grond = zin.tariefPerUur ?? zin.tarief;
      const eenheid = zin.tariefPerUur ? 'euro_per_uur' : `euro_per_${p.eenheid}`;
      const iMinuut = zin.stappen.findIndex((x) => x.stap === 'minuut');
      const grondStap = zin.tariefPerUur && iMinuut > 0 ? zin.stappen[iMinuut - 1]!.stap : zin.stappen[zin.stappen.length - 1]!.stap;
      const stappen: Stap[] = [
        stap({
          stap: 'zin_tarief',
          label: `Grondslag: ZIN-tarief (${zinLabel})`,
          formule: `tarief ${zinLabel}`,
          waarde: grond,
          eenheid,
          parameters: [],
          expr: E.extern(p.code, zinVariant, grondStap),
        }),
      ];
      let bedrag: Decimal;
      if (ov && !ov.uitgesloten && ov.param.eenheid !== 'procent') {
        const g = gebruik(ov.param);
        // the tariff of a minute product is set per hour: an amount per minute × 60
        const perMinuut = p.eenheid === 'minuut' && ov.param.eenheid === 'euro_per_eenheid';
        bedrag = perMinuut ? g.waarde.times(60) : g.waarde;
        stappen.push(
          stap({
            stap: 'pgb',
            label: `Pgb-tarief ${soort.naam} (vastgesteld per product)`,
            formule: perMinuut ? `vast bedrag uit het product: ${fmt(g.waarde, 2)} per minuut × 60` : 'vast bedrag uit het product',
            waarde: bedrag,
            eenheid,
            parameters: [g],
            expr: perMinuut ? E.maal(E.param(g), E.getal(60)) : E.param(g),
          }),
        );
      } else {
        const g = gebruik(ov && !ov.uitgesloten ? ov.param : soort.percentage);
        const ruw = grond.times(g.waarde).div(HONDERD);
        bedrag = rondAf(ruw, regel.veelvoud, regel.richting);
        stappen.push(
          stap({
            stap: 'pgb',
            label: `Pgb-tarief ${soort.naam}`,
            formule: `ZIN-tarief × ${fmt(g.waarde)} %, ${regel.richting} afgerond op € ${fmt(regel.veelvoud, 2)} (${regel.id})`,
            waarde: bedrag,
            eenheid,
            parameters: [g],
            expr: afrondExpr(E.procentVan(E.stap('zin_tarief'), E.param(g)), regelGebruik(regel, peildatum), regel.richting),
          }),
        );
      }
      const r: Resultaat = { onafgerond: bedrag, kostprijs: bedrag, tarief: bedrag, stappen };
      if (zin.tariefPerUur) {
        const minuut = minuutStap(bedrag, 'pgb');
        stappen.push(minuut);
        r.tarief = minuut.waarde;
        r.tariefPerUur = bedrag;
      }
      // a pgb tariff is a share of the ZIN tariff: no more certain than that tariff
      const t = maak(p, `pgb-${soort.id}`, 'pgb', r);
      tarieven.push({ ...t, status: zwaksteStatus([t.status, zwakste(zin.stappen)]) });
    }
  };

  for (const p of set.producten) {
    try {
      if (p.berekening === 'overgenomen') {
        const g = gebruik(p.tarief);
        const stappen: Stap[] = [
          stap({
            stap: 'overgenomen_tarief',
            label: 'Overgenomen tarief',
            formule: `vastgesteld tarief, overgenomen uit de bron`,
            waarde: g.waarde,
            eenheid: p.tarief.eenheid,
            parameters: [g],
            expr: E.param(g),
          }),
        ];
        let r: Resultaat;
        if (p.eenheid === 'minuut' && p.tarief.eenheid === 'euro_per_uur') {
          const minuut = minuutStap(g.waarde, 'overgenomen_tarief');
          stappen.push(minuut);
          r = { onafgerond: g.waarde, kostprijs: g.waarde, tarief: minuut.waarde, tariefPerUur: g.waarde, stappen };
        } else r = { onafgerond: g.waarde, kostprijs: g.waarde, tarief: g.waarde, stappen };
        tarieven.push(maak(p, 'vast', 'vast', r));
        pgbVarianten(p, r, 'vast', 'vast');
        continue;
      }
      if (p.berekening === 'lumpsum') {
        const perCao = p.caos.map((c) => ({ cao: c, r: lumpsumProduct(p, c) }));
        for (const { cao, r } of perCao) tarieven.push(maak(p, cao, 'cao', r, cao));
        if (set.varianten.basistarief) {
          const l = laagste(p.code, perCao, 'Basistarief: laagste tarief van de toepasselijke CAO’s', 'basistarief', true);
          tarieven.push(maak(p, 'basistarief', 'basistarief', l.r, l.cao));
        }
        continue;
      }
      const oh = set.opslagen.overhead;
      const perCao = p.caos.map((c) => ({ cao: c, r: kostprijsProduct(p, c, oh.standaard) }));
      for (const { cao, r } of perCao) tarieven.push(maak(p, cao, 'cao', r, cao));
      let basis = perCao[0]!;
      if (set.varianten.basistarief) {
        basis = laagste(p.code, perCao, 'Basistarief: laagste tarief van de toepasselijke CAO’s', 'basistarief', true);
        tarieven.push(maak(p, 'basistarief', 'basistarief', basis.r, basis.cao));
      } else {
        for (const k of perCao) if ((k.r.tariefPerUur ?? k.r.tarief).lt(basis.r.tariefPerUur ?? basis.r.tarief)) basis = k;
      }
      if (set.varianten.micro && oh.micro) {
        const micro = laagste(
          p.code,
          p.caos.map((c) => ({ cao: c, r: kostprijsProduct(p, c, oh.micro!) })),
          'Tarief micro-onderneming: laagste CAO-tarief met de overhead voor micro-ondernemingen',
          'micro_onderneming',
          false,
        );
        tarieven.push(maak(p, 'micro-onderneming', 'micro', micro.r, micro.cao));
      }
      if (set.varianten.pgb) {
        if (set.varianten.pgb.grondslag === 'basistarief')
          pgbVarianten(p, basis.r, set.varianten.basistarief ? 'basistarief' : basis.cao, set.varianten.basistarief ? 'basistarief' : `laagste CAO (${basis.cao})`);
        else {
          let hoogste = perCao[0]!;
          for (const k of perCao) if ((k.r.tariefPerUur ?? k.r.tarief).gt(hoogste.r.tariefPerUur ?? hoogste.r.tarief)) hoogste = k;
          pgbVarianten(p, hoogste.r, hoogste.cao, `hoogste CAO (${hoogste.cao})`);
        }
      }
      for (const a of set.aanbieders) {
        const ov = a.producten.find((x) => x.code === p.code);
        if (!ov) continue;
        const r = kostprijsProduct(p, a.cao, oh.standaard, ov);
        r.stappen.push(
          stap({
            stap: 'aanbieder',
            label: `Aanbieder-specifiek tarief ${a.naam}`,
            formule: `berekend met ${a.cao} en de aangepaste parameters van ${a.naam} (${[
              ov.groepsgrootte ? 'groepsgrootte' : '',
              ov.urenPerEenheid ? 'uren per eenheid' : '',
              ov.inzet ? 'inzet' : '',
              ov.productiviteit ? 'productiviteit' : '',
              ov.clientgebondenKosten ? 'cliëntgebonden kosten' : '',
            ]
              .filter(Boolean)
              .join(', ')}); besluit: ${bronTekst(a.besluit)}`,
            waarde: r.tarief,
            eenheid: r.stappen[r.stappen.length - 1]!.eenheid,
            parameters: [],
            expr: E.stap(r.stappen[r.stappen.length - 1]!.stap),
          }),
        );
        tarieven.push(maak(p, `aanbieder-${a.id}`, 'aanbieder', r, a.cao));
      }
    } catch (e) {
      if (e instanceof Ontbreekt) {
        if (!problemen.some((q) => q.melding === e.probleem.melding)) problemen.push(e.probleem);
      } else throw e;
    }
  }

  return {
    model: { id: set.id, naam: set.naam, regio: set.regio, tariefjaar, peildatum, versie: set.versie, vingerafdruk: set.vingerafdruk },
    tarieven,
    problemen,
  };
}
