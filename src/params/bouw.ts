/**
 * From validated raw files to the typed ParameterSet: resolves sources,
 * converts decimal text to Decimal, attaches file:line to every value.
 */
import type * as z from 'zod';
import { Decimal } from '../shared/decimal.ts';
import type { Probleem } from '../shared/problems.ts';
import type { RuweSet } from './bestanden.ts';
import * as S from './schema.ts';
import type * as T from './types.ts';
import { ingekort } from './grenzen.ts';
import type { Posities } from './yaml.ts';
import { bedoeldeU, zodFoutkaart, zodNaarProblemen } from './zodfouten.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';

type Pad = (string | number)[];

export interface Bestand<TData> {
  rel: string;
  data: TData;
  root: unknown;
}

const SCHEMA_PER_BESTAND: Record<string, z.ZodType> = {
  'model.yaml': S.ModelBestand,
  'bronnen.yaml': S.BronnenBestand,
  'productiviteit.yaml': S.ProductiviteitBestand,
  'opslagen.yaml': S.OpslagenBestand,
  'afronding.yaml': S.AfrondingBestand,
  'varianten.yaml': S.VariantenBestand,
  'controletotalen.yaml': S.ControletotalenBestand,
  'indexcijfers.yaml': S.IndexcijfersBestand,
  'volumes.yaml': S.VolumesBestand,
  'signalen.yaml': S.SignalenBestand,
  'inkoop.yaml': S.InkoopBestand,
};

const VERPLICHT = ['model.yaml', 'afronding.yaml', 'varianten.yaml'];
/** Needed only to compute a tariff (kostprijs or lumpsum); a set of adopted tariffs does without them. */
const VERPLICHT_BIJ_BEREKENING = ['opslagen.yaml', 'productiviteit.yaml'];

/**
 * The first product that is computed (kostprijs or lumpsum), as "45A01 (kostprijs) op producten/jeugd.yaml:5": only
 * then are a CAO, productiviteit.yaml and opslagen.yaml needed. A products file whose shape is wrong counts as
 * computed (its own errors follow).
 */
function berekendProduct(ruw: RuweSet, posities: Posities): string | undefined {
  for (const [rel, data] of ruw.bestanden) {
    if (!rel.startsWith('producten/') || !data || typeof data !== 'object') continue;
    const waar = ruw.weergave.get(rel) ?? rel;
    const producten = (data as { producten?: unknown }).producten;
    if (!producten || typeof producten !== 'object') return `een product in ${waar}`;
    for (const [code, p] of Object.entries(producten)) {
      const berekening = p && typeof p === 'object' ? (p as { berekening?: unknown }).berekening : undefined;
      if (berekening === 'overgenomen') continue;
      const plek = posities.zoek(data, ['producten', code], 'sleutel');
      return `${code}${typeof berekening === 'string' ? ` (${berekening})` : ''} op ${plek ? `${plek.bestand}:${plek.regel}` : waar}`;
    }
  }
  return undefined;
}

function schemaVoor(rel: string): z.ZodType | undefined {
  if (rel.startsWith('cao/')) return S.CaoBestand;
  if (rel.startsWith('producten/')) return S.ProductenBestand;
  if (rel.startsWith('aanbieders/')) return S.AanbiederBestand;
  return SCHEMA_PER_BESTAND[rel];
}

/** Structural validation of every file; returns parsed data per file. */
export function valideerBestanden(ruw: RuweSet, posities: Posities): { geldig: Map<string, Bestand<unknown>>; problemen: Probleem[] } {
  const problemen: Probleem[] = [];
  const geldig = new Map<string, Bestand<unknown>>();
  const berekend = berekendProduct(ruw, posities);
  for (const rel of [...VERPLICHT, ...(berekend ? VERPLICHT_BIJ_BEREKENING : [])]) {
    if (!ruw.bestanden.has(rel)) {
      const alleenBijBerekening = VERPLICHT_BIJ_BEREKENING.includes(rel);
      problemen.push({
        ernst: 'fout',
        bestand: `${ruw.weergave.get('model.yaml')?.replace(/model\.yaml$/, '') ?? ''}${rel}`,
        regel: 1,
        kolom: 1,
        melding: `verplicht bestand ${rel} ontbreekt`,
        verwacht: `een bestand ${rel} in de set of in een basisset${alleenBijBerekening ? ' (nodig zodra de set een tarief berekent)' : ''}`,
        gevonden: alleenBijBerekening ? `geen bestand, terwijl product ${berekend} een berekend tarief heeft` : 'geen bestand',
        hint: alleenBijBerekening
          ? 'kopieer het bestand uit models/voorbeeldregio-2027 en pas de waarden aan; een set met alleen overgenomen tarieven heeft het niet nodig'
          : 'kopieer het bestand uit models/voorbeeldregio-2027 en pas de waarden aan',
      });
    }
  }
  for (const [rel, data] of ruw.bestanden) {
    const schema = schemaVoor(rel);
    if (!schema) continue;
    const bestand = ruw.weergave.get(rel)!;
    if (data === null || data === undefined) {
      problemen.push({ ernst: 'fout', bestand, regel: 1, kolom: 1, melding: 'leeg bestand', verwacht: 'een blok met sleutels', gevonden: 'niets', hint: 'vul het bestand of verwijder het' });
      continue;
    }
    const r = schema.safeParse(data, { error: zodFoutkaart });
    if (!r.success) problemen.push(...zodNaarProblemen(r.error.issues, data, bestand, posities));
    else geldig.set(rel, { rel, data: r.data, root: data });
  }
  const heeft = (prefix: string) => [...ruw.bestanden.keys()].some((k) => k.startsWith(prefix));
  const mappen: [string, string][] = [
    ...(berekend ? ([['cao/', 'ten minste één CAO in cao/ (nodig voor berekende producten)']] as [string, string][]) : []),
    ['producten/', 'ten minste één productbestand in producten/'],
  ];
  for (const [map, wat] of mappen) {
    if (!heeft(map)) {
      problemen.push({
        ernst: 'fout',
        bestand: `${ruw.weergave.get('model.yaml')?.replace(/model\.yaml$/, '') ?? ''}${map}`,
        regel: 1,
        kolom: 1,
        melding: `map ${map} is leeg of ontbreekt`,
        verwacht: wat,
        gevonden: 'geen bestanden',
        hint: 'zie models/voorbeeldregio-2027 voor een voorbeeld',
      });
    }
  }
  return { geldig, problemen };
}

interface Bereik {
  min?: string;
  /** minimum is exclusive (value must be greater) */
  minExclusief?: boolean;
  max?: string;
  maxExclusief?: boolean;
  /**
   * A percentage above 0 and below 1 gets a warning (0.08 written for 8 %), one above `ongewoonBoven` too:
   * plausible typos that are still valid values, so never an error.
   */
  plausibel?: { ongewoonBoven?: string; /** warn below 1 (default yes) */ klein?: boolean; /** warn below this instead of below 1 */ kleinOnder?: string };
  /** false: no default bounds of the unit (STANDAARDGRENZEN), for counts that are large by nature such as volumes */
  standaardgrens?: false;
}

/**
 * Bounds per unit for values without a tighter range of their own: beyond `fout` a value is an error (no tariff
 * set comes near: the largest amount of the standard set is € 79.409 per year), beyond `waarschuwing` a warning.
 * Negative values are bounded by the same figures. Together with the limit on digits (grenzen.ts) no value can
 * run a tariff into absurd magnitudes or Infinity.
 */
export const STANDAARDGRENZEN: Record<T.Eenheid, { fout: string; waarschuwing: string }> = {
  procent: { fout: '1000', waarschuwing: '200' },
  euro: { fout: '100000000', waarschuwing: '10000000' },
  euro_per_maand: { fout: '100000', waarschuwing: '25000' },
  euro_per_uur: { fout: '10000', waarschuwing: '1000' },
  euro_per_jaar: { fout: '100000000', waarschuwing: '10000000' },
  euro_per_eenheid: { fout: '1000000', waarschuwing: '100000' },
  uren_per_week: { fout: '168', waarschuwing: '60' },
  uren_per_jaar: { fout: '1000000', waarschuwing: '100000' },
  uren: { fout: '8784', waarschuwing: '1000' },
  aantal: { fout: '10000', waarschuwing: '1000' },
};

export class Bouwer {
  readonly problemen: Probleem[] = [];
  readonly parameters: T.Param[] = [];
  /** Without a bronnen.yaml every reference is unknown: one message for all, at the first (see bronnenbestandOntbreekt). */
  private verwijzingenZonderBestand: { eerste: Probleem; sleutels: Set<string>; aantal: number } | undefined;
  constructor(
    private readonly posities: Posities,
    private readonly bronnen: Record<string, S.BronObject>,
    private readonly bronnenHerkomst: string,
    private readonly bronnenbestand = true,
  ) {}

  /** Reports, once, that bronnen.yaml is missing while values refer to sources by key. */
  bronnenbestandOntbreekt(): void {
    const v = this.verwijzingenZonderBestand;
    if (!v) return;
    const voorbeelden = [...v.sleutels].slice(0, 3).map((k) => `'${ingekort(k, 40)}'`).join(', ');
    this.problemen.push({
      ...v.eerste,
      melding: 'bronnen.yaml ontbreekt',
      verwacht: `een bestand ${this.bronnenHerkomst} (in de set of een basisset) met de bronnen waarnaar de set verwijst`,
      gevonden: `${v.aantal} ${v.aantal === 1 ? 'verwijzing' : 'verwijzingen'} naar ${v.sleutels.size} ${v.sleutels.size === 1 ? 'bron' : 'bronnen'} (${voorbeelden}${v.sleutels.size > 3 ? ', …' : ''}), de eerste hier, en geen bronnen.yaml`,
      hint: 'voeg bronnen.yaml toe met een blok per bron (titel, uitgever, url, datum), of schrijf elke bron uit met ten minste een titel',
    });
  }

  herkomst(root: unknown, pad: Pad, voorkeur: 'waarde' | 'sleutel' = 'waarde', bestand = ''): T.Herkomst & { fragment: string } {
    const p = this.posities.zoek(root, pad, voorkeur);
    return { bestand: p?.bestand ?? bestand, regel: p?.regel ?? 1, kolom: p?.kolom ?? 1, fragment: p?.fragment ?? '' };
  }

  /** Where a value was written, without the source fragment: the Herkomst stored in the typed set. */
  plek(root: unknown, pad: Pad, voorkeur: 'waarde' | 'sleutel' = 'waarde'): T.Herkomst {
    const h = this.herkomst(root, pad, voorkeur);
    return { bestand: h.bestand, regel: h.regel, kolom: h.kolom };
  }

  fout(root: unknown, pad: Pad, melding: string, extra: Partial<Probleem> = {}, voorkeur: 'waarde' | 'sleutel' = 'waarde') {
    this.problemen.push({ ernst: 'fout', ...this.herkomst(root, pad, voorkeur), melding, ...extra });
  }

  waarschuwing(root: unknown, pad: Pad, melding: string, extra: Partial<Probleem> = {}) {
    this.problemen.push({ ernst: 'waarschuwing', ...this.herkomst(root, pad), melding, ...extra });
  }

  bron(v: string | S.BronObject, root: unknown, pad: Pad): T.Bron {
    if (typeof v !== 'string') return schoon(v);
    const b = Object.hasOwn(this.bronnen, v) ? this.bronnen[v] : undefined;
    if (!b && !this.bronnenbestand) {
      if (!this.verwijzingenZonderBestand) this.verwijzingenZonderBestand = { eerste: { ernst: 'fout', ...this.herkomst(root, pad), melding: '' }, sleutels: new Set(), aantal: 0 };
      this.verwijzingenZonderBestand.sleutels.add(v);
      this.verwijzingenZonderBestand.aantal++;
      return { titel: v, sleutel: v };
    }
    if (!b) {
      const suggestie = bedoeldeU(v, Object.keys(this.bronnen));
      this.fout(root, pad, `onbekende bron '${ingekort(v, 60)}'`, {
        verwacht: `een sleutel uit ${this.bronnenHerkomst}${Object.keys(this.bronnen).length ? '' : ' (dat bestand is leeg of ontbreekt)'}`,
        gevonden: ingekort(v),
        hint: suggestie ? `bedoelde u '${suggestie}'?` : 'voeg de bron toe aan bronnen.yaml, of schrijf hem hier uit met ten minste een titel',
      });
      return { titel: v, sleutel: v };
    }
    return { ...schoon(b), sleutel: v };
  }

  /** Builds a parameter, checking its unit and the range of every value. */
  param(raw: S.RawParameter, root: unknown, pad: Pad, naam: string, eenheden: readonly T.Eenheid[], bereik: Bereik = {}, eenheidHint?: string): T.Param {
    const h = this.herkomst(root, pad);
    if (!eenheden.includes(raw.eenheid)) {
      this.fout(root, [...pad, 'eenheid'], `verkeerde eenheid voor ${naam}`, {
        verwacht: eenheden.length === 1 ? eenheden[0] : `een van: ${eenheden.join(', ')}`,
        gevonden: raw.eenheid,
        hint:
          eenheidHint ??
          (raw.eenheid === 'procent' || eenheden.includes('procent') ? 'procenten schrijft u als getal met eenheid procent: 8 betekent 8 %' : 'pas de eenheid of de waarde aan'),
      });
    }
    const reeks: T.Waarde[] = [];
    const elementen = raw.reeks ?? [{ waarde: raw.waarde!, geldig_van: raw.geldig_van!, geldig_tot: raw.geldig_tot!, bron: raw.bron!, status: raw.status! }];
    elementen.forEach((w, i) => {
      const wpad = raw.reeks ? [...pad, 'reeks', i] : pad;
      const waarde = new Decimal(w.waarde);
      const wh = this.herkomst(root, [...wpad, 'waarde']);
      this.bereik(waarde, bereik, raw.eenheid, root, [...wpad, 'waarde'], naam, w.waarde);
      if (w.geldig_van > w.geldig_tot) {
        this.fout(root, [...wpad, 'geldig_tot'], `geldigheid van ${naam} eindigt vóór het begin`, {
          verwacht: `geldig_tot op of na ${w.geldig_van}`,
          gevonden: w.geldig_tot,
          hint: 'wissel de datums om of corrigeer de einddatum',
        });
      }
      reeks.push({
        waarde,
        van: w.geldig_van,
        tot: w.geldig_tot,
        bron: this.bron(w.bron, root, [...wpad, 'bron']),
        status: w.status,
        herkomst: { bestand: wh.bestand, regel: wh.regel, kolom: wh.kolom },
      });
    });
    const gesorteerd = reeks.map((w, i) => ({ w, i })).sort((a, b) => vergelijkTekst(a.w.van, b.w.van));
    for (let k = 1; k < gesorteerd.length; k++) {
      const vorige = gesorteerd[k - 1]!.w;
      const deze = gesorteerd[k]!;
      if (deze.w.van <= vorige.tot) {
        this.fout(root, [...pad, 'reeks', deze.i, 'geldig_van'], `geldigheidsperioden van ${naam} overlappen`, {
          verwacht: `een begindatum na ${vorige.tot} (einde van de vorige periode)`,
          gevonden: `${deze.w.van} t/m ${deze.w.tot}, terwijl ${vorige.van} t/m ${vorige.tot} ook geldt`,
          hint: 'op elke datum mag precies één waarde gelden; laat de vorige periode eerder eindigen',
        });
      }
    }
    const p: T.Param = { pad: naam, eenheid: raw.eenheid, reeks: gesorteerd.map((x) => x.w), herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
    this.parameters.push(p);
    return p;
  }

  bereik(waarde: Decimal, b: Bereik, eenheid: T.Eenheid, root: unknown, pad: Pad, naam: string, geschreven?: string) {
    const te = (melding: string, verwacht: string, hint?: string) =>
      this.fout(root, pad, melding, {
        verwacht,
        gevonden: `${geschreven ?? waarde.toFixed()}${eenheid === 'procent' ? ' procent' : ''}`,
        hint: hint ?? (eenheid === 'procent' ? 'een percentage schrijft u als getal: 8 betekent 8 %, niet 0.08 en niet 800' : 'controleer de waarde met de bron'),
      });
    if (b.min !== undefined) {
      const min = new Decimal(b.min);
      if (b.minExclusief ? waarde.lte(min) : waarde.lt(min)) {
        if (b.min === '0' && !b.minExclusief) te(`${naam} mag niet negatief zijn`, 'nul of meer', 'een korting of aftrek hoort niet als negatief bedrag in de set; controleer het teken');
        else if (b.min === '0' && eenheid === 'aantal')
          te(`${naam} moet groter zijn dan nul`, 'een aantal groter dan 0', naam.endsWith('groepsgrootte') ? 'bij individuele zorg laat u groepsgrootte weg; een groep heeft minstens 1 cliënt' : 'het model deelt door dit aantal');
        else te(`${naam} is te klein`, `${b.minExclusief ? 'groter dan' : 'minstens'} ${b.min}${eenheid === 'procent' ? ' procent' : ''}`);
        return;
      }
    }
    if (b.max !== undefined) {
      const max = new Decimal(b.max);
      if (b.maxExclusief ? waarde.gte(max) : waarde.gt(max)) {
        te(`${naam} ligt buiten het toegestane bereik`, `${b.maxExclusief ? 'kleiner dan' : 'hoogstens'} ${b.max}${eenheid === 'procent' ? ' procent' : ''}`);
        return;
      }
    }
    const grens = b.standaardgrens === false ? undefined : STANDAARDGRENZEN[eenheid];
    if (grens && waarde.abs().gt(grens.fout)) {
      te(`${naam} ligt buiten elk redelijk bereik`, `hoogstens ${grens.fout}${b.min === undefined ? ` en minstens -${grens.fout}` : ''} (${eenheid})`, 'geen tariefset komt in de buurt van deze waarde; controleer of er cijfers te veel staan of of de eenheid klopt');
      return;
    }
    if (grens && !b.plausibel && waarde.abs().gt(grens.waarschuwing) && (b.max === undefined || new Decimal(b.max).gt(grens.waarschuwing))) {
      this.waarschuwing(root, pad, `${naam} is ongewoon groot`, {
        verwacht: `meestal hoogstens ${grens.waarschuwing} (${eenheid})`,
        gevonden: `${geschreven ?? waarde.toFixed()}${eenheid === 'procent' ? ' procent' : ''}`,
        hint: 'controleer de waarde met de bron (een cijfer te veel, of de verkeerde eenheid?); klopt ze, laat haar dan staan; dit is een waarschuwing',
      });
      return;
    }
    if (b.plausibel && eenheid === 'procent') {
      const tekst = `${geschreven ?? waarde.toFixed()} procent`;
      if (b.plausibel.klein !== false && waarde.gt(0) && waarde.lt(b.plausibel.kleinOnder ?? '1')) {
        this.waarschuwing(root, pad, `${naam} is ${tekst}: ongewoon klein`, {
          verwacht: 'een percentage als getal, zoals 8 voor 8 %',
          gevonden: tekst,
          hint: `bedoelde u ${waarde.times(100).toFixed()}? Klopt ${tekst} echt, laat het dan staan; dit is een waarschuwing`,
        });
      } else if (b.plausibel.ongewoonBoven && waarde.gt(b.plausibel.ongewoonBoven)) {
        this.waarschuwing(root, pad, `${naam} is ${tekst}: ongewoon hoog`, {
          verwacht: `meestal hoogstens ${b.plausibel.ongewoonBoven} procent`,
          gevonden: tekst,
          hint: `controleer de waarde met de bron (een tikfout, zoals ${waarde.div(10).toFixed()} bedoeld?); klopt ze, laat haar dan staan`,
        });
      }
    }
  }
}

function schoon(b: S.BronObject): T.Bron {
  const uit: T.Bron = { titel: b.titel };
  if (b.uitgever) uit.uitgever = b.uitgever;
  if (b.url) uit.url = b.url;
  if (b.datum) uit.datum = b.datum;
  if (b.pagina !== undefined) uit.pagina = String(b.pagina);
  return uit;
}

export const PROCENT: Bereik = { min: '0', max: '100' };
export const PROCENT_DEELBAAR: Bereik = { min: '0', max: '100', maxExclusief: true };
export const POSITIEF: Bereik = { min: '0', minExclusief: true };
export const NIET_NEGATIEF: Bereik = { min: '0' };
/** A surcharge, allowance or share in percent: the range, plus warnings for 0.08-for-8 and for implausibly high values. */
export const opslag = (b: Bereik, ongewoonBoven?: string, kleinOnder?: string): Bereik => ({ ...b, plausibel: { ...(ongewoonBoven ? { ongewoonBoven } : {}), ...(kleinOnder ? { kleinOnder } : {}) } });
