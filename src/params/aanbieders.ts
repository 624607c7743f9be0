/**
 * aanbieders/<id>.yaml → provider-specific overrides (aanbieder-specifiek tarief): per cost-price product the
 * group size, hours per unit, inzet, productivity profile or client-bound costs that differ for this provider.
 */
import path from 'node:path';
import type * as z from 'zod';
import { vergelijkTekst } from '../shared/sorteer.ts';
import { type Bestand, type Bouwer, POSITIEF } from './bouw.ts';
import { controleerNiveaus, controleerProfiel, inzetVan, kostenVan } from './producten.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';
import { bedoeldeU } from './zodfouten.ts';

type AanbiederData = z.infer<typeof S.AanbiederBestand>;
type Afwijking = AanbiederData['producten'][string];

interface AanbiederContext {
  caos: Map<string, T.Cao>;
  productiviteit: Map<string, T.ProductiviteitsProfiel>;
  producten: T.Product[];
}

export function bouwAanbieders(b: Bouwer, geldig: Map<string, Bestand<unknown>>, ctx: AanbiederContext): T.Aanbieder[] {
  const aanbieders: T.Aanbieder[] = [];
  for (const [rel, best] of geldig) {
    if (!rel.startsWith('aanbieders/')) continue;
    aanbieders.push(bouwAanbieder(b, path.basename(rel, '.yaml'), best.data as AanbiederData, best.root, ctx));
  }
  return aanbieders.sort((x, y) => vergelijkTekst(x.id, y.id));
}

function bouwAanbieder(b: Bouwer, id: string, d: AanbiederData, r: unknown, ctx: AanbiederContext): T.Aanbieder {
  if (!ctx.caos.has(d.cao)) {
    b.fout(r, ['cao'], `onbekende CAO '${d.cao}' voor aanbieder ${d.naam}`, { verwacht: `een CAO uit cao/: ${[...ctx.caos.keys()].join(', ')}`, gevonden: d.cao, hint: 'de aanbieder valt onder een van de CAO’s van de set' });
  }
  const herkomst = b.plek(r, []);
  const lijst: T.Aanbieder['producten'] = [];
  for (const [code, ov] of Object.entries(d.producten)) {
    const prod = kostprijsProductVan(b, ctx.producten, code, r);
    if (prod) lijst.push(afwijkingVan(b, ctx, id, d.cao, prod, ov, r));
  }
  return { id, naam: d.naam, cao: d.cao, besluit: b.bron(d.besluit, r, ['besluit']), ...(d.contractnummer ? { contractnummer: d.contractnummer } : {}), ...(d.toelichting ? { toelichting: d.toelichting } : {}), herkomst, producten: lijst };
}

/** The product an override names; only a cost-price product has parameters that can differ per provider. */
function kostprijsProductVan(b: Bouwer, producten: T.Product[], code: string, r: unknown): T.KostprijsProduct | undefined {
  const prod = producten.find((p) => p.code === code);
  if (prod && prod.berekening === 'kostprijs') return prod;
  const s = prod ? undefined : bedoeldeU(code, producten.filter((p) => p.berekening === 'kostprijs').map((p) => p.code));
  b.fout(r, ['producten', code], prod ? `product ${code} wordt niet berekend, dus kan geen aanbieder-specifiek tarief krijgen` : `onbekend product ${code}`, {
    verwacht: 'de code van een product met berekening: kostprijs',
    gevonden: code,
    hint: prod ? 'alleen kostprijsproducten hebben parameters die per aanbieder kunnen verschillen' : s ? `bedoelde u '${s}'?` : 'controleer de productcode in producten/',
  }, 'sleutel');
  return undefined;
}

function afwijkingVan(b: Bouwer, ctx: AanbiederContext, id: string, cao: string, prod: T.KostprijsProduct, ov: Afwijking, r: unknown): T.Aanbieder['producten'][number] {
  const { code } = prod;
  const pad = ['producten', code];
  if (ctx.caos.has(cao) && !prod.caos.includes(cao)) {
    b.fout(r, ['cao'], `CAO ${cao} hoort niet bij product ${code}`, { verwacht: `een van: ${prod.caos.join(', ')}`, gevonden: cao, hint: 'voeg de CAO toe aan het product of kies de juiste CAO' });
  }
  if (ov.inzet) controleerNiveaus(b, ctx.caos, ov.inzet, [cao], r, [...pad, 'inzet']);
  if (ov.productiviteit) controleerProfiel(b, ctx.productiviteit, ov.productiviteit, r, [...pad, 'productiviteit']);
  if (ov.uren_per_eenheid && (prod.eenheid === 'minuut' || prod.eenheid === 'uur')) {
    b.fout(r, [...pad, 'uren_per_eenheid'], `uren_per_eenheid past niet bij product ${code}, dat per ${prod.eenheid} wordt betaald`, {
      verwacht: 'geen uren_per_eenheid: bij een minuut- of uurproduct is een uur een uur',
      gevonden: 'uren_per_eenheid',
      hint: 'verwijder uren_per_eenheid; een andere inzet per uur geeft u met inzet of groepsgrootte',
    }, 'sleutel');
  }
  const pfx = `aanbieders.${id}.${code}`;
  return {
    code,
    herkomst: b.plek(r, pad, 'sleutel'),
    ...(ov.groepsgrootte ? { groepsgrootte: b.param(ov.groepsgrootte, r, [...pad, 'groepsgrootte'], `${pfx}.groepsgrootte`, ['aantal'], POSITIEF) } : {}),
    ...(ov.uren_per_eenheid ? { urenPerEenheid: b.param(ov.uren_per_eenheid, r, [...pad, 'uren_per_eenheid'], `${pfx}.uren_per_eenheid`, ['uren'], POSITIEF) } : {}),
    ...(ov.inzet ? { inzet: inzetVan(b, ov.inzet, r, [...pad, 'inzet']) } : {}),
    ...(ov.productiviteit ? { productiviteit: ov.productiviteit } : {}),
    ...(ov.toelichting ? { toelichting: ov.toelichting } : {}),
    ...(ov.clientgebonden_kosten
      ? { clientgebondenKosten: kostenVan(b, ov.clientgebonden_kosten, r, [...pad, 'clientgebonden_kosten'], `${pfx}.clientgebonden_kosten`, ['euro_per_eenheid', 'euro_per_uur']) }
      : {}),
  };
}
