/**
 * The review and indexation parts of a set: index figures, expected volumes
 * per gemeente and the thresholds of the reviewer signals.
 */
import type * as z from 'zod';
import { Decimal, som } from '../shared/decimal.ts';
import { NIET_NEGATIEF, PROCENT, type Bouwer } from './bouw.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';
import { waardeOp } from './regels.ts';
import { bedoeldeU } from './zodfouten.ts';

type Bestand<K> = { data: K; root: unknown } | undefined;

/** A given index percentage of a component: in the range of the published figures. */
const INDEX = { min: '-20', max: '50' };

/** Where the aandelen of a product's components do not sum to exactly 100: on every date one of them starts. */
function aandelenFout(componenten: T.IndexComponent[]): string | undefined {
  const data = [...new Set(componenten.flatMap((c) => c.aandeel.reeks.map((w) => w.van)))].sort();
  for (const datum of data) {
    const waarden = componenten.map((c) => waardeOp(c.aandeel, datum));
    if (waarden.some((w) => !w)) continue;
    const som = waarden.reduce((a, w) => a.plus(w!.waarde), new Decimal(0));
    if (!som.eq(100)) return `${componenten.map((c, i) => `${c.naam} ${waarden[i]!.waarde.toFixed()}`).join(' + ')} = ${som.toFixed()}${data.length > 1 ? ` (op ${datum})` : ''}`;
  }
  return undefined;
}

export function bouwIndexcijfers(b: Bouwer, best: Bestand<z.infer<typeof S.IndexcijfersBestand>>, producten: T.Product[], regels: string[]): T.Indexcijfers | undefined {
  if (!best) return undefined;
  const { data: d, root: r } = best;
  const gewichten = (raw: { loon: S.RawParameter; materieel: S.RawParameter }, pad: (string | number)[], pfx: string): T.Indexgewichten => {
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
    const cijfer = (k: 'ova_voorlopig' | 'ova_definitief' | 'ppc_voorlopig' | 'ppc_definitief' | 'inhaal' | 'index'): T.Indexcijfer | undefined => {
      const raw = c[k];
      if (!raw) return undefined;
      const h = b.herkomst(r, ['cijfers', i, k, 'waarde']);
      const w = new Decimal(raw.waarde);
      // OVA and PPC have stayed within −1 % and 10 % since 2016 (the highest: PPC 2022 revised to 9,25 %)
      b.bereik(w, { min: '-20', max: '50', plausibel: { ongewoonBoven: '12', klein: false } }, 'procent', r, ['cijfers', i, k, 'waarde'], `${k.replace('_', ' ')} ${jaar}`, raw.waarde);
      return { pad: `indexcijfers.${jaar}.${k}`, waarde: w, bron: b.bron(raw.bron, r, ['cijfers', i, k, 'bron']), status: raw.status, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
    };
    if (jaren.has(jaar)) {
      b.fout(r, ['cijfers', i, 'jaar'], `indexcijfers voor ${jaar} staan er twee keer`, { verwacht: 'één blok per jaar', gevonden: `nog een blok voor ${jaar}`, hint: 'voeg de twee blokken samen' });
    }
    const h = b.herkomst(r, ['cijfers', i]);
    if (!c.index && (!c.ova_voorlopig || !c.ppc_voorlopig)) {
      b.fout(r, ['cijfers', i], `de voorlopige indexcijfers voor ${jaar} ontbreken`, {
        verwacht: 'ova_voorlopig en ppc_voorlopig, of een gepubliceerd indexpercentage (index) met bron',
        gevonden: [c.ova_voorlopig ? 'ova_voorlopig' : '', c.ppc_voorlopig ? 'ppc_voorlopig' : ''].filter(Boolean).join(' en ') || 'geen van beide',
        hint: 'neem de voorlopige OVA en PPC over uit de publicatie, of het indexpercentage zoals de NZa of VNG het publiceert',
      });
    }
    jaren.set(jaar, {
      jaar,
      ...(c.ova_voorlopig ? { ovaVoorlopig: cijfer('ova_voorlopig')! } : {}),
      ...(c.ova_definitief ? { ovaDefinitief: cijfer('ova_definitief')! } : {}),
      ...(c.ppc_voorlopig ? { ppcVoorlopig: cijfer('ppc_voorlopig')! } : {}),
      ...(c.ppc_definitief ? { ppcDefinitief: cijfer('ppc_definitief')! } : {}),
      ...(c.inhaal ? { inhaal: cijfer('inhaal')! } : {}),
      ...(c.index ? { index: cijfer('index')! } : {}),
      herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
    });
  });
  const perProduct = new Map<string, T.IndexProduct>();
  const codes = producten.map((x) => x.code);
  for (const [code, p] of Object.entries(d.producten ?? {})) {
    const pad = ['producten', code];
    const pfx = `indexcijfers.producten.${code}`;
    const product = producten.find((x) => x.code === code);
    const wat = p.componenten ? 'indexcomponenten' : 'indexgewichten';
    if (!product) {
      const s = bedoeldeU(code, codes);
      b.fout(r, pad, `${wat} voor onbekend product ${code}`, { verwacht: 'een productcode uit producten/', gevonden: code, hint: s ? `bedoelde u '${s}'?` : 'controleer de productcode' }, 'sleutel');
    } else if (product.berekening === 'overgenomen') {
      b.fout(r, pad, `${wat} voor product ${code}, dat een overgenomen tarief heeft`, {
        verwacht: 'een product dat tariefbouw berekent (berekening kostprijs of lumpsum)',
        gevonden: `${code} ${product.naam}: berekening overgenomen`,
        hint: 'een overgenomen tarief wordt niet geïndexeerd maar volgt zijn eigen bron; haal het product hier weg',
      }, 'sleutel');
    }
    const h = b.herkomst(r, pad, 'sleutel');
    const herkomst = { bestand: h.bestand, regel: h.regel, kolom: h.kolom };
    if (p.gewichten && p.componenten) {
      b.fout(r, [...pad, 'componenten'], `indexcijfers voor ${code} geven zowel gewichten als componenten`, {
        verwacht: 'gewichten voor het hele product, óf componenten die elk hun eigen gewichten of index hebben',
        gevonden: 'gewichten en componenten',
        hint: 'bij componenten horen de gewichten bij elk component; verwijder de gewichten van het product',
      }, 'sleutel');
    }
    if (p.componenten) {
      const componenten = Object.entries(p.componenten).map(([naam, c]): T.IndexComponent => {
        const cpad = [...pad, 'componenten', naam];
        const cpfx = `${pfx}.componenten.${naam}`;
        const ch = b.herkomst(r, cpad, 'sleutel');
        const aandeel = b.param(c.aandeel, r, [...cpad, 'aandeel'], `${cpfx}.aandeel`, ['procent'], PROCENT);
        if (c.gewichten && c.index) {
          b.fout(r, cpad, `component ${naam} van ${code} heeft zowel gewichten als een index`, {
            verwacht: 'gewichten (loon en materieel) óf een gegeven index, niet allebei',
            gevonden: 'gewichten en index',
            hint: 'met gewichten rekent tariefbouw de index uit OVA en PPC; met index gebruikt hij het gegeven percentage',
          }, 'sleutel');
        } else if (!c.gewichten && !c.index) {
          b.fout(r, cpad, `component ${naam} van ${code} heeft geen gewichten en geen index`, {
            verwacht: 'gewichten (loon en materieel, samen 100) of een gegeven index met bron',
            gevonden: 'alleen een aandeel',
            hint: 'voeg gewichten toe om met OVA en PPC te rekenen, of een index met het gepubliceerde percentage voor dit component',
          }, 'sleutel');
        }
        return {
          naam,
          aandeel,
          ...(c.gewichten ? { gewichten: gewichten(c.gewichten, [...cpad, 'gewichten'], cpfx) } : {}),
          ...(c.index ? { index: b.param(c.index, r, [...cpad, 'index'], `${cpfx}.index`, ['procent'], INDEX) } : {}),
          herkomst: { bestand: ch.bestand, regel: ch.regel, kolom: ch.kolom },
        };
      });
      if (!componenten.length) {
        b.fout(r, [...pad, 'componenten'], `indexcijfers voor ${code} geven een lege verdeling in componenten`, {
          verwacht: 'ten minste één component met aandeel',
          gevonden: 'geen componenten',
          hint: 'verdeel het tarief in componenten (bijvoorbeeld dienst, huisvesting, inventaris), of geef gewichten voor het hele product',
        }, 'sleutel');
      }
      const fout = aandelenFout(componenten);
      if (fout) {
        b.fout(r, [...pad, 'componenten'], `de aandelen van de componenten van ${code} tellen niet op tot 100 procent`, {
          verwacht: 'samen precies 100, bijvoorbeeld dienst 75 + huisvesting 15 + inventaris 10',
          gevonden: fout,
          hint: 'het aandeel is het deel van het tarief dat een component vormt; het indexpercentage van het product is het gemiddelde van de componenten naar hun aandeel',
        }, 'sleutel');
      }
      perProduct.set(code, { soort: 'componenten', componenten, herkomst });
    } else if (p.gewichten) {
      perProduct.set(code, { soort: 'gewichten', gewichten: gewichten(p.gewichten, [...pad, 'gewichten'], pfx), herkomst });
    } else {
      b.fout(r, pad, `indexcijfers voor ${code} zonder gewichten of componenten`, {
        verwacht: 'gewichten (loon en materieel) of componenten',
        gevonden: p.toelichting ? 'alleen een toelichting' : 'een leeg blok',
        hint: 'laat het product weg als de gewichten van de set gelden',
      }, 'sleutel');
    }
  }
  if (d.afronding !== undefined && !regels.includes(d.afronding)) {
    const s = bedoeldeU(d.afronding, regels);
    b.fout(r, ['afronding'], `onbekende afrondingsregel '${d.afronding}' voor de geïndexeerde tarieven`, {
      verwacht: `een regel uit afronding.yaml: ${regels.join(', ')}`,
      gevonden: d.afronding,
      hint: s ? `bedoelde u '${s}'?` : 'zonder afronding rondt elk geïndexeerd tarief af met de regel van zijn product',
    });
  }
  if (d.afrondingspunt !== undefined && d.methode !== 'vng') {
    b.fout(r, ['afrondingspunt'], 'afrondingspunt geldt alleen voor de methode vng', {
      verwacht: 'geen afrondingspunt bij methode nza',
      gevonden: `afrondingspunt: ${d.afrondingspunt} bij methode ${d.methode}`,
      hint: 'de NZa-methode rondt altijd één keer af, aan het eind; haal afrondingspunt weg',
    });
  }
  const h = b.herkomst(r, []);
  const ah = d.afrondingspunt !== undefined ? b.herkomst(r, ['afrondingspunt']) : undefined;
  return {
    methode: d.methode,
    inhaal: d.inhaal,
    decimalen: Number(d.decimalen),
    afrondingspunt: d.afrondingspunt ?? 'per_deel',
    ...(ah ? { afrondingspuntHerkomst: { bestand: ah.bestand, regel: ah.regel, kolom: ah.kolom } } : {}),
    ...(d.afronding !== undefined ? { afronding: d.afronding } : {}),
    gewichten: gewichten(d.gewichten, ['gewichten'], 'indexcijfers.gewichten'),
    jaren,
    producten: perProduct,
    herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
  };
}

/**
 * The expected volumes per gemeente. `varianten` are the variant names the set can have (its CAO's,
 * basistarief, micro-onderneming, vast, pgb-… and aanbieder-…): a misspelt variant would otherwise price
 * every product at a fallback without a word.
 */
/** A municipality's name without the word gemeente, for matching the volumes with inkoop.yaml. */
const gemeentenaam = (s: string) => s.trim().replace(/^gemeente\s+/i, '').toLowerCase();

export function bouwVolumes(b: Bouwer, best: Bestand<z.infer<typeof S.VolumesBestand>>, producten: T.Product[], varianten: string[], gemeentenRegio?: string[]): T.Volumes | undefined {
  if (!best) return undefined;
  const { data: d, root: r } = best;
  if (!varianten.includes(d.variant)) {
    const s = bedoeldeU(d.variant, varianten);
    b.fout(r, ['variant'], `onbekende variant '${d.variant}' in volumes.yaml`, {
      verwacht: `een variant van deze set: ${varianten.join(', ')}`,
      gevonden: d.variant,
      hint: s ? `bedoelde u '${s}'?` : 'de volumes worden geprijsd tegen deze variant; meestal basistarief',
    });
  }
  const codes = new Set(producten.map((p) => p.code));
  const gemeenten = Object.entries(d.gemeenten).map(([id, g]): T.Gemeentevolume => {
    const h = b.herkomst(r, ['gemeenten', id], 'sleutel');
    if (gemeentenRegio?.length && !gemeentenRegio.some((x) => gemeentenaam(x) === gemeentenaam(g.naam))) {
      const s = bedoeldeU(g.naam.replace(/^gemeente\s+/i, ''), gemeentenRegio);
      b.fout(r, ['gemeenten', id, 'naam'], `gemeente '${g.naam}' hoort niet bij de regio`, {
        verwacht: `een gemeente uit inkoop.yaml: ${gemeentenRegio.join(', ')}`,
        gevonden: g.naam,
        hint: s ? `bedoelde u '${s}'?` : 'de begroting telt alleen de gemeenten die samen inkopen; voeg de gemeente toe aan inkoop.yaml of haal haar uit de volumes',
      });
    }
    return {
      id,
      naam: g.naam,
      bron: b.bron(g.bron, r, ['gemeenten', id, 'bron']),
      status: g.status,
      herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
      volumes: Object.entries(g.volumes).map(([code, invoer]): T.Volume => {
        const pad = ['gemeenten', id, 'volumes', code];
        const vh = b.herkomst(r, pad);
        const mix = typeof invoer === 'string' ? undefined : volumeMix(b, r, pad, code, invoer, varianten);
        const a = typeof invoer === 'string' ? new Decimal(invoer) : 'aantal' in invoer ? new Decimal(invoer.aantal) : som((mix?.delen ?? []).map((x) => x.waarde));
        if (typeof invoer === 'string') b.bereik(a, { ...NIET_NEGATIEF, standaardgrens: false }, 'aantal', r, pad, `volume ${code}`, invoer);
        else if ('aantal' in invoer) b.bereik(a, { ...NIET_NEGATIEF, standaardgrens: false }, 'aantal', r, [...pad, 'aantal'], `volume ${code}`, invoer.aantal);
        if (!codes.has(code)) {
          b.fout(r, ['gemeenten', id, 'volumes', code], `volume voor onbekend product ${code}`, {
            verwacht: 'een productcode uit producten/',
            gevonden: code,
            hint: bedoeldeU(code, [...codes]) ? `bedoelde u '${bedoeldeU(code, [...codes])}'?` : 'controleer de productcode; een product dat vervalt haalt u ook uit de volumes',
          }, 'sleutel');
        }
        return { product: code, aantal: a, herkomst: { bestand: vh.bestand, regel: vh.regel, kolom: vh.kolom }, ...(mix ? { mix } : {}) };
      }),
    };
  });
  const h = b.herkomst(r, []);
  return { variant: d.variant, gemeenten, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
}

/**
 * The mix of one volume: `per_variant` (a number per variant) or `verdeling` (shares per variant in percent, together
 * exactly 100). Each variant must be one of the set; whether the product has it is checked with its tariffs (model).
 */
function volumeMix(
  b: Bouwer,
  r: unknown,
  pad: (string | number)[],
  code: string,
  invoer: { per_variant: Record<string, string> } | { aantal: string; verdeling: Record<string, string> },
  varianten: string[],
): NonNullable<T.Volume['mix']> {
  const soort = 'per_variant' in invoer ? 'per_variant' : 'verdeling';
  const waarden = 'per_variant' in invoer ? invoer.per_variant : invoer.verdeling;
  const delen = Object.entries(waarden).map(([variant, w]) => {
    const p = [...pad, soort, variant];
    const h = b.herkomst(r, p, 'sleutel');
    const waarde = new Decimal(w);
    if (!varianten.includes(variant)) {
      const s = bedoeldeU(variant, varianten);
      b.fout(r, p, `onbekende variant '${variant}' in de ${soort === 'per_variant' ? 'volumes per variant' : 'verdeling'} van ${code}`, {
        verwacht: `een variant van deze set: ${varianten.join(', ')}`,
        gevonden: variant,
        hint: s ? `bedoelde u '${s}'?` : 'de varianten van een product zijn zijn CAO\'s, basistarief, micro-onderneming, vast, pgb-… en aanbieder-…',
      }, 'sleutel');
    }
    b.bereik(waarde, soort === 'verdeling' ? PROCENT : { ...NIET_NEGATIEF, standaardgrens: false }, soort === 'verdeling' ? 'procent' : 'aantal', r, p, `${soort === 'verdeling' ? 'aandeel' : 'volume'} ${code} ${variant}`, w);
    return { variant, waarde, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
  });
  if (!delen.length) {
    b.fout(r, [...pad, soort], `${soort === 'per_variant' ? 'volumes per variant' : 'verdeling'} van ${code} is leeg`, {
      verwacht: soort === 'per_variant' ? 'ten minste één variant met een aantal, zoals jeugdzorg: 1200' : 'ten minste één variant met een aandeel in procent, samen 100',
      gevonden: '{}',
    });
  } else if (soort === 'verdeling') {
    const totaal = som(delen.map((x) => x.waarde));
    if (!totaal.eq(100)) {
      b.fout(r, [...pad, soort], `de aandelen in de verdeling van ${code} tellen niet op tot 100 procent`, {
        verwacht: '100 (procent), samen over de varianten',
        gevonden: `${delen.map((x) => `${x.variant} ${x.waarde.toFixed()}`).join(' + ')} = ${totaal.toFixed()}`,
        hint: 'de verdeling is het aandeel van elke variant in het totaal; geef aantallen per variant met per_variant als u die kent',
      }, 'sleutel');
    }
  }
  return { soort, delen };
}

export function bouwSignalen(b: Bouwer, best: Bestand<z.infer<typeof S.SignalenBestand>>): T.Signalen | undefined {
  if (!best) return undefined;
  const { data: d, root: r } = best;
  const h = b.herkomst(r, []);
  return {
    ...(d.minimumloon_per_uur ? { minimumloonPerUur: b.param(d.minimumloon_per_uur, r, ['minimumloon_per_uur'], 'signalen.minimumloon_per_uur', ['euro_per_uur'], NIET_NEGATIEF) } : {}),
    ...(d.jeugd_wmo_verschil ? { jeugdWmoVerschil: b.param(d.jeugd_wmo_verschil, r, ['jeugd_wmo_verschil'], 'signalen.jeugd_wmo_verschil', ['procent'], PROCENT) } : {}),
    jeugdWmoParen: (d.jeugd_wmo_paren ?? []).map((x, k) => {
      const ph = b.herkomst(r, ['jeugd_wmo_paren', k]);
      return { jeugdwet: x.jeugdwet, wmo: x.wmo, herkomst: { bestand: ph.bestand, regel: ph.regel, kolom: ph.kolom } };
    }),
    ...(d.maximale_bronleeftijd_maanden ? { maximaleBronleeftijdMaanden: Number(d.maximale_bronleeftijd_maanden) } : {}),
    ...(d.maximale_tariefbeweging ? { maximaleTariefbeweging: b.param(d.maximale_tariefbeweging, r, ['maximale_tariefbeweging'], 'signalen.maximale_tariefbeweging', ['procent'], PROCENT) } : {}),
    herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
  };
}

/** The control totals: a tariff the set expects for a product and variant (checked against the computed tariff later). */
export function bouwControletotalen(b: Bouwer, best: Bestand<z.infer<typeof S.ControletotalenBestand>>, producten: T.Product[]): T.Controletotaal[] {
  if (!best) return [];
  const r = best.root;
  return best.data.controletotalen.map((c, i) => {
    if (!producten.some((p) => p.code === c.product)) {
      const s = bedoeldeU(c.product, producten.map((p) => p.code));
      b.fout(r, ['controletotalen', i, 'product'], `controletotaal voor onbekend product ${c.product}`, {
        verwacht: 'een productcode uit producten/',
        gevonden: c.product,
        hint: s ? `bedoelde u '${s}'?` : 'controleer de productcode',
      });
    }
    return {
      product: c.product,
      variant: c.variant,
      tarief: new Decimal(c.tarief),
      herkomst: b.plek(r, ['controletotalen', i, 'tarief']),
      herkomstVariant: b.plek(r, ['controletotalen', i, 'variant']),
    };
  });
}

/**
 * A declared Jeugdwet/Wmo pair names a Jeugdwet product and a Wmo product of the set that can be compared: tariffs
 * in the same unit (minute and hour products both per hour) and at least one variant in common (each CAO, the
 * basistarief, `vast` for an adopted tariff), for the signal compares per variant.
 */
export function controleerJeugdWmoParen(b: Bouwer, best: Bestand<z.infer<typeof S.SignalenBestand>>, producten: T.Product[], varianten: T.Varianten): void {
  (best?.data.jeugd_wmo_paren ?? []).forEach((paar, k) => {
    let goed = true;
    for (const wet of ['jeugdwet', 'wmo'] as const) {
      const code = paar[wet];
      const p = producten.find((x) => x.code === code);
      if (!p || p.wet !== wet) {
        goed = false;
        const s = bedoeldeU(code, producten.filter((x) => x.wet === wet).map((x) => x.code));
        b.fout(best!.root, ['jeugd_wmo_paren', k, wet], p ? `${code} is geen ${wet === 'wmo' ? 'Wmo' : 'Jeugdwet'}-product` : `onbekend product '${code}' in jeugd_wmo_paren`, {
          verwacht: `een ${wet === 'wmo' ? 'Wmo' : 'Jeugdwet'}-product van de set`,
          gevonden: p ? `${code} (${p.wet})` : code,
          hint: s ? `bedoelde u '${s}'?` : 'noem bij jeugdwet een Jeugdwet-product en bij wmo een Wmo-product',
        });
      }
    }
    if (goed) controleerVergelijkbaar(b, best!.root, k, producten.find((x) => x.code === paar.jeugdwet)!, producten.find((x) => x.code === paar.wmo)!, varianten);
  });
}

/** Minute and hour products are compared per hour; every other unit only with itself. */
const vergelijkingseenheid = (p: T.Product) => (p.eenheid === 'minuut' || p.eenheid === 'uur' ? 'uur' : p.eenheid);

/** The variants the signal compares that a product gets: its CAOs and the basistarief, or `vast` for an adopted tariff. */
const vergelekenVarianten = (p: T.Product, varianten: T.Varianten) => (p.berekening === 'overgenomen' ? ['vast'] : [...p.caos, ...(varianten.basistarief ? ['basistarief'] : [])]);

function controleerVergelijkbaar(b: Bouwer, root: unknown, k: number, j: T.Product, w: T.Product, varianten: T.Varianten): void {
  const pad = ['jeugd_wmo_paren', k];
  if (vergelijkingseenheid(j) !== vergelijkingseenheid(w)) {
    b.fout(root, pad, `${j.code} en ${w.code} zijn niet te vergelijken: een tarief per ${j.eenheid} naast een tarief per ${w.eenheid}`, {
      verwacht: 'twee producten met dezelfde eenheid (minuut en uur worden per uur vergeleken)',
      gevonden: `${j.code} per ${j.eenheid}, ${w.code} per ${w.eenheid}`,
      hint: 'het signaal vergelijkt bedragen; noem alleen producten waarvan de tarieven dezelfde eenheid hebben',
    });
    return;
  }
  const vj = vergelekenVarianten(j, varianten);
  const vw = vergelekenVarianten(w, varianten);
  if (!vj.some((v) => vw.includes(v))) {
    b.fout(root, pad, `${j.code} en ${w.code} hebben geen variant gemeen, dus het signaal kan ze nooit vergelijken`, {
      verwacht: 'twee producten met een variant gemeen: een CAO, het basistarief, of allebei een overgenomen tarief (vast)',
      gevonden: `${j.code}: ${vj.join(', ') || 'geen'}; ${w.code}: ${vw.join(', ') || 'geen'}`,
      hint: 'het signaal vergelijkt per variant; noem een paar met een gemeenschappelijke CAO, zet basistarief aan, of laat dit paar weg',
    });
  }
}
