/**
 * Translates zod issues into Dutch problems at file:line:column, with what was
 * expected, what was found and a hint.
 */
import type * as z from 'zod';
import type { Probleem } from '../shared/problems.ts';
import { GRENZEN, ingekort } from './grenzen.ts';
import type { Pos, Posities } from './yaml.ts';

type Pad = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

const PATRONEN: Record<string, { wat: string; verwacht: string; hint: string }> = {
  '/^-?\\d+(\\.\\d+)?$/': {
    wat: 'geen geldig getal',
    verwacht: 'een decimaal getal met een punt als decimaalteken, zoals 12.50',
    hint: 'schrijf getallen zonder euroteken, procentteken of duizendtalscheiding; gebruik een punt, geen komma',
  },
  '/^\\d{4}-\\d{2}-\\d{2}$/': { wat: 'datum in de verkeerde vorm', verwacht: 'een datum als JJJJ-MM-DD, zoals 2027-01-01', hint: 'schrijf de datum als jaar-maand-dag: 31-12-2026 wordt 2026-12-31' },
  '/^[a-z0-9][a-z0-9_-]*$/': {
    wat: 'ongeldige naam',
    verwacht: 'een naam van kleine letters, cijfers, - en _',
    hint: 'gebruik bijvoorbeeld sociaal-werk of ambulant_jeugd',
  },
  '/^\\d{2}$/': { wat: 'ongeldige productcategorie', verwacht: 'een productcategorie van twee cijfers tussen aanhalingstekens, zoals "45"', hint: 'zet de code tussen aanhalingstekens zodat een voorloopnul blijft staan' },
  '/^\\d{4}$/': { wat: 'ongeldig jaartal', verwacht: 'een jaartal van vier cijfers, zoals 2027', hint: 'het tariefjaar is een kalenderjaar' },
  '/^[0-9A-Z]{5}$/': {
    wat: 'ongeldige productcode',
    verwacht: 'een iStandaard-productcode van vijf tekens (cijfers en hoofdletters), zoals 45A48',
    hint: 'de eerste twee tekens zijn de productcategorie',
  },
};

const TYPEN: Record<string, string> = {
  string: 'tekst',
  number: 'getal',
  boolean: 'true of false',
  object: 'een blok met sleutels',
  array: 'een lijst',
  null: 'niets',
};

/**
 * Levenshtein distance, for "bedoelde u …?" hints. Two rows, so memory is linear; callers keep the
 * strings short (GRENZEN.suggestielengte), so time stays small.
 */
export function afstand(a: string, b: string): number {
  let vorige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const rij = [i];
    for (let j = 1; j <= b.length; j++) rij[j] = Math.min(vorige[j]! + 1, rij[j - 1]! + 1, vorige[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    vorige = rij;
  }
  return vorige[b.length]!;
}

/**
 * The option the author probably meant: close in spelling, and not a wholesale
 * replacement (for '10' the schaal '6' is no typo, so no suggestion). A long
 * text is no typo of a name: only the first GRENZEN.suggestielengte characters
 * are ever compared, and options whose length differs more than the allowed
 * distance are skipped, so the cost is bounded whatever the set contains.
 */
export function bedoeldeU(gevonden: string, opties: readonly string[]): string | undefined {
  if (gevonden.length > GRENZEN.suggestielengte) return undefined;
  const g = gevonden.toLowerCase();
  let beste: string | undefined;
  let min = Infinity;
  for (const o of opties) {
    if (o.length > GRENZEN.suggestielengte) continue;
    const toegestaan = Math.max(2, Math.floor(o.length / 3));
    if (Math.abs(o.length - g.length) > toegestaan) continue;
    const a = afstand(g, o.toLowerCase());
    if (a < min) {
      min = a;
      beste = o;
    }
  }
  return beste !== undefined && min <= Math.max(2, Math.floor(beste.length / 3)) && min < gevonden.length ? beste : undefined;
}

export function beschrijfWaarde(v: unknown): string {
  if (v === undefined) return 'niets (de sleutel ontbreekt)';
  if (v === null) return 'een lege waarde';
  if (typeof v === 'string') return `'${ingekort(v)}'`;
  if (Array.isArray(v)) return 'een lijst';
  if (typeof v === 'object') return 'een blok met sleutels';
  return String(v);
}

function waardeOp(root: unknown, pad: Pad): unknown {
  let h: unknown = root;
  for (const s of pad) {
    if (typeof h !== 'object' || h === null) return undefined;
    h = (h as Record<string, unknown>)[String(s)];
  }
  return h;
}

export function padTekst(pad: Pad): string {
  return pad.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Error map: remember the known keys of a strict object so the hint can name them. */
export const zodFoutkaart = (iss: z.core.$ZodRawIssue): string | undefined => {
  if (iss.code !== 'unrecognized_keys') return undefined;
  const def = (iss.inst as { _zod?: { def?: { shape?: object; keyType?: { _zod?: { def?: { entries?: object } } } } } } | undefined)?._zod?.def;
  const sleutels = def?.shape ? Object.keys(def.shape) : def?.keyType?._zod?.def?.entries ? Object.keys(def.keyType._zod.def.entries) : [];
  return `bekend:${sleutels.join(',')}`;
};

/** Extra uitleg bij een onbekende waarde, per sleutelnaam. */
const UITLEG_WAARDE: Record<string, (opties: string[]) => string | undefined> = {
  eenheid: (opties) =>
    opties.includes('euro_per_eenheid')
      ? 'een bedrag per dagdeel, etmaal of stuk heeft eenheid euro_per_eenheid; een percentage heeft eenheid procent'
      : opties.includes('dagdeel')
        ? 'dit is de iStandaard-eenheid van het product; een vast jaarbedrag (lumpsum) heeft eenheid jaar'
        : undefined,
  status: () => 'vastgesteld = besloten, voorlopig = nog niet besloten, illustratief = voorbeeldwaarde zonder besluit',
  conventie: (opties) =>
    opties.includes('aandeel_in_tarief')
      ? 'bij winst_en_risico: opslag_op_kostprijs geeft tarief = kostprijs × (1 + r), aandeel_in_tarief geeft tarief = kostprijs ÷ (1 − r)'
      : opties.includes('aandeel_in_kostprijs')
        ? 'bij overhead: opslag_op_directe_kosten geeft kosten × (1 + o), aandeel_in_kostprijs geeft kosten ÷ (1 − o)'
        : undefined,
  rekenwijze: () => 'aftrek deelt de loonkosten door de betaalde uren min de posten, opslag vermenigvuldigt de kosten per betaald uur met (1 + de posten)',
};

function isOntbrekend(iss: ZodIssue, gevonden: unknown): boolean {
  if (gevonden !== undefined) return false;
  if (iss.code === 'invalid_type' || iss.code === 'invalid_value') return true;
  if (iss.code === 'custom' && iss.message === 'ontbrekend_parameterveld') return true;
  return iss.code === 'invalid_union' && 'discriminator' in iss && !!iss.discriminator;
}

function bekendeSleutels(iss: ZodIssue): string[] {
  return iss.message.startsWith('bekend:') ? iss.message.slice(7).split(',').filter(Boolean) : [];
}

export function zodNaarProblemen(
  issues: readonly ZodIssue[],
  root: unknown,
  bestand: string,
  posities: Posities,
  prefix: Pad = [],
): Probleem[] {
  const uit: Probleem[] = [];
  const plaats = (pad: Pad, voorkeur: 'waarde' | 'sleutel' = 'waarde'): Pos =>
    posities.zoek(root, pad, voorkeur) ?? { bestand, regel: 1, kolom: 1, fragment: '' };
  const maak = (pad: Pad, melding: string, extra: Partial<Probleem>, voorkeur: 'waarde' | 'sleutel' = 'waarde') => {
    const p = plaats(pad, voorkeur);
    uit.push({ ernst: 'fout', bestand: p.bestand, regel: p.regel, kolom: p.kolom, fragment: p.fragment, melding, ...extra });
  };
  /** A missing key is reported at the key of the block that should hold it (e.g. `winst_en_risico:`). */
  const maakOntbrekend = (pad: Pad, melding: string, extra: Partial<Probleem>) => maak(pad.slice(0, -1), melding, extra, 'sleutel');

  // One mistake, one message: a misspelt key ('geldig_vna') also makes the
  // intended key ('geldig_van') missing. Report only the misspelling, and say
  // there that the intended key is missing. Likewise a date in the wrong
  // format is not also reported as a non-existent date.
  const blokSleutel = (blok: Pad, sleutel: string) => JSON.stringify([...blok, sleutel]);
  const ontbrekend = new Set<string>();
  const formaatFout = new Set<string>();
  for (const iss of issues) {
    const pad: Pad = [...prefix, ...(iss.path as Pad)];
    if (isOntbrekend(iss, waardeOp(root, pad))) ontbrekend.add(JSON.stringify(pad));
    if (iss.code === 'invalid_format') formaatFout.add(JSON.stringify(pad));
  }
  const verklaardeOntbrekende = new Set<string>();
  for (const iss of issues) {
    if (iss.code !== 'unrecognized_keys') continue;
    const blok: Pad = [...prefix, ...(iss.path as Pad)];
    for (const k of iss.keys) {
      const s = bedoeldeU(k, bekendeSleutels(iss));
      if (s !== undefined && ontbrekend.has(blokSleutel(blok, s))) verklaardeOntbrekende.add(blokSleutel(blok, s));
    }
  }

  for (const iss of issues) {
    const pad: Pad = [...prefix, ...(iss.path as Pad)];
    const naam = padTekst(pad.filter((p) => typeof p === 'string' || typeof p === 'number')) || '(het hele bestand)';
    const gevonden = waardeOp(root, pad);
    if (verklaardeOntbrekende.has(JSON.stringify(pad)) && isOntbrekend(iss, gevonden)) continue;
    if (iss.code === 'custom' && iss.message === 'ongeldige_datum' && formaatFout.has(JSON.stringify(pad))) continue;
    const sleutelNaam = String(pad[pad.length - 1]);
    if (gevonden === null && (iss.code === 'invalid_type' || iss.code === 'invalid_value' || iss.code === 'invalid_format')) {
      const opties = iss.code === 'invalid_value' ? iss.values.map(String) : [];
      maak(pad, `geen waarde ingevuld bij ${naam}`, {
        verwacht: opties.length ? `een van: ${opties.join(', ')}` : iss.code === 'invalid_type' ? (TYPEN[iss.expected] ?? iss.expected) : (PATRONEN['pattern' in iss && iss.pattern ? String(iss.pattern) : '']?.verwacht ?? 'een waarde'),
        gevonden: `niets achter '${sleutelNaam}:'`,
        hint: 'vul de waarde in achter de dubbele punt (of op de regels eronder, ingesprongen)',
      });
      continue;
    }
    switch (iss.code) {
      case 'invalid_type': {
        if (gevonden === undefined) {
          const sleutel = String(pad[pad.length - 1]);
          maakOntbrekend(pad, `verplichte sleutel '${sleutel}' ontbreekt`, {
            verwacht: `${sleutel}: ${TYPEN[iss.expected] ?? iss.expected}`,
            gevonden: 'geen sleutel met die naam in dit blok',
            hint: `voeg '${sleutel}:' toe aan het blok ${padTekst(pad.slice(0, -1)) || '(bovenste niveau)'}`,
          });
        } else {
          maak(pad, `verkeerd soort waarde bij ${naam}`, {
            verwacht: TYPEN[iss.expected] ?? iss.expected,
            gevonden: beschrijfWaarde(gevonden),
            hint:
              iss.expected === 'string' && Array.isArray(gevonden)
                ? 'hier hoort één waarde, geen lijst'
                : iss.expected === 'boolean'
                  ? 'schrijf true voor ja en false voor nee (zonder aanhalingstekens)'
                  : 'controleer de inspringing en het soort waarde',
          });
        }
        break;
      }
      case 'invalid_format': {
        const pat = 'pattern' in iss && iss.pattern ? String(iss.pattern) : '';
        const p = PATRONEN[pat];
        maak(pad, `${p?.wat ?? 'ongeldige waarde'} bij ${naam}`, {
          verwacht: p?.verwacht ?? `tekst in de vorm ${pat}`,
          gevonden: beschrijfWaarde(gevonden),
          hint: p?.hint ?? 'zie docs/parameters.md voor de vorm van dit veld',
        });
        break;
      }
      case 'invalid_value': {
        const opties = iss.values.map(String);
        if (gevonden === undefined) {
          maakOntbrekend(pad, `verplichte sleutel '${sleutelNaam}' ontbreekt`, {
            verwacht: `${sleutelNaam}: een van ${opties.join(', ')}`,
            gevonden: 'geen sleutel met die naam in dit blok',
            hint: `voeg '${sleutelNaam}:' toe aan het blok ${padTekst(pad.slice(0, -1)) || '(bovenste niveau)'}`,
          });
          break;
        }
        const g = typeof gevonden === 'string' ? gevonden : String(gevonden);
        const suggestie = bedoeldeU(g, opties);
        const uitleg = UITLEG_WAARDE[sleutelNaam]?.(opties);
        maak(pad, `onbekende waarde bij ${naam}`, {
          verwacht: `een van: ${opties.join(', ')}`,
          gevonden: beschrijfWaarde(gevonden),
          hint: suggestie
            ? `bedoelde u '${suggestie}'?${uitleg ? ` ${uitleg.charAt(0).toUpperCase()}${uitleg.slice(1)}` : ''}`
            : `kies een van de genoemde waarden${uitleg ? `; ${uitleg}` : ''}`,
        });
        break;
      }
      case 'unrecognized_keys': {
        const bekend = bekendeSleutels(iss);
        for (const k of iss.keys) {
          const suggestie = bedoeldeU(k, bekend);
          const ontbreektNu = suggestie !== undefined && verklaardeOntbrekende.has(blokSleutel(pad, suggestie));
          maak(
            [...pad, k],
            `onbekende sleutel '${ingekort(k, 60)}'`,
            {
              verwacht: bekend.length ? `een van: ${bekend.join(', ')}` : 'geen andere sleutels',
              gevonden: ingekort(k),
              hint: suggestie
                ? `bedoelde u '${suggestie}'?${ontbreektNu ? ` Die verplichte sleutel ontbreekt nu in dit blok.` : ''}`
                : 'verwijder deze sleutel of verplaats hem naar het juiste blok; een onbekende sleutel wordt nooit stilzwijgend overgeslagen',
            },
            'sleutel',
          );
        }
        break;
      }
      case 'too_small': {
        if (iss.origin === 'array') {
          maak(pad, `lege lijst bij ${naam}`, {
            verwacht: 'een lijst met minstens één element',
            gevonden: Array.isArray(gevonden) && gevonden.length === 0 ? 'een lege lijst' : beschrijfWaarde(gevonden),
            hint: "noem ten minste één element: tussen de haken, of op eigen regels die met '- ' beginnen",
          });
        } else if (iss.origin === 'string') {
          maak(pad, `lege tekst bij ${naam}`, { verwacht: 'een niet-lege tekst', gevonden: "een lege tekst ('')", hint: 'vul de tekst in, of verwijder de regel als de sleutel niet verplicht is' });
        } else {
          maak(pad, `te klein bij ${naam}`, { verwacht: `minstens ${String(iss.minimum)}`, gevonden: beschrijfWaarde(gevonden), hint: 'controleer de waarde met de bron' });
        }
        break;
      }
      case 'invalid_key': {
        const sleutel = String(pad[pad.length - 1]);
        const sub = iss.issues[0];
        const pat = sub && 'pattern' in sub && sub.pattern ? String(sub.pattern) : '';
        const p = PATRONEN[pat];
        maak(pad, `${p?.wat ?? 'ongeldige sleutel'} '${ingekort(sleutel, 60)}'`, { verwacht: p?.verwacht ?? 'een geldige naam', gevonden: ingekort(sleutel), hint: p?.hint ?? 'zie docs/parameters.md voor de sleutels van dit blok' }, 'sleutel');
        break;
      }
      case 'invalid_union': {
        if ('discriminator' in iss && iss.discriminator) {
          const opties = ('options' in iss ? (iss.options as unknown[]) : []).map(String);
          const g = typeof gevonden === 'string' ? gevonden : '';
          const suggestie = bedoeldeU(g, opties);
          (gevonden === undefined ? maakOntbrekend : maak)(pad, gevonden === undefined ? `verplichte sleutel '${String(iss.discriminator)}' ontbreekt` : `onbekende waarde bij ${naam}`, {
            verwacht: `${String(iss.discriminator)}: een van ${opties.join(', ')}`,
            gevonden: beschrijfWaarde(gevonden),
            hint: suggestie ? `bedoelde u '${suggestie}'?` : 'kostprijs rekent het tarief uit, lumpsum geeft een vast jaarbedrag, overgenomen neemt een vastgesteld tarief over',
          });
          break;
        }
        // Choose the alternative the author most likely meant: the one whose
        // problems are not about the value's basic type.
        const takken = iss.errors.filter((t) => !t.some((i) => i.code === 'invalid_type' && i.path.length === 0));
        const tak = takken.sort((a, b) => a.length - b.length)[0];
        if (tak && typeof gevonden === 'object' && gevonden !== null) {
          uit.push(...zodNaarProblemen(tak, root, bestand, posities, pad));
        } else {
          maak(pad, `ongeldige waarde bij ${naam}`, {
            verwacht: naam.endsWith('bron') || naam.endsWith('besluit') ? 'de sleutel van een bron uit bronnen.yaml, of een blok met ten minste titel' : 'een van de toegestane vormen',
            gevonden: beschrijfWaarde(gevonden),
            hint: 'zie docs/parameters.md voor de vorm van dit veld',
          });
        }
        break;
      }
      case 'custom': {
        const sleutel = String(pad[pad.length - 1]);
        if (iss.message === 'ongeldige_datum') {
          maak(pad, `datum bestaat niet bij ${naam}`, { verwacht: 'een bestaande kalenderdatum', gevonden: beschrijfWaarde(gevonden), hint: 'controleer dag en maand' });
        } else if (iss.message === 'reeks_en_los') {
          maak(pad, `'${sleutel}' naast 'reeks'`, {
            verwacht: "óf één waarde met waarde, geldig_van, geldig_tot, bron en status, óf een 'reeks' van zulke waarden",
            gevonden: `zowel '${sleutel}' als 'reeks'`,
            hint: `verplaats '${sleutel}' naar de elementen van de reeks`,
          }, 'sleutel');
        } else if (iss.message === 'ontbrekend_parameterveld') {
          maakOntbrekend(pad, `verplichte sleutel '${sleutel}' ontbreekt`, {
            verwacht: `${sleutel}: ${sleutel === 'bron' ? 'de herkomst van deze waarde' : sleutel === 'status' ? 'vastgesteld, voorlopig of illustratief' : 'een waarde'}`,
            gevonden: 'geen sleutel met die naam in dit blok',
            hint:
              sleutel === 'bron'
                ? 'elke waarde heeft een bron; een zelfgekozen waarde krijgt status illustratief en een bron die dat zegt'
                : 'elke parameter heeft waarde, geldig_van, geldig_tot, bron en status',
          });
        } else if (iss.message === 'getal_te_groot') {
          const g = typeof gevonden === 'string' ? gevonden : '';
          const [voor = '', na = ''] = g.replace(/^-/, '').split('.');
          maak(pad, `getal buiten de grenzen bij ${naam}`, {
            verwacht: `een getal met hoogstens ${GRENZEN.cijfersVoorDePunt} cijfers vóór en ${GRENZEN.cijfersNaDePunt} na de punt`,
            gevonden: `'${ingekort(g, 20)}': ${voor.length} cijfers vóór${na ? ` en ${na.length} na` : ''} de punt`,
            hint: 'geen bedrag, percentage of aantal in een tariefset komt in de buurt; controleer of er cijfers te veel staan',
          });
        } else {
          maak(pad, iss.message, { verwacht: 'een geldige waarde', gevonden: beschrijfWaarde(gevonden), hint: 'zie docs/parameters.md voor de vorm van dit veld' });
        }
        break;
      }
      default: {
        maak(pad, `ongeldige waarde bij ${naam}`, { verwacht: 'een geldige waarde', gevonden: beschrijfWaarde(gevonden), hint: `zie docs/parameters.md voor de vorm van dit veld (${iss.message})` });
      }
    }
  }
  return uit;
}
