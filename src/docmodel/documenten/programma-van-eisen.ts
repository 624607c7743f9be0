/**
 * The programma van eisen: as a PDF (contracts, toelatingscriteria, eisen per
 * onderdeel) and as the Excel checklist a bidder fills in. Needs inkoop.yaml. Pure.
 */
import type { Eis, Inkoop, ParameterSet } from '../../params/types.ts';
import type { Tarievenplan } from '../../model/types.ts';
import { rekenPeildatum, waardeOp } from '../../params/regels.ts';
import { cel, t, type Blok, type Cel as DocCel } from '../document.ts';
import { datumTekst } from '../../shared/datum.ts';
import { getal } from '../../shared/format.ts';
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
    genummerd: true,
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
      procedure: ink.procedure
        ? {
            notaVanInlichtingen: ink.procedure.notaVanInlichtingen,
            inschrijven: ink.procedure.inschrijven,
            klachten: ink.procedure.klachten,
            rangorde: ink.procedure.rangorde,
          }
        : null,
      gunning: ink.gunning.map((g) => ({ id: g.contract, naam: set.contracten.find((c) => c.id === g.contract)?.naam ?? g.contract, uitsluitingsgronden: g.uitsluitingsgronden, eigenVerklaring: g.eigenVerklaring, toelichting: g.toelichting ?? null })),
      overeenkomst: ink.overeenkomst ? { toelichting: ink.overeenkomst.toelichting ?? null } : null,
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
      planning: {
        argumenten: null,
        maak: () => [
          {
            soort: 'tabel',
            kolommen: [
              { kop: 'datum', breedte: 110 },
              { kop: 'stap', breedte: '*' },
            ],
            rijen: (ink.procedure?.planning ?? []).map((p) => ({ cellen: [cel(datumTekst(p.datum)), cel(p.stap)] })),
          },
        ],
      },
      gunning: {
        argumenten: ink.gunning.map((g) => g.contract),
        maak: (id) => {
          const g = ink.gunning.find((x) => x.contract === id)!;
          return [
            eisenTabel(g.selectiecriteria, 'Selectiecriteria'),
            {
              soort: 'tabel',
              titel: 'Gunningscriteria',
              kolommen: [
                { kop: 'id', breedte: 44 },
                { kop: 'criterium', breedte: '*' },
                { kop: 'weging', breedte: 52, rechts: true },
              ],
              rijen: [
                ...g.gunningscriteria.map((c) => ({ cellen: [cel(c.id, { vet: true }), c.toelichting ? [[t(c.criterium)], [t(c.toelichting, { klein: true })]] : cel(c.criterium), cel(`${getal(c.weging, Math.max(0, c.weging.decimalPlaces()))} %`)] })),
                { cellen: [cel(''), cel('totaal'), cel(`${getal(g.gunningscriteria.reduce((x, c) => x.plus(c.weging), g.gunningscriteria[0]!.weging.times(0)), 0)} %`)], stijl: 'nadruk' as const },
              ],
            },
          ];
        },
      },
      overeenkomst: {
        argumenten: null,
        maak: () =>
          (ink.overeenkomst?.artikelen ?? []).flatMap((a): Blok[] => [
            { soort: 'kop', niveau: 3, tekst: `Artikel ${a.id} ${a.titel}`, inhoud: false },
            { soort: 'alinea', inhoud: [t(a.tekst)] },
          ]),
      },
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

/**
 * programma-van-eisen.xlsx, the inschrijvingsformulier: a sheet for the provider (name, KvK, AGB, contact, the
 * cao it falls under, micro-onderneming), a sheet with the contracts and products it bids on, and a sheet with
 * every requirement: answer (Ja/Nee), the evidence it attaches, a wrapped explanation, and a status that says
 * whether the row is complete and warns when a knock-out requirement is answered Nee. Only the answer cells are
 * editable; the status is a protected formula.
 */
export function programmaVanEisenWerkboek(set: ParameterSet, plan: Tarievenplan, opties: DocumentOpties): Werkboek {
  const ink = set.inkoop as Inkoop;
  const tekst = (s: string, stijl: Cel['stijl'] = 'tekstlang'): Cel => ({ waarde: s, stijl });
  const invoer: Cel = { stijl: 'invoer' };
  const concept = !opties.publicatie;
  const kop = (wat: string) => [
    `Inschrijvingsformulier ${set.regio} ${plan.model.tariefjaar}: ${wat}`,
    `${ink.opdrachtgever} · versie ${set.versie} · vingerafdruk ${plan.model.vingerafdruk.slice(0, 16)}`,
  ];
  const titel = (wat: string, uitleg: string) => [...kop(wat), uitleg, ...(concept ? ['CONCEPT'] : [])];
  const voettekst = `Inschrijvingsformulier ${set.regio} ${plan.model.tariefjaar}`;

  const caos = [...set.caos.values()].map((c) => c.naam);
  const gegevens: [string, string][] = [
    ['Naam van de organisatie', 'zoals in het Handelsregister'],
    ['KvK-nummer', 'acht cijfers'],
    ['AGB-code', 'de AGB-code van de onderneming (eis P02)'],
    ['Contactpersoon', 'naam en functie van wie vragen over deze inschrijving beantwoordt'],
    ['E-mailadres', ''],
    ['Telefoonnummer', ''],
    ['Cao', 'de cao waaronder uw personeel valt; kies “Geen of een andere cao” als geen van deze geldt: dan geldt het basistarief'],
    ['Micro-onderneming', 'minder dan tien werknemers en een jaaromzet of balanstotaal van ten hoogste € 2 miljoen'],
  ];
  const aanbieder: Blad = {
    naam: 'Aanbieder',
    titel: titel('gegevens van de inschrijver', 'Vul de gele vakken in. De cao en de keuze micro-onderneming bepalen welk tarief voor u geldt.'),
    kolommen: [
      { kop: 'gegeven', breedte: 26 },
      { kop: 'uw antwoord', breedte: 44 },
      { kop: 'toelichting', breedte: 70 },
    ],
    rijen: gegevens.map(([label, uitleg]) => [tekst(label, 'kop'), { stijl: 'invoerlang' }, tekst(uitleg)]),
    beveiligd: true,
    keuzelijsten: [
      { kolom: 2, opties: [...caos, 'Geen of een andere cao'], rijen: [6] },
      { kolom: 2, opties: ['Ja', 'Nee'], rijen: [7] },
    ],
    voettekst,
  };

  const productRijen: (Cel | null)[][] = [];
  for (const c of set.contracten) {
    const ik = ink.contracten.find((x) => x.id === c.id);
    for (const p of set.producten.filter((x) => x.contract === c.id)) {
      productRijen.push([tekst(c.naam), tekst(ik ? PROCEDURE_TEKST[ik.procedure]! : ''), tekst(p.code), tekst(p.naam), { ...invoer }]);
    }
  }
  const producten: Blad = {
    naam: 'Contracten en producten',
    titel: titel('contracten en producten', 'Kies per product Ja als u erop inschrijft. U schrijft in op het contract van elk product dat u kiest.'),
    kolommen: [
      { kop: 'contract', breedte: 30 },
      { kop: 'procedure', breedte: 18 },
      { kop: 'productcode', breedte: 12 },
      { kop: 'product', breedte: 50 },
      { kop: 'schrijft in (Ja/Nee)', breedte: 16 },
    ],
    rijen: productRijen,
    bevriesKolommen: 1,
    autofilter: true,
    beveiligd: true,
    keuzelijsten: [{ kolom: 5, opties: ['Ja', 'Nee'] }],
    voettekst,
  };

  // the header row of the Eisen sheet follows its title lines; the first requirement is the row after it
  const eisTitel = titel(
    'eisen',
    'Vul per eis Ja of Nee in, noem het bewijsmiddel dat u bijvoegt (bestandsnaam of verwijzing) en licht zo nodig toe. De kolom status zegt of de regel compleet is.',
  );
  const eersteRij = eisTitel.length + 2;
  const rijen: (Cel | null)[][] = [];
  const voeg = (onderdeel: string, e: Eis) => {
    const r = eersteRij + rijen.length;
    const knock = e.knockOut ? 'ja' : 'nee';
    rijen.push([
      tekst(e.id),
      tekst(onderdeel),
      tekst(e.toelichting ? `${e.tekst}\n${e.toelichting}` : e.tekst),
      tekst(knock),
      tekst(e.bewijsmiddel ?? ''),
      { ...invoer },
      { stijl: 'invoerlang' },
      { stijl: 'invoerlang' },
      {
        // a knock-out answered Nee is the first thing a bidder must see; then what is still missing
        formule: `IF(F${r}="","nog invullen",IF(AND(D${r}="ja",F${r}="Nee"),"KNOCK-OUT: Nee betekent geen contract",IF(AND(E${r}<>"",G${r}=""),"bewijs ontbreekt","compleet")))`,
        resultaat: 'nog invullen',
        stijl: 'status',
      },
    ]);
  };
  for (const e of ink.toelatingscriteria) voeg('Toelatingscriteria', e);
  for (const g of ink.gunning) for (const e of g.selectiecriteria) voeg(`Selectie ${set.contracten.find((c) => c.id === g.contract)?.naam ?? g.contract}`, e);
  for (const s of ink.secties) for (const e of s.eisen) voeg(s.titel, e);
  const eisen: Blad = {
    naam: 'Eisen',
    titel: eisTitel,
    kolommen: [
      { kop: 'nr', breedte: 8 },
      { kop: 'onderdeel', breedte: 20 },
      { kop: 'eis', breedte: 64 },
      { kop: 'knock-out', breedte: 10 },
      { kop: 'bewijsmiddel', breedte: 32 },
      { kop: 'voldoet (Ja/Nee)', breedte: 12 },
      { kop: 'bijgevoegd bewijs', breedte: 26 },
      { kop: 'toelichting inschrijver', breedte: 40 },
      { kop: 'status', breedte: 22 },
    ],
    rijen,
    bevriesKolommen: 1,
    autofilter: true,
    liggend: true,
    beveiligd: true,
    keuzelijsten: [{ kolom: 6, opties: ['Ja', 'Nee'] }],
    waarschuwingen: [{ kolom: 9, bevat: 'KNOCK-OUT' }],
    voettekst,
  };
  return {
    titel: `Inschrijvingsformulier ${set.regio} ${plan.model.tariefjaar}`,
    onderwerp: 'Inschrijvingsformulier bij het programma van eisen: gegevens van de inschrijver, producten en eisen',
    maker: 'tariefbouw',
    datum: documentdatum(set, plan),
    bladen: [aanbieder, producten, eisen],
    namen: [],
  };
}
