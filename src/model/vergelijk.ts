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
}

export interface Vergelijking {
  basis: Tarievenplan['model'];
  nieuw: Tarievenplan['model'];
  parameters: ParamWijziging[];
  tarieven: TariefWijziging[];
  productenNieuw: string[];
  productenVervallen: string[];
  ongewijzigd: number;
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

export function vergelijk(basis: Tarievenplan, nieuw: Tarievenplan, extraBasis: ParamWaarde[] = [], extraNieuw: ParamWaarde[] = []): Vergelijking {
  const o = parametersVan(basis, extraBasis);
  const n = parametersVan(nieuw, extraNieuw);
  const gewijzigd = new Set<string>();
  for (const pad of new Set([...o.waarden.keys(), ...n.waarden.keys()])) if (!gelijk(o.waarden.get(pad), n.waarden.get(pad))) gewijzigd.add(pad);

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
      });
    }
  }
  const grootte = (w: TariefWijziging) => (w.deltaProcent ? w.deltaProcent.abs() : new Decimal(Infinity));
  tarieven.sort((x, y) => grootte(y).cmp(grootte(x)) || (y.delta?.abs() ?? new Decimal(0)).cmp(x.delta?.abs() ?? new Decimal(0)) || vergelijkTekst(x.sleutel, y.sleutel));
  const bewogen = new Set(tarieven.map((t) => t.sleutel));
  const parameters: ParamWijziging[] = [...gewijzigd].sort().map((pad) => {
    const door = new Set([...(o.gebruik.get(pad) ?? []), ...(n.gebruik.get(pad) ?? [])]);
    return {
      pad,
      ...(o.waarden.get(pad) ? { oud: o.waarden.get(pad)! } : {}),
      ...(n.waarden.get(pad) ? { nieuw: n.waarden.get(pad)! } : {}),
      tarieven: [...door].filter((s) => bewogen.has(s)).sort(),
    };
  });
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
  keuze('opslagen.overhead.conventie', o.overhead.conventie, o.overhead.standaard.herkomst, kostprijs);
  keuze('opslagen.overhead.grondslag', o.overhead.grondslag, o.overhead.standaard.herkomst, kostprijs);
  keuze('opslagen.no_show.methode', o.noShow.methode, o.noShow.percentage.herkomst, kostprijs);
  keuze('opslagen.winst_en_risico.conventie', o.winstEnRisicoConventie.conventie, o.winstEnRisicoConventie.herkomst ?? o.winstEnRisico.herkomst, kostprijs);
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
