/**
 * Route 1 of an indexation round: last year's tariffs × (1 + index), rounded
 * by each product's rule. The opbouw keeps last year's steps and adds the
 * index with the OVA/PPC figures it used. Pure.
 */
import { Decimal, HONDERD } from '../shared/decimal.ts';
import { getal } from '../shared/format.ts';
import type * as T from '../params/types.ts';
import { waardeOp } from '../params/regels.ts';
import { rondAf } from './afronding.ts';
import { E, hernoemStappen, type Expr } from './expressie.ts';
import { berekenComponentIndex, berekenIndex, type IndexUitkomst } from './indexcijfers.ts';
import { afrondExpr, bronTekst, keuzeGebruik, minuutStap, regelGebruik, zwaksteStatus } from './gebruik.ts';
import type { ModelProbleem, ParamGebruik, Stap, Tarief } from './types.ts';

function cijferRef(c: T.Indexcijfer, jaar: number): ParamGebruik {
  return { pad: c.pad, waarde: c.waarde, eenheid: 'procent', ...c.herkomst, bron: bronTekst(c.bron), status: c.status, geldig_van: `${jaar}-01-01`, geldig_tot: `${jaar}-12-31` };
}

function pct(d: Decimal, dp = 2): string {
  return `${getal(d, dp)} %`;
}

/** The steps an indexation round adds to a tariff. */
const RONDESTAP = /^(index_voorlopig|index_inhaal|index_vorig_voorlopig|index_vorig_definitief|index_loon|index_materieel|index_component\..+|indexpercentage|geindexeerd|afronding_geindexeerd|minuut_geindexeerd|zin_geindexeerd|pgb_geindexeerd|indexering)$/;

/**
 * A tariff of a round built on a round already carries that round's steps: they keep their place in the
 * opbouw under the name of their year (indexpercentage_2027), so the new round's steps have the plain names.
 */
function vorigeRonde(t: Tarief, jaar: number): Tarief {
  if (!t.opbouw.some((s) => RONDESTAP.test(s.stap))) return t;
  const naam = (stap: string) => (RONDESTAP.test(stap) ? `${stap}_${jaar}` : stap);
  return { ...t, opbouw: t.opbouw.map((s) => ({ ...s, stap: naam(s.stap), expr: hernoemStappen(s.expr, naam) })) };
}

export function indexeerTarieven(set: T.ParameterSet, vorigJaar: Tarief[], peildatum: string): { tarieven: Tarief[]; problemen: ModelProbleem[] } {
  const problemen: ModelProbleem[] = [];
  const ic = set.indexcijfers;
  const jaar = set.tariefjaar;
  const basis = vorigJaar.map((t) => vorigeRonde(t, jaar - 1));
  const plek = ic?.herkomst ?? { bestand: 'model.yaml', regel: 1, kolom: 1 };
  if (!ic) {
    problemen.push({ ...plek, melding: 'de set wordt geïndexeerd, maar er zijn geen indexcijfers', verwacht: 'een bestand indexcijfers.yaml in de set of een basisset', hint: 'voeg de OVA- en PPC-cijfers met hun bron toe' });
    return { tarieven: [], problemen };
  }
  const dit = ic.jaren.get(jaar);
  const vorig = ic.jaren.get(jaar - 1);
  const heeftVoorlopig = !!(dit?.ovaVoorlopig && dit.ppcVoorlopig);
  const heeftVorig = !!(vorig?.ovaVoorlopig && vorig.ovaDefinitief && vorig.ppcVoorlopig && vorig.ppcDefinitief);
  // Products with the set's weights can use a published index (of this year) or catch-up (over last year);
  // products with their own weights, or components with weights, are computed from OVA and PPC.
  const metSetGewichten = set.producten.some((p) => p.berekening !== 'overgenomen' && !ic.producten.has(p.code));
  const metEigenGewichten = [...ic.producten.values()].some((a) => a.soort === 'gewichten' || a.componenten.some((c) => c.gewichten));
  const setKan = !!dit?.index || (heeftVoorlopig && (heeftVorig || !!vorig?.inhaal));
  const eigenKan = heeftVoorlopig && heeftVorig;
  if (!dit) problemen.push({ ...ic.herkomst, melding: `indexcijfers voor ${jaar} ontbreken`, verwacht: `een blok cijfers met jaar: ${jaar} (voorlopige OVA en PPC, of een gepubliceerd indexpercentage)`, gevonden: `jaren ${[...ic.jaren.keys()].join(', ') || '(geen)'}`, hint: 'neem de voorlopige cijfers over uit de publicatie van NZa of VNG, met bron' });
  if (!dit || (metSetGewichten && !setKan) || (metEigenGewichten && !eigenKan)) {
    if (dit && !heeftVoorlopig && (metEigenGewichten || !dit.index))
      problemen.push({ ...dit.herkomst, melding: `voorlopige indexcijfers voor ${jaar} ontbreken`, verwacht: `ova_voorlopig en ppc_voorlopig in het blok voor ${jaar}`, gevonden: dit.index ? 'alleen een gepubliceerd indexpercentage, dat alleen geldt voor producten met de gewichten van de set' : 'niet allebei', hint: 'producten met eigen gewichten rekenen met OVA en PPC' });
    if (!heeftVorig && (metEigenGewichten || (!vorig?.inhaal && !dit?.index)))
      problemen.push({
        ...(vorig?.herkomst ?? ic.herkomst),
        melding: `definitieve indexcijfers voor ${jaar - 1} ontbreken`,
        verwacht: `ova_definitief en ppc_definitief in het blok voor ${jaar - 1}${metEigenGewichten ? '' : ', of de gepubliceerde inhaal (inhaal) of het gepubliceerde indexpercentage van ' + jaar + ' (index)'}`,
        gevonden: vorig ? (vorig.inhaal ? 'alleen een gepubliceerde inhaal, die alleen geldt voor producten met de gewichten van de set' : 'alleen voorlopige cijfers') : `geen blok voor ${jaar - 1}`,
        hint: 'de inhaal over het vorige jaar vraagt de definitieve cijfers',
      });
  }
  if (problemen.length) return { tarieven: [], problemen };
  const v = vorig;
  const d = dit!;

  const gebruik = (p: T.Param): ParamGebruik | undefined => {
    const w = waardeOp(p, peildatum);
    if (!w) {
      if (!gemeld.has(p))
        problemen.push({
          ...p.herkomst,
          melding: `${p.pad} heeft geen waarde die geldt op ${peildatum}`,
          verwacht: `een waarde met geldig_van ≤ ${peildatum} ≤ geldig_tot`,
          gevonden: p.reeks.map((x) => `${x.van} t/m ${x.tot}`).join(', '),
          hint: p.pad.endsWith('.index')
            ? `voeg het indexpercentage van dit component voor ${jaar} toe, met bron (met een reeks blijven de cijfers van eerdere jaren staan)`
            : 'verleng de geldigheid van de gewichten of voeg een waarde toe',
        });
      gemeld.add(p);
      return undefined;
    }
    return { pad: p.pad, waarde: w.waarde, eenheid: p.eenheid, ...w.herkomst, bron: bronTekst(w.bron), status: w.status, geldig_van: w.van, geldig_tot: w.tot };
  };
  const gemeld = new Set<T.Param>();

  const ref = (c: T.Indexcijfer | undefined, j: number) => (c ? cijferRef(c, j) : undefined);
  const r = {
    ovaV: ref(v?.ovaVoorlopig, jaar - 1)!,
    ovaD: ref(v?.ovaDefinitief, jaar - 1)!,
    ppcV: ref(v?.ppcVoorlopig, jaar - 1)!,
    ppcD: ref(v?.ppcDefinitief, jaar - 1)!,
    ovaT: ref(d.ovaVoorlopig, jaar)!,
    ppcT: ref(d.ppcVoorlopig, jaar)!,
  };
  const nul = new Decimal(0);
  const perDeel = ic.methode === 'vng' && ic.afrondingspunt === 'per_deel';
  const punt = keuzeGebruik('indexcijfers.afrondingspunt', ic.afrondingspunt, ic.afrondingspuntHerkomst ?? ic.herkomst, peildatum);
  const invoer = {
    methode: ic.methode,
    inhaal: ic.inhaal,
    afrondingspunt: ic.afrondingspunt,
    vorigJaar: { ovaVoorlopig: v?.ovaVoorlopig?.waarde ?? nul, ppcVoorlopig: v?.ppcVoorlopig?.waarde ?? nul, ...(heeftVorig ? { ovaDefinitief: v!.ovaDefinitief!.waarde, ppcDefinitief: v!.ppcDefinitief!.waarde } : {}) },
    ditJaar: { ovaVoorlopig: d.ovaVoorlopig?.waarde ?? nul, ppcVoorlopig: d.ppcVoorlopig?.waarde ?? nul },
    decimalen: ic.decimalen,
  };
  const dp = E.getal(ic.decimalen);
  const P = E.param;
  const gewogen = (wl: ParamGebruik, wm: ParamGebruik, ova: Expr, ppc: Expr) => E.deel(E.plus(E.maal(P(wl), ova), E.maal(P(wm), ppc)), E.getal(100));
  const relatief = (a: Expr, b: Expr) => E.maal(E.minus(E.deel(E.plus(E.getal(100), a), E.plus(E.getal(100), b)), E.getal(1)), E.getal(100));
  const keten = (a: Expr, b: Expr) => E.minus(E.deel(E.maal(E.plus(E.getal(100), a), E.plus(E.getal(100), b)), E.getal(100)), E.getal(100));
  const inhaalExpr = (wl: ParamGebruik, wm: ParamGebruik) => {
    const vrlVorig = gewogen(wl, wm, P(r.ovaV), P(r.ppcV));
    const defVorig = gewogen(wl, wm, P(r.ovaD), P(r.ppcD));
    return ic.inhaal === 'absoluut' ? E.minus(defVorig, vrlVorig) : relatief(defVorig, vrlVorig);
  };
  const verschil = (a: Expr, b: Expr) => (ic.inhaal === 'absoluut' ? E.minus(a, b) : relatief(a, b));
  const ketenLoon = () => keten(verschil(P(r.ovaD), P(r.ovaV)), P(r.ovaT));
  const ketenMaterieel = () => keten(verschil(P(r.ppcD), P(r.ppcV)), P(r.ppcT));
  const gewTekst = (wl: ParamGebruik, wm: ParamGebruik) => `loon ${wl.waarde.toFixed()} %, materieel ${wm.waarde.toFixed()} %`;
  const inhaalSoort = ic.inhaal === 'absoluut' ? 'verschil in procentpunten' : 'relatief verschil';
  const cijfersVorig = heeftVorig ? `OVA ${pct(v!.ovaVoorlopig!.waarde)} → ${pct(v!.ovaDefinitief!.waarde)}, PPC ${pct(v!.ppcVoorlopig!.waarde)} → ${pct(v!.ppcDefinitief!.waarde)}` : '';
  /** an unrounded intermediate value, with enough decimals to see what the rounding does */
  const exact = (x: Decimal) => `${getal(x, Math.max(ic.decimalen + 2, Math.min(6, x.decimalPlaces())))} %`;
  const afgerond = (x: Decimal, y: Decimal) => (perDeel ? `${exact(x)}, afgerond op ${ic.decimalen} decimalen: ${pct(y)}` : `${exact(x)}, niet afgerond`);
  const stapVan = (s: Omit<Stap, 'kostenelementen' | 'eenheid'> & { kostenelementen?: string[] }): Stap => ({ kostenelementen: [], eenheid: 'procent', ...s });
  /** NZa: the chained index per component of OVA and PPC, shown rounded; the weighted index uses them unrounded. */
  const nzaKetens = (): Stap[] => {
    // the chains do not depend on the weights
    const u = berekenIndex({ ...invoer, loon: HONDERD, materieel: new Decimal(0) });
    return [
      stapVan({
        stap: 'index_loon',
        label: `Index loon ${jaar} (NZa: (1 + inhaal OVA ${jaar - 1}, ${inhaalSoort}) × (1 + OVA ${jaar}) − 1)`,
        formule: `OVA ${pct(v!.ovaVoorlopig!.waarde)} → ${pct(v!.ovaDefinitief!.waarde)}; OVA ${jaar} ${pct(d.ovaVoorlopig!.waarde)}`,
        waarde: u.loonIndex!,
        parameters: [r.ovaV, r.ovaD, r.ovaT],
        expr: E.fn('ROUND', ketenLoon(), dp),
      }),
      stapVan({
        stap: 'index_materieel',
        label: `Index materieel ${jaar} (NZa: (1 + inhaal PPC ${jaar - 1}, ${inhaalSoort}) × (1 + PPC ${jaar}) − 1)`,
        formule: `PPC ${pct(v!.ppcVoorlopig!.waarde)} → ${pct(v!.ppcDefinitief!.waarde)}; PPC ${jaar} ${pct(d.ppcVoorlopig!.waarde)}`,
        waarde: u.materieelIndex!,
        parameters: [r.ppcV, r.ppcD, r.ppcT],
        expr: E.fn('ROUND', ketenMaterieel(), dp),
      }),
    ];
  };
  /**
   * VNG for one pair of weights: the weighted totals of last year (unrounded), the catch-up and this year's provisional
   * index (rounded per part, or not), and their sum (rounded once at the end, or not again). `voor` prefixes the step
   * names of a component.
   */
  const vngStappen = (wl: ParamGebruik, wm: ParamGebruik, u: IndexUitkomst, gepubliceerd: ParamGebruik | undefined, voor = ''): Stap[] => {
    const gew = gewTekst(wl, wm);
    const uit: Stap[] = [];
    if (gepubliceerd) {
      uit.push(
        stapVan({
          stap: `${voor}index_inhaal`,
          label: `Inhaal ${jaar - 1} (gepubliceerd)`,
          formule: `de inhaal zoals de bron haar publiceert: ${afgerond(u.inhaalOnafgerond, u.inhaal)}`,
          waarde: u.inhaal,
          parameters: [gepubliceerd],
          expr: perDeel ? E.fn('ROUND', P(gepubliceerd), dp) : P(gepubliceerd),
        }),
      );
    } else {
      uit.push(
        stapVan({
          stap: `${voor}index_vorig_voorlopig`,
          label: `Voorlopige index ${jaar - 1}, gewogen (${gew})`,
          formule: `${wl.waarde.toFixed()} % × OVA ${pct(v!.ovaVoorlopig!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(v!.ppcVoorlopig!.waarde)} = ${exact(u.vorigVoorlopig!)}, niet afgerond`,
          waarde: u.vorigVoorlopig!,
          parameters: [wl, wm, r.ovaV, r.ppcV],
          expr: gewogen(wl, wm, P(r.ovaV), P(r.ppcV)),
        }),
        stapVan({
          stap: `${voor}index_vorig_definitief`,
          label: `Definitieve index ${jaar - 1}, gewogen (${gew})`,
          formule: `${wl.waarde.toFixed()} % × OVA ${pct(v!.ovaDefinitief!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(v!.ppcDefinitief!.waarde)} = ${exact(u.vorigDefinitief!)}, niet afgerond`,
          waarde: u.vorigDefinitief!,
          parameters: [wl, wm, r.ovaD, r.ppcD],
          expr: gewogen(wl, wm, P(r.ovaD), P(r.ppcD)),
        }),
      );
      const ruw = verschil(E.stap(`${voor}index_vorig_definitief`), E.stap(`${voor}index_vorig_voorlopig`));
      uit.push(
        stapVan({
          stap: `${voor}index_inhaal`,
          label: `Inhaal ${jaar - 1}: definitief minus voorlopig (${inhaalSoort})`,
          formule: `${ic.inhaal === 'absoluut' ? `${exact(u.vorigDefinitief!)} − ${exact(u.vorigVoorlopig!)}` : `(1 + ${exact(u.vorigDefinitief!)}) ÷ (1 + ${exact(u.vorigVoorlopig!)}) − 1`} = ${afgerond(u.inhaalOnafgerond, u.inhaal)}`,
          waarde: u.inhaal,
          parameters: [],
          expr: perDeel ? E.fn('ROUND', ruw, dp) : ruw,
        }),
      );
    }
    const vrl = gewogen(wl, wm, P(r.ovaT), P(r.ppcT));
    uit.push(
      stapVan({
        stap: `${voor}index_voorlopig`,
        label: `Voorlopige index ${jaar} (${gew})`,
        formule: `${wl.waarde.toFixed()} % × OVA ${pct(d.ovaVoorlopig!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(d.ppcVoorlopig!.waarde)} = ${afgerond(u.voorlopigOnafgerond, u.voorlopig)}`,
        waarde: u.voorlopig,
        parameters: [wl, wm, r.ovaT, r.ppcT],
        expr: perDeel ? E.fn('ROUND', vrl, dp) : vrl,
      }),
    );
    return uit;
  };
  /** The sum of a VNG chain: its value and expression (per_deel: the sum of rounded parts; eind: rounded once). */
  const vngSom = (u: IndexUitkomst, voor = '') => {
    const som = E.plus(E.stap(`${voor}index_inhaal`), E.stap(`${voor}index_voorlopig`));
    return perDeel
      ? { waarde: u.index, formule: `inhaal ${pct(u.inhaal)} + voorlopige index ${pct(u.voorlopig)}, elk deel al afgerond`, expr: som }
      : { waarde: u.index, formule: `inhaal + voorlopige index = ${exact(u.onafgerond)}, één keer afgerond op ${ic.decimalen} decimalen`, expr: E.fn('ROUND', som, dp) };
  };
  const puntTekst = perDeel ? 'elk deel afgerond' : 'één keer afgerond aan het eind';

  /** The index steps of one product (the same for all its variants) and the percentage applied. */
  const indexVan = (code: string, wet: Tarief['wet']): { index: Decimal; stappen: Stap[] } | undefined => {
    const el = wet === 'wmo' ? 'Wmo art. 5.4 lid 3 e (indexatie)' : 'Besluit Jeugdwet art. 2.3 lid 1 d (indexering)';
    const afwijking = ic.producten.get(code);
    if (afwijking?.soort === 'componenten') {
      const delen = afwijking.componenten.map((c) => ({ c, aandeel: gebruik(c.aandeel), wl: c.gewichten && gebruik(c.gewichten.loon), wm: c.gewichten && gebruik(c.gewichten.materieel), index: c.index && gebruik(c.index) }));
      if (delen.some((x) => !x.aandeel || (x.c.gewichten ? !x.wl || !x.wm : !x.index))) return undefined;
      const u = berekenComponentIndex(
        invoer,
        delen.map((x) => (x.index ? { naam: x.c.naam, aandeel: x.aandeel!.waarde, index: x.index.waarde } : { naam: x.c.naam, aandeel: x.aandeel!.waarde, loon: x.wl!.waarde, materieel: x.wm!.waarde })),
      );
      const stappen: Stap[] = ic.methode === 'nza' && delen.some((x) => !x.index) ? nzaKetens() : [];
      delen.forEach((x, i) => {
        const cu = u.componenten[i]!;
        const id = `index_component.${x.c.naam}`;
        if (x.index) {
          stappen.push(stapVan({ stap: id, label: `Index ${x.c.naam} ${jaar} (gegeven percentage)`, formule: `indexpercentage ${x.c.naam} ${jaar} uit de bron: ${pct(x.index.waarde)}`, waarde: cu.index, parameters: [x.index], expr: P(x.index) }));
        } else if (ic.methode === 'vng') {
          const cv = cu.uitkomst!;
          const voor = `index_component.${x.c.naam}.`;
          stappen.push(...vngStappen(x.wl!, x.wm!, cv, undefined, voor));
          stappen.push(
            stapVan({
              stap: id,
              label: `Index ${x.c.naam} ${jaar} (VNG, ${gewTekst(x.wl!, x.wm!)})`,
              formule: perDeel ? `inhaal ${pct(cv.inhaal)} + voorlopige index ${pct(cv.voorlopig)}, elk deel afgerond` : `inhaal + voorlopige index = ${exact(cv.onafgerond)}, niet afgerond (het product rondt één keer af)`,
              waarde: cu.index,
              parameters: [punt],
              expr: E.plus(E.stap(`${voor}index_inhaal`), E.stap(`${voor}index_voorlopig`)),
            }),
          );
        } else {
          stappen.push(
            stapVan({
              stap: id,
              label: `Index ${x.c.naam} ${jaar} (NZa, ${gewTekst(x.wl!, x.wm!)})`,
              formule: `index loon en index materieel gewogen, niet afgerond`,
              waarde: cu.index,
              parameters: [x.wl!, x.wm!],
              expr: gewogen(x.wl!, x.wm!, ketenLoon(), ketenMaterieel()),
            }),
          );
        }
      });
      stappen.push(
        stapVan({
          stap: 'indexpercentage',
          label: `Indexatie ${jaar} (${ic.methode === 'vng' ? 'VNG' : 'NZa'}, ${delen.length === 1 ? 'één component' : `${delen.length} componenten`} naar aandeel)`,
          formule: `Σ aandeel × index: ${delen.map((x, i) => `${x.aandeel!.waarde.toFixed().replace('.', ',')} % × ${pct(u.componenten[i]!.index, !x.index && !perDeel ? 4 : 2)} (${x.c.naam})`).join(' + ')}, afgerond op ${ic.decimalen} decimalen`,
          waarde: u.index,
          parameters: delen.map((x) => x.aandeel!),
          kostenelementen: [el],
          expr: E.fn('ROUND', E.deel(E.som(delen.map((x) => E.maal(P(x.aandeel!), E.stap(`index_component.${x.c.naam}`)))), E.getal(100)), dp),
        }),
      );
      return { index: u.index, stappen };
    }
    // the set's weights: a published index of this year applies as it is
    if (!afwijking && d.index) {
      const gegeven = cijferRef(d.index, jaar);
      return {
        index: d.index.waarde,
        stappen: [
          stapVan({
            stap: 'indexpercentage',
            label: `Indexatie ${jaar} (gepubliceerd indexpercentage)`,
            formule: `het indexpercentage ${jaar} zoals de bron het publiceert, met de inhaal erin: ${pct(d.index.waarde, Math.max(2, d.index.waarde.decimalPlaces()))}`,
            waarde: d.index.waarde,
            parameters: [gegeven],
            kostenelementen: [el],
            expr: P(gegeven),
          }),
        ],
      };
    }
    const g = afwijking?.soort === 'gewichten' ? afwijking.gewichten : ic.gewichten;
    const wl = gebruik(g.loon);
    const wm = gebruik(g.materieel);
    if (!wl || !wm) return undefined;
    // a published catch-up is a weighted figure: it holds for the set's weights only
    // (given explicitly, it goes before a catch-up computed from definitive figures)
    const gepubliceerd = !afwijking && v?.inhaal ? cijferRef(v.inhaal, jaar - 1) : undefined;
    const u = berekenIndex({ ...invoer, loon: wl.waarde, materieel: wm.waarde, ...(gepubliceerd ? { gepubliceerdeInhaal: gepubliceerd.waarde } : {}) });
    if (ic.methode === 'vng') {
      const som = vngSom(u);
      return {
        index: u.index,
        stappen: [
          ...vngStappen(wl, wm, u, gepubliceerd),
          stapVan({ stap: 'indexpercentage', label: `Indexatie ${jaar} (VNG: inhaal plus voorlopige index, ${puntTekst})`, formule: som.formule, waarde: som.waarde, parameters: [punt], kostenelementen: [el], expr: som.expr }),
        ],
      };
    }
    if (gepubliceerd) {
      return {
        index: u.index,
        stappen: [
          stapVan({
            stap: 'index_inhaal',
            label: `Inhaal ${jaar - 1} (gepubliceerd)`,
            formule: `de inhaal zoals de bron haar publiceert: ${pct(gepubliceerd.waarde, Math.max(2, gepubliceerd.waarde.decimalPlaces()))}`,
            waarde: gepubliceerd.waarde,
            parameters: [gepubliceerd],
            expr: P(gepubliceerd),
          }),
          stapVan({
            stap: 'index_voorlopig',
            label: `Voorlopige index ${jaar} (${gewTekst(wl, wm)})`,
            formule: `${wl.waarde.toFixed()} % × OVA ${pct(d.ovaVoorlopig!.waarde)} + ${wm.waarde.toFixed()} % × PPC ${pct(d.ppcVoorlopig!.waarde)} = ${exact(u.voorlopigOnafgerond)}, niet afgerond`,
            waarde: u.voorlopigOnafgerond,
            parameters: [wl, wm, r.ovaT, r.ppcT],
            expr: gewogen(wl, wm, P(r.ovaT), P(r.ppcT)),
          }),
          stapVan({
            stap: 'indexpercentage',
            label: `Indexatie ${jaar} (NZa: (1 + inhaal) × (1 + voorlopige index) − 1)`,
            formule: `${exact(u.onafgerond)}, afgerond op ${ic.decimalen} decimalen`,
            waarde: u.index,
            parameters: [],
            kostenelementen: [el],
            expr: E.fn('ROUND', keten(E.stap('index_inhaal'), E.stap('index_voorlopig')), dp),
          }),
        ],
      };
    }
    return {
      index: u.index,
      stappen: [
        ...nzaKetens(),
        stapVan({
          stap: 'indexpercentage',
          label: `Indexatie ${jaar} (NZa, gewogen ${gewTekst(wl, wm)})`,
          formule: 'gewogen gemiddelde van de componenten',
          waarde: u.index,
          parameters: [wl, wm],
          kostenelementen: [el],
          // from the unrounded components, as berekenIndex does
          expr: E.fn('ROUND', gewogen(wl, wm, ketenLoon(), ketenMaterieel()), dp),
        }),
      ],
    };
  };
  const perProduct = new Map<string, ReturnType<typeof indexVan>>();

  const uit: Tarief[] = [];
  const pgbLater: Tarief[] = [];
  for (const t of basis) {
    // A pgb tariff that is a percentage of the ZIN tariff follows the indexed ZIN tariff (second pass).
    const pgbStap = t.variantSoort === 'pgb' ? t.opbouw.find((s) => s.stap === 'pgb') : undefined;
    if (pgbStap && pgbStap.parameters[0]?.eenheid === 'procent' && set.producten.find((p) => p.code === t.product)?.berekening !== 'overgenomen') {
      pgbLater.push(t);
      continue;
    }
    const product = set.producten.find((p) => p.code === t.product)!;
    if (product.berekening === 'overgenomen') {
      uit.push({
        ...t,
        opbouw: [
          ...t.opbouw,
          {
            stap: 'indexering',
            label: 'Geen indexering: overgenomen tarief',
            formule: 'een overgenomen tarief volgt zijn eigen bron; werk de bron bij als die een nieuw tarief publiceert',
            waarde: t.tarief,
            eenheid: t.opbouw[t.opbouw.length - 1]!.eenheid,
            parameters: [],
            kostenelementen: [],
            expr: E.stap(t.opbouw[t.opbouw.length - 1]!.stap),
          },
        ],
      });
      continue;
    }
    if (!perProduct.has(t.product)) perProduct.set(t.product, indexVan(t.product, t.wet));
    const idx = perProduct.get(t.product);
    if (!idx) continue;
    const index = idx.index;
    const stappen: Stap[] = [...idx.stappen];
    const stap = (s: Omit<Stap, 'kostenelementen' | 'eenheid'> & { eenheid?: string; kostenelementen?: string[] }) => stappen.push({ kostenelementen: [], eenheid: 'procent', ...s });
    // the hourly tariff is the step before the (last round's) minute tariff
    const iMin = t.opbouw.map((s) => s.stap.startsWith('minuut')).lastIndexOf(true);
    const basisStap = t.tariefPerUur && iMin > 0 ? t.opbouw[iMin - 1]! : t.opbouw[t.opbouw.length - 1]!;
    const basisWaarde = t.tariefPerUur ?? t.tarief;
    const geindexeerd = basisWaarde.times(HONDERD.plus(index)).div(HONDERD);
    stap({
      stap: 'geindexeerd',
      label: `Tarief ${jaar - 1} geïndexeerd`,
      formule: `${getal(basisWaarde, Math.max(2, basisWaarde.decimalPlaces()))} × (1 + ${pct(index)})`,
      waarde: geindexeerd,
      eenheid: basisStap.eenheid,
      parameters: [],
      expr: E.deel(E.maal(E.stap(basisStap.stap), E.plus(E.getal(100), E.stap('indexpercentage'))), E.getal(100)),
    });
    // pgb tariffs keep the pgb rule; a minute product keeps its own (a multiple that gives whole cents a minute);
    // other tariffs the set's rule for indexed tariffs where it gives one (index on € 0,001, publish in cents)
    const regelId =
      t.variantSoort === 'pgb' ? (set.varianten.pgb?.afronding ?? product.afronding) : product.eenheid === 'minuut' ? product.afronding : (ic.afronding ?? product.afronding);
    const regel = set.afronding.get(regelId)!;
    const ref = regelGebruik(regel, peildatum);
    // a pgb tariff of a minute product rounds the amount per minute (the pgb rule), per uur = 60 × that (as stadia/pgb.ts)
    const pgbMinuut = t.variantSoort === 'pgb' && !!t.tariefPerUur;
    const afgerond = pgbMinuut ? rondAf(geindexeerd.div(60), regel.veelvoud, regel.richting).times(60) : rondAf(geindexeerd, regel.veelvoud, regel.richting);
    const veelvoudTekst = `€ ${getal(regel.veelvoud, Math.max(2, regel.veelvoud.decimalPlaces()))}`;
    stap({
      stap: 'afronding_geindexeerd',
      label: `Afronding (${regel.id})`,
      formule: pgbMinuut ? `÷ 60, ${regel.richting} afgerond op ${veelvoudTekst} per minuut, × 60` : `${regel.richting} afronden op een veelvoud van ${veelvoudTekst}`,
      waarde: afgerond,
      eenheid: basisStap.eenheid,
      parameters: [ref],
      expr: pgbMinuut ? E.maal(afrondExpr(E.deel(E.stap('geindexeerd'), E.getal(60)), ref, regel.richting), E.getal(60)) : afrondExpr(E.stap('geindexeerd'), ref, regel.richting),
    });
    let tarief = afgerond;
    if (t.tariefPerUur) {
      const minuut = minuutStap(afgerond, 'afronding_geindexeerd', 'minuut_geindexeerd');
      stappen.push(minuut);
      tarief = minuut.waarde;
    }
    const status = zwaksteStatus([t.status, ...stappen.flatMap((s) => s.parameters.map((p) => p.status))]);
    uit.push({
      ...t,
      tarief,
      ...(t.tariefPerUur ? { tariefPerUur: afgerond } : {}),
      ...(t.kostprijs ? { kostprijs: t.kostprijs.times(HONDERD.plus(index)).div(HONDERD) } : {}),
      status,
      opbouw: [...t.opbouw, ...stappen],
    });
  }
  for (const t of pgbLater) {
    const zinStap = t.opbouw.find((s) => s.stap === 'zin_tarief')!;
    const zinRef = zinStap.expr.soort === 'extern' ? zinStap.expr : undefined;
    const zin = zinRef && uit.find((x) => x.product === zinRef.product && x.variant === zinRef.variant);
    if (!zin || !zinRef) continue;
    const iMin = zin.opbouw.map((s) => s.stap.startsWith('minuut')).lastIndexOf(true);
    const zinGrond = zin.tariefPerUur && iMin > 0 ? zin.opbouw[iMin - 1]! : zin.opbouw[zin.opbouw.length - 1]!;
    // the percentage of this round where it holds in the new year (a product's own before the set's), else last year's
    const soortId = t.variant.replace(/^pgb-/, '');
    const eigen = set.producten.find((x) => x.code === t.product)?.pgb.find((o) => o.soort === soortId);
    const nu = eigen && !eigen.uitgesloten && eigen.param.eenheid === 'procent' ? eigen.param : set.varianten.pgb?.soorten.find((x) => x.id === soortId)?.percentage;
    const w = nu && waardeOp(nu, peildatum);
    const pct: ParamGebruik =
      nu && w
        ? { pad: nu.pad, waarde: w.waarde, eenheid: nu.eenheid, ...w.herkomst, bron: bronTekst(w.bron), status: w.status, geldig_van: w.van, geldig_tot: w.tot }
        : t.opbouw.find((s) => s.stap === 'pgb')!.parameters[0]!;
    const regel = set.afronding.get(set.varianten.pgb!.afronding)!;
    const ref = regelGebruik(regel, peildatum);
    const stappen: Stap[] = [
      {
        stap: 'zin_geindexeerd',
        label: `Grondslag: geïndexeerd ZIN-tarief (${zinRef.variant})`,
        formule: `tarief ${zinRef.variant} ${jaar}`,
        waarde: zinGrond.waarde,
        eenheid: zinGrond.eenheid,
        parameters: [],
        kostenelementen: [],
        expr: E.extern(zinRef.product, zinRef.variant, zinGrond.stap),
      },
    ];
    // for a minute product one value is rounded, the amount per minute; per uur = 60 × that (as stadia/pgb.ts)
    const minuut = !!t.tariefPerUur;
    const ruw = zinGrond.waarde.times(pct.waarde).div(HONDERD);
    const bedrag = minuut ? rondAf(ruw.div(60), regel.veelvoud, regel.richting).times(60) : rondAf(ruw, regel.veelvoud, regel.richting);
    const veelvoud = `€ ${getal(regel.veelvoud, Math.max(2, regel.veelvoud.decimalPlaces()))}`;
    stappen.push({
      stap: 'pgb_geindexeerd',
      label: `Pgb-tarief ${jaar}: ${pct.waarde.toFixed()} % van het geïndexeerde ZIN-tarief`,
      formule: minuut
        ? `ZIN-uurtarief × ${pct.waarde.toFixed()} % ÷ 60, ${regel.richting} afgerond op ${veelvoud} per minuut (${regel.id}), × 60`
        : `ZIN-tarief × ${pct.waarde.toFixed()} %, ${regel.richting} afgerond op ${veelvoud} (${regel.id})`,
      waarde: bedrag,
      eenheid: zinGrond.eenheid,
      parameters: [pct, ref],
      kostenelementen: [],
      expr: minuut
        ? E.maal(afrondExpr(E.deel(E.procentVan(E.stap('zin_geindexeerd'), E.param(pct)), E.getal(60)), ref, regel.richting), E.getal(60))
        : afrondExpr(E.procentVan(E.stap('zin_geindexeerd'), E.param(pct)), ref, regel.richting),
    });
    let tarief = bedrag;
    if (t.tariefPerUur) {
      const minuut = minuutStap(bedrag, 'pgb_geindexeerd', 'minuut_geindexeerd');
      stappen.push(minuut);
      tarief = minuut.waarde;
    }
    uit.push({ ...t, tarief, ...(t.tariefPerUur ? { tariefPerUur: bedrag } : {}), status: zwaksteStatus([t.status, zin.status, ...stappen.flatMap((s) => s.parameters.map((p) => p.status))]), opbouw: [...t.opbouw, ...stappen] });
  }
  // keep the order of the base plan
  const volgorde = new Map(basis.map((t, i) => [`${t.product}/${t.variant}`, i]));
  uit.sort((a, b) => volgorde.get(`${a.product}/${a.variant}`)! - volgorde.get(`${b.product}/${b.variant}`)!);
  return { tarieven: uit, problemen };
}


/**
 * The steps that compute a tariff's index percentage (index_* up to indexpercentage), as indexeerTarieven adds
 * them; empty for a tariff that is not indexed itself (an overgenomen tariff, a pgb tariff that follows ZIN).
 */
export function indexStappen(t: Tarief): Stap[] {
  const eind = t.opbouw.findIndex((s) => s.stap === 'indexpercentage');
  if (eind < 0) return [];
  let begin = eind;
  while (begin > 0 && t.opbouw[begin - 1]!.stap.startsWith('index_')) begin--;
  return t.opbouw.slice(begin, eind + 1);
}
