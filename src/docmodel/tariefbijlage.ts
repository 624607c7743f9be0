/**
 * The tariefbijlage as a workbook: every tariff is a live formula chain over
 * named parameter cells, with the decimal model's results cached. Pure.
 */
import type { Cao, CaoTabel, ParameterSet } from '../params/types.ts';
import type { ParamGebruik, Stap, Tarief, Tarievenplan } from '../model/types.ts';
import type { Decimal } from '../shared/decimal.ts';
import { EENHEID_TEKST } from '../shared/format.ts';
import { bladRef, formule, tariefFormaat, veiligeBladnaam, veiligeNaam, type Blad, type Cel, type Formaat, type Werkboek } from './werkboek.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';
import { korteNaam, leesbaar, metSet, vindplaats, zichtbareTarieven } from './documenten/gemeenschappelijk.ts';
import { verdeelVolumes } from '../model/begroting.ts';

export function formaatVoor(eenheid: string): Formaat {
  if (eenheid === 'procent') return 'procent';
  if (eenheid.startsWith('euro')) return 'euro4';
  if (eenheid.startsWith('uren')) return 'uren';
  if (eenheid === 'aantal' || eenheid === 'uren') return 'aantal';
  return 'getal';
}

/** A text cell in the reader's language (no snake_case ids, cliëntgebonden, no-show, cao-toeslagen); URLs stay. */
const tekst = (s: string, stijl: Cel['stijl'] = 'tekst'): Cel => ({ waarde: leesbaar(s), stijl });
/** A name used in formulas, exactly as the formulas spell it. */
const letterlijk = (s: string): Cel => ({ waarde: s, stijl: 'tekst' });
/** A parameter by its name in words (overhead standaard), not its path in the set. */
const naamInWoorden = (pad: string) => leesbaar(korteNaam(pad));

/**
 * Where a value stands, as the link text into the published set (opslagen.yaml#L6, see inkoop.yaml
 * parameterset_url), or nothing: a provider never reads a file path or file:line.
 */
function plaatsIn(set: ParameterSet): (bestand: string, regel: number) => string {
  const opties = metSet(set, { publicatie: false });
  return (bestand, regel) => vindplaats(bestand, regel, opties)?.tekst ?? '';
}
const getal = (d: Decimal, formaat: Formaat, stijl: Cel['stijl'] = 'berekend'): Cel => ({ waarde: d, formaat, stijl });

export function isConcept(plan: Tarievenplan): boolean {
  return plan.tarieven.some((t) => t.status !== 'vastgesteld');
}

function isTabelRef(p: ParamGebruik): boolean {
  return /^cao\.[^.]+\.tabel\[/.test(p.pad);
}

/** A parameter whose cell holds a percentage the way a spreadsheet does (23 % as 0.23, shown as 23,00 %). */
function isProcent(p: ParamGebruik): boolean {
  return p.eenheid === 'procent' && !p.pad.startsWith('afronding.') && !isTabelRef(p);
}

interface Plek {
  blad: string;
  rij: number;
}

/** The cell of a step of a tariff's block on an Opbouw sheet. */
type Vind = (product: string, variant: string, stap: string) => Plek;

/** A CAO salary table on its own sheet: where each schaal (row) and trede (column) stands. */
interface CaoBladPlek {
  naam: string;
  rijVan: Map<string, number>;
  kolomVan: Map<string, number>;
}

/** Sheet names in the order they are claimed (a later sheet with the same name gets a suffix). */
type Bladnamen = Set<string>;

/** The column of the value on an Opbouw sheet (F). */
const WAARDEKOLOM = 6;

/**
 * The workbook every provider gets (tariefbijlage.xlsx): without aanbieder-specifieke tarieven (unless the set
 * shows them in all documents) and without the region's volumes. `intern` gives the region's own copy
 * (begroting.xlsx): every tariff and the sheet Begroting.
 */
export function tariefbijlageWerkboek(set: ParameterSet, gegeven: Tarievenplan, opties: { intern?: boolean } = {}): Werkboek {
  const intern = opties.intern === true;
  const plan: Tarievenplan = intern ? gegeven : { ...gegeven, tarieven: zichtbareTarieven(set, gegeven.tarieven) };
  const bladnamen: Bladnamen = new Set<string>();
  const concept = isConcept(plan);
  const { params, naamVan } = gebruikteParameters(plan);
  const cao = caoBladen(set, params, bladnamen);
  const parameters = parametersBlad(set, plan, params, naamVan, cao.plekken, bladnamen);
  const opbouw = opbouwBladen(set, plan, naamVan, bladnamen);
  const tarieven = tarievenBlad(set, plan, concept, opbouw.vind, bladnamen);
  const functiehuis = functiehuisBlad(set, bladnamen);
  const aanbieders = aanbiedersBlad(set, plan, opbouw.vind, bladnamen);
  const toelichting = toelichtingBlad(set, plan, concept, opbouw.bladen, bladnamen);
  const begroting = set.volumes && intern ? begrotingBlad(set, set.volumes, plan, opbouw.vind, bladnamen) : undefined;
  return {
    titel: intern ? `Tariefbijlage en begroting ${set.regio} ${plan.model.tariefjaar} (intern, niet voor aanbieders)` : `Tariefbijlage ${set.regio} ${plan.model.tariefjaar}`,
    onderwerp: `Reële tarieven ${plan.model.tariefjaar} met opbouw`,
    maker: 'tariefbouw',
    datum: plan.model.peildatum,
    bladen: [
      toelichting,
      tarieven,
      ...opbouw.bladen,
      ...(aanbieders ? [aanbieders] : []),
      ...(begroting ? [begroting] : []),
      parameters.blad,
      functiehuis,
      ...cao.bladen,
    ],
    namen: parameters.namen,
  };
}

/** Every parameter the tariffs use, once (by path and start of validity), with its defined name. */
function gebruikteParameters(plan: Tarievenplan): { params: Map<string, ParamGebruik>; naamVan: Map<string, string> } {
  const params = new Map<string, ParamGebruik>();
  for (const t of plan.tarieven)
    for (const s of t.opbouw) for (const p of s.parameters) if (p.eenheid !== 'functiehuis' && p.eenheid !== 'keuze') params.set(`${p.pad}@${p.geldig_van}`, p);
  const namenBezet = new Set<string>();
  const naamVan = new Map<string, string>();
  for (const [k, p] of [...params].sort(([a], [b]) => vergelijkTekst(a, b))) naamVan.set(k, veiligeNaam(p.pad, namenBezet));
  return { params, naamVan };
}

const TABEL_PAD = /^cao\.([^.]+)\.tabel\[([^\]]+)\]\.schaal\[(.+)\]\.trede\[([^\]]+)\]$/;

/** CAO sheets: every salary table the tariffs use (in an indexed set: last year's); used cells carry a defined name. */
function caoBladen(set: ParameterSet, params: Map<string, ParamGebruik>, bladnamen: Bladnamen): { bladen: Blad[]; plekken: Map<string, CaoBladPlek> } {
  const gebruikteTabellen = new Set<string>();
  for (const p of params.values()) {
    const m = TABEL_PAD.exec(p.pad);
    if (m) gebruikteTabellen.add(`${m[1]}|${m[2]}`);
  }
  const bladen: Blad[] = [];
  const plekken = new Map<string, CaoBladPlek>();
  for (const cao of [...set.caos.values()].sort((a, b) => vergelijkTekst(a.id, b.id))) {
    const tabellen = cao.tabellen.filter((t) => gebruikteTabellen.has(`${cao.id}|${t.van}`));
    for (const tabel of tabellen) {
      // the cao's own name (Cao GGZ), not "CAO Cao GGZ"
      const caoNaam = /^cao\b/i.test(cao.naam) ? cao.naam : `Cao ${cao.naam}`;
      const naam = veiligeBladnaam(tabellen.length > 1 ? `${caoNaam} ${tabel.van}` : caoNaam, bladnamen);
      const { blad, plek } = caoTabelBlad(cao, tabel, naam, plaatsIn(set));
      bladen.push(blad);
      plekken.set(`${cao.id}|${tabel.van}`, plek);
    }
  }
  return { bladen, plekken };
}

function caoTabelBlad(cao: Cao, tabel: CaoTabel, naam: string, plaats: (bestand: string, regel: number) => string): { blad: Blad; plek: CaoBladPlek } {
  const treden = [...new Set([...tabel.schalen.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => Number(a) - Number(b));
  const kolomVan = new Map(treden.map((t, i) => [t, i + 2]));
  const rijVan = new Map<string, number>();
  const titel = [
    `${cao.naam}: ${tabel.soort === 'loonkosten_per_uur' ? 'integrale loonkosten per uur (salaris, toeslagen en werkgeverslasten)' : `salaristabel ${tabel.soort === 'maand' ? 'per maand' : 'per uur'} (voltijd)`}, geldig ${tabel.van} t/m ${tabel.tot}`,
    `Bron: ${tabel.bron.titel}${tabel.bron.url ? ` (${tabel.bron.url})` : ''} · status ${tabel.status}${plaats(tabel.herkomst.bestand, tabel.herkomst.regel) ? ` · ${plaats(tabel.herkomst.bestand, tabel.herkomst.regel)}` : ''}`,
  ];
  const rijen: (Cel | null)[][] = [];
  [...tabel.schalen.entries()].forEach(([schaal, m], i) => {
    rijVan.set(schaal, titel.length + 2 + i);
    rijen.push([tekst(schaal), ...treden.map((t) => (m.has(t) ? getal(m.get(t)!.bedrag, 'euro', 'invoer') : null))]);
  });
  return {
    blad: {
      naam,
      titel,
      kolommen: [{ kop: 'schaal', breedte: 12 }, ...treden.map((t) => ({ kop: `trede ${t}`, breedte: 12, formaat: 'euro' as Formaat }))],
      rijen,
      bevriesKolommen: 1,
      liggend: true,
      voettekst: `${cao.naam}`,
    },
    plek: { naam, rijVan, kolomVan },
  };
}

/** The sheet Parameters: every input cell with its defined name; a salary-table value refers to its CAO sheet. */
function parametersBlad(
  set: ParameterSet,
  plan: Tarievenplan,
  params: Map<string, ParamGebruik>,
  naamVan: Map<string, string>,
  caoPlekken: Map<string, CaoBladPlek>,
  bladnamen: Bladnamen,
): { blad: Blad; namen: Werkboek['namen'] } {
  const namen: Werkboek['namen'] = [];
  const parRijen: (Cel | null)[][] = [];
  const parTitel = [`Parameters van ${set.naam} (tariefjaar ${plan.model.tariefjaar}, peildatum ${plan.model.peildatum})`, 'Gele cellen zijn invoer; elke invoercel heeft een naam die de formules op de opbouwbladen gebruiken.'];
  const parBlad = veiligeBladnaam('Parameters', bladnamen);
  const plaats = plaatsIn(set);
  const gesorteerd = [...params].sort(([a], [b]) => vergelijkTekst(a, b));
  for (const [k, p] of gesorteerd) {
    const naam = naamVan.get(k)!;
    const rij = parTitel.length + 2 + parRijen.length;
    let waardeCel: Cel;
    const tabelMatch = TABEL_PAD.exec(p.pad);
    const cb = tabelMatch ? caoPlekken.get(`${tabelMatch[1]}|${tabelMatch[2]}`) : undefined;
    if (isTabelRef(p) && tabelMatch && cb) {
      const r = cb.rijVan.get(tabelMatch[3]!)!;
      const c = cb.kolomVan.get(tabelMatch[4]!)!;
      namen.push({ naam, blad: cb.naam, rij: r, kolom: c });
      waardeCel = { formule: bladRef(cb.naam, r, c), resultaat: p.waarde, formaat: 'euro', stijl: 'berekend' };
    } else {
      namen.push({ naam, blad: parBlad, rij, kolom: 3 });
      // a percentage as the fraction a spreadsheet expects: typing 23 % in this cell gives 23 %
      waardeCel = isProcent(p) ? getal(p.waarde.div(100), 'procent', 'invoer') : getal(p.waarde, p.pad.startsWith('afronding.') ? 'euro' : formaatVoor(p.eenheid), 'invoer');
    }
    parRijen.push([
      letterlijk(naam),
      tekst(naamInWoorden(p.pad)),
      waardeCel,
      tekst(p.eenheid),
      tekst(p.geldig_van),
      tekst(p.geldig_tot),
      tekst(p.status),
      tekst(p.bron),
      tekst(plaats(p.bestand, p.regel)),
    ]);
  }
  return {
    blad: {
      naam: parBlad,
      titel: parTitel,
      kolommen: [
        { kop: 'naam in formules', breedte: 42 },
        { kop: 'parameter', breedte: 42 },
        { kop: 'waarde', breedte: 14 },
        { kop: 'eenheid', breedte: 15 },
        { kop: 'geldig van', breedte: 12 },
        { kop: 'geldig tot', breedte: 12 },
        { kop: 'status', breedte: 12 },
        { kop: 'bron', breedte: 60 },
        { kop: 'vindplaats', breedte: 45 },
      ],
      rijen: parRijen,
      autofilter: true,
      bevriesKolommen: 1,
      liggend: true,
      voettekst: 'Parameters',
    },
    namen,
  };
}

/** The steps a block shows: a basistarief block only shows the MIN rows; its chain is the chosen CAO's block. */
function blokStappen(plan: Tarievenplan, t: Tarief): Stap[] {
  if (t.variantSoort !== 'basistarief') return t.opbouw;
  const uit: Stap[] = [];
  const afronding = t.opbouw.find((s) => s.stap === 'afronding');
  if (t.tariefPerUur && afronding) {
    const caoVarianten = plan.tarieven.filter((x) => x.product === t.product && x.variantSoort === 'cao');
    uit.push({
      ...afronding,
      label: 'Laagste uurtarief van de toepasselijke cao’s',
      formule: 'MIN over de cao-varianten',
      expr: { soort: 'fn', fn: 'MIN', args: caoVarianten.map((c) => ({ soort: 'extern', product: t.product, variant: c.variant, stap: 'afronding' })) },
    });
  }
  // the MIN step and whatever follows it (an indexation round adds steps after it)
  const i = t.opbouw.findIndex((s) => s.stap === 'basistarief');
  uit.push(...t.opbouw.slice(i >= 0 ? i : t.opbouw.length - 1));
  return uit;
}

/** The cell of a tariff's last step: the tariff itself. */
function eindcel(plan: Tarievenplan, vind: Vind, t: Tarief): Plek {
  const stappen = blokStappen(plan, t);
  return vind(t.product, t.variant, stappen[stappen.length - 1]!.stap);
}

interface OpbouwBlok {
  t: Tarief;
  stappen: Stap[];
  rij: number;
}

const KOPRIJ_OPBOUW = 2;

/**
 * The Opbouw sheets, one per contract: first every block is laid out (so every step has an address), then each step
 * is written as a formula over the parameter names and the cells of other steps.
 */
function opbouwBladen(set: ParameterSet, plan: Tarievenplan, naamVan: Map<string, string>, bladnamen: Bladnamen): { bladen: Blad[]; vind: Vind } {
  const plek = new Map<string, Plek>();
  const sleutel = (product: string, variant: string, stap: string) => `${product}|${variant}|${stap}`;
  const indeling = opbouwIndeling(set, plan, bladnamen);
  for (const { blad, blokken } of indeling)
    for (const { t, stappen, rij } of blokken) stappen.forEach((s, i) => plek.set(sleutel(t.product, t.variant, s.stap), { blad: blad.naam, rij: rij + 1 + i }));
  const vind: Vind = (product, variant, stap) => {
    const p = plek.get(sleutel(product, variant, stap));
    if (p) return p;
    const t = plan.tarieven.find((x) => x.product === product && x.variant === variant);
    const terug = t?.cao ? plek.get(sleutel(product, t.cao, stap)) : undefined;
    if (!terug) throw new Error(`geen cel voor ${product}/${variant}/${stap}`);
    return terug;
  };
  // a step in percent (productive hours by opslag) stands as a fraction too, like a percentage parameter
  const procentStap = new Set(plan.tarieven.flatMap((t) => t.opbouw.filter((s) => s.eenheid === 'procent').map((s) => sleutel(t.product, t.variant, s.stap))));
  const isProcentStap = (product: string, variant: string, stap: string) => {
    if (procentStap.has(sleutel(product, variant, stap))) return true;
    const t = plan.tarieven.find((x) => x.product === product && x.variant === variant);
    return t?.cao !== undefined && procentStap.has(sleutel(product, t.cao, stap)) && !plek.has(sleutel(product, variant, stap));
  };
  for (const { blad, blokken } of indeling) for (const b of blokken) schrijfBlok(blad, b, naamVan, vind, isProcentStap);
  return { bladen: indeling.map((o) => o.blad), vind };
}

/** Per contract an empty sheet and the blocks of its tariffs with their first row. */
function opbouwIndeling(set: ParameterSet, plan: Tarievenplan, bladnamen: Bladnamen): { blad: Blad; blokken: OpbouwBlok[] }[] {
  const perContract = new Map<string, Tarief[]>();
  for (const t of plan.tarieven) {
    const l = perContract.get(t.contract) ?? [];
    l.push(t);
    perContract.set(t.contract, l);
  }
  const uit: { blad: Blad; blokken: OpbouwBlok[] }[] = [];
  for (const contract of set.contracten) {
    const tarieven = perContract.get(contract.id);
    if (!tarieven) continue;
    const naam = veiligeBladnaam(`Opbouw ${contract.naam}`, bladnamen);
    const titel = [`Opbouw van de tarieven: ${contract.naam}. Filter op product en variant; elke waarde is een formule over de parameters en de stappen erboven.`];
    let rij = titel.length + KOPRIJ_OPBOUW;
    const blokken: OpbouwBlok[] = [];
    for (const t of tarieven) {
      const stappen = blokStappen(plan, t);
      blokken.push({ t, stappen, rij });
      rij += stappen.length + 2;
    }
    uit.push({
      blad: {
        naam,
        titel,
        kolommen: [
          { kop: 'product', breedte: 10 },
          { kop: 'variant', breedte: 22 },
          { kop: 'stap', breedte: 30 },
          { kop: 'omschrijving', breedte: 48 },
          { kop: 'berekening', breedte: 60 },
          { kop: 'waarde', breedte: 16 },
          { kop: 'eenheid', breedte: 16 },
          { kop: 'parameters', breedte: 50 },
          { kop: 'kostenelement', breedte: 50 },
        ],
        rijen: [],
        autofilter: true,
        bevriesKolommen: 2,
        liggend: true,
        voettekst: contract.naam,
      },
      blokken,
    });
  }
  return uit;
}

/** One block on an Opbouw sheet: a header row, a row per step with its formula, an empty row. */
function schrijfBlok(
  blad: Blad,
  { t, stappen, rij }: OpbouwBlok,
  naamVan: Map<string, string>,
  vind: Vind,
  isProcentStap: (product: string, variant: string, stap: string) => boolean,
): void {
  while (blad.rijen.length < rij - (blad.titel!.length + 1) - 1) blad.rijen.push([]);
  blad.rijen.push([
    tekst(t.product, 'blokkop'),
    tekst(t.variant, 'blokkop'),
    tekst(`${t.productnaam}${t.cao && t.variantSoort !== 'cao' ? ` (cao ${t.cao})` : ''}`, 'blokkop'),
    tekst(t.variantSoort === 'basistarief' ? `basistarief; de opbouw staat bij variant ${t.cao}` : '', 'blokkop'),
    null,
    null,
    null,
    null,
    null,
  ]);
  for (const s of stappen) {
    const inProcent = s.eenheid === 'procent';
    const f = formule(
      s.expr,
      {
      param: (pad, van) => naamVan.get(`${pad}@${van}`) ?? (() => { throw new Error(`geen naam voor ${pad}`); })(),
      stap: (id) => {
        const p = vind(t.product, t.variant, id);
        return bladRef(p.blad, p.rij, WAARDEKOLOM, blad.naam);
      },
      extern: (product, variant, stap) => {
        const p = vind(product, variant, stap);
        return bladRef(p.blad, p.rij, WAARDEKOLOM, blad.naam);
      },
      procent: (x) =>
        x.soort === 'param' ? isProcent(x.ref) && naamVan.has(`${x.ref.pad}@${x.ref.geldig_van}`) : x.soort === 'stap' ? isProcentStap(t.product, t.variant, x.stap) : x.soort === 'extern' ? isProcentStap(x.product, x.variant, x.stap) : false,
      },
      { alsProcent: inProcent },
    );
    const laatste = s === stappen[stappen.length - 1];
    blad.rijen.push([
      tekst(t.product),
      tekst(t.variant),
      // the step in words (personeel hbo · cao-toeslagen), not its id
      tekst(s.stap.replace(/_/g, ' ').replace(/\./g, ' · ')),
      tekst(s.label),
      tekst(s.formule, 'uitleg'),
      {
        formule: f,
        resultaat: inProcent ? s.waarde.div(100) : s.waarde,
        formaat: s.eenheid.startsWith('euro') ? (laatste ? 'euro' : 'euro4') : formaatVoor(s.eenheid),
        stijl: laatste ? 'tarief' : 'berekend',
      },
      tekst(EENHEID_TEKST[s.eenheid] ?? s.eenheid.replace(/^euro_per_/, 'per ')),
      tekst(s.parameters.map((p) => naamInWoorden(p.pad)).join('; ')),
      tekst(s.kostenelementen.join('; ')),
    ]);
  }
  blad.rijen.push([]);
}

/** The Tarieven overview: each tariff a reference to the last cell of its block. */
function tarievenBlad(set: ParameterSet, plan: Tarievenplan, concept: boolean, vind: Vind, bladnamen: Bladnamen): Blad {
  const rijen: (Cel | null)[][] = plan.tarieven.map((t) => {
    const eind = eindcel(plan, vind, t);
    // the hourly tariff is the step just before the (last) minute step
    const iMin = t.opbouw.map((s) => s.stap.startsWith('minuut')).lastIndexOf(true);
    const perUur = t.tariefPerUur && iMin > 0 ? vind(t.product, t.variant, t.opbouw[iMin - 1]!.stap) : undefined;
    return [
      tekst(t.product),
      tekst(t.productnaam),
      tekst(t.wet === 'wmo' ? 'Wmo' : 'Jeugdwet'),
      tekst(set.contracten.find((c) => c.id === t.contract)?.naam ?? t.contract),
      tekst(t.variant),
      tekst(t.cao ?? ''),
      tekst(t.eenheid),
      tekst(t.eenheidCode),
      { formule: bladRef(eind.blad, eind.rij, WAARDEKOLOM), resultaat: t.tarief, formaat: tariefFormaat(t.tarief), stijl: 'tarief' },
      perUur && t.tariefPerUur ? { formule: bladRef(perUur.blad, perUur.rij, WAARDEKOLOM), resultaat: t.tariefPerUur, formaat: tariefFormaat(t.tariefPerUur), stijl: 'berekend' } : null,
      tekst(t.status),
    ];
  });
  return {
    naam: veiligeBladnaam('Tarieven', bladnamen),
    titel: [
      `${set.naam} · tarieven ${plan.model.tariefjaar}${concept ? ' · CONCEPT: bevat illustratieve of voorlopige waarden' : ''}`,
      `Regio ${set.regio} · versie ${set.versie} · peildatum ${plan.model.peildatum} · vingerafdruk ${plan.model.vingerafdruk.slice(0, 16)}`,
    ],
    kolommen: [
      { kop: 'productcode', breedte: 12 },
      { kop: 'product', breedte: 44 },
      { kop: 'wet', breedte: 9 },
      { kop: 'contract', breedte: 26 },
      { kop: 'variant', breedte: 24 },
      { kop: 'cao', breedte: 20 },
      { kop: 'eenheid', breedte: 10 },
      { kop: 'eenheidcode', breedte: 12 },
      { kop: 'tarief per eenheid', breedte: 18 },
      { kop: 'tarief per uur', breedte: 16 },
      { kop: 'status', breedte: 14 },
    ],
    rijen,
    autofilter: true,
    bevriesKolommen: 2,
    liggend: true,
    voettekst: 'Tarieven',
  };
}

/** Which schaal and trede belong to each level, per CAO. */
function functiehuisBlad(set: ParameterSet, bladnamen: Bladnamen): Blad {
  const rijen: (Cel | null)[][] = [];
  for (const cao of [...set.caos.values()].sort((a, b) => vergelijkTekst(a.id, b.id)))
    for (const f of cao.functiehuis.values())
      rijen.push([
        tekst(cao.naam),
        tekst(f.niveau),
        tekst(f.functie ?? ''),
        tekst(f.schaal),
        tekst(f.treden.map((t) => (f.treden.length === 1 ? t.trede : `${t.trede} (gewicht ${t.gewicht.toFixed()})`)).join(', ')),
        tekst(f.status),
        tekst(f.bron.titel),
        tekst(plaatsIn(set)(f.herkomst.bestand, f.herkomst.regel)),
      ]);
  return {
    naam: veiligeBladnaam('Functiehuis', bladnamen),
    titel: ['Functiehuis: welke schaal en trede bij elk opleidingsniveau hoort, per cao'],
    kolommen: [
      { kop: 'cao', breedte: 30 },
      { kop: 'niveau', breedte: 16 },
      { kop: 'functie', breedte: 30 },
      { kop: 'schaal', breedte: 10 },
      { kop: 'trede(n)', breedte: 30 },
      { kop: 'status', breedte: 12 },
      { kop: 'bron', breedte: 50 },
      { kop: 'vindplaats', breedte: 45 },
    ],
    rijen,
    autofilter: true,
    liggend: true,
    voettekst: 'Functiehuis',
  };
}

/** Aanbieder-specifieke tarieven: the overridden parameters and the resulting tariffs; none without such tariffs. */
function aanbiedersBlad(set: ParameterSet, plan: Tarievenplan, vind: Vind, bladnamen: Bladnamen): Blad | undefined {
  const rijen: (Cel | null)[][] = [];
  for (const a of set.aanbieders) {
    for (const ov of a.producten) {
      const t = plan.tarieven.find((x) => x.product === ov.code && x.variant === `aanbieder-${a.id}`);
      if (!t) continue;
      const eind = vind(t.product, t.variant, t.opbouw[t.opbouw.length - 1]!.stap);
      const gewijzigd = t.opbouw.flatMap((s) => s.parameters).filter((p) => p.pad.startsWith(`aanbieders.${a.id}.`));
      const basis = plan.tarieven.find((x) => x.product === ov.code && x.variant === a.cao);
      const basisPlek = basis ? vind(basis.product, basis.variant, basis.opbouw[basis.opbouw.length - 1]!.stap) : undefined;
      rijen.push([
        tekst(a.naam),
        tekst(a.cao),
        tekst(t.product),
        tekst(t.productnaam),
        tekst(gewijzigd.map((p) => `${p.pad.split('.').slice(3).join('.')} = ${p.waarde.toFixed()}`).join('; ')),
        basisPlek && basis ? { formule: bladRef(basisPlek.blad, basisPlek.rij, WAARDEKOLOM), resultaat: basis.tarief, formaat: tariefFormaat(basis.tarief), stijl: 'berekend' } : null,
        { formule: bladRef(eind.blad, eind.rij, WAARDEKOLOM), resultaat: t.tarief, formaat: tariefFormaat(t.tarief), stijl: 'tarief' },
        tekst(a.besluit.titel),
      ]);
    }
  }
  if (!rijen.length) return undefined;
  return {
    naam: veiligeBladnaam('Aanbieder-specifiek', bladnamen),
    titel: ['Aanbieder-specifieke tarieven: de parameters die voor deze aanbieder anders zijn, en het tarief dat eruit volgt'],
    kolommen: [
      { kop: 'aanbieder', breedte: 30 },
      { kop: 'cao', breedte: 16 },
      { kop: 'product', breedte: 10 },
      { kop: 'productnaam', breedte: 36 },
      { kop: 'aangepaste parameters', breedte: 40 },
      { kop: 'tarief cao', breedte: 14 },
      { kop: 'tarief aanbieder', breedte: 16 },
      { kop: 'besluit', breedte: 50 },
    ],
    rijen,
    liggend: true,
    voettekst: 'Aanbieder-specifieke tarieven',
  };
}

/** The first sheet: what the workbook is and how to read it. */
function toelichtingBlad(set: ParameterSet, plan: Tarievenplan, concept: boolean, opbouw: Blad[], bladnamen: Bladnamen): Blad {
  const regels: [string, string][] = [
    ['Parameterset', set.naam],
    ['Regio', set.regio],
    ['Tariefjaar', String(plan.model.tariefjaar)],
    ['Peildatum', plan.model.peildatum],
    ['Versie', set.versie],
    ['Vingerafdruk', plan.model.vingerafdruk],
    ['Status', concept ? 'CONCEPT: de set bevat illustratieve of voorlopige waarden; niet publiceren als vastgesteld tarief' : 'alle gebruikte waarden zijn vastgesteld'],
    ['Tarieven', `${plan.tarieven.length} tarieven voor ${set.producten.length} producten`],
    ['Invoer', 'gele cellen met blauwe cijfers (bladen Parameters en Cao …): wijzig hier een waarde en alle tarieven rekenen mee'],
    ['Berekend', 'witte cellen: formules over de invoer en de stappen erboven; de opgeslagen uitkomsten komen uit het rekenmodel van tariefbouw'],
    ['Afronding', 'alleen bij de stap afronding (en het minuuttarief), rekenkundig zoals ROUND'],
    ['Opbouw', 'de bladen “Opbouw …” tonen per product en variant elke stap: salaris, toeslagen, werkgeverslasten, productieve uren, functiemix, groepsgrootte, eenheid, indexatie, overhead, gemeentelijke verplichtingen, cliëntgebonden kosten, no-show, winst en risico, afronding'],
    // a sheet name has at most 31 characters: the full name of the contract behind each Opbouw sheet
    ...opbouw.map((b): [string, string] => [b.naam, `opbouw van de tarieven van het contract ${b.voettekst ?? b.naam}`]),
  ];
  return {
    naam: veiligeBladnaam('Toelichting', bladnamen),
    titel: [`Tariefbijlage ${set.regio} ${plan.model.tariefjaar}`, ...(concept ? ['CONCEPT'] : [])],
    kolommen: [
      { kop: 'onderdeel', breedte: 32 },
      { kop: 'toelichting', breedte: 90 },
    ],
    // Long lines wrap, so the sheet prints at full size on one page width.
    rijen: regels.map(([a, b]) => [tekst(a, 'kop'), tekst(b, a === 'Status' && concept ? 'concept' : a === 'Invoer' ? 'invoer' : 'tekstlang')]),
    voettekst: 'Toelichting',
  };
}

/** Begroting: volume × tarief per gemeente, live over the tariff cells, priced at the same mix as `begroting` (the region's own copy only). */
function begrotingBlad(set: ParameterSet, v: NonNullable<ParameterSet['volumes']>, plan: Tarievenplan, vind: Vind, bladnamen: Bladnamen): Blad {
  const naam = veiligeBladnaam('Begroting', bladnamen);
  // the volumes per variant as `begroting` prices them (the set's variant, per_variant, or a total × shares)
  const verdeeld = verdeelVolumes(set, plan)!;
  const metMix = v.gemeenten.some((g) => g.volumes.some((q) => q.mix));
  const titel = [
    `Begrotingseffect ${plan.model.tariefjaar}: verwacht volume × tarief (variant ${v.variant}${metMix ? ', of per product de varianten en verdeling uit volumes.yaml' : ''}) per gemeente`,
    metMix ? 'De gele aantallen, totalen en aandelen zijn invoer; aantal = totaal × aandeel, tarief en bedrag rekenen mee met de opbouw.' : 'De gele aantallen zijn invoer; tarief en bedrag rekenen mee met de opbouw.',
  ];
  const rijen: (Cel | null)[][] = [];
  const eersteRij = titel.length + 2;
  const totaalCellen: string[] = [];
  // with a mix two more columns (totaal, aandeel) before the aantal; the column of the bedrag
  const kB = metMix ? 'I' : 'G';
  const leeg = metMix ? [null, null] : [];
  const nul = plan.tarieven[0]!.tarief.times(0);
  for (const g of verdeeld.gemeenten) {
    const start = eersteRij + rijen.length;
    let som = nul;
    for (const q of g.volumes) {
      const t = q.tarief;
      if (!t) continue;
      rijen.push(begrotingRij(plan, vind, naam, g.naam, q, t, metMix, eersteRij + rijen.length));
      som = som.plus(t.tarief.times(q.aantal));
    }
    const eind = eersteRij + rijen.length - 1;
    const rij = eersteRij + rijen.length;
    rijen.push([tekst(`Totaal ${g.naam}`, 'kop'), null, null, null, ...leeg, null, null, { formule: `SUM(${kB}${start}:${kB}${eind})`, resultaat: som, formaat: 'euro', stijl: 'tarief' }]);
    totaalCellen.push(`${kB}${rij}`);
    rijen.push([]);
  }
  const totaal = verdeeld.gemeenten.flatMap((g) => g.volumes).reduce((acc, q) => (q.tarief ? acc.plus(q.tarief.tarief.times(q.aantal)) : acc), nul);
  rijen.push([tekst('Totaal regio', 'kop'), null, null, null, ...leeg, null, null, { formule: totaalCellen.join('+') || '0', resultaat: totaal, formaat: 'euro', stijl: 'tarief' }]);
  return {
    naam,
    titel,
    kolommen: [
      { kop: 'gemeente', breedte: 24 },
      { kop: 'product', breedte: 10 },
      { kop: 'productnaam', breedte: 40 },
      { kop: 'variant', breedte: 16 },
      ...(metMix ? [{ kop: 'totaal', breedte: 14 }, { kop: 'aandeel', breedte: 10 }] : []),
      { kop: 'aantal', breedte: 14 },
      { kop: 'tarief', breedte: 14 },
      { kop: 'bedrag', breedte: 18 },
    ],
    rijen,
    liggend: true,
    voettekst: 'Begroting',
  };
}

type VerdeeldVolume = NonNullable<ReturnType<typeof verdeelVolumes>>['gemeenten'][number]['volumes'][number];

/** One volume row: with a mix the totaal and aandeel are input and the aantal a formula; tarief and bedrag follow the opbouw. */
function begrotingRij(plan: Tarievenplan, vind: Vind, blad: string, gemeente: string, q: VerdeeldVolume, t: Tarief, metMix: boolean, rij: number): (Cel | null)[] {
  // the columns of aantal and tarief
  const [kA, kT] = metMix ? ['G', 'H'] : ['E', 'F'];
  const eind = eindcel(plan, vind, t);
  const mix: (Cel | null)[] = !metMix
    ? []
    : q.aandeel !== undefined
      ? [{ waarde: q.totaal!, formaat: 'aantal', stijl: 'invoer' }, { waarde: q.aandeel.div(100), formaat: 'procent', stijl: 'invoer' }]
      : [null, null];
  return [
    tekst(gemeente),
    tekst(t.product),
    tekst(t.productnaam),
    tekst(t.variant),
    ...mix,
    q.aandeel !== undefined ? { formule: `E${rij}*F${rij}`, resultaat: q.aantal, formaat: 'aantal', stijl: 'berekend' } : { waarde: q.aantal, formaat: 'aantal', stijl: 'invoer' },
    { formule: bladRef(eind.blad, eind.rij, WAARDEKOLOM, blad), resultaat: t.tarief, formaat: tariefFormaat(t.tarief), stijl: 'berekend' },
    { formule: `${kA}${rij}*${kT}${rij}`, resultaat: t.tarief.times(q.aantal), formaat: 'euro', stijl: 'berekend' },
  ];
}
