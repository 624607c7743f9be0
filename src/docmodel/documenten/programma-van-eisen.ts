/**
 * The programma van eisen: as a PDF (contracts, toelatingscriteria, eisen per
 * onderdeel) and as the Excel checklist a bidder fills in. Needs inkoop.yaml. Pure.
 */
import type { Eis, Inkoop, ParameterSet } from '../../params/types.ts';
import type { Tarievenplan } from '../../model/types.ts';
import { rekenPeildatum, waardeOp } from '../../params/regels.ts';
import { cel, t, type Blok, type Cel as DocCel } from '../document.ts';
import type { Blad, Cel, Werkboek } from '../werkboek.ts';
import { algemeneView, contractenView, documentdatum, kaftgegevens, PROCEDURE_TEKST, looptijdTekst, BEKOSTIGING_KORT, type DocumentOpties, type DocumentSpec } from './gemeenschappelijk.ts';

function eisenTabel(eisen: Eis[], titel?: string): Blok {
  return {
    soort: 'tabel',
    ...(titel ? { titel } : {}),
    kolommen: [
      { kop: 'id', breedte: 34 },
      { kop: 'eis', breedte: '*' },
      { kop: 'knock-out', breedte: 48 },
      { kop: 'bewijsmiddel', breedte: 150 },
    ],
    rijen: eisen.map((e) => {
      const eis: DocCel = [[t(e.tekst)]];
      if (e.toelichting) eis.push([t(e.toelichting, { klein: true })]);
      return { cellen: [cel(e.id, { vet: true }), eis, cel(e.knockOut ? 'ja' : 'nee', e.knockOut ? { vet: true } : {}), cel(e.bewijsmiddel ?? '—')] };
    }),
  };
}

export function programmaVanEisenSpec(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): DocumentSpec {
  const ink = set.inkoop as Inkoop;
  const peil = plan.model.peildatum;
  const bijdrage = waardeOp(ink.noShow.maximaleClientbijdrage, peil)?.waarde ?? null;
  const alle = [...ink.toelatingscriteria, ...ink.secties.flatMap((s) => s.eisen)];
  return {
    sjabloon: 'programma-van-eisen.md.hbs',
    document: {
      ...kaftgegevens(set, plan, opties),
      naam: 'programma-van-eisen',
      titel: 'Programma van eisen',
      onderwerp: `Toelatingscriteria en eisen voor aanbieders van jeugdhulp en Wmo-ondersteuning, ${set.regio} ${plan.model.tariefjaar}`,
      trefwoorden: ['programma van eisen', 'toelatingscriteria', 'inkoop', 'Open House', set.regio, String(plan.model.tariefjaar)],
      inhoudsopgave: true,
    },
    view: {
      ...algemeneView(set, plan, opties),
      contracten: contractenView(set),
      procedures: {
        openHouse: ink.contracten.some((c) => c.procedure === 'open_house'),
        aanbesteding: ink.contracten.some((c) => c.procedure === 'aanbesteding'),
        onderhands: ink.contracten.some((c) => c.procedure === 'enkelvoudig_onderhands'),
        onderhandeling: ink.contracten.some((c) => c.procedure === 'onderhandelingsprocedure'),
      },
      basistarief: set.varianten.basistarief,
      aantalToelatingscriteria: ink.toelatingscriteria.length,
      aantalEisen: alle.length,
      aantalKnockOut: alle.filter((e) => e.knockOut).length,
      secties: ink.secties.map((s) => ({ id: s.id, titel: s.titel, toelichting: s.toelichting ?? null, aantalEisen: s.eisen.length })),
      noShow: {
        maximaleClientbijdrage: bijdrage,
        toelichting: ink.noShow.toelichting ?? null,
        zonderNoShow: ink.noShow.zonderNoShow
          ? {
              producten: ink.noShow.zonderNoShow.producten.map((p) => `${p.code} ${set.producten.find((x) => x.code === p.code)?.naam ?? ''}`.trim()),
              reden: ink.noShow.zonderNoShow.reden,
            }
          : null,
        // without opslagen.yaml (only adopted tariffs) the set says nothing about no-show: the contract's rules apply
        methode: set.opslagen?.noShow.methode ?? null,
        inTarief: set.opslagen ? set.opslagen.noShow.methode !== 'geen' : false,
        percentage: set.opslagen ? (waardeOp(set.opslagen.noShow.percentage, set.indexering ? rekenPeildatum(set) : peil)?.waarde ?? null) : null,
      },
      indexatie: set.indexcijfers ? { methode: set.indexcijfers.methode === 'vng' ? 'VNG' : 'NZa' } : null,
      toelichting: ink.toelichting ?? null,
    },
    blokken: {
      contracten: {
        argumenten: null,
        maak: () => [
          {
            soort: 'tabel',
            kolommen: [
              { kop: 'contract', breedte: 120 },
              { kop: 'procedure', breedte: 78 },
              { kop: 'looptijd en toetreding', breedte: '*' },
              { kop: 'bekostiging', breedte: 84 },
            ],
            rijen: set.contracten.map((c) => {
              const ik = ink.contracten.find((x) => x.id === c.id);
              const producten = set.producten.filter((p) => p.contract === c.id);
              return {
                cellen: [
                  [[t(c.naam, { vet: true })], [t(`${producten.length} ${producten.length === 1 ? 'product' : 'producten'}: ${producten.map((p) => p.code).join(', ')}`, { klein: true })]],
                  cel(ik ? PROCEDURE_TEKST[ik.procedure]! : '—'),
                  ik?.toetreding ? [[t(looptijdTekst(ik.looptijd))], [t(`Toetreding: ${ik.toetreding}`, { klein: true })]] : cel(ik ? looptijdTekst(ik.looptijd) : '—'),
                  cel(ik ? BEKOSTIGING_KORT[ik.bekostiging]! : '—'),
                ],
              };
            }),
          },
        ],
      },
      toelatingscriteria: { argumenten: null, maak: () => [eisenTabel(ink.toelatingscriteria)] },
      eisen: {
        argumenten: ink.secties.map((s) => s.id),
        maak: (id) => {
          const s = ink.secties.find((x) => x.id === id)!;
          return [eisenTabel(s.eisen)];
        },
      },
    },
  };
}

/** programma-van-eisen.xlsx: one row per eis, an answer (Ja/Nee) and a remark; only those cells are unlocked. */
export function programmaVanEisenWerkboek(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): Werkboek {
  const ink = set.inkoop as Inkoop;
  const tekst = (s: string, stijl: Cel['stijl'] = 'tekstlang'): Cel => ({ waarde: s, stijl });
  const rijen: (Cel | null)[][] = [];
  const voeg = (onderdeel: string, e: Eis) =>
    rijen.push([tekst(e.id), tekst(onderdeel), tekst(e.toelichting ? `${e.tekst}\n${e.toelichting}` : e.tekst), tekst(e.knockOut ? 'ja' : 'nee'), tekst(e.bewijsmiddel ?? ''), { stijl: 'invoer' }, { stijl: 'invoer' }]);
  for (const e of ink.toelatingscriteria) voeg('Toelatingscriteria', e);
  for (const s of ink.secties) for (const e of s.eisen) voeg(s.titel, e);
  const concept = !opties.publicatie;
  const checklist: Blad = {
    naam: 'Checklist',
    titel: [
      `Programma van eisen ${set.regio} ${plan.model.tariefjaar}: inschrijvingsformulier`,
      `${ink.opdrachtgever} · versie ${set.versie} · vingerafdruk ${plan.model.vingerafdruk.slice(0, 16)}`,
      'Vul per eis in kolom F Ja of Nee in, en licht in kolom G toe waar nodig. Een Nee bij een knock-outeis betekent: geen contract.',
      ...(concept ? ['CONCEPT'] : []),
    ],
    kolommen: [
      { kop: 'id', breedte: 7 },
      { kop: 'onderdeel', breedte: 20 },
      { kop: 'eis', breedte: 70 },
      { kop: 'knock-out', breedte: 10 },
      { kop: 'bewijsmiddel', breedte: 36 },
      { kop: 'voldoet (Ja/Nee)', breedte: 14 },
      { kop: 'toelichting inschrijver', breedte: 40 },
    ],
    rijen,
    bevriesKolommen: 1,
    autofilter: true,
    liggend: true,
    beveiligd: true,
    keuzelijsten: [{ kolom: 6, opties: ['Ja', 'Nee'] }],
    voettekst: `Programma van eisen ${set.regio} ${plan.model.tariefjaar}`,
  };
  return {
    titel: `Programma van eisen ${set.regio} ${plan.model.tariefjaar}`,
    onderwerp: 'Inschrijvingsformulier: toelatingscriteria en eisen',
    maker: 'tariefbouw',
    datum: documentdatum(set, plan),
    bladen: [checklist],
    namen: [],
  };
}
