/**
 * indexatie-<jaar>.pdf: what a region sends its providers each indexation round. The method (VNG or NZa,
 * the catch-up, the weights, products with their own weights or in components), the OVA and PPC figures
 * with their sources, the index percentages step by step (I1, I2, …), and per product and variant the old
 * tariff, the index applied and the new tariff. Pure.
 */
import type { Param, ParameterSet } from '../../params/types.ts';
import type { ParamGebruik, Stap, Tarief, Tarievenplan } from '../../model/types.ts';
import { indexStappen } from '../../model/indexering.ts';
import { bronTekst } from '../../model/gebruik.ts';
import { waardeOp } from '../../params/regels.ts';
import type { Decimal } from '../../shared/decimal.ts';
import { getal } from '../../shared/format.ts';
import { paramWaarde } from '../verklaring.ts';
import { cel, t, type Blok, type Cel, type Rij, type Tekst } from '../document.ts';
import { algemeneView, Bronnen, contractenView, eenheidTekst, kaftgegevens, perUurBedrag, sorteerVarianten, stappenTabel, tariefBedrag, variantLabel, metSet, paramRegel, zichtbareTarieven, parameterNotatie, vindplaatsCel, type DocumentOpties, type DocumentSpec } from './gemeenschappelijk.ts';
import { vergelijkTekst } from '../../shared/sorteer.ts';

export interface IndexatieOpties extends DocumentOpties {
  /** Name of the set the indexed set builds on, for the text. */
  basisNaam: string;
}

const pct = (d: Decimal, dp = 2) => `${getal(d, dp)} %`;

const CIJFERS = ['ova_voorlopig', 'ova_definitief', 'ppc_voorlopig', 'ppc_definitief', 'inhaal', 'index'] as const;
const CIJFER_TEKST: Record<(typeof CIJFERS)[number], string> = {
  ova_voorlopig: 'OVA (loon), voorlopig',
  ova_definitief: 'OVA (loon), definitief',
  ppc_voorlopig: 'PPC (materieel), voorlopig',
  ppc_definitief: 'PPC (materieel), definitief',
  inhaal: 'inhaal, gepubliceerd',
  index: 'indexpercentage, gepubliceerd',
};

/** One index percentage and the steps that compute it, shared by the products it applies to. */
interface Groep {
  nr: number;
  titel: string;
  stappen: Stap[];
  index: Decimal;
  producten: string[];
}

export function indexatieSpec(set: ParameterSet, plan: Tarievenplan, basis: Tarievenplan, gegeven: IndexatieOpties): DocumentSpec {
  const opties: IndexatieOpties = { ...gegeven, ...metSet(set, gegeven) };
  const ic = set.indexcijfers!;
  const jaar = plan.model.tariefjaar;
  const basisjaar = set.indexering?.basisjaar ?? jaar - 1;
  const peil = plan.model.peildatum;
  const bronnen = new Bronnen();
  const producten = set.contracten.flatMap((c) => set.producten.filter((p) => p.contract === c.id));
  const tarievenVan = new Map<string, Tarief[]>();
  for (const x of zichtbareTarieven(set, plan.tarieven)) tarievenVan.set(x.product, [...(tarievenVan.get(x.product) ?? []), x]);
  const oud = new Map(basis.tarieven.map((x) => [`${x.product}|${x.variant}`, x]));

  const gebruikOp = (p: Param): ParamGebruik | undefined => {
    const w = waardeOp(p, peil);
    return w ? { pad: p.pad, waarde: w.waarde, eenheid: p.eenheid, ...w.herkomst, bron: bronTekst(w.bron), status: w.status, geldig_van: w.van, geldig_tot: w.tot } : undefined;
  };
  const kort = (p: ParamGebruik) => p.pad.slice(p.pad.lastIndexOf('.') + 1).replace(/_/g, ' ');
  const regel = (p: ParamGebruik, naam = kort(p)): Tekst[] => paramRegel(p, bronnen, opties, naam);
  const gewichtTekst = (loon: Decimal, materieel: Decimal) => `loon ${getal(loon, 0)} %, materieel ${getal(materieel, 0)} %`;

  // --- the index percentages (I1, I2, …) in the order of the products
  const groepen = new Map<string, Groep>();
  const groepVan = new Map<string, Groep>();
  for (const p of producten) {
    const x = (tarievenVan.get(p.code) ?? []).find((y) => indexStappen(y).length);
    if (!x) continue;
    const stappen = indexStappen(x);
    const sleutel = JSON.stringify(stappen.map((s) => [s.stap, s.label, s.formule, s.waarde.toFixed(), s.parameters.map((q) => q.pad)]));
    let g = groepen.get(sleutel);
    if (!g) {
      const afwijking = ic.producten.get(p.code);
      const laatste = stappen[stappen.length - 1]!;
      const titel =
        afwijking?.soort === 'componenten'
          ? `${p.code} ${p.naam} in ${afwijking.componenten.length === 1 ? 'één component' : `${afwijking.componenten.length} componenten`}`
          : afwijking?.soort === 'gewichten'
            ? `eigen gewichten van ${p.code} ${p.naam}`
            : 'gewichten van de set';
      // copies: the same chain under Jeugdwet and Wmo shows the cost element of both laws
      g = { nr: groepen.size + 1, titel, stappen: stappen.map((s) => ({ ...s, kostenelementen: [...s.kostenelementen] })), index: laatste.waarde, producten: [] };
      groepen.set(sleutel, g);
    } else
      g.stappen.forEach((s, i) => {
        for (const k of stappen[i]!.kostenelementen) if (!s.kostenelementen.includes(k)) s.kostenelementen.push(k);
      });
    g.producten.push(p.code);
    groepVan.set(p.code, g);
  }
  // the set's own weights first (I1), then the products that deviate, in product order
  const lijst = [...groepen.values()].sort((a, b) => Number(b.titel === 'gewichten van de set') - Number(a.titel === 'gewichten van de set') || a.nr - b.nr);
  lijst.forEach((g, i) => (g.nr = i + 1));

  // --- the figures first, so their sources get the first numbers; then the weights, then the steps
  const cijferParams = new Map<string, ParamGebruik>();
  for (const g of lijst) for (const s of g.stappen) for (const p of s.parameters) if (/^indexcijfers\.\d{4}\./.test(p.pad)) cijferParams.set(p.pad, p);
  const cijfers = [...cijferParams.values()].sort((a, b) => vergelijkTekst(a.pad.slice(13, 17), b.pad.slice(13, 17)) || CIJFERS.indexOf(a.pad.slice(18) as never) - CIJFERS.indexOf(b.pad.slice(18) as never));
  const cijferBlok: Blok = {
    soort: 'tabel',
    klein: true,
    kolommen: [
      { kop: 'jaar', breedte: 36 },
      { kop: 'cijfer', breedte: 130 },
      { kop: 'waarde', breedte: 56, rechts: true },
      { kop: 'gebruikt voor', breedte: 120 },
      { kop: 'status', breedte: 60 },
      ...(opties.parametersetUrl ? [{ kop: 'vindplaats', breedte: '*' as const }] : []),
      { kop: 'bron', breedte: opties.parametersetUrl ? 34 : ('*' as const) },
    ],
    rijen: cijfers.map((p) => {
      const j = Number(p.pad.slice(13, 17));
      return {
        cellen: [cel(String(j)), cel(CIJFER_TEKST[p.pad.slice(18) as (typeof CIJFERS)[number]]), cel(pct(p.waarde, Math.max(2, p.waarde.decimalPlaces()))), cel(p.pad.endsWith('.index') ? `indexatie ${jaar}` : j === jaar ? `voorlopige index ${jaar}` : `inhaal ${j}`), cel(p.status), ...(opties.parametersetUrl ? [vindplaatsCel(p.bestand, p.regel, opties)] : []), cel(`[${bronnen.van(p.bron)}]`)],
      };
    }),
  };

  const setLoon = gebruikOp(ic.gewichten.loon);
  const setMaterieel = gebruikOp(ic.gewichten.materieel);
  const setGroep = lijst.find((g) => g.titel === 'gewichten van de set');
  const nrTekst = (g: Groep | undefined) => (g ? ` (I${g.nr})` : '');
  const eigenGewichten: Record<string, unknown>[] = [];
  const componentProducten: Record<string, unknown>[] = [];
  const gewichtRijen: Rij[] = [];
  if (setLoon && setMaterieel) {
    gewichtRijen.push({
      cellen: [cel(ic.producten.size ? 'alle andere producten' : 'alle producten'), cel('—'), cel('—'), cel(`OVA en PPC, ${gewichtTekst(setLoon.waarde, setMaterieel.waarde)}${nrTekst(setGroep)}`), [regel(setLoon), regel(setMaterieel)]],
    });
  }
  for (const p of producten) {
    const afwijking = ic.producten.get(p.code);
    const g = groepVan.get(p.code);
    if (!afwijking || !g) continue;
    if (afwijking.soort === 'gewichten') {
      const l = gebruikOp(afwijking.gewichten.loon);
      const m = gebruikOp(afwijking.gewichten.materieel);
      if (!l || !m) continue;
      eigenGewichten.push({ code: p.code, naam: p.naam, loon: l.waarde, materieel: m.waarde, index: g.index, nr: g.nr });
      gewichtRijen.push({ cellen: [cel(`${p.code} ${p.naam}`, { vet: true }), cel('—'), cel('—'), cel(`OVA en PPC, ${gewichtTekst(l.waarde, m.waarde)} (I${g.nr})`), [regel(l), regel(m)]] });
      continue;
    }
    const comps = afwijking.componenten.map((c) => ({ c, aandeel: gebruikOp(c.aandeel), loon: c.gewichten && gebruikOp(c.gewichten.loon), materieel: c.gewichten && gebruikOp(c.gewichten.materieel), index: c.index && gebruikOp(c.index) }));
    componentProducten.push({
      code: p.code,
      naam: p.naam,
      index: g.index,
      nr: g.nr,
      componenten: comps.map((x) => ({ naam: x.c.naam, aandeel: x.aandeel?.waarde ?? null, gegeven: !!x.c.index, index: x.index?.waarde ?? null, loon: x.loon?.waarde ?? null, materieel: x.materieel?.waarde ?? null })),
    });
    comps.forEach((x, i) => {
      const uit = x.index ? `gegeven: ${pct(x.index.waarde)}` : x.loon && x.materieel ? `OVA en PPC, ${gewichtTekst(x.loon.waarde, x.materieel.waarde)}` : '—';
      const params = [x.aandeel, x.loon, x.materieel, x.index].filter((q): q is ParamGebruik => !!q);
      gewichtRijen.push({ cellen: [i === 0 ? cel(`${p.code} ${p.naam}`, { vet: true }) : cel(''), cel(x.c.naam), cel(x.aandeel ? pct(x.aandeel.waarde, 0) : '—'), cel(uit), params.map((q) => regel(q))] });
    });
    gewichtRijen.push({ cellen: [cel(''), cel('samen'), cel('100 %'), cel(`indexpercentage ${pct(g.index)} (I${g.nr})`), cel('Σ aandeel × index ÷ 100', { klein: true })], stijl: 'nadruk' });
  }
  // without components the columns component and aandeel stay empty: leave them out
  const metComponenten = componentProducten.length > 0;
  const gewichtBlok: Blok = {
    soort: 'tabel',
    klein: true,
    kolommen: [
      { kop: 'geldt voor', breedte: '*' },
      ...(metComponenten ? [{ kop: 'component', breedte: 74 }, { kop: 'aandeel', breedte: 48, rechts: true }] : []),
      { kop: 'index uit', breedte: 190 },
      { kop: `parameters (${parameterNotatie(opties)})`, breedte: 250 },
    ],
    rijen: metComponenten ? gewichtRijen : gewichtRijen.map((r) => ({ ...r, cellen: [r.cellen[0]!, ...r.cellen.slice(3)] })),
  };

  const berekeningBlokken: Blok[] = lijst.flatMap((g): Blok[] => {
    const namen = g.producten.map((c) => `${c} ${set.producten.find((p) => p.code === c)!.naam}`);
    const geldt =
      g.titel === 'gewichten van de set' && namen.length > 6
        ? `I${g.nr} geldt voor ${ic.producten.size ? `de ${namen.length} producten zonder eigen gewichten of componenten` : `alle ${namen.length} geïndexeerde producten`}; de kolom index bij de tarieven noemt bij elk tarief zijn indexpercentage.`
        : `I${g.nr} geldt voor ${namen.length === 1 ? 'het product' : `${namen.length} producten`}: ${namen.join(', ')}.`;
    return [stappenTabel(g.stappen, `I${g.nr} · ${g.titel}: ${pct(g.index)}`, bronnen, opties), { soort: 'alinea', klein: true, inhoud: [t(geldt)] }];
  });

  // --- the tariffs per contract: one row per product, its variants stacked
  const indexCel = (x: Tarief): string => {
    const g = indexStappen(x).length ? groepVan.get(x.product) : undefined;
    if (g) return `${pct(g.index)} (I${g.nr})`;
    if (x.opbouw.some((s) => s.stap === 'pgb_geindexeerd')) return 'via ZIN';
    return '—';
  };
  const tarievenBlok = (id?: string): Blok[] => {
    const ps = producten.filter((p) => p.contract === id && tarievenVan.has(p.code));
    if (!ps.length) return [];
    const minuut = ps.some((p) => tarievenVan.get(p.code)!.some((x) => x.tariefPerUur));
    const rijen: Rij[] = ps.map((p) => {
      const ts = sorteerVarianten(tarievenVan.get(p.code)!);
      const vet = (x: Tarief) => (x.variantSoort === 'basistarief' || x.variantSoort === 'vast' ? { vet: true } : {});
      const kolom = (f: (x: Tarief) => string, extra: (x: Tarief) => Omit<Tekst, 'tekst'> = vet): Cel => ts.map((x) => [t(f(x) || ' ', extra(x))]);
      const vorig = (x: Tarief) => oud.get(`${x.product}|${x.variant}`);
      return {
        cellen: [
          cel(p.code, { vet: true }),
          [[t(p.naam)], [t(eenheidTekst(p), { klein: true })]],
          kolom((x) => variantLabel(set, x)),
          kolom((x) => (vorig(x) ? tariefBedrag(vorig(x)!) : '—')),
          ...(minuut ? [kolom((x) => (vorig(x) ? perUurBedrag(vorig(x)!) : ''))] : []),
          kolom(indexCel),
          kolom(tariefBedrag, () => ({ vet: true })),
          ...(minuut ? [kolom(perUurBedrag)] : []),
          kolom((x) => x.status),
        ],
      };
    });
    return [
      {
        soort: 'tabel',
        klein: true,
        kolommen: [
          { kop: 'code', breedte: 38 },
          { kop: 'product', breedte: '*' },
          { kop: 'variant', breedte: 'auto', geenTerugloop: true },
          { kop: `tarief ${basisjaar}`, breedte: 66, rechts: true, geenTerugloop: true },
          ...(minuut ? [{ kop: 'per uur', breedte: 60, rechts: true, geenTerugloop: true }] : []),
          { kop: 'index', breedte: 66, rechts: true, geenTerugloop: true },
          { kop: `tarief ${jaar}`, breedte: 66, rechts: true, geenTerugloop: true },
          ...(minuut ? [{ kop: 'per uur', breedte: 60, rechts: true, geenTerugloop: true }] : []),
          { kop: 'status', breedte: 58, geenTerugloop: true },
        ],
        rijen,
      },
    ];
  };

  const overgenomen = producten.filter((p) => p.berekening === 'overgenomen' && tarievenVan.has(p.code));
  const metTarieven = new Set(producten.filter((p) => tarievenVan.has(p.code)).map((p) => p.contract));
  const zwak = plan.tarieven.filter((x) => x.status !== 'vastgesteld').length;
  const d = ic.jaren.get(jaar);
  const v = ic.jaren.get(basisjaar);

  return {
    sjabloon: 'indexatie.md.hbs',
    document: {
      ...kaftgegevens(set, plan, opties),
      naam: `indexatie-${jaar}`,
      titel: 'Indexatie van de tarieven',
      ondertitel: `van ${basisjaar} naar ${jaar}`,
      onderwerp: `De tarieven ${basisjaar} geïndexeerd naar ${jaar} (${ic.methode === 'vng' ? 'VNG' : 'NZa'}), met de indexcijfers en hun bron, ${set.regio}`,
      trefwoorden: ['indexatie', 'OVA', 'PPC', ic.methode === 'vng' ? 'VNG' : 'NZa', 'tarieven', set.regio, String(jaar)],
      // the round's own document date (model.yaml), else the date the new tariffs take effect; never the clock
      datum: set.documentdatum ?? peil,
      statusTekst: opties.publicatie
        ? 'Gepubliceerd: alle gebruikte waarden, ook de indexcijfers, zijn vastgesteld en hebben een bron.'
        : `CONCEPT, niet publiceren. Dit overzicht is een concept${zwak ? ': een deel van de waarden waarop de tarieven rusten is nog niet vastgesteld (status illustratief of voorlopig)' : ' en nog niet vastgesteld'}.`,
      inhoudsopgave: true,
      liggend: true,
    },
    view: {
      ...algemeneView(set, plan, opties),
      datum: set.documentdatum ?? peil,
      ingang: peil,
      basisjaar,
      basisset: opties.basisNaam,
      methode: { vng: ic.methode === 'vng', nza: ic.methode === 'nza', naam: ic.methode === 'vng' ? 'VNG' : 'NZa' },
      inhaal: { absoluut: ic.inhaal === 'absoluut', relatief: ic.inhaal === 'relatief' },
      decimalen: ic.decimalen,
      // VNG: each part rounded before the sum, or the sum rounded once (the corrected 2025 method)
      afrondingspunt: { perDeel: ic.methode === 'vng' && ic.afrondingspunt === 'per_deel', eind: ic.methode === 'vng' && ic.afrondingspunt === 'eind' },
      gewichten: { loon: setLoon?.waarde ?? null, materieel: setMaterieel?.waarde ?? null },
      standaardIndex: setGroep?.index ?? null,
      standaardNr: setGroep?.nr ?? null,
      cijfers: {
        vorig: v
          ? { ovaVoorlopig: v.ovaVoorlopig?.waarde ?? null, ovaDefinitief: v.ovaDefinitief?.waarde ?? null, ppcVoorlopig: v.ppcVoorlopig?.waarde ?? null, ppcDefinitief: v.ppcDefinitief?.waarde ?? null, inhaal: v.inhaal?.waarde ?? null }
          : null,
        dit: d ? { ovaVoorlopig: d.ovaVoorlopig?.waarde ?? null, ppcVoorlopig: d.ppcVoorlopig?.waarde ?? null, index: d.index?.waarde ?? null } : null,
      },
      eigenGewichten,
      componentProducten,
      overgenomen: overgenomen.map((p) => `${p.code} ${p.naam}`),
      pgbVolgtZin: plan.tarieven.some((x) => x.opbouw.some((s) => s.stap === 'pgb_geindexeerd')),
      aantalTarieven: zichtbareTarieven(set, plan.tarieven).length,
      aantalProducten: tarievenVan.size,
      aantalIndexpercentages: lijst.length,
      meerdereIndexpercentages: lijst.length > 1,
      contracten: contractenView(set).filter((c) => metTarieven.has(c.id as string)),
    },
    blokken: {
      cijfers: { argumenten: null, maak: () => [cijferBlok] },
      gewichten: { argumenten: null, maak: () => [gewichtBlok] },
      berekening: { argumenten: null, maak: () => berekeningBlokken },
      tarieven: { argumenten: set.contracten.map((c) => c.id), maak: tarievenBlok },
      bronnen: {
        argumenten: null,
        maak: () => [{ soort: 'tabel', klein: true, kolommen: [{ kop: 'nr', breedte: 30 }, { kop: 'bron', breedte: '*' }], rijen: bronnen.lijst.map((b, i) => ({ cellen: [cel(`[${i + 1}]`), cel(b)] })) }],
      },
    },
  };
}

