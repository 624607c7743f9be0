/** The productenboek as a table: one row per product with its descriptive fields and tariffs. Pure. */
import type { ParameterSet } from '../params/types.ts';
import type { Tarievenplan } from '../model/types.ts';
import { PRODUCTEENHEDEN } from '../params/schema.ts';
import type { Blad, Cel, Werkboek } from './werkboek.ts';
import { isConcept } from './tariefbijlage.ts';

const t = (s: string | undefined): Cel => ({ waarde: s ?? '', stijl: 'tekst' });

export function productenboekWerkboek(set: ParameterSet, plan: Tarievenplan): Werkboek {
  const concept = isConcept(plan);
  const varianten = [...new Set(plan.tarieven.map((x) => x.variant))].sort((a, b) => {
    const rang = (v: string) => (v === 'basistarief' ? 0 : v === 'vast' ? 1 : v === 'micro-onderneming' ? 3 : v.startsWith('pgb-') ? 4 : v.startsWith('aanbieder-') ? 5 : 2);
    return rang(a) - rang(b) || a.localeCompare(b);
  });
  const rijen = set.producten.map((p) => {
    const contract = set.contracten.find((c) => c.id === p.contract);
    const gg = p.berekening === 'kostprijs' && p.groepsgrootte ? p.groepsgrootte.reeks.find((w) => w.van <= plan.model.peildatum && plan.model.peildatum <= w.tot)?.waarde.toFixed() : undefined;
    const inzet = p.berekening === 'overgenomen' ? '' : p.inzet.map((i) => `${i.aantal.toFixed()} × ${i.niveau}`).join(' + ');
    return [
      t(p.code),
      t(p.productcategorie),
      t(p.naam),
      t(p.wet === 'wmo' ? 'Wmo' : 'Jeugdwet'),
      t(contract?.naam ?? p.contract),
      t(p.velden.segment),
      t(p.velden.omschrijving),
      t(p.velden.doel),
      t(p.velden.doelgroep),
      t(p.velden.opleidingseisen),
      t(inzet),
      t(gg),
      t(PRODUCTEENHEDEN[p.eenheid].omschrijving),
      t(p.eenheidCode),
      ...varianten.map((v): Cel | null => {
        const tar = plan.tarieven.find((x) => x.product === p.code && x.variant === v);
        return tar ? { waarde: tar.tarief, formaat: 'euro', stijl: v === 'basistarief' || v === 'vast' ? 'tarief' : 'berekend' } : null;
      }),
    ];
  });
  const blad: Blad = {
    naam: 'Productenboek',
    titel: [
      `Productenboek ${set.regio} ${plan.model.tariefjaar}${concept ? ' · CONCEPT: bevat illustratieve of voorlopige waarden' : ''}`,
      `${set.naam} · versie ${set.versie} · peildatum ${plan.model.peildatum} · vingerafdruk ${plan.model.vingerafdruk.slice(0, 16)} · tarieven per eenheid; bij minuutproducten per minuut`,
    ],
    kolommen: [
      { kop: 'productcode', breedte: 12 },
      { kop: 'categorie', breedte: 10 },
      { kop: 'product', breedte: 40 },
      { kop: 'wet', breedte: 9 },
      { kop: 'contract', breedte: 26 },
      { kop: 'segment', breedte: 18 },
      { kop: 'omschrijving', breedte: 50 },
      { kop: 'doel', breedte: 40 },
      { kop: 'doelgroep', breedte: 40 },
      { kop: 'opleidingseisen', breedte: 36 },
      { kop: 'inzet', breedte: 22 },
      { kop: 'groepsgrootte', breedte: 13 },
      { kop: 'eenheid', breedte: 16 },
      { kop: 'eenheidcode', breedte: 12 },
      ...varianten.map((v) => ({ kop: `tarief ${v}`, breedte: 16 })),
    ],
    rijen,
    autofilter: true,
    bevriesKolommen: 3,
    liggend: true,
    voettekst: `Productenboek ${set.regio} ${plan.model.tariefjaar}`,
  };
  return { titel: `Productenboek ${set.regio} ${plan.model.tariefjaar}`, onderwerp: 'Producten, eenheden en tarieven', maker: 'tariefbouw', datum: plan.model.peildatum, bladen: [blad], namen: [] };
}
