/**
 * The tariff impact of a change: which parameters differ between two plans,
 * which tariffs moved and by how much, and for each changed parameter the
 * tariffs it moved (the reverse of the opbouw). Pure.
 */
import { Decimal } from '../shared/decimal.ts';
import type { ParamGebruik, Tarief, Tarievenplan } from './types.ts';
import type { ParameterSet } from '../params/types.ts';
import { waardeOp } from '../params/regels.ts';
import { verwijzingen } from './expressie.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';

export interface ParamWaarde {
  pad: string;
  waarde: string;
  eenheid: string;
  bestand: string;
  regel: number;
  bron: string;
  status: string;
  /** For choices that are not in any opbouw step (conventions, staff mix): the products they apply to. */
  producten?: string[] | 'alle';
}

export interface ParamWijziging {
  pad: string;
  oud?: ParamWaarde;
  nieuw?: ParamWaarde;
  /** tariffs (product/variant) this change moved */
  tarieven: string[];
  /** waarde: the value changed; status or bron: the same value with another status or source (moves no tariff) */
  soort: 'waarde' | 'status' | 'bron';
}

export interface TariefWijziging {
  sleutel: string;
  product: string;
  productnaam: string;
  variant: string;
  eenheid: string;
  oud?: Decimal;
  nieuw?: Decimal;
  delta?: Decimal;
  /** in percent */
  deltaProcent?: Decimal;
  soort: 'gewijzigd' | 'nieuw' | 'vervallen';
  /** changed parameters this tariff uses */
  oorzaken: string[];
  /** A minute tariff: its hourly equivalent (what a reader compares), old and new. */
  perUur?: { oud?: Decimal; nieuw?: Decimal };
  /**
   * The move before the last rounding, in percent: what the ranking uses, so a tariff that moves one rounding step
   * (a cent on a minute tariff) does not outrank a real move.
   */
  deltaOnafgerond?: Decimal;
  /** Δ tariff × expected volume of this tariff (volumes.yaml), when the new set has volumes. */
  begrotingseffect?: Decimal;
}

/** A controletotaal that was added, removed or changed. */
export interface ControletotaalWijziging {
  product: string;
  variant: string;
  oud?: Decimal;
  nieuw?: Decimal;
}

/** The index a round applied: each distinct percentage with the products it applies to. */
export interface RondeIndex {
  jaar: number;
  percentages: { index: Decimal; producten: string[] }[];
}

export interface Vergelijking {
  basis: Tarievenplan['model'];
  nieuw: Tarievenplan['model'];
  /** parameters whose value changed: the cause of the tariff moves, the one that moved the most tariffs first */
  parameters: ParamWijziging[];
  /** parameters with the same value and another status or source: they decide whether --publicatie is allowed */
  statusWijzigingen: ParamWijziging[];
  tarieven: TariefWijziging[];
  productenNieuw: string[];
  productenVervallen: string[];
  ongewijzigd: number;
  controletotalen: ControletotaalWijziging[];
  /** the index of each side that is an indexation round */
  index: { basis?: RondeIndex; nieuw?: RondeIndex };
  /** true when the tariffs are ranked by budget effect (the new set has volumes) */
  naarBegroting: boolean;
}

export interface VergelijkOpties {
  /** expected volume per tariff (product/variant), to rank by budget effect */
  volumes?: Map<string, Decimal>;
  controletotalen?: { basis: ParameterSet['controletotalen']; nieuw: ParameterSet['controletotalen'] };
}

/** The value of a tariff before its last rounding step (per hour for a minute product), if the opbouw has one. */
function onafgerond(t: Tarief): Decimal | undefined {
  const i = t.opbouw.map((s) => s.stap.startsWith('afronding')).lastIndexOf(true);
  return i > 0 ? t.opbouw[i - 1]!.waarde : undefined;
}

/** The distinct index percentages of a round, from the indexpercentage step of its tariffs. */
export function rondeIndex(plan: Tarievenplan): RondeIndex | undefined {
  const per = new Map<string, { index: Decimal; producten: Set<string> }>();
  for (const t of plan.tarieven) {
    const s = t.opbouw.find((x) => x.stap === 'indexpercentage');
    if (!s) continue;
    const k = s.waarde.toFixed();
    const e = per.get(k) ?? { index: s.waarde, producten: new Set<string>() };
    e.producten.add(t.product);
    per.set(k, e);
  }
  if (!per.size) return undefined;
  const percentages = [...per.values()].map((e) => ({ index: e.index, producten: [...e.producten].sort(vergelijkTekst) })).sort((a, b) => b.producten.length - a.producten.length || b.index.cmp(a.index));
  return { jaar: plan.model.tariefjaar, percentages };
}

/** A table's date is part of its path; the same cell in next year's table is the same parameter. */
const padCache = new Map<string, string>();
export function vergelijkPad(pad: string): string {
  let v = padCache.get(pad);
  if (v === undefined) {
    v = pad.replace(/\.tabel\[\d{4}-\d{2}-\d{2}\]/, '.tabel');
    padCache.set(pad, v);
  }
  return v;
}

// Steps are shared between tariffs, so the same parameter object comes by many times.
const waardeCache = new WeakMap<ParamGebruik, ParamWaarde>();
function waardeVan(p: ParamGebruik): ParamWaarde {
  let w = waardeCache.get(p);
  if (!w) {
    w = { pad: p.vergelijkAls ?? vergelijkPad(p.pad), waarde: p.weergave ?? p.waarde.toFixed(), eenheid: p.eenheid, bestand: p.bestand, regel: p.regel, bron: p.bron, status: p.status };
    waardeCache.set(p, w);
  }
  return w;
}

/**
 * The parameters a tariff depends on: those in its own steps and, through
 * references such as a pgb tariff's ZIN grondslag, those of other tariffs.
 */
export function afhankelijkheden(plan: Tarievenplan): Map<string, ParamGebruik[]> {
  const index = new Map(plan.tarieven.map((t) => [`${t.product}/${t.variant}`, t]));
  const uit = new Map<string, ParamGebruik[]>();
  const bezig = new Set<string>();
  const van = (sleutel: string): ParamGebruik[] => {
    const klaar = uit.get(sleutel);
    if (klaar) return klaar;
    const t = index.get(sleutel);
    if (!t || bezig.has(sleutel)) return [];
    bezig.add(sleutel);
    const ps: ParamGebruik[] = [];
    for (const s of t.opbouw) {
      ps.push(...s.parameters);
      for (const e of verwijzingen(s.expr).extern) ps.push(...van(`${e.product}/${e.variant}`));
    }
    bezig.delete(sleutel);
    const uniek = [...new Set(ps)];
    uit.set(sleutel, uniek);
    return uniek;
  };
  for (const k of index.keys()) van(k);
  return uit;
}

function parametersVan(plan: Tarievenplan, extra: ParamWaarde[]): { waarden: Map<string, ParamWaarde>; gebruik: Map<string, Set<string>> } {
  const waarden = new Map<string, ParamWaarde>();
  const gebruik = new Map<string, Set<string>>();
  const perProduct = new Map<string, string[]>();
  for (const t of plan.tarieven) {
    const l = perProduct.get(t.product) ?? [];
    l.push(`${t.product}/${t.variant}`);
    perProduct.set(t.product, l);
  }
  for (const e of extra) {
    waarden.set(e.pad, e);
    if (e.producten) {
      const lijsten = e.producten === 'alle' ? [...perProduct.values()] : e.producten.map((p) => perProduct.get(p) ?? []);
      gebruik.set(e.pad, new Set(lijsten.flat()));
    }
  }
  for (const [sleutel, ps] of afhankelijkheden(plan)) {
    for (const p of ps) {
      const w = waardeVan(p);
      waarden.set(w.pad, w);
      let g = gebruik.get(w.pad);
      if (!g) gebruik.set(w.pad, (g = new Set()));
      g.add(sleutel);
    }
  }
  return { waarden, gebruik };
}

const gelijk = (a?: ParamWaarde, b?: ParamWaarde) => a !== undefined && b !== undefined && a.waarde === b.waarde && a.eenheid === b.eenheid;

export function vergelijk(basis: Tarievenplan, nieuw: Tarievenplan, extraBasis: ParamWaarde[] = [], extraNieuw: ParamWaarde[] = [], opties: VergelijkOpties = {}): Vergelijking {
  const o = parametersVan(basis, extraBasis);
  const n = parametersVan(nieuw, extraNieuw);
  const gewijzigd = new Set<string>();
  const anderStatus = new Map<string, 'status' | 'bron'>();
  for (const pad of new Set([...o.waarden.keys(), ...n.waarden.keys()])) {
    const a = o.waarden.get(pad);
    const b = n.waarden.get(pad);
    if (!gelijk(a, b)) gewijzigd.add(pad);
    else if (a!.status !== b!.status) anderStatus.set(pad, 'status');
    else if (a!.bron !== b!.bron) anderStatus.set(pad, 'bron');
  }

  const oudT = new Map(basis.tarieven.map((t) => [`${t.product}/${t.variant}`, t]));
  const nieuwT = new Map(nieuw.tarieven.map((t) => [`${t.product}/${t.variant}`, t]));
  const keuzeAlle: string[] = [];
  const keuzePerProduct = new Map<string, string[]>();
  for (const e of [...extraBasis, ...extraNieuw]) {
    if (!e.producten) continue;
    if (e.producten === 'alle') keuzeAlle.push(e.pad);
    else
      for (const p of e.producten) {
        const l = keuzePerProduct.get(p) ?? [];
        l.push(e.pad);
        keuzePerProduct.set(p, l);
      }
  }
  const afhOud = afhankelijkheden(basis);
  const afhNieuw = afhankelijkheden(nieuw);
  const gebruiktDoor = (t: Tarief | undefined) =>
    new Set(
      t
        ? [
            ...[...(afhOud.get(`${t.product}/${t.variant}`) ?? []), ...(afhNieuw.get(`${t.product}/${t.variant}`) ?? [])].map((p) => p.vergelijkAls ?? vergelijkPad(p.pad)),
            ...keuzeAlle,
            ...(keuzePerProduct.get(t.product) ?? []),
          ]
        : [],
    );
  const tarieven: TariefWijziging[] = [];
  let ongewijzigd = 0;
  for (const sleutel of new Set([...oudT.keys(), ...nieuwT.keys()])) {
    const a = oudT.get(sleutel);
    const b = nieuwT.get(sleutel);
    const t = (b ?? a)!;
    const oorzaken = [...new Set([...gebruiktDoor(a), ...gebruiktDoor(b)])].filter((p) => gewijzigd.has(p)).sort();
    if (a && b) {
      if (a.tarief.eq(b.tarief)) {
        ongewijzigd++;
        continue;
      }
      const delta = b.tarief.minus(a.tarief);
      const ao = onafgerond(a);
      const bo = onafgerond(b);
      const q = opties.volumes?.get(sleutel);
      tarieven.push({
        sleutel,
        product: t.product,
        productnaam: t.productnaam,
        variant: t.variant,
        eenheid: t.eenheid,
        oud: a.tarief,
        nieuw: b.tarief,
        delta,
        ...(a.tarief.isZero() ? {} : { deltaProcent: delta.div(a.tarief).times(100) }),
        soort: 'gewijzigd',
        oorzaken,
        ...(a.tariefPerUur || b.tariefPerUur ? { perUur: { ...(a.tariefPerUur ? { oud: a.tariefPerUur } : {}), ...(b.tariefPerUur ? { nieuw: b.tariefPerUur } : {}) } } : {}),
        ...(ao && bo && !ao.isZero() ? { deltaOnafgerond: bo.minus(ao).div(ao).times(100) } : {}),
        ...(q ? { begrotingseffect: delta.times(q) } : {}),
      });
    } else {
      tarieven.push({
        sleutel,
        product: t.product,
        productnaam: t.productnaam,
        variant: t.variant,
        eenheid: t.eenheid,
        ...(a ? { oud: a.tarief } : {}),
        ...(b ? { nieuw: b.tarief } : {}),
        soort: a ? 'vervallen' : 'nieuw',
        oorzaken,
        ...(t.tariefPerUur ? { perUur: a ? { oud: a.tariefPerUur! } : { nieuw: b!.tariefPerUur! } } : {}),
      });
    }
  }
  // New and removed tariffs first; then by budget effect when there are volumes; then by the move before rounding.
  const naarBegroting = !!opties.volumes?.size;
  const grootte = (w: TariefWijziging) => (w.soort !== 'gewijzigd' ? new Decimal(Infinity) : ((w.deltaOnafgerond ?? w.deltaProcent)?.abs() ?? new Decimal(Infinity)));
  const effect = (w: TariefWijziging) => (w.soort !== 'gewijzigd' ? new Decimal(Infinity) : (w.begrotingseffect?.abs() ?? new Decimal(-1)));
  const nul = new Decimal(0);
  tarieven.sort(
    (x, y) =>
      (naarBegroting ? effect(y).cmp(effect(x)) : 0) ||
      grootte(y).cmp(grootte(x)) ||
      (y.deltaProcent?.abs() ?? nul).cmp(x.deltaProcent?.abs() ?? nul) ||
      (y.delta?.abs() ?? nul).cmp(x.delta?.abs() ?? nul) ||
      vergelijkTekst(x.sleutel, y.sleutel),
  );
  const bewogen = new Set(tarieven.map((t) => t.sleutel));
  const wijziging = (pad: string, soort: ParamWijziging['soort']): ParamWijziging => {
    const door = new Set([...(o.gebruik.get(pad) ?? []), ...(n.gebruik.get(pad) ?? [])]);
    return {
      pad,
      ...(o.waarden.get(pad) ? { oud: o.waarden.get(pad)! } : {}),
      ...(n.waarden.get(pad) ? { nieuw: n.waarden.get(pad)! } : {}),
      tarieven: soort === 'waarde' ? [...door].filter((s) => bewogen.has(s)).sort() : [],
      soort,
    };
  };
  // the parameter that moved the most tariffs first: the likeliest cause (a stable sort keeps the paths in order)
  const parameters = [...gewijzigd].sort().map((pad) => wijziging(pad, 'waarde')).sort((a, b) => b.tarieven.length - a.tarieven.length);
  const statusWijzigingen = [...anderStatus.keys()].sort().map((pad) => wijziging(pad, anderStatus.get(pad)!));
  const ct = (l: ParameterSet['controletotalen']) => new Map(l.map((c) => [`${c.product}/${c.variant}`, c]));
  const ctOud = ct(opties.controletotalen?.basis ?? []);
  const ctNieuw = ct(opties.controletotalen?.nieuw ?? []);
  const controletotalen: ControletotaalWijziging[] = [...new Set([...ctOud.keys(), ...ctNieuw.keys()])]
    .sort()
    .filter((k) => !(ctOud.get(k) && ctNieuw.get(k) && ctOud.get(k)!.tarief.eq(ctNieuw.get(k)!.tarief)))
    .map((k) => {
      const c = (ctNieuw.get(k) ?? ctOud.get(k))!;
      return { product: c.product, variant: c.variant, ...(ctOud.get(k) ? { oud: ctOud.get(k)!.tarief } : {}), ...(ctNieuw.get(k) ? { nieuw: ctNieuw.get(k)!.tarief } : {}) };
    });
  const indexBasis = rondeIndex(basis);
  const indexNieuw = rondeIndex(nieuw);
  const productenOud = new Set(basis.tarieven.map((t) => t.product));
  const productenNieuw = new Set(nieuw.tarieven.map((t) => t.product));
  return {
    basis: basis.model,
    nieuw: nieuw.model,
    parameters,
    tarieven,
    productenNieuw: [...productenNieuw].filter((p) => !productenOud.has(p)).sort(),
    productenVervallen: [...productenOud].filter((p) => !productenNieuw.has(p)).sort(),
    ongewijzigd,
    statusWijzigingen,
    controletotalen,
    index: { ...(indexBasis ? { basis: indexBasis } : {}), ...(indexNieuw ? { nieuw: indexNieuw } : {}) },
    naarBegroting,
  };
}

/** Every parameter of a set with its value on the peildatum, also the ones no tariff uses. */
export function parameterWaarden(set: ParameterSet, peildatum: string): ParamWaarde[] {
  const uit: ParamWaarde[] = [];
  for (const p of set.parameters) {
    const w = waardeOp(p, peildatum) ?? p.reeks[p.reeks.length - 1];
    if (!w) continue;
    uit.push({ pad: p.pad, waarde: w.waarde.toFixed(), eenheid: p.eenheid, bestand: w.herkomst.bestand, regel: w.herkomst.regel, bron: w.bron.titel, status: w.status });
  }
  // Choices that are not numbers but move tariffs all the same.
  const keuze = (pad: string, waarde: string, h: { bestand: string; regel: number }, producten: string[] | 'alle') =>
    uit.push({ pad, waarde, eenheid: 'keuze', bestand: h.bestand, regel: h.regel, bron: 'keuze in de set', status: 'vastgesteld', producten });
  const o = set.opslagen;
  const kostprijs = set.producten.filter((p) => p.berekening !== 'overgenomen').map((p) => p.code);
  if (o) {
    keuze('opslagen.overhead.conventie', o.overhead.conventie, o.overhead.standaard.herkomst, kostprijs);
    keuze('opslagen.overhead.grondslag', o.overhead.grondslag, o.overhead.standaard.herkomst, kostprijs);
    keuze('opslagen.no_show.methode', o.noShow.methode, o.noShow.percentage.herkomst, kostprijs);
    keuze('opslagen.winst_en_risico.conventie', o.winstEnRisicoConventie.conventie, o.winstEnRisicoConventie.herkomst ?? o.winstEnRisico.herkomst, kostprijs);
  }
  for (const prof of set.productiviteit.values()) {
    if (prof.vorm !== 'posten') continue;
    const producten = [
      ...new Set([
        ...set.producten.filter((p) => p.berekening === 'kostprijs' && p.productiviteit === prof.id).map((p) => p.code),
        ...set.aanbieders.flatMap((a) => a.producten.filter((x) => x.productiviteit === prof.id).map((x) => x.code)),
      ]),
    ];
    keuze(`productiviteit.${prof.id}.rekenwijze`, prof.rekenwijze, prof.rekenwijzeHerkomst ?? prof.herkomst, producten);
  }
  for (const cao of set.caos.values())
    for (const [last, g] of cao.grondslagen) {
      const producten = set.producten.filter((p) => p.berekening !== 'overgenomen' && p.caos.includes(cao.id)).map((p) => p.code);
      keuze(`cao.${cao.id}.grondslagen.${last}`, ['jaarsalaris', ...g.toeslagen].join(' + '), g.herkomst, producten);
    }
  keuze('varianten', `basistarief ${set.varianten.basistarief}, micro ${set.varianten.micro}, pgb ${set.varianten.pgb ? set.varianten.pgb.grondslag : 'geen'}`, set.producten[0]?.herkomst ?? { bestand: '', regel: 1 }, 'alle');
  for (const r of set.afronding.values()) {
    const producten = set.producten.filter((p) => p.afronding === r.id).map((p) => p.code);
    keuze(`afronding.${r.id}`, `${r.veelvoud.toFixed()} ${r.richting}`, r.herkomst, set.varianten.pgb?.afronding === r.id ? 'alle' : producten);
  }
  for (const p of set.producten) {
    keuze(`producten.${p.code}.eenheid`, p.eenheid, p.herkomst, [p.code]);
    if (p.berekening === 'overgenomen') continue;
    if (p.ort) keuze(`producten.${p.code}.ort`, p.ort, p.herkomst, [p.code]);
    keuze(`producten.${p.code}.caos`, p.caos.join(', '), p.herkomst, [p.code]);
    keuze(`producten.${p.code}.inzet`, p.inzet.map((i) => `${i.aantal.toFixed()} × ${i.niveau}`).join(' + '), p.herkomst, [p.code]);
    if (p.berekening === 'kostprijs') keuze(`producten.${p.code}.productiviteit`, p.productiviteit, p.herkomst, [p.code]);
  }
  return uit;
}
