/** The productenboek as a table: one row per product with its descriptive fields and tariffs. Pure. */
import type { ParameterSet } from '../params/types.ts';
import type { Tarievenplan } from '../model/types.ts';
import { PRODUCTEENHEDEN } from '../params/schema.ts';
import { tariefFormaat, type Blad, type Cel, type Werkboek } from './werkboek.ts';
import { isConcept } from './tariefbijlage.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';
import { leesbaar, variantLabel, zichtbareTarieven } from './documenten/gemeenschappelijk.ts';
import { functiemixVan } from './documenten/productenboek.ts';

const t = (s: string | undefined): Cel => ({ waarde: s ?? '', stijl: 'tekstlang' });

export function productenboekWerkboek(set: ParameterSet, gegeven: Tarievenplan): Werkboek {
  // every provider gets this workbook: an aanbieder-specifiek tarief only when the set says so
  const plan: Tarievenplan = { ...gegeven, tarieven: zichtbareTarieven(set, gegeven.tarieven) };
  const concept = isConcept(plan);
  const varianten = [...new Set(plan.tarieven.map((x) => x.variant))].sort((a, b) => {
    const rang = (v: string) => (v === 'basistarief' ? 0 : v === 'vast' ? 1 : v === 'micro-onderneming' ? 3 : v.startsWith('micro-') ? 3.5 : v.startsWith('pgb-') ? 4 : v.startsWith('aanbieder-') ? 5 : 2);
    return rang(a) - rang(b) || vergelijkTekst(a, b);
  });
  const kopTitel = [
    `Productenboek ${set.regio} ${plan.model.tariefjaar}${concept ? ' · CONCEPT: bevat illustratieve of voorlopige waarden' : ''}`,
    `${set.naam} · versie ${set.versie} · peildatum ${plan.model.peildatum} · vingerafdruk ${plan.model.vingerafdruk.slice(0, 16)}`,
  ];
  const lang = (s: string | undefined): Cel => ({ waarde: leesbaar(s ?? ''), stijl: 'tekstlang' });
  const productRijen = set.producten.map((p) => {
    const contract = set.contracten.find((c) => c.id === p.contract);
    const gg = p.berekening === 'kostprijs' && p.groepsgrootte ? p.groepsgrootte.reeks.find((w) => w.van <= plan.model.peildatum && plan.model.peildatum <= w.tot)?.waarde.toFixed() : undefined;
    const inzet =
      p.berekening === 'overgenomen'
        ? ''
        : [...p.inzet.map((i) => `${i.aantal.toFixed()} × ${i.niveau}`), ...(p.berekening === 'lumpsum' ? p.rooster.map((r) => `${r.niveau} ${r.uren.reeks[0]!.waarde.toFixed()} roosteruren`) : [])].join(' + ');
    return [
      t(p.code),
      t(p.productcategorie),
      lang(p.naam),
      t(p.wet === 'wmo' ? 'Wmo' : 'Jeugdwet'),
      lang(contract?.naam ?? p.contract),
      lang(p.velden.segment),
      lang(p.velden.omschrijving),
      lang(p.velden.doel),
      lang(p.velden.doelgroep),
      lang(p.velden.toegang),
      lang(p.velden.opleidingseisen),
      lang(p.velden.stapelbaarheid),
      lang(p.velden.uitsluitingen),
      lang(p.velden.volumenorm),
      lang(p.velden.starttermijn),
      lang(inzet),
      t(inzet ? functiemixVan(set, p) : undefined),
      t(gg),
      t(PRODUCTEENHEDEN[p.eenheid].omschrijving),
      t(p.eenheidCode),
    ];
  });
  const producten: Blad = {
    naam: 'Producten',
    titel: kopTitel,
    kolommen: [
      { kop: 'productcode', breedte: 12 },
      { kop: 'categorie', breedte: 10 },
      { kop: 'product', breedte: 28 },
      { kop: 'wet', breedte: 9 },
      { kop: 'contract', breedte: 20 },
      { kop: 'segment', breedte: 14 },
      { kop: 'omschrijving', breedte: 40 },
      { kop: 'doel', breedte: 32 },
      { kop: 'doelgroep', breedte: 32 },
      { kop: 'toegang', breedte: 28 },
      { kop: 'opleidingseisen', breedte: 28 },
      { kop: 'stapelbaarheid', breedte: 24 },
      { kop: 'uitsluitingen', breedte: 28 },
      { kop: 'volumenorm', breedte: 24 },
      { kop: 'starttermijn', breedte: 20 },
      { kop: 'inzet', breedte: 16 },
      { kop: 'functiemix', breedte: 12 },
      { kop: 'groepsgrootte', breedte: 13 },
      { kop: 'eenheid', breedte: 14 },
      { kop: 'eenheidcode', breedte: 12 },
    ],
    rijen: productRijen,
    autofilter: true,
    bevriesKolommen: 3,
    liggend: true,
    voettekst: `Productenboek ${set.regio} ${plan.model.tariefjaar}: producten`,
  };
  const tariefRijen = set.producten.map((p) => [
    t(p.code),
    lang(p.naam),
    t(PRODUCTEENHEDEN[p.eenheid].omschrijving),
    ...varianten.map((v): Cel | null => {
      const tar = plan.tarieven.find((x) => x.product === p.code && x.variant === v);
      return tar ? { waarde: tar.tarief, formaat: tariefFormaat(tar.tarief), stijl: v === 'basistarief' || v === 'vast' ? 'tarief' : 'berekend' } : null;
    }),
  ]);
  const tarieven: Blad = {
    naam: 'Tarieven',
    titel: [...kopTitel.slice(0, 1), 'Tarief per eenheid; bij minuutproducten per minuut. Een leeg vak: die variant bestaat niet voor het product.'],
    kolommen: [{ kop: 'productcode', breedte: 12 }, { kop: 'product', breedte: 34 }, { kop: 'eenheid', breedte: 14 }, ...varianten.map((v) => ({ kop: variantLabel(set, plan.tarieven.find((x) => x.variant === v)!), breedte: 15 }))],
    rijen: tariefRijen,
    autofilter: true,
    bevriesKolommen: 2,
    liggend: true,
    voettekst: `Productenboek ${set.regio} ${plan.model.tariefjaar}: tarieven`,
  };
  return { titel: `Productenboek ${set.regio} ${plan.model.tariefjaar}`, onderwerp: 'Producten, eenheden en tarieven', maker: 'tariefbouw', datum: plan.model.peildatum, bladen: [producten, tarieven], namen: [] };
}
