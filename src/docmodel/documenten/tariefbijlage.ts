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
import { waardeOp } from '../../params/regels.ts';
import { paramWaarde } from '../verklaring.ts';
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
  paramRegel,
  stappenTabel,
  uniekeParameters,
  perUurBedrag,
  sorteerVarianten,
  tariefBedrag,
  variantLabel,
  vindplaats,
  type DocumentOpties,
  type DocumentSpec,
} from './gemeenschappelijk.ts';

const VOLLEDIG = new Set<Tarief['variantSoort']>(['cao', 'vast']);
/** Parameters that hold for the whole set; listed once under Uitgangspunten instead of at every product. */
const ALGEMEEN = /^(opslagen|varianten|afronding|indexcijfers)\./;
const eigen = (ps: ParamGebruik[]) => ps.filter((p) => !ALGEMEEN.test(p.pad));
const PERSONEEL = /^personeel\.([^.]+)\.(.+)$/;

/**
 * The personnel part of the opbouw, shared by many tariffs: the loonkosten per fte of one CAO and level
 * (L1, L2, …) and the productive hours per fte of one CAO and productivity profile (P1, P2, …).
 */
export class Personeel {
  private readonly perSleutel = new Map<string, { soort: 'L' | 'P'; titel: string; cao: string; stappen: Stap[]; nr: number }>();
  sleutel(soort: 'L' | 'P', cao: string, titel: string, stappen: Stap[]): string {
    const sleutel = `${soort}|${JSON.stringify(stappen.map((s) => [s.stap.replace(PERSONEEL, '$2'), s.label, s.formule, s.waarde.toFixed(), s.parameters.map((p) => `${p.pad}@${p.bestand}:${p.regel}`)]))}`;
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
    for (const soort of ['L', 'P'] as const)
      [...this.perSleutel.values()]
        .filter((k) => k.soort === soort)
        .sort((a, b) => a.cao.localeCompare(b.cao) || a.titel.localeCompare(b.titel, 'nl', { numeric: true }))
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
    const loon = g.filter((q) => !/\.(productieve_uren|kosten_per_uur)$/.test(q.stap));
    const uren = g.find((q) => q.stap.endsWith('.productieve_uren'));
    const refs = [personeel.sleutel('L', cao, `${cao} · ${m[1]}`, loon)];
    if (uren) refs.push(personeel.sleutel('P', cao, `${cao} · ${uren.label.replace(/^.*profiel /, 'profiel ')}`, [uren]));
    stappen.set(id, s);
    verwijzing.set(id, refs);
  }
  return { x, stappen, personeel: verwijzing };
}

/** One table per product: steps as rows, the CAO (or fixed) tariffs as columns. */
function matrix(set: ParameterSet, code: string, kolommen: Kolom[], personeel: Personeel, bronnen: Bronnen, opties: DocumentOpties): Blok {
  const volgorde: string[] = [];
  for (const k of kolommen) for (const id of k.stappen.keys()) if (!volgorde.includes(id)) volgorde.push(id);
  const rijen: Rij[] = volgorde.map((id) => {
    const per = kolommen.map((k) => k.stappen.get(id));
    const eerste = per.find((s) => s)!;
    const isPersoneel = id.startsWith('personeel.');
    const label: Cel = [[t(eerste.label)]];
    const el = kostenelementen(eerste);
    if (el) label.push([t(el, { klein: true })]);
    let berekening: Cel;
    if (isPersoneel) {
      berekening = [[t(eerste.stap.endsWith('.kosten_per_uur') ? 'loonkosten per fte (L) ÷ productieve uren per fte (P); zie het hoofdstuk Personeelskosten' : 'loonkosten per fte (L); zie het hoofdstuk Personeelskosten')]];
    } else {
      const formules = [...new Set(per.filter((s): s is Stap => !!s).map((s) => s.formule))];
      berekening =
        formules.length === 1
          ? [[t(formules[0]!)]]
          : kolommen.filter((k) => k.stappen.get(id)).map((k) => [t(`${variantLabel(set, k.x)}: `, { klein: true }), t(k.stappen.get(id)!.formule)]);
      for (const p of uniekeParameters(eigen(per.flatMap((s) => s?.parameters ?? [])))) berekening.push(paramRegel(p, bronnen, opties));
    }
    return {
      cellen: [label, berekening, cel(eenheidKort(eerste.eenheid)), ...per.map((s, i) => (s ? [[t(kaleWaarde(s.waarde, s.eenheid))], ...(isPersoneel ? [[t(kolommen[i]!.personeel.get(id)!.map((k) => personeel.naam(k)).join(' ÷ '), { klein: true })]] : [])] : cel('—')))],
      ...(id === volgorde[volgorde.length - 1] ? { stijl: 'nadruk' as const } : {}),
    };
  });
  return {
    soort: 'tabel',
    titel: `Opbouw ${code}`,
    klein: true,
    kolommen: [
      { kop: 'stap', breedte: 132 },
      { kop: 'berekening; parameters (waarde · status · vindplaats · [bron])', breedte: '*' },
      { kop: 'eenheid', breedte: 46 },
      ...kolommen.map((k) => ({ kop: variantLabel(set, k.x).replace(/^Cao /i, 'cao '), breedte: kolommen.length > 4 ? 66 : 84, rechts: true })),
    ],
    rijen,
  };
}

/** How the derived tariffs follow from the CAO tariffs: the final step, and the parameters the CAO tariff did not use. */
function afgeleid(set: ParameterSet, plan: Tarievenplan, tarieven: Tarief[], bronnen: Bronnen, opties: DocumentOpties): Blok | undefined {
  const rijen: Rij[] = tarieven.map((x) => {
    const ref = x.cao ? plan.tarieven.find((y) => y.product === x.product && y.variant === x.cao && y.variantSoort === 'cao') : undefined;
    const bekend = new Set(ref?.opbouw.flatMap((s) => s.parameters.map((p) => p.pad)) ?? []);
    const stappen = x.variantSoort === 'pgb' ? x.opbouw.filter((s) => s.stap !== 'zin_tarief' && s.stap !== 'minuut') : x.opbouw.slice(-1);
    const nieuw = uniekeParameters(eigen(x.opbouw.flatMap((s) => s.parameters)).filter((p) => !bekend.has(p.pad)));
    const berekening: Cel = stappen.map((s) => [t(`${s.label}: `, { klein: true }), t(s.formule)]);
    for (const p of nieuw) berekening.push(paramRegel(p, bronnen, opties));
    return { cellen: [cel(variantLabel(set, x)), berekening, cel(tariefBedrag(x), { vet: true }), cel(perUurBedrag(x))] };
  });
  if (!rijen.length) return undefined;
  return {
    soort: 'tabel',
    klein: true,
    kolommen: [
      { kop: 'afgeleid tarief', breedte: 132 },
      { kop: 'hoe het volgt uit de tarieven hierboven; parameters', breedte: '*' },
      { kop: 'tarief', breedte: 66, rechts: true },
      { kop: 'per uur', breedte: 66, rechts: true },
    ],
    rijen,
  };
}

export function tariefbijlageSpec(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): DocumentSpec {
  const bronnen = new Bronnen();
  const personeel = new Personeel();
  const zichtbaar = plan.tarieven.filter((x) => x.variantSoort !== 'aanbieder');
  const perProduct = new Map<string, Tarief[]>();
  for (const x of zichtbaar) {
    const l = perProduct.get(x.product) ?? [];
    l.push(x);
    perProduct.set(x.product, l);
  }
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
      const blokken: Blok[] = [
        { soort: 'kop', niveau: 3, tekst: `${p.code} ${p.naam}`, inhoud: true },
        {
          soort: 'alinea',
          klein: true,
          inhoud: [
            t(`Eenheid: ${eenheidTekst(p)} (iStandaard-eenheid ${p.eenheidCode}). `),
            t(p.berekening === 'lumpsum' ? 'Lumpsum: een vast bedrag per jaar voor de hele formatie.' : p.berekening === 'overgenomen' ? 'Dit tarief is overgenomen, niet berekend.' : 'Per kolom de opbouw onder één cao.'),
          ],
        },
      ];
      if (kolommen.length) blokken.push(matrix(set, p.code, kolommen, personeel, bronnen, opties));
      const rest = afgeleid(set, plan, ts.filter((x) => !VOLLEDIG.has(x.variantSoort)), bronnen, opties);
      if (rest) blokken.push(rest);
      opbouw.set(p.code, blokken);
    }
  }
  const personeelBlokken: Blok[] = [];
  const caos = [...new Set([...personeel.lijst('L'), ...personeel.lijst('P')].map((k) => k.cao))].sort((a, b) => a.localeCompare(b));
  for (const cao of caos) {
    personeelBlokken.push({ soort: 'kop', niveau: 2, tekst: cao, inhoud: true });
    for (const k of personeel.lijst('L').filter((x) => x.cao === cao)) {
      const laatste = k.stappen[k.stappen.length - 1]!;
      personeelBlokken.push(stappenTabel(k.stappen, `L${k.nr} · loonkosten ${k.titel.split(' · ').slice(1).join(' · ')}: ${kaleWaarde(laatste.waarde, laatste.eenheid)} ${eenheidKort(laatste.eenheid)}`, bronnen, opties));
    }
    const uren = personeel.lijst('P').filter((x) => x.cao === cao);
    if (uren.length) {
      personeelBlokken.push({
        ...stappenTabel(uren.map((k) => k.stappen[0]!), `Productieve uren per fte onder ${cao}`, bronnen, opties),
        kolommen: [
          { kop: 'profiel', breedte: 150 },
          { kop: 'berekening; parameters (waarde · status · vindplaats · [bron])', breedte: '*' },
          { kop: 'uren per fte', breedte: 92, rechts: true },
        ],
      } as Blok);
      const tabel = personeelBlokken[personeelBlokken.length - 1] as Extract<Blok, { soort: 'tabel' }>;
      tabel.rijen = tabel.rijen.map((r, i) => ({ cellen: [[[t(`P${uren[i]!.nr}`, { vet: true }), t(` ${uren[i]!.titel.split(' · ').slice(1).join(' · ')}`)]], ...r.cellen.slice(1)] }));
    }
  }

  const o = set.opslagen;
  const peil = set.indexering?.basisPeildatum ?? plan.model.peildatum;
  const pct = (p: Param | undefined) => (p ? (waardeOp(p, peil)?.waarde ?? null) : null);

  const algemeen = (): Blok[] => {
    const ps = uniekeParameters(zichtbaar.flatMap((x) => x.opbouw.flatMap((q) => q.parameters)).filter((p) => ALGEMEEN.test(p.pad)));
    ps.sort((a, b) => a.pad.localeCompare(b.pad));
    return [
      {
        soort: 'tabel',
        klein: true,
        kolommen: [
          { kop: 'parameter', breedte: '*' },
          { kop: 'waarde', breedte: 110, rechts: true },
          { kop: 'geldig', breedte: 120 },
          { kop: 'status', breedte: 60 },
          { kop: 'vindplaats', breedte: 130 },
          { kop: 'bron', breedte: 34 },
        ],
        rijen: ps.map((p) => ({ cellen: [cel(p.pad), cel(paramWaarde(p)), cel(`${p.geldig_van} t/m ${p.geldig_tot}`), cel(p.status), cel(vindplaats(p.bestand, p.regel, opties)), cel(`[${bronnen.van(p.bron)}]`)] })),
      },
    ];
  };

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
      overhead: {
        conventie: o.overhead.conventie === 'opslag_op_directe_kosten' ? 'een opslag op de directe kosten' : 'een aandeel in de kostprijs',
        grondslag: o.overhead.grondslag === 'personeel' ? 'de personeelskosten' : 'de personeelskosten en de cliëntgebonden kosten',
        standaard: pct(o.overhead.standaard),
        micro: pct(o.overhead.micro),
      },
      gemeentelijkeVerplichtingen: pct(o.gemeentelijkeVerplichtingen),
      winstEnRisico: pct(o.winstEnRisico),
      noShow: {
        methode: { niet_productieve_tijd: 'als niet-productieve tijd in de productiviteit', opslag: 'als opslag op de kostprijs', geen: 'niet: no-show is declarabel' }[o.noShow.methode],
        percentage: pct(o.noShow.percentage),
      },
      basistarief: set.varianten.basistarief,
      microOnderneming: set.varianten.micro,
      pgb: (set.varianten.pgb?.soorten ?? []).map((s) => ({ naam: s.naam, percentage: pct(s.percentage) })),
      aanbiederSpecifiek: set.aanbieders.map((a) => a.naam),
      indexering: set.indexering ? { basisjaar: set.indexering.basisjaar } : null,
    },
    blokken: {
      tarieven: { argumenten: null, maak: overzicht },
      algemeneParameters: { argumenten: null, maak: algemeen },
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
