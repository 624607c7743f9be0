/**
 * cao/<id>.yaml → T.Cao: salary tables, functiehuis, toeslagen, ORT, werkgeverslasten with their
 * grondslagen, franchises and maxima. Each part is built and checked by its own function.
 */
import path from 'node:path';
import type * as z from 'zod';
import { Decimal } from '../shared/decimal.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';
import { type Bestand, type Bouwer, NIET_NEGATIEF, opslag, POSITIEF, PROCENT } from './bouw.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';
import { bedoeldeU } from './zodfouten.ts';

type CaoData = z.infer<typeof S.CaoBestand>;
type RuweTabel = CaoData['tabellen'][number];

/** Every CAO of the set, by file name (cao/jeugdzorg.yaml → jeugdzorg). */
export function bouwCaos(b: Bouwer, geldig: Map<string, Bestand<unknown>>): Map<string, T.Cao> {
  const caos = new Map<string, T.Cao>();
  for (const [rel, best] of geldig) {
    if (!rel.startsWith('cao/')) continue;
    const id = path.basename(rel, '.yaml');
    caos.set(id, bouwCao(b, id, best.data as CaoData, best.root));
  }
  return caos;
}

function bouwCao(b: Bouwer, id: string, d: CaoData, r: unknown): T.Cao {
  const lasten = d.werkgeverslasten ?? {};
  controleerSoortLoonkosten(b, d, r);
  const tabellen = d.tabellen.map((t, ti) => bouwTabel(b, t, ti, r));
  controleerOverlap(b, tabellen, r);
  const grondslagen = bouwGrondslagen(b, id, d, r);
  const functiehuis = bouwFunctiehuis(b, d, tabellen, r);
  const ortMaximum = bouwOrtMaximum(b, d, tabellen, r);
  const pfx = `cao.${id}`;
  return {
    id,
    naam: d.naam,
    ...(ortMaximum ? { ortMaximum } : {}),
    urenPerWeek: b.param(d.uren_per_week, r, ['uren_per_week'], `${pfx}.uren_per_week`, ['uren_per_week'], { min: '0', minExclusief: true, max: '60' }),
    tabellen,
    toeslagen: Object.entries(d.toeslagen ?? {}).map(([k, p]) => b.param(p, r, ['toeslagen', k], `${pfx}.toeslagen.${k}`, ['procent', 'euro_per_maand', 'euro_per_jaar'], opslag(NIET_NEGATIEF, '50'))),
    ort: new Map(Object.entries(d.ort ?? {}).map(([k, p]) => [k, b.param(p, r, ['ort', k], `${pfx}.ort.${k}`, ['procent'], opslag(PROCENT))])),
    werkgeverslasten: Object.entries(lasten).map(([k, p]) => b.param(p, r, ['werkgeverslasten', k], `${pfx}.werkgeverslasten.${k}`, ['procent'], opslag(PROCENT, '60', '0.5'))),
    franchises: perLast(b, pfx, lasten, r, 'franchises', d.franchises, 'een franchise', 'meestal pensioen', NIET_NEGATIEF),
    maxima: perLast(b, pfx, lasten, r, 'maxima', d.maxima, 'een maximum (maximumpremieloon)', 'meestal sociale_lasten', POSITIEF),
    grondslagen,
    functiehuis,
  };
}

/**
 * Integral personnel costs per hour already hold allowances and employer charges: those keys would count them
 * twice. Salary tables need werkgeverslasten.
 */
function controleerSoortLoonkosten(b: Bouwer, d: CaoData, r: unknown): void {
  const integraal = d.tabellen.findIndex((t) => t.soort === 'loonkosten_per_uur');
  if (integraal >= 0) {
    const salaris = d.tabellen.findIndex((t) => t.soort !== 'loonkosten_per_uur');
    if (salaris >= 0) {
      b.fout(r, ['tabellen', salaris, 'soort'], `${d.naam} mengt salaristabellen met integrale loonkosten per uur`, {
        verwacht: 'óf salaristabellen (maand, uur) met toeslagen en werkgeverslasten, óf alleen tabellen loonkosten_per_uur',
        gevonden: `soort ${d.tabellen[salaris]!.soort} naast soort loonkosten_per_uur`,
        hint: 'maak voor de integrale loonkosten een eigen CAO-bestand',
      });
    }
    for (const k of ['toeslagen', 'ort', 'ort_maximum', 'werkgeverslasten', 'franchises', 'maxima', 'grondslagen'] as const) {
      if (d[k] === undefined) continue;
      b.fout(r, [k], `${k} bij integrale loonkosten per uur`, {
        verwacht: `geen ${k}: een tabel met soort loonkosten_per_uur bevat salaris, toeslagen en werkgeverslasten al`,
        gevonden: k,
        hint: 'verwijder deze sleutel, of schrijf de tabel als salaristabel (soort maand of uur) met toeslagen en werkgeverslasten',
      }, 'sleutel');
    }
  } else if (!Object.keys(d.werkgeverslasten ?? {}).length) {
    b.fout(r, d.werkgeverslasten ? ['werkgeverslasten'] : [], `${d.naam} heeft geen werkgeverslasten`, {
      verwacht: 'werkgeverslasten: sociale lasten en pensioen als procent van de loonsom',
      gevonden: d.werkgeverslasten ? 'een leeg blok werkgeverslasten' : 'geen werkgeverslasten',
      hint: 'neem de werkgeverslasten op, of geef de tabel als integrale loonkosten per uur (soort loonkosten_per_uur)',
    });
  }
}

/** One salary table: schaal → trede → amount, with a warning where a trede is lower than the one before. */
function bouwTabel(b: Bouwer, t: RuweTabel, ti: number, r: unknown): T.CaoTabel {
  const eerste = Number(t.eerste_trede ?? '0');
  const schalen = new Map<string, Map<string, { bedrag: Decimal; herkomst: T.Herkomst }>>();
  for (const [schaal, treden] of Object.entries(t.schalen)) {
    const m = new Map<string, { bedrag: Decimal; herkomst: T.Herkomst }>();
    let vorige: Decimal | undefined;
    treden.forEach((bedrag, i) => {
      if (bedrag === null) return;
      const pad = ['tabellen', ti, 'schalen', schaal, i];
      const herkomst = b.plek(r, pad);
      const w = new Decimal(bedrag);
      b.bereik(w, POSITIEF, t.soort === 'maand' ? 'euro_per_maand' : 'euro_per_uur', r, pad, `schaal ${schaal} trede ${eerste + i}`);
      if (vorige && w.lt(vorige)) {
        b.waarschuwing(r, pad, `trede ${eerste + i} van schaal ${schaal} is lager dan de trede ervoor`, {
          verwacht: `een bedrag van ten minste ${vorige.toFixed()}`,
          gevonden: w.toFixed(),
          hint: 'treden lopen normaal op; controleer de tabel met de CAO',
        });
      }
      vorige = w;
      m.set(String(eerste + i), { bedrag: w, herkomst });
    });
    schalen.set(schaal, m);
  }
  if (t.geldig_van > t.geldig_tot) {
    b.fout(r, ['tabellen', ti, 'geldig_tot'], 'geldigheid van de CAO-tabel eindigt vóór het begin', { verwacht: `geldig_tot op of na ${t.geldig_van}`, gevonden: t.geldig_tot, hint: 'corrigeer de einddatum' });
  }
  return {
    van: t.geldig_van,
    tot: t.geldig_tot,
    soort: t.soort,
    bron: b.bron(t.bron, r, ['tabellen', ti, 'bron']),
    status: t.status,
    herkomst: b.plek(r, ['tabellen', ti]),
    schalen,
  };
}

/** On every date exactly one salary table applies. */
function controleerOverlap(b: Bouwer, tabellen: T.CaoTabel[], r: unknown): void {
  const volgorde = tabellen.map((t, i) => ({ t, i })).sort((x, y) => vergelijkTekst(x.t.van, y.t.van));
  for (let k = 1; k < volgorde.length; k++) {
    const vorige = volgorde[k - 1]!.t;
    const deze = volgorde[k]!;
    if (deze.t.van <= vorige.tot) {
      b.fout(r, ['tabellen', deze.i, 'geldig_van'], 'geldigheidsperioden van CAO-tabellen overlappen', {
        verwacht: `een begindatum na ${vorige.tot}`,
        gevonden: `${deze.t.van} t/m ${deze.t.tot}, terwijl de tabel ${vorige.van} t/m ${vorige.tot} ook geldt`,
        hint: 'op elke datum mag precies één salaristabel gelden',
      });
    }
  }
}

/** Amounts that belong to one werkgeverslast by name (franchise, maximum). */
function perLast(
  b: Bouwer,
  pfx: string,
  lasten: Record<string, S.RawParameter>,
  r: unknown,
  sleutel: 'franchises' | 'maxima',
  raw: Record<string, S.RawParameter> | undefined,
  wat: string,
  meestal: string,
  bereik: typeof POSITIEF,
): Map<string, T.Param> {
  return new Map(
    Object.entries(raw ?? {}).map(([k, p]) => {
      if (!(k in lasten)) {
        b.fout(r, [sleutel, k], `${wat.split(' ')[1]} voor onbekende werkgeverslast '${k}'`, {
          verwacht: `een van: ${Object.keys(lasten).join(', ')}`,
          gevonden: k,
          hint: `${wat} hoort bij een werkgeverslast met dezelfde naam, ${meestal}`,
        }, 'sleutel');
      }
      return [k, b.param(p, r, [sleutel, k], `${pfx}.${sleutel}.${k}`, ['euro_per_jaar'], bereik)] as const;
    }),
  );
}

/** A werkgeverslast's own grondslag: the jaarsalaris plus the toeslagen named here. */
function bouwGrondslagen(b: Bouwer, id: string, d: CaoData, r: unknown): T.Cao['grondslagen'] {
  const lasten = d.werkgeverslasten ?? {};
  const toeslagNamen = [...Object.keys(d.toeslagen ?? {}), ...(Object.keys(d.ort ?? {}).length ? ['ort'] : [])];
  const grondslagen: T.Cao['grondslagen'] = new Map();
  for (const [last, g] of Object.entries(d.grondslagen ?? {})) {
    const gpad = ['grondslagen', last];
    if (!(last in lasten)) {
      const s = bedoeldeU(last, Object.keys(lasten));
      b.fout(r, gpad, `grondslag voor onbekende werkgeverslast '${last}'`, {
        verwacht: `een van: ${Object.keys(lasten).join(', ')}`,
        gevonden: last,
        hint: s ? `bedoelde u '${s}'?` : 'een grondslag hoort bij een werkgeverslast met dezelfde naam, meestal pensioen',
      }, 'sleutel');
    }
    g.toeslagen.forEach((t, i) => {
      if (g.toeslagen.indexOf(t) !== i) {
        b.fout(r, [...gpad, 'toeslagen', i], `toeslag '${t}' staat twee keer in de grondslag van ${last}`, {
          verwacht: 'elke toeslag één keer',
          gevonden: g.toeslagen.join(', '),
          hint: 'verwijder de dubbele vermelding; een toeslag telt één keer mee in de grondslag',
        });
      } else if (!toeslagNamen.includes(t)) {
        const s = bedoeldeU(t, toeslagNamen);
        b.fout(r, [...gpad, 'toeslagen', i], `onbekende toeslag '${t}' in de grondslag van ${last}`, {
          verwacht: toeslagNamen.length
            ? `een toeslag uit cao/${id}.yaml: ${toeslagNamen.join(', ')}${toeslagNamen.includes('ort') ? ' (ort is de ORT van het product)' : ''}`
            : `geen toeslagen: cao/${id}.yaml heeft geen toeslagen en geen ORT, dus de grondslag is het jaarsalaris (toeslagen: [])`,
          gevonden: t,
          hint: s ? `bedoelde u '${s}'?` : 'noem de toeslagen zoals ze onder toeslagen staan; het jaarsalaris telt altijd mee',
        });
      }
    });
    grondslagen.set(last, { toeslagen: g.toeslagen, herkomst: b.plek(r, [...gpad, 'toeslagen']) });
  }
  return grondslagen;
}

/** Level → schaal and trede(n); every schaal and trede must exist in every table. */
function bouwFunctiehuis(b: Bouwer, d: CaoData, tabellen: T.CaoTabel[], r: unknown): Map<string, T.FunctiehuisRegel> {
  const functiehuis = new Map<string, T.FunctiehuisRegel>();
  for (const [niveau, f] of Object.entries(d.functiehuis)) {
    const pad = ['functiehuis', niveau];
    const treden = functiehuisTreden(b, niveau, f, pad, r);
    controleerSchaalEnTreden(b, niveau, f, treden, tabellen, pad, r);
    functiehuis.set(niveau, {
      niveau,
      schaal: f.schaal,
      ...(f.functie ? { functie: f.functie } : {}),
      treden,
      bron: b.bron(f.bron, r, [...pad, 'bron']),
      status: f.status,
      herkomst: b.plek(r, pad),
    });
  }
  return functiehuis;
}

type RuwFunctiehuis = CaoData['functiehuis'][string];

/** One trede with weight 1, or a weighted distribution over treden. */
function functiehuisTreden(b: Bouwer, niveau: string, f: RuwFunctiehuis, pad: (string | number)[], r: unknown): T.FunctiehuisRegel['treden'] {
  if ((f.trede === undefined) === (f.treden === undefined)) {
    b.fout(r, pad, `functiehuis ${niveau}: geef óf trede óf treden`, {
      verwacht: 'trede: 5, of treden: een lijst van {trede, gewicht}',
      gevonden: f.trede === undefined ? 'geen van beide' : 'allebei',
      hint: 'met treden geeft u een verdeling over treden, met gewichten die samen het gemiddelde bepalen',
    });
    return [];
  }
  if (f.trede !== undefined) return [{ trede: f.trede, gewicht: new Decimal(1) }];
  return f.treden!.map((t, i) => {
    const g = new Decimal(t.gewicht);
    b.bereik(g, POSITIEF, 'aantal', r, [...pad, 'treden', i, 'gewicht'], 'gewicht');
    return { trede: t.trede, gewicht: g };
  });
}

function controleerSchaalEnTreden(
  b: Bouwer,
  niveau: string,
  f: RuwFunctiehuis,
  treden: T.FunctiehuisRegel['treden'],
  tabellen: T.CaoTabel[],
  pad: (string | number)[],
  r: unknown,
): void {
  const gemeld = new Set<string>();
  treden.forEach((t, i) => {
    for (const tabel of tabellen) {
      const schaal = tabel.schalen.get(f.schaal);
      const tpad = f.trede !== undefined ? [...pad, 'trede'] : [...pad, 'treden', i, 'trede'];
      if (!schaal) {
        if (i === 0 && !gemeld.has('schaal')) {
          gemeld.add('schaal');
          const suggestie = bedoeldeU(f.schaal, [...tabel.schalen.keys()]);
          b.fout(r, [...pad, 'schaal'], `onbekende schaal '${f.schaal}' in functiehuis ${niveau}`, {
            verwacht: `een schaal uit de tabel geldig vanaf ${tabel.van}: ${[...tabel.schalen.keys()].join(', ')}`,
            gevonden: f.schaal,
            hint: suggestie ? `bedoelde u '${suggestie}'?` : 'voeg de schaal toe aan de tabel of kies een bestaande schaal',
          });
        }
      } else if (!schaal.has(t.trede) && !gemeld.has(`trede ${t.trede}`)) {
        gemeld.add(`trede ${t.trede}`);
        const bestaand = [...schaal.keys()];
        b.fout(r, tpad, `trede ${t.trede} bestaat niet in schaal ${f.schaal}`, {
          verwacht: `een trede van ${bestaand[0]} t/m ${bestaand[bestaand.length - 1]} (tabel geldig vanaf ${tabel.van})`,
          gevonden: t.trede,
          hint: 'kies een bestaande trede of vul de tabel aan',
        });
      }
    }
  });
}

/** ORT is paid over at most the salary of one schaal and trede, which must stand in every table. */
function bouwOrtMaximum(b: Bouwer, d: CaoData, tabellen: T.CaoTabel[], r: unknown): T.Cao['ortMaximum'] {
  const m = d.ort_maximum;
  if (!m) return undefined;
  const pad = ['ort_maximum'];
  if (!d.ort || !Object.keys(d.ort).length) {
    b.fout(r, pad, `ort_maximum zonder ORT-profielen in ${d.naam}`, {
      verwacht: 'ort: de ORT-profielen waarvoor het maximum geldt',
      gevonden: 'geen ort',
      hint: 'voeg de ORT-profielen toe, of verwijder ort_maximum',
    }, 'sleutel');
  }
  for (const tabel of tabellen) {
    const schaal = tabel.schalen.get(m.schaal);
    if (!schaal || !schaal.has(m.trede)) {
      b.fout(r, [...pad, schaal ? 'trede' : 'schaal'], `het ORT-maximum schaal ${m.schaal} trede ${m.trede} staat niet in de tabel van ${d.naam} geldig vanaf ${tabel.van}`, {
        verwacht: schaal ? `een trede van schaal ${m.schaal}: ${[...schaal.keys()].join(', ')}` : `een schaal uit die tabel: ${[...tabel.schalen.keys()].join(', ')}`,
        gevonden: schaal ? m.trede : m.schaal,
        hint: 'het ORT wordt berekend over ten hoogste het salaris van deze schaal en trede; die moet in elke tabel staan',
      });
      break;
    }
  }
  return { schaal: m.schaal, trede: m.trede, bron: b.bron(m.bron, r, [...pad, 'bron']), status: m.status, herkomst: b.plek(r, pad, 'sleutel') };
}
