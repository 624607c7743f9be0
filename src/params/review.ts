/**
 * The review and indexation parts of a set: index figures, expected volumes
 * per gemeente and the thresholds of the reviewer signals.
 */
import type * as z from 'zod';
import { Decimal } from '../shared/decimal.ts';
import { NIET_NEGATIEF, PROCENT, type Bouwer } from './bouw.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';
import { bedoeldeU } from './zodfouten.ts';

type Bestand<K> = { data: K; root: unknown } | undefined;

export function bouwIndexcijfers(b: Bouwer, best: Bestand<z.infer<typeof S.IndexcijfersBestand>>, producten: T.Product[]): T.Indexcijfers | undefined {
  if (!best) return undefined;
  const { data: d, root: r } = best;
  const gewichten = (raw: { loon: S.RawParameter; materieel: S.RawParameter }, pad: (string | number)[], pfx: string) => {
    const loon = b.param(raw.loon, r, [...pad, 'loon'], `${pfx}.loon`, ['procent'], PROCENT);
    const materieel = b.param(raw.materieel, r, [...pad, 'materieel'], `${pfx}.materieel`, ['procent'], PROCENT);
    for (let i = 0; i < Math.min(loon.reeks.length, materieel.reeks.length); i++) {
      const somGewicht = loon.reeks[i]!.waarde.plus(materieel.reeks[i]!.waarde);
      if (!somGewicht.eq(100)) {
        b.fout(r, [...pad, 'materieel'], 'de gewichten loon en materieel tellen niet op tot 100 procent', {
          verwacht: 'loon + materieel = 100, bijvoorbeeld 90 en 10',
          gevonden: `${loon.reeks[i]!.waarde.toFixed()} + ${materieel.reeks[i]!.waarde.toFixed()} = ${somGewicht.toFixed()}`,
          hint: 'het indexcijfer is een gewogen gemiddelde van OVA en PPC',
        });
      }
    }
    return { loon, materieel };
  };
  const jaren = new Map<number, T.IndexJaar>();
  d.cijfers.forEach((c, i) => {
    const jaar = Number(c.jaar);
    const cijfer = (k: 'ova_voorlopig' | 'ova_definitief' | 'ppc_voorlopig' | 'ppc_definitief'): T.Indexcijfer | undefined => {
      const raw = c[k];
      if (!raw) return undefined;
      const h = b.herkomst(r, ['cijfers', i, k, 'waarde']);
      const w = new Decimal(raw.waarde);
      b.bereik(w, { min: '-20', max: '50' }, 'procent', r, ['cijfers', i, k, 'waarde'], `${k.replace('_', ' ')} ${jaar}`, raw.waarde);
      return { pad: `indexcijfers.${jaar}.${k}`, waarde: w, bron: b.bron(raw.bron, r, ['cijfers', i, k, 'bron']), status: raw.status, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
    };
    if (jaren.has(jaar)) {
      b.fout(r, ['cijfers', i, 'jaar'], `indexcijfers voor ${jaar} staan er twee keer`, { verwacht: 'één blok per jaar', gevonden: `nog een blok voor ${jaar}`, hint: 'voeg de twee blokken samen' });
    }
    const h = b.herkomst(r, ['cijfers', i]);
    jaren.set(jaar, {
      jaar,
      ovaVoorlopig: cijfer('ova_voorlopig')!,
      ...(c.ova_definitief ? { ovaDefinitief: cijfer('ova_definitief')! } : {}),
      ppcVoorlopig: cijfer('ppc_voorlopig')!,
      ...(c.ppc_definitief ? { ppcDefinitief: cijfer('ppc_definitief')! } : {}),
      herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
    });
  });
  const perProduct = new Map<string, { loon: T.Param; materieel: T.Param }>();
  for (const [code, p] of Object.entries(d.producten ?? {})) {
    if (!producten.some((x) => x.code === code)) {
      b.fout(r, ['producten', code], `indexgewichten voor onbekend product ${code}`, { verwacht: 'een productcode uit producten/', gevonden: code, hint: 'controleer de productcode' }, 'sleutel');
    }
    perProduct.set(code, gewichten(p.gewichten, ['producten', code, 'gewichten'], `indexcijfers.producten.${code}`));
  }
  const h = b.herkomst(r, []);
  return {
    methode: d.methode,
    inhaal: d.inhaal,
    decimalen: Number(d.decimalen),
    gewichten: gewichten(d.gewichten, ['gewichten'], 'indexcijfers.gewichten'),
    jaren,
    producten: perProduct,
    herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
  };
}

export function bouwVolumes(b: Bouwer, best: Bestand<z.infer<typeof S.VolumesBestand>>, producten: T.Product[]): T.Volumes | undefined {
  if (!best) return undefined;
  const { data: d, root: r } = best;
  const codes = new Set(producten.map((p) => p.code));
  const gemeenten = Object.entries(d.gemeenten).map(([id, g]): T.Gemeentevolume => {
    const h = b.herkomst(r, ['gemeenten', id], 'sleutel');
    return {
      id,
      naam: g.naam,
      bron: b.bron(g.bron, r, ['gemeenten', id, 'bron']),
      status: g.status,
      herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
      volumes: Object.entries(g.volumes).map(([code, aantal]) => {
        const vh = b.herkomst(r, ['gemeenten', id, 'volumes', code]);
        const a = new Decimal(aantal);
        b.bereik(a, NIET_NEGATIEF, 'aantal', r, ['gemeenten', id, 'volumes', code], `volume ${code}`, aantal);
        if (!codes.has(code)) {
          b.fout(r, ['gemeenten', id, 'volumes', code], `volume voor onbekend product ${code}`, {
            verwacht: 'een productcode uit producten/',
            gevonden: code,
            hint: bedoeldeU(code, [...codes]) ? `bedoelde u '${bedoeldeU(code, [...codes])}'?` : 'controleer de productcode; een product dat vervalt haalt u ook uit de volumes',
          }, 'sleutel');
        }
        return { product: code, aantal: a, herkomst: { bestand: vh.bestand, regel: vh.regel, kolom: vh.kolom } };
      }),
    };
  });
  const h = b.herkomst(r, []);
  return { variant: d.variant, gemeenten, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
}

export function bouwSignalen(b: Bouwer, best: Bestand<z.infer<typeof S.SignalenBestand>>): T.Signalen | undefined {
  if (!best) return undefined;
  const { data: d, root: r } = best;
  const h = b.herkomst(r, []);
  return {
    ...(d.minimumloon_per_uur ? { minimumloonPerUur: b.param(d.minimumloon_per_uur, r, ['minimumloon_per_uur'], 'signalen.minimumloon_per_uur', ['euro_per_uur'], NIET_NEGATIEF) } : {}),
    ...(d.jeugd_wmo_verschil ? { jeugdWmoVerschil: b.param(d.jeugd_wmo_verschil, r, ['jeugd_wmo_verschil'], 'signalen.jeugd_wmo_verschil', ['procent'], PROCENT) } : {}),
    ...(d.maximale_bronleeftijd_maanden ? { maximaleBronleeftijdMaanden: Number(d.maximale_bronleeftijd_maanden) } : {}),
    ...(d.maximale_tariefbeweging ? { maximaleTariefbeweging: b.param(d.maximale_tariefbeweging, r, ['maximale_tariefbeweging'], 'signalen.maximale_tariefbeweging', ['procent'], PROCENT) } : {}),
    herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
  };
}
