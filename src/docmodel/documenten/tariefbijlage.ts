/**
 * tariefbijlage.pdf: the overview of all tariffs and, per product, the
 * opbouw of every tariff, readable for a provider who checks one tariff.
 *
 * The personnel cost per productive hour of one CAO, level and productivity
 * profile is the same for every product that uses it; it is shown once, in
 * its own chapter (K1, K2, …), with all its parameters. A product's opbouw is
 * then one table: the steps as rows, its CAO tariffs side by side as columns,
 * every parameter with value, status, file:line and a numbered source. The
 * derived tariffs (basistarief, micro-onderneming, pgb) follow in a short
 * table that shows how they are derived. Pure.
 */
import type { Param, ParameterSet } from '../../params/types.ts';
import type { ParamGebruik, Stap, Tarief, Tarievenplan } from '../../model/types.ts';
import { rekenPeildatum, waardeOp } from '../../params/regels.ts';
import { cel, t, type Blok, type Cel, type Rij } from '../document.ts';
import {
  algemeneView,
  Bronnen,
  contractenView,
  eenheidKort,
  eenheidTekst,
  kaftgegevens,
  kaleWaarde,
  kostenelementen,
  korteNaam,
  parameterTabel,
  paramRegel,
  stappenTabel,
  uniekeParameters,
  perUurBedrag,
  sorteerVarianten,
  tariefBedrag,
  variantLabel,
  metSet,
  parameterNotatie,
  zichtbareTarieven,
  alleenInAddendum,
  type DocumentOpties,
  type DocumentSpec,
} from './gemeenschappelijk.ts';
import { vergelijkTekst, vergelijkNumeriek } from '../../shared/sorteer.ts';

const VOLLEDIG = new Set<Tarief['variantSoort']>(['cao', 'vast']);
/** Parameters that hold for the whole set; listed once under Uitgangspunten instead of at every product. */
const ALGEMEEN = /^(model|opslagen|varianten|afronding|indexcijfers)\./
const eigen = (ps: ParamGebruik[]) => ps.filter((p) => !ALGEMEEN.test(p.pad));
const PERSONEEL = /^personeel\.([^.]+)\.(.+)$/;

/**
 * The personnel part of the opbouw, shared by many tariffs: the loonkosten per fte of one CAO and level
 * (L1, L2, …) and the productive hours per fte of one CAO and productivity profile (P1, P2, …).
 */
export class Personeel {
  private readonly perSleutel = new Map<string, { soort: 'L' | 'P'; titel: string; cao: string; stappen: Stap[]; nr: number }>();
  sleutel(soort: 'L' | 'P', cao: string, titel: string, stappen: Stap[]): string {
    // Same steps, same outcome and (for L) the same salary cells: one chain. P rows show no parameters.
    const sleutel = `${soort}|${cao}|${JSON.stringify(stappen.map((s) => [s.stap.replace(PERSONEEL, '$2'), s.label, s.formule, s.waarde.toFixed(), soort === 'L' ? s.parameters.map((p) => `${p.pad}@${p.bestand}:${p.regel}`) : []]))}`;
    const bestaand = this.perSleutel.get(sleutel);
    if (!bestaand) this.perSleutel.set(sleutel, { soort, titel, cao, stappen: stappen.map((s) => ({ ...s, kostenelementen: [...s.kostenelementen] })), nr: 0 });
    else
      // The same chain under Jeugdwet and Wmo makes visible the cost element of both laws.
      bestaand.stappen.forEach((s, i) => {
        for (const k of stappen[i]!.kostenelementen) if (!s.kostenelementen.includes(k)) s.kostenelementen.push(k);
      });
    return sleutel;
  }
  /** Numbers L and P separately, grouped by CAO; call once everything is known. */
  nummer(): void {
    // Two chains with the same title (a product with its own no-show, say) are told apart.
    const titels = new Map<string, number>();
    for (const k of this.perSleutel.values()) titels.set(`${k.soort}${k.titel}`, (titels.get(`${k.soort}${k.titel}`) ?? 0) + 1);
    const gezien = new Map<string, number>();
    for (const k of this.perSleutel.values()) {
      const sleutel = `${k.soort}${k.titel}`;
      if (titels.get(sleutel)! < 2) continue;
      const n = (gezien.get(sleutel) ?? 0) + 1;
      gezien.set(sleutel, n);
      const noShow = /no-show ([\d,]+ %)/.exec(k.stappen[0]!.formule)?.[1];
      k.titel = `${k.titel}, ${noShow ? `no-show ${noShow}` : `variant ${n}`}`;
    }
    for (const soort of ['L', 'P'] as const)
      [...this.perSleutel.values()]
        .filter((k) => k.soort === soort)
        .sort((a, b) => vergelijkTekst(a.cao, b.cao) || vergelijkNumeriek(a.titel, b.titel))
        .forEach((k, i) => (k.nr = i + 1));
  }
  naam(sleutel: string): string {
    const k = this.perSleutel.get(sleutel)!;
    return `${k.soort}${k.nr}`;
  }
  lijst(soort: 'L' | 'P') {
    return [...this.perSleutel.values()].filter((k) => k.soort === soort).sort((a, b) => a.nr - b.nr);
  }
}

interface Kolom {
  x: Tarief;
  /** step id → step; the personnel steps of a level collapsed into one row (personeel.<niveau>) */
  stappen: Map<string, Stap>;
  /** personeel.<niveau> → the L and P it uses */
  personeel: Map<string, string[]>;
}

function kolomVan(set: ParameterSet, x: Tarief, personeel: Personeel): Kolom {
  const stappen = new Map<string, Stap>();
  const verwijzing = new Map<string, string[]>();
  const groepen = new Map<string, Stap[]>();
  for (const s of x.opbouw) {
    const m = PERSONEEL.exec(s.stap);
    if (m) groepen.set(m[1]!, [...(groepen.get(m[1]!) ?? []), s]);
  }
  const cao = set.caos.get(x.cao ?? '')?.naam ?? x.cao ?? '';
  for (const s of x.opbouw) {
    const m = PERSONEEL.exec(s.stap);
    if (!m) {
      stappen.set(s.stap, s);
      continue;
    }
    const g = groepen.get(m[1]!)!;
    if (s !== g[g.length - 1]) continue;
    const id = `personeel.${m[1]}`;
    const loon = g.filter((q) => !/\.(productieve_uren|opslag_niet_productief|kosten_per_uur)$/.test(q.stap));
    const uren = g.find((q) => /\.(productieve_uren|opslag_niet_productief)$/.test(q.stap));
    const ort = loon.flatMap((q) => q.parameters).map((q) => /^cao\.[^.]+\.ort\.([^.]+)$/.exec(q.pad)?.[1]).find(Boolean);
    const refs = [personeel.sleutel('L', cao, `${cao} · ${m[1]}${ort ? ` met ORT ${ort}` : ''}`, loon)];
    if (uren) refs.push(personeel.sleutel('P', cao, `${cao} · ${uren.label.replace(/^.*profiel /, 'profiel ')}`, [uren]));
    stappen.set(id, s);
    verwijzing.set(id, refs);
  }
  return { x, stappen, personeel: verwijzing };
}

/** The no-show that divides the cost per hour under rekenwijze opslag (under aftrek it is inside P). */
function noShowBijOpslag(x: Tarief, id: string): ParamGebruik | undefined {
  if (!x.opbouw.some((q) => q.stap === `${id}.opslag_niet_productief`)) return undefined;
  return x.opbouw.find((q) => q.stap === `${id}.kosten_per_uur`)?.parameters.find((q) => /(^|\.)no_show(\.|$)/.test(q.pad));
}

/** Which L and P a personnel row uses: L1 ÷ P1, or L1 ÷ betaalde uren × (1 + P1) when P is an opslag niet-productieve uren. */
function ketenTekst(k: Kolom, id: string, personeel: Personeel): string {
  const [l, p] = k.personeel.get(id)!.map((x) => personeel.naam(x));
  if (!p) return l!;
  if (!k.x.opbouw.some((q) => q.stap === `${id}.opslag_niet_productief`)) return `${l} ÷ ${p}`;
  const ns = noShowBijOpslag(k.x, id);
  return `${l} ÷ betaalde uren × (1 + ${p})${ns ? ` ÷ (1 − ${kaleWaarde(ns.waarde, 'procent')})` : ''}`;
}

/** One table per product: steps as rows, the CAO (or fixed) tariffs as columns. */
function matrix(set: ParameterSet, titel: string, kolommen: Kolom[], personeel: Personeel, bronnen: Bronnen, opties: DocumentOpties): Blok {
  const volgorde: string[] = [];
  for (const k of kolommen) for (const id of k.stappen.keys()) if (!volgorde.includes(id)) volgorde.push(id);
  const rijen: Rij[] = volgorde.map((id) => {
    const per = kolommen.map((k) => k.stappen.get(id));
    const eerste = per.find((s) => s)!;
    const isPersoneel = id.startsWith('personeel.');
    const label: Cel = [[t(eerste.label)]];
    let berekening: Cel;
    if (isPersoneel) {
      const opslag = kolommen.some((k) => k.x.opbouw.some((q) => q.stap === `${id}.opslag_niet_productief`));
      berekening = [
        [
          t(
            !eerste.stap.endsWith('.kosten_per_uur')
              ? 'loonkosten (L), zie Personeelskosten'
              : opslag
                ? `loonkosten (L) ÷ betaalde uren × (1 + opslag niet-productieve uren (P))${kolommen.some((k) => noShowBijOpslag(k.x, id)) ? ' ÷ (1 − no-show)' : ''}, zie Personeelskosten`
                : 'loonkosten (L) ÷ productieve uren (P), zie Personeelskosten',
          ),
        ],
      ];
      // parameters of the product itself inside the personnel steps (its own no-show, say), and the no-show
      // that divides the cost per hour under rekenwijze opslag (it is not part of P there)
      const groep = kolommen.flatMap((k) => k.x.opbouw.filter((q) => q.stap.startsWith(`${id}.`)));
      const eigenNoShow = kolommen.flatMap((k) => noShowBijOpslag(k.x, id) ?? []);
      for (const q of uniekeParameters([...groep.flatMap((g) => g.parameters).filter((q) => /^(producten|aanbieders)\./.test(q.pad)), ...eigenNoShow])) berekening.push(paramRegel(q, bronnen, opties));
    } else {
      const formules = [...new Set(per.filter((s): s is Stap => !!s).map((s) => s.formule))];
      berekening =
        formules.length === 1
          ? [[t(formules[0]!)]]
          : kolommen.filter((k) => k.stappen.get(id)).map((k) => [t(`${variantLabel(set, k.x)}: `, { klein: true }), t(k.stappen.get(id)!.formule)]);
      for (const p of uniekeParameters(eigen(per.flatMap((s) => s?.parameters ?? [])))) berekening.push(paramRegel(p, bronnen, opties));
    }
    return {
      cellen: [label, cel(kostenelementen(eerste), { klein: true }), berekening, cel(eenheidKort(eerste.eenheid)), ...per.map((s, i) => (s ? [[t(kaleWaarde(s.waarde, s.eenheid))], ...(isPersoneel ? [[t(ketenTekst(kolommen[i]!, id, personeel), { klein: true })]] : [])] : cel('—')))],
      ...(id === volgorde[volgorde.length - 1] ? { stijl: 'nadruk' as const } : {}),
    };
  });
  return {
    soort: 'tabel',
    titel: `Opbouw ${titel}`,
    klein: true,
    kolommen: [
      { kop: 'stap', breedte: 136 },
      { kop: 'element', breedte: 46 },
      { kop: `berekening; parameters (${parameterNotatie(opties)})`, breedte: '*' },
      { kop: 'eenheid', breedte: 46 },
      ...kolommen.map((k) => ({ kop: variantLabel(set, k.x).replace(/^Cao /i, 'cao '), breedte: kolommen.length > 4 ? 60 : 70, rechts: true })),
    ],
    rijen,
  };
}

/**
 * The build-up of a micro tariff against the CAO tariff it shares its chain with: every step whose amount
 * differs (from the overhead on) or that the CAO tariff does not have, without the minute step.
 */
function verschil(x: Tarief, ref: Tarief): Stap[] {
  const caoStap = new Map(ref.opbouw.map((s) => [s.stap, s]));
  return x.opbouw.filter((s) => s.stap !== 'minuut' && !s.stap.startsWith('personeel.') && !(caoStap.get(s.stap)?.waarde.eq(s.waarde) ?? false));
}

/** How the derived tariffs follow from the CAO tariffs: the final step, and the parameters the CAO tariff did not use. */
function afgeleid(set: ParameterSet, caoTarief: Map<string, Tarief>, tarieven: Tarief[], bronnen: Bronnen, opties: DocumentOpties): Blok | undefined {
  const rijen: Rij[] = tarieven.map((x) => {
    const ref = x.cao ? caoTarief.get(`${x.product}|${x.cao}`) : undefined;
    const bekend = new Set(ref?.opbouw.flatMap((s) => s.parameters.map((p) => p.pad)) ?? []);
    const stappen =
      x.variantSoort === 'pgb'
        ? x.opbouw.filter((s) => s.stap !== 'zin_tarief' && s.stap !== 'minuut')
        : x.variantSoort === 'micro' && ref && !(x.variant === 'micro-onderneming' && tarieven.some((y) => y.variant === `micro-${x.cao}`))
          ? verschil(x, ref)
          : x.opbouw.slice(-1);
    const nieuw = uniekeParameters(eigen(x.opbouw.flatMap((s) => s.parameters)).filter((p) => !bekend.has(p.pad)));
    const berekening: Cel = stappen.map((s) =>
      x.variantSoort === 'pgb'
        ? [t(`${s.label}: `, { klein: true }), t(s.formule)]
        : x.variantSoort === 'micro' && stappen.length > 1
          ? [t(`${s.label}: `, { klein: true }), t(s.formule), t(` = ${kaleWaarde(s.waarde, s.eenheid)} ${eenheidKort(s.eenheid)}`)]
          : [t(s.formule)],
    );
    for (const p of nieuw) berekening.push(paramRegel(p, bronnen, opties));
    return { cellen: [cel(variantLabel(set, x)), berekening, cel(tariefBedrag(x), { vet: true }), cel(perUurBedrag(x))] };
  });
  if (!rijen.length) return undefined;
  return {
    soort: 'tabel',
    klein: true,
    kolommen: [
      { kop: 'afgeleid tarief', breedte: 150 },
      { kop: 'hoe het volgt uit de tarieven hierboven; parameters', breedte: '*' },
      { kop: 'tarief', breedte: 66, rechts: true },
      { kop: 'per uur', breedte: 66, rechts: true },
    ],
    rijen,
  };
}

export function tariefbijlageSpec(set: ParameterSet, plan: Tarievenplan, gegeven: DocumentOpties): DocumentSpec {
  const opties = metSet(set, gegeven);
  const bronnen = new Bronnen();
  const personeel = new Personeel();
  const zichtbaar = zichtbareTarieven(set, plan.tarieven);
  const caoTarief = new Map(plan.tarieven.filter((x) => x.variantSoort === 'cao').map((x) => [`${x.product}|${x.variant}`, x]));
  const perProduct = new Map<string, Tarief[]>();
  for (const x of zichtbaar) {
    const l = perProduct.get(x.product) ?? [];
    l.push(x);
    perProduct.set(x.product, l);
  }
  // The general parameters come first in the document, so they get the first source numbers.
  const algemeenBlokken = ((): Blok[] => {
    const ps = uniekeParameters(zichtbaar.flatMap((x) => x.opbouw.flatMap((q) => q.parameters)).filter((p) => ALGEMEEN.test(p.pad)));
    return [parameterTabel(ps.sort((a, b) => vergelijkTekst(a.pad, b.pad)), bronnen, opties)];
  })();

  // Collect the personnel chains first, so they can be numbered by CAO; then lay out every product once,
  // so source numbers follow the document order.
  const perCode = new Map<string, { ts: Tarief[]; kolommen: Kolom[] }>();
  for (const p of set.producten) {
    const ts = sorteerVarianten(perProduct.get(p.code) ?? []);
    perCode.set(p.code, { ts, kolommen: ts.filter((x) => VOLLEDIG.has(x.variantSoort)).map((x) => kolomVan(set, x, personeel)) });
  }
  personeel.nummer();
  const opbouw = new Map<string, Blok[]>();
  for (const c of set.contracten) {
    for (const p of set.producten.filter((q) => q.contract === c.id)) {
      const { ts, kolommen } = perCode.get(p.code)!;
      const soort = p.berekening === 'lumpsum' ? ' · lumpsum: een vast bedrag per jaar voor de hele formatie' : p.berekening === 'overgenomen' ? ' · overgenomen, niet berekend' : '';
      const blokken: Blok[] = [{ soort: 'kop', niveau: 3, tekst: `${p.code} ${p.naam}`, inhoud: true }];
      if (kolommen.length) blokken.push(matrix(set, `${p.code} · eenheid ${eenheidTekst(p)} (iStandaard ${p.eenheidCode})${soort}`, kolommen, personeel, bronnen, opties));
      const rest = afgeleid(set, caoTarief, ts.filter((x) => !VOLLEDIG.has(x.variantSoort)), bronnen, opties);
      if (rest) blokken.push(rest);
      opbouw.set(p.code, blokken);
    }
  }
  // Per CAO: its own parameters once (hours, allowances, employer charges), then the loonkosten per level,
  // whose rows only list the salary they start from, and the productive hours per profile. The profiles'
  // own parameters follow once, at the end.
  const personeelBlokken: Blok[] = [];
  const eigenVanKeten = (p: ParamGebruik) => /^cao\.[^.]+\.(tabel\[|functiehuis\.)/.test(p.pad);
  const alleKetens = [...personeel.lijst('L'), ...personeel.lijst('P')];
  const caos = [...new Set(alleKetens.map((k) => k.cao))].sort((a, b) => vergelijkTekst(a, b));
  for (const cao of caos) {
    const ketens = alleKetens.filter((k) => k.cao === cao);
    personeelBlokken.push({ soort: 'kop', niveau: 2, tekst: cao, inhoud: true });
    const caoParams = uniekeParameters(ketens.flatMap((k) => k.stappen.flatMap((q) => q.parameters)).filter((q) => /^cao\./.test(q.pad) && !eigenVanKeten(q)));
    if (caoParams.length) personeelBlokken.push(parameterTabel(caoParams.sort((x, y) => vergelijkTekst(x.pad, y.pad)), bronnen, opties, (q) => korteNaam(q.pad), `Parameters van ${cao}`));
    for (const k of personeel.lijst('L').filter((x) => x.cao === cao)) {
      const laatste = k.stappen[k.stappen.length - 1]!;
      personeelBlokken.push(stappenTabel(k.stappen, `L${k.nr} · loonkosten ${k.titel.split(' · ').slice(1).join(' · ')}: ${kaleWaarde(laatste.waarde, laatste.eenheid)} ${eenheidKort(laatste.eenheid)}`, bronnen, opties, eigenVanKeten));
    }
    const uren = personeel.lijst('P').filter((x) => x.cao === cao);
    if (uren.length) {
      // A profile with rekenwijze opslag gives an opslag on the cost per paid hour instead of hours.
      const opslag = uren.some((k) => k.stappen[0]!.eenheid === 'procent');
      personeelBlokken.push({
        soort: 'tabel',
        titel: opslag ? `Productieve uren en opslagen niet-productieve uren per fte onder ${cao}` : `Productieve uren per fte onder ${cao}`,
        klein: true,
        kolommen: [
          { kop: 'profiel', breedte: 150 },
          { kop: 'berekening (de parameters staan bij de cao hierboven en bij de productiviteitsprofielen)', breedte: '*' },
          { kop: opslag ? 'uren of opslag per fte' : 'uren per fte', breedte: 92, rechts: true },
        ],
        rijen: uren.map((k) => {
          const s = k.stappen[0]!;
          return { cellen: [[[t(`P${k.nr}`, { vet: true }), t(` ${k.titel.split(' · ').slice(1).join(' · ')}`)]], cel(s.formule), cel(s.eenheid === 'procent' ? kaleWaarde(s.waarde, s.eenheid) : `${kaleWaarde(s.waarde, s.eenheid)} ${eenheidKort(s.eenheid)}`)] };
        }),
      });
    }
  }
  const profielParams = uniekeParameters(alleKetens.flatMap((k) => k.stappen.flatMap((q) => q.parameters)).filter((q) => q.pad.startsWith('productiviteit.')));
  if (profielParams.length) {
    personeelBlokken.push({ soort: 'kop', niveau: 2, tekst: 'Productiviteitsprofielen', inhoud: true });
    personeelBlokken.push(parameterTabel(profielParams.sort((x, y) => vergelijkTekst(x.pad, y.pad)), bronnen, opties, (q) => q.pad.replace(/^productiviteit\./, '').replace(/[._]/g, ' ')));
  }

  const o = set.opslagen;
  const peil = set.indexering ? rekenPeildatum(set) : plan.model.peildatum;
  const pct = (p: Param | undefined) => (p ? (waardeOp(p, peil)?.waarde ?? null) : null);

  const overzicht = (): Blok[] => {
    const uit: Blok[] = [];
    for (const c of set.contracten) {
      const producten = set.producten.filter((p) => p.contract === c.id && perProduct.has(p.code));
      if (!producten.length) continue;
      uit.push({
        soort: 'tabel',
        titel: c.naam,
        klein: true,
        kolommen: [
          { kop: 'code', breedte: 38 },
          { kop: 'product', breedte: '*' },
          { kop: 'eenheid', breedte: 70 },
          { kop: 'variant', breedte: 160 },
          { kop: 'tarief', breedte: 64, rechts: true },
          { kop: 'per uur', breedte: 64, rechts: true },
          { kop: 'status', breedte: 60 },
        ],
        rijen: producten.map((p) => {
          const ts = sorteerVarianten(perProduct.get(p.code)!);
          const vet = (x: Tarief) => (x.variantSoort === 'basistarief' || x.variantSoort === 'vast' ? { vet: true } : {});
          const kolom = (f: (x: Tarief) => string): Cel => ts.map((x) => [t(f(x) || ' ', vet(x))]);
          return { cellen: [cel(p.code, { vet: true }), cel(p.naam), cel(eenheidTekst(p)), kolom((x) => variantLabel(set, x)), kolom(tariefBedrag), kolom(perUurBedrag), kolom((x) => x.status)] };
        }),
      });
    }
    return uit;
  };

  return {
    sjabloon: 'tariefbijlage.md.hbs',
    document: {
      ...kaftgegevens(set, plan, opties),
      naam: 'tariefbijlage',
      titel: 'Tariefbijlage',
      onderwerp: `Reële tarieven ${plan.model.tariefjaar} met hun opbouw, ${set.regio}`,
      trefwoorden: ['tariefbijlage', 'reële tarieven', 'kostprijs', 'opbouw', set.regio, String(plan.model.tariefjaar)],
      inhoudsopgave: true,
      liggend: true,
    },
    view: {
      ...algemeneView(set, plan, opties),
      aantalTarieven: zichtbaar.length,
      aantalProducten: set.producten.length,
      aantalLoonkosten: personeel.lijst('L').length,
      aantalProductieveUren: personeel.lijst('P').length,
      contracten: contractenView(set),
      caos: [...set.caos.values()].map((c) => ({ id: c.id, naam: c.naam })),
      ...opslagenView(o, pct),
      productiviteitOpslag: [...set.productiviteit.values()].some((p) => p.vorm === 'posten' && p.rekenwijze === 'opslag'),
      basistarief: set.varianten.basistarief,
      microOnderneming: Boolean(set.varianten.micro),
      microPerCao: set.varianten.micro === 'per_cao',
      pgb: (set.varianten.pgb?.soorten ?? []).map((s) => ({ naam: s.naam, percentage: pct(s.percentage) })),
      aanbiederSpecifiek: alleenInAddendum(set) ? set.aanbieders.map((a) => a.naam) : [],
      indexering: set.indexering ? { basisjaar: set.indexering.basisjaar, rekenjaar: Number(rekenPeildatum(set).slice(0, 4)), meerdereRondes: plan.model.tariefjaar - Number(rekenPeildatum(set).slice(0, 4)) > 1 } : null,
    },
    blokken: {
      tarieven: { argumenten: null, maak: overzicht },
      algemeneParameters: { argumenten: null, maak: () => algemeenBlokken },
      opbouw: {
        argumenten: set.contracten.map((c) => c.id),
        maak: (id) => set.producten.filter((p) => p.contract === id).flatMap((p) => opbouw.get(p.code) ?? []),
      },
      personeelskosten: { argumenten: null, maak: () => personeelBlokken },
      bronnen: {
        argumenten: null,
        maak: () => [{ soort: 'tabel', klein: true, kolommen: [{ kop: 'nr', breedte: 30 }, { kop: 'bron', breedte: '*' }], rijen: bronnen.lijst.map((b, i) => ({ cellen: [cel(`[${i + 1}]`), cel(b)] })) }],
      },
    },
  };
}

/**
 * The opslagen in the Uitgangspunten of the tariefbijlage; every key null for a set without opslagen.yaml (only
 * adopted tariffs), so the template leaves those rows out.
 */
function opslagenView<W>(o: ParameterSet['opslagen'], pct: (p: Param | undefined) => W) {
  return {
    overhead: {
      conventie: o ? (o.overhead.conventie === 'opslag_op_directe_kosten' ? 'een opslag op de directe kosten' : 'een aandeel in de kostprijs') : null,
      grondslag: o ? (o.overhead.grondslag === 'personeel' ? 'de personeelskosten' : 'de personeelskosten en de cliëntgebonden kosten') : null,
      standaard: pct(o?.overhead.standaard),
      micro: pct(o?.overhead.micro),
    },
    gemeentelijkeVerplichtingen: pct(o?.gemeentelijkeVerplichtingen),
    winstEnRisico: pct(o?.winstEnRisico),
    winstEnRisicoConventie: o ? (o.winstEnRisicoConventie.conventie === 'aandeel_in_tarief' ? 'als aandeel in het tarief: tarief = kostprijs ÷ (1 − winst en risico)' : 'op de kostprijs') : null,
    noShow: {
      methode: o ? { niet_productieve_tijd: 'als niet-productieve tijd in de productiviteit', opslag: 'als opslag op de kostprijs', geen: 'niet: no-show is declarabel' }[o.noShow.methode] : null,
      percentage: pct(o?.noShow.percentage),
    },
  };
}
