/**
 * producten/*.yaml → contracts and products. The common part of a product (code, category, unit, rounding,
 * descriptive fields, pgb overrides) is built once; each berekening (kostprijs, lumpsum, overgenomen) then adds
 * and checks its own keys against the CAOs and productivity profiles already built.
 */
import type * as z from 'zod';
import { Decimal } from '../shared/decimal.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';
import { type Bestand, type Bouwer, NIET_NEGATIEF, opslag, POSITIEF, PROCENT_DEELBAAR } from './bouw.ts';
import * as S from './schema.ts';
import type * as T from './types.ts';
import type { AfrondingBestaat } from './varianten.ts';
import { bedoeldeU } from './zodfouten.ts';

type Pad = (string | number)[];
type ProductenData = z.infer<typeof S.ProductenBestand>;
type RuwProduct = z.infer<typeof S.Product>;

/** What the products are checked against: the parts of the set built before them. */
export interface ProductContext {
  caos: Map<string, T.Cao>;
  productiviteit: Map<string, T.ProductiviteitsProfiel>;
  varianten: T.Varianten;
  standaardAfronding: string;
  afrondingBestaat: AfrondingBestaat;
}

export function bouwProducten(b: Bouwer, geldig: Map<string, Bestand<unknown>>, ctx: ProductContext): { producten: T.Product[]; contracten: T.Contract[] } {
  const contracten: T.Contract[] = [];
  const producten: T.Product[] = [];
  const codes = new Map<string, string>();
  for (const [rel, best] of geldig) {
    if (!rel.startsWith('producten/')) continue;
    const d = best.data as ProductenData;
    const r = best.root;
    contracten.push({ id: d.contract.id, naam: d.contract.naam, ...(d.contract.omschrijving ? { omschrijving: d.contract.omschrijving } : {}) });
    for (const [code, p] of Object.entries(d.producten)) {
      const pad = ['producten', code];
      const basis = productBasis(b, ctx, code, p, d.contract.id, r, codes);
      if (p.berekening === 'kostprijs') producten.push(kostprijsProduct(b, ctx, basis, p, r, pad));
      else if (p.berekening === 'lumpsum') producten.push(lumpsumProduct(b, ctx, basis, p, r, pad));
      else producten.push(overgenomenProduct(b, basis, p, r, pad));
    }
  }
  producten.sort((x, y) => vergelijkTekst(x.code, y.code));
  contracten.sort((x, y) => vergelijkTekst(x.id, y.id));
  return { producten, contracten };
}

/** The keys every product has, checked: unique code, category = first two characters, a known rounding rule. */
function productBasis(b: Bouwer, ctx: ProductContext, code: string, p: RuwProduct, contract: string, r: unknown, codes: Map<string, string>): T.ProductBasis {
  const pad = ['producten', code];
  const herkomst = b.plek(r, pad, 'sleutel');
  if (codes.has(code)) {
    b.fout(r, pad, `productcode ${code} komt twee keer voor`, { verwacht: 'elke productcode één keer in de set', gevonden: `ook in ${codes.get(code)}`, hint: 'geef een van beide een andere code' }, 'sleutel');
  }
  codes.set(code, herkomst.bestand);
  if (!code.startsWith(p.productcategorie)) {
    b.fout(r, [...pad, 'productcategorie'], `productcategorie past niet bij productcode ${code}`, {
      verwacht: `"${code.slice(0, 2)}" (de eerste twee tekens van de productcode)`,
      gevonden: `"${p.productcategorie}"`,
      hint: 'in iJw/iWmo begint de productcode met de productcategorie',
    });
  }
  if (p.afronding) ctx.afrondingBestaat(p.afronding, r, [...pad, 'afronding']);
  const velden: Record<string, string> = {};
  for (const k of ['segment', 'omschrijving', 'doel', 'doelgroep', 'opleidingseisen', 'resultaat', 'stapelbaarheid', 'leeftijd', 'toegang', 'volumenorm', 'starttermijn', 'uitsluitingen', 'functiemix', 'frequentie', 'toelichting'] as const) {
    const v = p[k];
    if (typeof v === 'string') velden[k] = v;
  }
  return {
    code,
    naam: p.naam,
    wet: p.wet,
    productcategorie: p.productcategorie,
    contract,
    eenheid: p.eenheid,
    eenheidCode: S.PRODUCTEENHEDEN[p.eenheid].code,
    afronding: p.afronding ?? ctx.standaardAfronding,
    velden,
    herkomst,
    pgb: pgbAfwijkingen(b, ctx.varianten, code, p, r, pad),
  };
}

/** Per pgb-soort: excluded, or a fixed amount or percentage of its own instead of the set's percentage. */
function pgbAfwijkingen(b: Bouwer, varianten: T.Varianten, code: string, p: RuwProduct, r: unknown, pad: Pad): T.PgbOverride[] {
  const pgb: T.PgbOverride[] = [];
  if (!('pgb' in p) || !p.pgb) return pgb;
  const soorten = varianten.pgb?.soorten.map((x) => x.id) ?? [];
  for (const [soort, ov] of Object.entries(p.pgb)) {
    if (!soorten.includes(soort)) {
      const s = bedoeldeU(soort, soorten);
      b.fout(r, [...pad, 'pgb', soort], `onbekende pgb-soort '${soort}'`, {
        verwacht: `een soort uit varianten.yaml: ${soorten.join(', ') || '(geen pgb-varianten ingesteld)'}`,
        gevonden: soort,
        hint: s ? `bedoelde u '${s}'?` : 'de pgb-soorten staan in varianten.yaml onder pgb.soorten',
      }, 'sleutel');
    }
    if ('uitgesloten' in ov) pgb.push({ soort, uitgesloten: true });
    else {
      // A fixed pgb amount per hour only fits a minute or hour product; per unit fits every product (the model
      // turns an amount per minute into the hourly tariff the minute tariff follows from).
      const opUur = p.eenheid === 'minuut' || p.eenheid === 'uur';
      const hint = `een vast pgb-bedrag is een bedrag per ${p.eenheid} (euro_per_eenheid), of een percentage van het ZIN-tarief (procent)`;
      pgb.push({ soort, uitgesloten: false, param: b.param(ov, r, [...pad, 'pgb', soort], `producten.${code}.pgb.${soort}`, opUur ? ['procent', 'euro_per_uur', 'euro_per_eenheid'] : ['procent', 'euro_per_eenheid'], opslag(NIET_NEGATIEF), hint) });
    }
  }
  return pgb;
}

function kostprijsProduct(b: Bouwer, ctx: ProductContext, basis: T.ProductBasis, p: Extract<RuwProduct, { berekening: 'kostprijs' }>, r: unknown, pad: Pad): T.KostprijsProduct {
  const { code } = basis;
  const pfx = `producten.${code}`;
  controleerCaoLijst(b, ctx.caos, p.caos, r, pad);
  controleerNiveaus(b, ctx.caos, p.inzet, p.caos, r, [...pad, 'inzet']);
  controleerProfiel(b, ctx.productiviteit, p.productiviteit, r, [...pad, 'productiviteit']);
  if (p.ort) controleerOrt(b, ctx.caos, p.ort, p.caos, r, [...pad, 'ort']);
  const tijd = S.PRODUCTEENHEDEN[p.eenheid].uren !== null;
  if (p.eenheid === 'jaar') {
    b.fout(r, [...pad, 'eenheid'], 'eenheid jaar hoort bij een lumpsum', { verwacht: 'minuut, uur, dagdeel, etmaal, stuk of stuk_output', gevonden: 'jaar', hint: 'gebruik berekening: lumpsum voor een vast jaarbedrag' });
  }
  if (!tijd && !p.uren_per_eenheid && p.eenheid !== 'jaar') {
    b.fout(r, pad, `product ${code} met eenheid ${p.eenheid} mist uren_per_eenheid`, {
      verwacht: 'uren_per_eenheid: hoeveel begeleidingsuren één eenheid omvat',
      gevonden: 'geen uren_per_eenheid',
      hint: 'bij minuut, uur, dagdeel en etmaal volgt dit uit de eenheid; bij stuk moet u het opgeven',
    });
  }
  if (p.uren_per_eenheid && (p.eenheid === 'minuut' || p.eenheid === 'uur')) {
    b.fout(r, [...pad, 'uren_per_eenheid'], `uren_per_eenheid past niet bij eenheid ${p.eenheid}`, {
      verwacht: 'geen uren_per_eenheid: een uur is een uur',
      gevonden: 'uren_per_eenheid',
      hint: 'verwijder uren_per_eenheid of kies eenheid stuk',
    }, 'sleutel');
  }
  return {
    ...basis,
    berekening: 'kostprijs',
    caos: p.caos,
    productiviteit: p.productiviteit,
    inzet: inzetVan(b, p.inzet, r, [...pad, 'inzet']),
    ...(p.groepsgrootte ? { groepsgrootte: b.param(p.groepsgrootte, r, [...pad, 'groepsgrootte'], `${pfx}.groepsgrootte`, ['aantal'], POSITIEF) } : {}),
    ...(p.uren_per_eenheid ? { urenPerEenheid: b.param(p.uren_per_eenheid, r, [...pad, 'uren_per_eenheid'], `${pfx}.uren_per_eenheid`, ['uren'], POSITIEF) } : {}),
    ...(p.ort ? { ort: p.ort } : {}),
    ...(p.no_show ? { noShow: b.param(p.no_show, r, [...pad, 'no_show'], `${pfx}.no_show`, ['procent'], opslag(PROCENT_DEELBAAR, '25')) } : {}),
    clientgebondenKosten: kostenVan(b, p.clientgebonden_kosten, r, [...pad, 'clientgebonden_kosten'], `${pfx}.clientgebonden_kosten`, ['euro_per_eenheid', 'euro_per_uur']),
  };
}

function lumpsumProduct(b: Bouwer, ctx: ProductContext, basis: T.ProductBasis, p: Extract<RuwProduct, { berekening: 'lumpsum' }>, r: unknown, pad: Pad): T.LumpsumProduct {
  const pfx = `producten.${basis.code}`;
  controleerCaoLijst(b, ctx.caos, p.caos, r, pad);
  controleerNiveaus(b, ctx.caos, p.inzet ?? [], p.caos, r, [...pad, 'inzet']);
  controleerNiveaus(b, ctx.caos, p.rooster ?? [], p.caos, r, [...pad, 'rooster']);
  controleerFormatie(b, p, r, pad);
  if (p.productiviteit) controleerProfiel(b, ctx.productiviteit, p.productiviteit, r, [...pad, 'productiviteit']);
  if (p.eenheid !== 'jaar') {
    b.fout(r, [...pad, 'eenheid'], 'een lumpsum heeft eenheid jaar', { verwacht: 'jaar', gevonden: p.eenheid, hint: 'een lumpsum is een vast bedrag per jaar (iStandaard-eenheid 83, euro’s)' });
  }
  if (p.ort) controleerOrt(b, ctx.caos, p.ort, p.caos, r, [...pad, 'ort']);
  return {
    ...basis,
    berekening: 'lumpsum',
    caos: p.caos,
    ...(p.ort ? { ort: p.ort } : {}),
    ...(p.productiviteit ? { productiviteit: p.productiviteit } : {}),
    inzet: inzetVan(b, p.inzet ?? [], r, [...pad, 'inzet']),
    rooster: (p.rooster ?? []).map((x, k) => ({
      niveau: x.niveau,
      uren: b.param(x.uren, r, [...pad, 'rooster', k, 'uren'], `${pfx}.rooster.${x.niveau}`, ['uren_per_jaar'], POSITIEF),
      herkomst: b.plek(r, [...pad, 'rooster', k]),
    })),
    kostenPerJaar: kostenVan(b, p.kosten_per_jaar, r, [...pad, 'kosten_per_jaar'], `${pfx}.kosten_per_jaar`, ['euro_per_jaar']),
  };
}

/** A lump sum's formation: inzet (fte) and/or rooster (hours, which need a productivity profile), each level once. */
function controleerFormatie(b: Bouwer, p: Extract<RuwProduct, { berekening: 'lumpsum' }>, r: unknown, pad: Pad): void {
  if (!p.inzet?.length && !p.rooster?.length) {
    b.fout(r, [...pad, 'berekening'], 'een lumpsum zonder formatie', { verwacht: 'inzet (fte per niveau) of rooster (uren per niveau per jaar), of beide', gevonden: 'geen van beide', hint: 'voeg inzet of rooster toe aan het product' });
  }
  const niveaus = [...(p.inzet ?? []).map((i) => i.niveau), ...(p.rooster ?? []).map((i) => i.niveau)];
  const dubbel = niveaus.find((n, k) => niveaus.indexOf(n) !== k);
  if (dubbel) {
    b.fout(r, [...pad, 'rooster'], `niveau ${dubbel} staat twee keer in de formatie`, { verwacht: 'elk niveau één keer, in inzet (fte) of in rooster (uren)', gevonden: `${dubbel} meer dan eens`, hint: 'tel de uren of fte van dat niveau samen' });
  }
  if (p.rooster?.length && !p.productiviteit) {
    b.fout(r, [...pad, 'rooster'], 'een rooster zonder productiviteitsprofiel', { verwacht: 'productiviteit: <profiel> bij het product', gevonden: 'geen productiviteit', hint: 'de roosteruren worden fte met de productieve uren van een profiel, zoals verblijf' });
  }
}

function overgenomenProduct(b: Bouwer, basis: T.ProductBasis, p: Extract<RuwProduct, { berekening: 'overgenomen' }>, r: unknown, pad: Pad): T.OvergenomenProduct {
  return {
    ...basis,
    berekening: 'overgenomen',
    tarief: b.param(p.tarief, r, [...pad, 'tarief'], `producten.${basis.code}.tarief`, p.eenheid === 'minuut' ? ['euro_per_uur', 'euro_per_eenheid'] : ['euro_per_eenheid'], NIET_NEGATIEF),
  };
}

/** Each CAO of a product once, and known. */
function controleerCaoLijst(b: Bouwer, caos: Map<string, T.Cao>, cs: string[], r: unknown, pad: Pad): void {
  cs.forEach((c, i) => {
    if (cs.indexOf(c) !== i) {
      b.fout(r, [...pad, 'caos', i], `CAO '${c}' staat twee keer in de lijst`, {
        verwacht: 'elke CAO één keer',
        gevonden: cs.join(', '),
        hint: 'verwijder de dubbele vermelding',
      });
      return;
    }
    if (!caos.has(c)) {
      const s = bedoeldeU(c, [...caos.keys()]);
      b.fout(r, [...pad, 'caos', i], `onbekende CAO '${c}'`, {
        verwacht: `een CAO uit cao/: ${[...caos.keys()].join(', ')}`,
        gevonden: c,
        hint: s ? `bedoelde u '${s}'?` : `voeg cao/${c}.yaml toe of kies een bestaande CAO`,
      });
    }
  });
}

/** The ORT profile a product names must exist in each of its CAOs. */
function controleerOrt(b: Bouwer, caos: Map<string, T.Cao>, ort: string, caoIds: string[], r: unknown, pad: Pad): void {
  for (const c of caoIds) {
    const cao = caos.get(c);
    if (cao && !cao.ort.has(ort)) {
      b.fout(r, pad, `ORT-profiel '${ort}' ontbreekt in ${cao.naam}`, {
        verwacht: `een profiel uit cao/${c}.yaml ort: ${[...cao.ort.keys()].join(', ') || '(geen ORT-profielen)'}`,
        gevonden: ort,
        hint: `voeg ort.${ort} toe aan cao/${c}.yaml`,
      });
    }
  }
}

/** Every level of an inzet or rooster must stand in the functiehuis of each CAO named. */
export function controleerNiveaus(b: Bouwer, caos: Map<string, T.Cao>, inzet: { niveau: string }[], cs: string[], root: unknown, pad: Pad): void {
  inzet.forEach((i, k) => {
    const zonder = cs.map((c) => caos.get(c)).filter((cao): cao is T.Cao => cao !== undefined && !cao.functiehuis.has(i.niveau));
    if (!zonder.length) return;
    const niveaus = [...new Set(zonder.flatMap((cao) => [...cao.functiehuis.keys()]))];
    const s = bedoeldeU(i.niveau, niveaus);
    b.fout(root, [...pad, k, 'niveau'], `opleidingsniveau '${i.niveau}' ontbreekt in het functiehuis van ${zonder.map((c) => c.naam).join(', ')}`, {
      verwacht: `een niveau uit het functiehuis van ${zonder.map((c) => `cao/${c.id}.yaml`).join(', ')}: ${niveaus.join(', ')}`,
      gevonden: i.niveau,
      hint: s ? `bedoelde u '${s}'?` : `voeg ${i.niveau} toe aan het functiehuis van ${zonder.map((c) => `cao/${c.id}.yaml`).join(' en ')}`,
    });
  });
}

/** A productivity profile named by a product or an aanbieder must exist in productiviteit.yaml. */
export function controleerProfiel(b: Bouwer, productiviteit: Map<string, T.ProductiviteitsProfiel>, id: string, r: unknown, pad: Pad): void {
  if (productiviteit.has(id)) return;
  const s = bedoeldeU(id, [...productiviteit.keys()]);
  b.fout(r, pad, `onbekend productiviteitsprofiel '${id}'`, {
    verwacht: `een profiel uit productiviteit.yaml: ${[...productiviteit.keys()].join(', ')}`,
    gevonden: id,
    hint: s ? `bedoelde u '${s}'?` : 'voeg het profiel toe aan productiviteit.yaml',
  });
}

export function inzetVan(b: Bouwer, raw: { niveau: string; aantal: string }[], root: unknown, pad: Pad): T.Inzet[] {
  return raw.map((i, k) => {
    const a = new Decimal(i.aantal);
    b.bereik(a, POSITIEF, 'aantal', root, [...pad, k, 'aantal'], 'inzet');
    return { niveau: i.niveau, aantal: a, herkomst: b.plek(root, [...pad, k]) };
  });
}

export function kostenVan(b: Bouwer, raw: Partial<Record<string, S.RawParameter>> | undefined, root: unknown, pad: Pad, pfx: string, eenheden: T.Eenheid[]): { soort: string; param: T.Param }[] {
  return Object.entries(raw ?? {}).map(([soort, p]) => ({ soort, param: b.param(p!, root, [...pad, soort], `${pfx}.${soort}`, eenheden, NIET_NEGATIEF) }));
}
