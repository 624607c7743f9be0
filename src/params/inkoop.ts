/**
 * inkoop.yaml → the typed procurement part of a set: contracts with procedure
 * and looptijd, toelatingscriteria and the programma van eisen.
 */
import type * as z from 'zod';
import { NIET_NEGATIEF, type Bouwer } from './bouw.ts';
import { Decimal } from '../shared/decimal.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';
import { bedoeldeU } from './zodfouten.ts';
import { rekenPeildatum, waardeOp } from './regels.ts';
import type { Probleem } from '../shared/problems.ts';

type Bestand<K> = { data: K; root: unknown } | undefined;
type RawEis = z.infer<typeof S.Eis>;

export function bouwInkoop(b: Bouwer, best: Bestand<z.infer<typeof S.InkoopBestand>>, contracten: T.Contract[], weergave: string): T.Inkoop | undefined {
  if (!best) return undefined;
  const { data: d, root: r } = best;
  const plek = (pad: (string | number)[], voorkeur: 'waarde' | 'sleutel' = 'waarde'): T.Herkomst => {
    const h = b.herkomst(r, pad, voorkeur);
    return { bestand: h.bestand, regel: h.regel, kolom: h.kolom };
  };

  const ids = new Map<string, T.Herkomst>();
  const eis = (e: RawEis, pad: (string | number)[]): T.Eis => {
    const h = plek([...pad, 'id']);
    const eerder = ids.get(e.id);
    if (eerder !== undefined) {
      b.fout(r, [...pad, 'id'], `eis-id ${e.id} komt twee keer voor`, {
        verwacht: 'elk id één keer in inkoop.yaml (toelatingscriteria en eisen samen)',
        gevonden: `${e.id} staat ook op regel ${eerder.regel}${eerder.bestand === h.bestand ? '' : ` van ${eerder.bestand}`}`,
        hint: 'het id is de sleutel van de rij in de checklist; geef een van beide een ander id',
      });
    } else ids.set(e.id, h);
    return {
      id: e.id,
      tekst: e.eis,
      knockOut: e.knock_out,
      ...(e.bewijsmiddel ? { bewijsmiddel: e.bewijsmiddel } : {}),
      ...(e.toelichting ? { toelichting: e.toelichting } : {}),
      herkomst: h,
    };
  };

  const bekend = contracten.map((c) => c.id);
  const inkoopContracten: T.InkoopContract[] = [];
  for (const [id, c] of Object.entries(d.contracten)) {
    const pad = ['contracten', id];
    if (!bekend.includes(id)) {
      const s = bedoeldeU(id, bekend);
      b.fout(r, pad, `onbekend contract '${id}'`, {
        verwacht: `het id van een contract in producten/: ${bekend.join(', ')}`,
        gevonden: id,
        hint: s ? `bedoelde u '${s}'?` : 'het id staat in producten/<contract>.yaml onder contract: id',
      }, 'sleutel');
    }
    const jaren = Number(c.looptijd.jaren);
    if (jaren < 1) {
      b.fout(r, [...pad, 'looptijd', 'jaren'], 'een looptijd van 0 jaar', { verwacht: 'ten minste 1 jaar', gevonden: c.looptijd.jaren, hint: 'de looptijd is de eerste contractperiode in jaren, zonder verlengingen' });
    }
    const verlengingen = (c.looptijd.verlengingen ?? []).map((v, i) => {
      if (Number(v) < 1) {
        b.fout(r, [...pad, 'looptijd', 'verlengingen', i], 'een verlenging van 0 jaar', { verwacht: 'ten minste 1 jaar per verlenging', gevonden: v, hint: 'laat de verlenging weg als die er niet is' });
      }
      return Number(v);
    });
    inkoopContracten.push({
      id,
      procedure: c.procedure,
      ...(c.toetreding ? { toetreding: c.toetreding } : {}),
      looptijd: { ingang: c.looptijd.ingang, jaren, verlengingen, stilzwijgend: c.looptijd.stilzwijgend ?? false },
      bekostiging: c.bekostiging,
      ...(c.toelichting ? { toelichting: c.toelichting } : {}),
      herkomst: plek(pad, 'sleutel'),
    });
  }
  const onbekend = Object.keys(d.contracten).filter((id) => !bekend.includes(id));
  for (const c of contracten) {
    // a misspelt contract is reported once, as unknown, not again as missing
    if (!(c.id in d.contracten) && !onbekend.some((id) => bedoeldeU(id, bekend) === c.id)) {
      b.fout(r, ['contracten'], `contract '${c.id}' ontbreekt in inkoop.yaml`, {
        verwacht: `een blok contracten.${c.id} met procedure, looptijd en bekostiging`,
        gevonden: `alleen ${Object.keys(d.contracten).join(', ') || 'geen contracten'}`,
        hint: 'elk contract uit producten/ heeft een procedure en looptijd nodig voor het productenboek en het programma van eisen',
      }, 'sleutel');
    }
  }
  inkoopContracten.sort((x, y) => bekend.indexOf(x.id) - bekend.indexOf(y.id));

  const toelatingscriteria = d.toelatingscriteria.map((e, i) => eis(e, ['toelatingscriteria', i]));
  const secties = Object.entries(d.eisen).map(([id, s]): T.EisenSectie => ({
    id,
    titel: s.titel,
    ...(s.toelichting ? { toelichting: s.toelichting } : {}),
    eisen: s.eisen.map((e, i) => eis(e, ['eisen', id, 'eisen', i])),
    herkomst: plek(['eisen', id], 'sleutel'),
  }));

  const gunning: T.Gunning[] = Object.entries(d.gunning ?? {}).map(([contract, g]): T.Gunning => {
    const pad = ['gunning', contract];
    const ik = inkoopContracten.find((c) => c.id === contract);
    if (!ik) {
      const s = bedoeldeU(contract, inkoopContracten.map((c) => c.id));
      b.fout(r, pad, `gunning voor onbekend contract '${contract}'`, { verwacht: `een contract uit inkoop.yaml: ${inkoopContracten.map((c) => c.id).join(', ')}`, gevonden: contract, hint: s ? `bedoelde u '${s}'?` : 'gebruik het id van het contract' }, 'sleutel');
    } else if (ik.procedure !== 'aanbesteding') {
      b.fout(r, pad, `gunning voor ${contract}, dat niet wordt aanbesteed`, { verwacht: 'gunningscriteria alleen bij een contract met procedure: aanbesteding', gevonden: `procedure: ${ik.procedure}`, hint: 'bij een Open House of een onderhandse procedure is er geen selectie of gunning op criteria; laat het blok weg' }, 'sleutel');
    }
    const som = g.gunningscriteria.reduce((x, c) => x + Number(c.weging), 0);
    if (Math.abs(som - 100) > 1e-9) {
      b.fout(r, [...pad, 'gunningscriteria'], `de wegingen van de gunningscriteria van ${contract} tellen op tot ${som} %`, { verwacht: 'samen precies 100 (procent)', gevonden: g.gunningscriteria.map((c) => `${c.id} ${c.weging}`).join(' + '), hint: 'de weging is het aandeel van een criterium in de totaalscore' }, 'sleutel');
    }
    return {
      contract,
      uitsluitingsgronden: g.uitsluitingsgronden,
      eigenVerklaring: g.eigen_verklaring,
      selectiecriteria: g.selectiecriteria.map((e, i) => eis(e, [...pad, 'selectiecriteria', i])),
      gunningscriteria: g.gunningscriteria.map((c) => ({ id: c.id, criterium: c.criterium, weging: new Decimal(c.weging), ...(c.toelichting ? { toelichting: c.toelichting } : {}) })),
      ...(g.toelichting ? { toelichting: g.toelichting } : {}),
      herkomst: plek(pad, 'sleutel'),
    };
  });
  for (const c of inkoopContracten) {
    if (c.procedure === 'aanbesteding' && d.procedure && !(d.gunning && c.id in d.gunning)) {
      b.fout(r, ['contracten', c.id, 'procedure'], `contract ${c.id} wordt aanbesteed, maar inkoop.yaml geeft geen gunning`, { verwacht: `een blok gunning.${c.id} met uitsluitingsgronden, eigen verklaring, selectie- en gunningscriteria`, gevonden: 'geen gunning', hint: 'het programma van eisen van een aanbesteding noemt de criteria en hun weging' });
    }
  }
  const artikelen = new Set<string>();
  for (const [i, a] of (d.overeenkomst?.artikelen ?? []).entries()) {
    if (artikelen.has(a.id)) b.fout(r, ['overeenkomst', 'artikelen', i, 'id'], `artikel ${a.id} komt twee keer voor`, { verwacht: 'elk artikel één id', gevonden: a.id, hint: 'nummer de artikelen door' });
    artikelen.add(a.id);
  }

  // the letter rests on an article of the agreement: it must be one the set gives
  let brief: T.Inkoop['indexatiebrief'];
  if (d.indexatiebrief) {
    const ib = d.indexatiebrief;
    const artikel = d.overeenkomst?.artikelen.find((a) => a.id === ib.artikel);
    if (!artikel) {
      const ids = d.overeenkomst?.artikelen.map((a) => a.id) ?? [];
      const s = bedoeldeU(ib.artikel, ids);
      b.fout(r, ['indexatiebrief', 'artikel'], `de indexatiebrief rust op artikel ${ib.artikel}, maar de overeenkomst heeft dat artikel niet`, {
        verwacht: ids.length ? `een artikel uit overeenkomst.artikelen: ${ids.join(', ')}` : 'een artikel onder overeenkomst.artikelen over de indexatie',
        gevonden: ib.artikel,
        hint: s ? `bedoelde u '${s}'?` : 'voeg het artikel over de indexatie toe aan de overeenkomst',
      });
    } else {
      brief = {
        aan: ib.aan,
        artikel: { id: artikel.id, titel: artikel.titel },
        contactpersoon: { naam: ib.contactpersoon.naam, email: ib.contactpersoon.email, ...(ib.contactpersoon.functie ? { functie: ib.contactpersoon.functie } : {}), ...(ib.contactpersoon.telefoon ? { telefoon: ib.contactpersoon.telefoon } : {}) },
        reactie: ib.reactie,
        ...(ib.ondertekening ? { ondertekening: ib.ondertekening } : {}),
      };
    }
  }

  const bijdrage = b.param(d.no_show.maximale_clientbijdrage, r, ['no_show', 'maximale_clientbijdrage'], 'inkoop.no_show.maximale_clientbijdrage', ['euro'], NIET_NEGATIEF);

  return {
    ...(d.procedure
      ? { procedure: { planning: d.procedure.planning, notaVanInlichtingen: d.procedure.nota_van_inlichtingen, inschrijven: d.procedure.inschrijven, klachten: d.procedure.klachten, rangorde: d.procedure.rangorde } }
      : {}),
    gunning,
    ...(d.overeenkomst ? { overeenkomst: { ...(d.overeenkomst.toelichting ? { toelichting: d.overeenkomst.toelichting } : {}), artikelen: d.overeenkomst.artikelen.map((a) => ({ id: a.id, titel: a.titel, tekst: a.tekst })) } } : {}),
    opdrachtgever: d.opdrachtgever,
    gemeenten: d.gemeenten ?? [],
    documentdatum: d.documentdatum,
    ...(d.parameterset_url ? { parametersetUrl: d.parameterset_url.replace(/\/+$/, '') } : {}),
    contracten: inkoopContracten,
    toelatingscriteria,
    secties,
    noShow: {
      maximaleClientbijdrage: bijdrage,
      ...(d.no_show.zonder_no_show
        ? { zonderNoShow: { producten: d.no_show.zonder_no_show.producten.map((code, i) => ({ code, herkomst: plek(['no_show', 'zonder_no_show', 'producten', i]) })), reden: d.no_show.zonder_no_show.reden } }
        : {}),
      ...(d.no_show.toelichting ? { toelichting: d.no_show.toelichting } : {}),
    },
    ...(brief ? { indexatiebrief: brief } : {}),
    ...(d.functiemix ? { functiemix: d.functiemix } : {}),
    ...(d.directe_tijd ? { directeTijd: d.directe_tijd } : {}),
    aanbiederSpecifiekeTarieven: d.aanbieder_specifieke_tarieven ?? 'addendum',
    ...(d.toelichting ? { toelichting: d.toelichting } : {}),
    herkomst: { bestand: weergave, regel: 1, kolom: 1 },
  };
}

/**
 * Where the procurement contradicts the rest of the set, as warnings with their place: the documents would
 * otherwise state two facts that cannot both be true.
 * - no-show cannot be declared (the tariffs include it), yet a product's tariff has 0 % no-show and inkoop.yaml
 *   does not say why (no_show.zonder_no_show); or a product listed there does have no-show in its tariff.
 * - the set has minute products (declared in directe tijd) but inkoop.yaml does not define directe tijd.
 * (A municipality in volumes.yaml outside the region is an error of the volumes check, not a warning here.)
 */
export function controleerInkoop(set: T.ParameterSet): Probleem[] {
  const ink = set.inkoop;
  if (!ink) return [];
  const uit: Probleem[] = [];
  const datum = rekenPeildatum(set);
  const zonder = ink.noShow.zonderNoShow;
  const genoemd = new Map((zonder?.producten ?? []).map((p) => [p.code, p.herkomst]));
  for (const [code, h] of genoemd) {
    if (!set.producten.some((p) => p.code === code)) {
      const s = bedoeldeU(code, set.producten.map((p) => p.code));
      uit.push({ ernst: 'fout', ...h, melding: `onbekend product ${code} onder no_show.zonder_no_show`, verwacht: 'de code van een product in producten/', gevonden: code, hint: s ? `bedoelde u '${s}'?` : 'laat de code weg of voeg het product toe' });
    }
  }
  // without opslagen.yaml (only adopted tariffs) no tariff has a no-show allowance to compare
  const opslagen = set.opslagen;
  if (opslagen && opslagen.noShow.methode !== 'geen') {
    for (const p of set.producten) {
      if (p.berekening !== 'kostprijs') continue;
      const param = p.noShow ?? opslagen.noShow.percentage;
      const w = waardeOp(param, datum);
      if (!w) continue;
      const nul = w.waarde.isZero();
      const h = genoemd.get(p.code);
      if (nul && !h) {
        uit.push({
          ernst: 'waarschuwing',
          ...w.herkomst,
          melding: `het tarief van ${p.code} ${p.naam} bevat geen no-show (0 %), maar een aanbieder mag no-show niet declareren`,
          verwacht: 'een no-show-percentage in het tarief, of het product in inkoop.yaml onder no_show.zonder_no_show met de reden',
          gevonden: '0 %',
          hint: 'het programma van eisen zegt dat de tarieven no-show dekken; noem een product zonder no-show met de reden, zodat het document dat ook zegt',
        });
      } else if (!nul && h) {
        uit.push({
          ernst: 'waarschuwing',
          ...h,
          melding: `${p.code} ${p.naam} staat onder no_show.zonder_no_show, maar zijn tarief bevat ${w.waarde.toFixed()} % no-show`,
          verwacht: 'alleen producten met 0 % no-show onder zonder_no_show',
          gevonden: `${w.waarde.toFixed()} % no-show`,
          hint: 'haal het product uit de lijst, of zet zijn no-show op 0',
        });
      }
    }
  }
  // a minute product is declared in directe tijd: the documents must say what that is
  const minuut = set.producten.filter((p) => p.eenheid === 'minuut');
  if (minuut.length && !ink.directeTijd) {
    uit.push({
      ernst: 'waarschuwing',
      ...ink.herkomst,
      melding: `${minuut.length} minuutproducten (${minuut.map((p) => p.code).join(', ')}) worden in directe tijd gedeclareerd, maar inkoop.yaml zegt niet wat directe tijd is`,
      verwacht: 'directe_tijd: wat als directe tijd telt (en wat niet)',
      gevonden: 'geen directe_tijd',
      hint: 'het productenboek geeft de definitie bij elk minuutproduct; zonder definitie is niet na te gaan wat een aanbieder mag declareren',
    });
  }
  return uit;
}
