/**
 * Entry point of the parameter layer: folder → validated ParameterSet, or
 * every problem at once.
 */
import path from 'node:path';
import { Decimal } from '../shared/decimal.ts';
import { ParametersetFout, sorteerProblemen, type Probleem } from '../shared/problems.ts';
import { leesSet } from './bestanden.ts';
import { begrensd } from './grenzen.ts';
import { Bouwer, NIET_NEGATIEF, opslag, POSITIEF, PROCENT, PROCENT_DEELBAAR, valideerBestanden } from './bouw.ts';
import { controleerRegels, zonderEffect } from './regels.ts';
import { controleerInkoop } from './inkoop.ts';
import { bouwIndexcijfers, bouwSignalen, bouwVolumes } from './review.ts';
import { bouwInkoop } from './inkoop.ts';
import * as S from './schema.ts';
import type * as T from './types.ts';
import { Posities } from './yaml.ts';
import { bedoeldeU } from './zodfouten.ts';
import type * as z from 'zod';
import { vergelijkTekst } from '../shared/sorteer.ts';

export interface GeladenSet {
  set: T.ParameterSet;
  waarschuwingen: Probleem[];
}

export interface LaadOpties {
  /** Paths in messages are shown relative to this folder (default: cwd). */
  weergaveBasis?: string;
}

/** Loads and validates a set; throws ParametersetFout with every problem. */
export function laadParameterset(map: string, opties: LaadOpties = {}): GeladenSet {
  const posities = new Posities();
  const ruw = leesSet(map, posities, opties.weergaveBasis ?? process.cwd());
  const stop = (ps: Probleem[]) => {
    if (ps.some((p) => p.ernst === 'fout')) throw new ParametersetFout(sorteerProblemen(ps.map(begrensd)));
  };
  stop(ruw.problemen);
  const { geldig, problemen } = valideerBestanden(ruw, posities);
  stop([...ruw.problemen, ...problemen]);

  const get = <K>(rel: string) => geldig.get(rel) as { data: K; root: unknown; rel: string } | undefined;
  const bronnenBestand = get<z.infer<typeof S.BronnenBestand>>('bronnen.yaml');
  const b = new Bouwer(posities, bronnenBestand?.data ?? {}, ruw.weergave.get('bronnen.yaml') ?? 'bronnen.yaml', ruw.bestanden.has('bronnen.yaml'));

  const model = get<z.infer<typeof S.ModelBestand>>('model.yaml')!;
  const tariefjaar = Number(model.data.tariefjaar);
  const peildatum = model.data.peildatum ?? `${model.data.tariefjaar}-01-01`;
  if (!peildatum.startsWith(model.data.tariefjaar)) {
    b.fout(model.root, ['peildatum'], 'peildatum ligt buiten het tariefjaar', {
      verwacht: `een datum in ${tariefjaar}`,
      gevonden: peildatum,
      hint: 'de peildatum bepaalt welke CAO-tabel en welke waarden gelden; meestal 1 januari van het tariefjaar',
    });
  }

  // --- CAO's
  const caos = new Map<string, T.Cao>();
  for (const [rel, best] of geldig) {
    if (!rel.startsWith('cao/')) continue;
    const id = path.basename(rel, '.yaml');
    const d = best.data as z.infer<typeof S.CaoBestand>;
    const r = best.root;
    const lasten = d.werkgeverslasten ?? {};
    // Integral personnel costs per hour already hold allowances and employer charges: those keys would count them twice.
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
    } else if (!Object.keys(lasten).length) {
      b.fout(r, d.werkgeverslasten ? ['werkgeverslasten'] : [], `${d.naam} heeft geen werkgeverslasten`, {
        verwacht: 'werkgeverslasten: sociale lasten en pensioen als procent van de loonsom',
        gevonden: d.werkgeverslasten ? 'een leeg blok werkgeverslasten' : 'geen werkgeverslasten',
        hint: 'neem de werkgeverslasten op, of geef de tabel als integrale loonkosten per uur (soort loonkosten_per_uur)',
      });
    }
    const tabellen: T.CaoTabel[] = d.tabellen.map((t, ti) => {
      const eerste = Number(t.eerste_trede ?? '0');
      const schalen = new Map<string, Map<string, { bedrag: Decimal; herkomst: T.Herkomst }>>();
      for (const [schaal, treden] of Object.entries(t.schalen)) {
        const m = new Map<string, { bedrag: Decimal; herkomst: T.Herkomst }>();
        let vorige: Decimal | undefined;
        treden.forEach((bedrag, i) => {
          if (bedrag === null) return;
          const pad = ['tabellen', ti, 'schalen', schaal, i];
          const h = b.herkomst(r, pad);
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
          m.set(String(eerste + i), { bedrag: w, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } });
        });
        schalen.set(schaal, m);
      }
      const h = b.herkomst(r, ['tabellen', ti]);
      if (t.geldig_van > t.geldig_tot) {
        b.fout(r, ['tabellen', ti, 'geldig_tot'], 'geldigheid van de CAO-tabel eindigt vóór het begin', { verwacht: `geldig_tot op of na ${t.geldig_van}`, gevonden: t.geldig_tot, hint: 'corrigeer de einddatum' });
      }
      return {
        van: t.geldig_van,
        tot: t.geldig_tot,
        soort: t.soort,
        bron: b.bron(t.bron, r, ['tabellen', ti, 'bron']),
        status: t.status,
        herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
        schalen,
      };
    });
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
    const pfx = `cao.${id}`;
    /** Amounts that belong to one werkgeverslast by name (franchise, maximum). */
    const perLast = (sleutel: 'franchises' | 'maxima', raw: Record<string, S.RawParameter> | undefined, wat: string, meestal: string, bereik: typeof POSITIEF) =>
      new Map(
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
    // A werkgeverslast's own grondslag: the jaarsalaris plus the toeslagen named here.
    const toeslagNamen = [...Object.keys(d.toeslagen ?? {}), ...(Object.keys(d.ort ?? {}).length ? ['ort'] : [])];
    const grondslagen = new Map<string, { toeslagen: string[]; herkomst: T.Herkomst }>();
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
      const gh = b.herkomst(r, [...gpad, 'toeslagen']);
      grondslagen.set(last, { toeslagen: g.toeslagen, herkomst: { bestand: gh.bestand, regel: gh.regel, kolom: gh.kolom } });
    }
    const functiehuis = new Map<string, T.FunctiehuisRegel>();
    for (const [niveau, f] of Object.entries(d.functiehuis)) {
      const pad = ['functiehuis', niveau];
      const h = b.herkomst(r, pad);
      let treden: { trede: string; gewicht: Decimal }[] = [];
      if ((f.trede === undefined) === (f.treden === undefined)) {
        b.fout(r, pad, `functiehuis ${niveau}: geef óf trede óf treden`, {
          verwacht: 'trede: 5, of treden: een lijst van {trede, gewicht}',
          gevonden: f.trede === undefined ? 'geen van beide' : 'allebei',
          hint: 'met treden geeft u een verdeling over treden, met gewichten die samen het gemiddelde bepalen',
        });
      } else if (f.trede !== undefined) treden = [{ trede: f.trede, gewicht: new Decimal(1) }];
      else {
        treden = f.treden!.map((t, i) => {
          const g = new Decimal(t.gewicht);
          b.bereik(g, POSITIEF, 'aantal', r, [...pad, 'treden', i, 'gewicht'], 'gewicht');
          return { trede: t.trede, gewicht: g };
        });
      }
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
            const treden = [...schaal.keys()];
            b.fout(r, tpad, `trede ${t.trede} bestaat niet in schaal ${f.schaal}`, {
              verwacht: `een trede van ${treden[0]} t/m ${treden[treden.length - 1]} (tabel geldig vanaf ${tabel.van})`,
              gevonden: t.trede,
              hint: 'kies een bestaande trede of vul de tabel aan',
            });
          }
        }
      });
      functiehuis.set(niveau, {
        niveau,
        schaal: f.schaal,
        ...(f.functie ? { functie: f.functie } : {}),
        treden,
        bron: b.bron(f.bron, r, [...pad, 'bron']),
        status: f.status,
        herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
      });
    }
    let ortMaximum: T.Cao['ortMaximum'];
    if (d.ort_maximum) {
      const m = d.ort_maximum;
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
      const h = b.herkomst(r, pad, 'sleutel');
      ortMaximum = { schaal: m.schaal, trede: m.trede, bron: b.bron(m.bron, r, [...pad, 'bron']), status: m.status, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
    }
    caos.set(id, {
      id,
      naam: d.naam,
      ...(ortMaximum ? { ortMaximum } : {}),
      urenPerWeek: b.param(d.uren_per_week, r, ['uren_per_week'], `${pfx}.uren_per_week`, ['uren_per_week'], { min: '0', minExclusief: true, max: '60' }),
      tabellen,
      toeslagen: Object.entries(d.toeslagen ?? {}).map(([k, p]) => b.param(p, r, ['toeslagen', k], `${pfx}.toeslagen.${k}`, ['procent', 'euro_per_maand', 'euro_per_jaar'], opslag(NIET_NEGATIEF, '50'))),
      ort: new Map(Object.entries(d.ort ?? {}).map(([k, p]) => [k, b.param(p, r, ['ort', k], `${pfx}.ort.${k}`, ['procent'], opslag(PROCENT))])),
      werkgeverslasten: Object.entries(lasten).map(([k, p]) => b.param(p, r, ['werkgeverslasten', k], `${pfx}.werkgeverslasten.${k}`, ['procent'], opslag(PROCENT, '60', '0.5'))),
      franchises: perLast('franchises', d.franchises, 'een franchise', 'meestal pensioen', NIET_NEGATIEF),
      maxima: perLast('maxima', d.maxima, 'een maximum (maximumpremieloon)', 'meestal sociale_lasten', POSITIEF),
      grondslagen,
      functiehuis,
    });
  }

  // --- productiviteit
  // only a set with computed products needs profiles (valideerBestanden requires the file then)
  const prod = get<z.infer<typeof S.ProductiviteitBestand>>('productiviteit.yaml') ?? { data: { profielen: {} }, root: { profielen: {} }, rel: 'productiviteit.yaml' };
  const productiviteit = new Map<string, T.ProductiviteitsProfiel>();
  for (const [id, p] of Object.entries(prod.data.profielen)) {
    const pad = ['profielen', id];
    const h = b.herkomst(prod.root, pad, 'sleutel');
    const herkomst = { bestand: h.bestand, regel: h.regel, kolom: h.kolom };
    // Exactly one way of stating productivity, in the order the author wrote them.
    const geschreven = Object.keys(((prod.root as Record<string, Record<string, object>>).profielen?.[id] ?? {}) as object);
    const vormen = geschreven.filter((k): k is (typeof S.PRODUCTIVITEITSVORMEN)[number] => (S.PRODUCTIVITEITSVORMEN as readonly string[]).includes(k));
    if (vormen.length !== 1) {
      // Two forms from two files: an overlay added one to a profile of its basis set, and cannot remove the other.
      const plekken = vormen.map((v) => b.herkomst(prod.root, [...pad, v], 'sleutel'));
      const uitOverlay = new Set(plekken.map((x) => x.bestand)).size > 1;
      b.fout(prod.root, vormen.length ? [...pad, vormen[1]!] : pad, `productiviteitsprofiel ${id}: geef precies één van niet_productief, productieve_uren of productiviteit`, {
        verwacht: 'niet_productief (posten in uren of procent), productieve_uren (uren per fte per jaar) of productiviteit (procent van de betaalde uren)',
        gevonden: vormen.length ? `${vormen.map((v, i) => `${v} (${plekken[i]!.bestand}:${plekken[i]!.regel})`).join(' én ')} in hetzelfde profiel` : 'geen van drieën',
        hint: uitOverlay
          ? 'een overlay kan een sleutel van de basisset niet weghalen; maak in de overlay een nieuw profiel met deze vorm en laat de producten daarnaar verwijzen'
          : vormen.length
            ? 'een profiel rekent met één vorm; maak voor de andere vorm een eigen profiel en laat het product daarnaar verwijzen'
            : 'noem de niet-productieve posten, of schrijf de productieve uren of het productiviteitspercentage uit de bron over',
      }, 'sleutel');
    }
    const vorm = vormen[0] ?? 'niet_productief';
    if (p.rekenwijze && vorm !== 'niet_productief') {
      b.fout(prod.root, [...pad, 'rekenwijze'], `rekenwijze ${p.rekenwijze} bij productiviteitsprofiel ${id} zonder niet-productieve posten`, {
        verwacht: 'rekenwijze alleen in een profiel met niet-productieve posten (niet_productief)',
        gevonden: `rekenwijze: ${p.rekenwijze} naast ${vorm}`,
        hint: `${vorm} geeft de productiviteit zelf, dus er zijn geen posten om af te trekken of op te slaan; verwijder rekenwijze, of schrijf de posten uit onder niet_productief als de bron een opslag per post noemt`,
      });
    }
    if (vorm === 'productieve_uren' && p.productieve_uren) {
      const param = b.param(p.productieve_uren, prod.root, [...pad, 'productieve_uren'], `productiviteit.${id}.productieve_uren`, ['uren_per_jaar'], POSITIEF);
      productiviteit.set(id, { id, omschrijving: p.omschrijving, herkomst, vorm, param });
    } else if (vorm === 'productiviteit' && p.productiviteit) {
      const param = b.param(p.productiviteit, prod.root, [...pad, 'productiviteit'], `productiviteit.${id}.productiviteit`, ['procent'], opslag({ min: '0', minExclusief: true, max: '100' }));
      productiviteit.set(id, { id, omschrijving: p.omschrijving, herkomst, vorm, param });
    } else {
      const posten = Object.entries(p.niet_productief ?? {}).map(([post, raw]) => {
        const param = b.param(raw!, prod.root, [...pad, 'niet_productief', post], `productiviteit.${id}.${post}`, ['procent', 'uren_per_jaar'], NIET_NEGATIEF);
        if (raw!.eenheid === 'procent') for (const w of param.reeks) b.bereik(w.waarde, opslag(PROCENT_DEELBAAR), 'procent', prod.root, [...pad, 'niet_productief', post, 'waarde'], `productiviteit.${id}.${post}`);
        return { post: post as T.NietProductievePost, param };
      });
      const rh = p.rekenwijze ? b.herkomst(prod.root, [...pad, 'rekenwijze']) : undefined;
      productiviteit.set(id, {
        id,
        omschrijving: p.omschrijving,
        herkomst,
        vorm: 'posten',
        rekenwijze: p.rekenwijze ?? 'aftrek',
        ...(rh ? { rekenwijzeHerkomst: { bestand: rh.bestand, regel: rh.regel, kolom: rh.kolom } } : {}),
        posten,
      });
    }
  }

  // --- opslagen
  const ops = get<z.infer<typeof S.OpslagenBestand>>('opslagen.yaml')!;
  const o = ops.data;
  const or = ops.root;
  const ohBereik = o.overhead.conventie === 'aandeel_in_kostprijs' ? opslag(PROCENT_DEELBAAR, '60') : opslag(NIET_NEGATIEF, '100');
  // winst_en_risico: a parameter (opslag op de kostprijs), or a block with conventie and percentage.
  const wr = o.winst_en_risico;
  const wrBlok = 'percentage' in wr ? wr : undefined;
  const wrConventie = wrBlok?.conventie ?? 'opslag_op_kostprijs';
  const wrHerkomst = wrBlok ? b.herkomst(or, ['winst_en_risico', 'conventie']) : undefined;
  const opslagen: T.Opslagen = {
    overhead: {
      conventie: o.overhead.conventie,
      grondslag: o.overhead.grondslag,
      standaard: b.param(o.overhead.standaard, or, ['overhead', 'standaard'], 'opslagen.overhead.standaard', ['procent'], ohBereik),
      ...(o.overhead.micro_onderneming
        ? { micro: b.param(o.overhead.micro_onderneming, or, ['overhead', 'micro_onderneming'], 'opslagen.overhead.micro_onderneming', ['procent'], ohBereik) }
        : {}),
    },
    ...(o.gemeentelijke_verplichtingen
      ? { gemeentelijkeVerplichtingen: b.param(o.gemeentelijke_verplichtingen, or, ['gemeentelijke_verplichtingen'], 'opslagen.gemeentelijke_verplichtingen', ['procent'], opslag(PROCENT, '25')) }
      : {}),
    winstEnRisico: wrBlok
      ? b.param(wrBlok.percentage, or, ['winst_en_risico', 'percentage'], 'opslagen.winst_en_risico', ['procent'], opslag(wrConventie === 'aandeel_in_tarief' ? PROCENT_DEELBAAR : PROCENT, '15'))
      : b.param(wr as S.RawParameter, or, ['winst_en_risico'], 'opslagen.winst_en_risico', ['procent'], opslag(PROCENT, '15')),
    winstEnRisicoConventie: { conventie: wrConventie, ...(wrHerkomst ? { herkomst: { bestand: wrHerkomst.bestand, regel: wrHerkomst.regel, kolom: wrHerkomst.kolom } } : {}) },
    noShow: {
      methode: o.no_show.methode,
      percentage: b.param(o.no_show.percentage, or, ['no_show', 'percentage'], 'opslagen.no_show.percentage', ['procent'], opslag(PROCENT_DEELBAAR, '25')),
    },
    indexatie: {
      ...(o.indexatie?.loon ? { loon: b.param(o.indexatie.loon, or, ['indexatie', 'loon'], 'opslagen.indexatie.loon', ['procent'], { min: '-50', max: '100' }) } : {}),
      ...(o.indexatie?.materieel
        ? { materieel: b.param(o.indexatie.materieel, or, ['indexatie', 'materieel'], 'opslagen.indexatie.materieel', ['procent'], { min: '-50', max: '100' }) }
        : {}),
    },
  };

  // --- afronding
  const afr = get<z.infer<typeof S.AfrondingBestand>>('afronding.yaml')!;
  const afronding = new Map<string, T.AfrondingsRegel>();
  for (const [id, regel] of Object.entries(afr.data.regels)) {
    const h = b.herkomst(afr.root, ['regels', id]);
    const v = new Decimal(regel.veelvoud);
    b.bereik(v, POSITIEF, 'euro', afr.root, ['regels', id, 'veelvoud'], `afronding ${id}`);
    afronding.set(id, { id, veelvoud: v, richting: regel.richting, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } });
  }
  const afrondingBestaat = (id: string, root: unknown, pad: (string | number)[]) => {
    if (!afronding.has(id)) {
      const s = bedoeldeU(id, [...afronding.keys()]);
      b.fout(root, pad, `onbekende afrondingsregel '${id}'`, {
        verwacht: `een regel uit afronding.yaml: ${[...afronding.keys()].join(', ')}`,
        gevonden: id,
        hint: s ? `bedoelde u '${s}'?` : 'voeg de regel toe aan afronding.yaml',
      });
    }
  };
  afrondingBestaat(afr.data.standaard, afr.root, ['standaard']);

  // --- varianten
  const vr = get<z.infer<typeof S.VariantenBestand>>('varianten.yaml')!;
  const micro = vr.data.micro_onderneming === true ? 'per_cao' : vr.data.micro_onderneming;
  const mh = b.herkomst(vr.root, ['micro_onderneming']);
  const varianten: T.Varianten = { basistarief: vr.data.basistarief, micro, ...(micro ? { microHerkomst: { bestand: mh.bestand, regel: mh.regel, kolom: mh.kolom } } : {}) };
  if (vr.data.pgb) {
    afrondingBestaat(vr.data.pgb.afronding, vr.root, ['pgb', 'afronding']);
    varianten.pgb = {
      // without a grondslag: the basistarief (the lowest CAO tariff); an adopted tariff is its own grondslag
      grondslag: vr.data.pgb.grondslag ?? 'basistarief',
      afronding: vr.data.pgb.afronding,
      soorten: Object.entries(vr.data.pgb.soorten).map(([id, s]) => ({
        id,
        naam: s.naam,
        percentage: b.param(s.percentage, vr.root, ['pgb', 'soorten', id, 'percentage'], `varianten.pgb.${id}`, ['procent'], opslag(PROCENT)),
      })),
    };
  }
  if (vr.data.micro_onderneming && !opslagen.overhead.micro) {
    b.fout(vr.root, ['micro_onderneming'], 'micro-ondernemingstarief gevraagd zonder overhead voor micro-ondernemingen', {
      verwacht: 'opslagen.yaml: overhead.micro_onderneming',
      gevonden: `micro_onderneming: ${String(vr.data.micro_onderneming)} zonder dat percentage`,
      hint: 'voeg overhead.micro_onderneming toe aan opslagen.yaml of zet micro_onderneming op false',
    });
  }

  // --- producten
  /** The ORT profile a product names must exist in each of its CAOs. */
  const ortCheck = (ort: string, caoIds: string[], r: unknown, pad: (string | number)[]) => {
    for (const c of caoIds) {
      const cao = caos.get(c);
      if (cao && !cao.ort.has(ort)) {
        b.fout(r, pad, `ORT-profiel '${ort}' ontbreekt in ${cao.naam}`, {
          verwacht: `een profiel uit cao/${c}.yaml ort: ${[...cao.ort.keys()].join(', ') || '(geen ORT-profielen)'}`,
          gevonden: ort,
          hint: `voeg ort.${ort} toe aan cao/${c}.yaml`,
        });
      }
    }
  };
  const niveauCheck = (inzet: { niveau: string }[], cs: string[], root: unknown, pad: (string | number)[]) => {
    inzet.forEach((i, k) => {
      const zonder = cs.map((c) => caos.get(c)).filter((cao): cao is T.Cao => cao !== undefined && !cao.functiehuis.has(i.niveau));
      if (!zonder.length) return;
      const niveaus = [...new Set(zonder.flatMap((cao) => [...cao.functiehuis.keys()]))];
      const s = bedoeldeU(i.niveau, niveaus);
      b.fout(root, [...pad, k, 'niveau'], `opleidingsniveau '${i.niveau}' ontbreekt in het functiehuis van ${zonder.map((c) => c.naam).join(', ')}`, {
        verwacht: `een niveau uit het functiehuis van ${zonder.map((c) => `cao/${c.id}.yaml`).join(', ')}: ${niveaus.join(', ')}`,
        gevonden: i.niveau,
        hint: s ? `bedoelde u '${s}'?` : `voeg ${i.niveau} toe aan het functiehuis van ${zonder.map((c) => `cao/${c.id}.yaml`).join(' en ')}`,
      });
    });
  };
  const inzetVan = (raw: { niveau: string; aantal: string }[], root: unknown, pad: (string | number)[]): T.Inzet[] =>
    raw.map((i, k) => {
      const a = new Decimal(i.aantal);
      b.bereik(a, POSITIEF, 'aantal', root, [...pad, k, 'aantal'], 'inzet');
      const h = b.herkomst(root, [...pad, k]);
      return { niveau: i.niveau, aantal: a, herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
    });
  const kostenVan = (raw: Partial<Record<string, S.RawParameter>> | undefined, root: unknown, pad: (string | number)[], pfx: string, eenheden: T.Eenheid[]) =>
    Object.entries(raw ?? {}).map(([soort, p]) => ({ soort, param: b.param(p!, root, [...pad, soort], `${pfx}.${soort}`, eenheden, NIET_NEGATIEF) }));

  const contracten: T.Contract[] = [];
  const producten: T.Product[] = [];
  const codes = new Map<string, string>();
  for (const [rel, best] of geldig) {
    if (!rel.startsWith('producten/')) continue;
    const d = best.data as z.infer<typeof S.ProductenBestand>;
    const r = best.root;
    contracten.push({ id: d.contract.id, naam: d.contract.naam, ...(d.contract.omschrijving ? { omschrijving: d.contract.omschrijving } : {}) });
    for (const [code, p] of Object.entries(d.producten)) {
      const pad = ['producten', code];
      const h = b.herkomst(r, pad, 'sleutel');
      const pfx = `producten.${code}`;
      if (codes.has(code)) {
        b.fout(r, pad, `productcode ${code} komt twee keer voor`, { verwacht: 'elke productcode één keer in de set', gevonden: `ook in ${codes.get(code)}`, hint: 'geef een van beide een andere code' }, 'sleutel');
      }
      codes.set(code, h.bestand);
      if (!code.startsWith(p.productcategorie)) {
        b.fout(r, [...pad, 'productcategorie'], `productcategorie past niet bij productcode ${code}`, {
          verwacht: `"${code.slice(0, 2)}" (de eerste twee tekens van de productcode)`,
          gevonden: `"${p.productcategorie}"`,
          hint: 'in iJw/iWmo begint de productcode met de productcategorie',
        });
      }
      const afrondingId = p.afronding ?? afr.data.standaard;
      if (p.afronding) afrondingBestaat(p.afronding, r, [...pad, 'afronding']);
      const velden: Record<string, string> = {};
      for (const k of ['segment', 'omschrijving', 'doel', 'doelgroep', 'opleidingseisen', 'resultaat', 'stapelbaarheid', 'leeftijd', 'frequentie', 'toelichting'] as const) {
        const v = p[k];
        if (typeof v === 'string') velden[k] = v;
      }
      const pgb: T.PgbOverride[] = [];
      if ('pgb' in p && p.pgb) {
        for (const [soort, ov] of Object.entries(p.pgb)) {
          if (!varianten.pgb?.soorten.some((s) => s.id === soort)) {
            const s = bedoeldeU(soort, varianten.pgb?.soorten.map((x) => x.id) ?? []);
            b.fout(r, [...pad, 'pgb', soort], `onbekende pgb-soort '${soort}'`, {
              verwacht: `een soort uit varianten.yaml: ${varianten.pgb?.soorten.map((x) => x.id).join(', ') || '(geen pgb-varianten ingesteld)'}`,
              gevonden: soort,
              hint: s ? `bedoelde u '${s}'?` : 'de pgb-soorten staan in varianten.yaml onder pgb.soorten',
            }, 'sleutel');
          }
          if ('uitgesloten' in ov) pgb.push({ soort, uitgesloten: true });
          else {
            // A fixed pgb amount per hour only fits a minute or hour product; per unit fits every product (the model
            // turns an amount per minute into the hourly tariff the minute tariff follows from).
            const opUur = p.eenheid === 'minuut' || p.eenheid === 'uur';
            const hint = `een vast pgb-bedrag is een bedrag per ${p.eenheid} (euro_per_eenheid), of een percentage van het ZIN-tarief (procent)`;
            pgb.push({ soort, uitgesloten: false, param: b.param(ov, r, [...pad, 'pgb', soort], `${pfx}.pgb.${soort}`, opUur ? ['procent', 'euro_per_uur', 'euro_per_eenheid'] : ['procent', 'euro_per_eenheid'], opslag(NIET_NEGATIEF), hint) });
          }
        }
      }
      const basis: T.ProductBasis = {
        code,
        naam: p.naam,
        wet: p.wet,
        productcategorie: p.productcategorie,
        contract: d.contract.id,
        eenheid: p.eenheid,
        eenheidCode: S.PRODUCTEENHEDEN[p.eenheid].code,
        afronding: afrondingId,
        velden,
        herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
        pgb,
      };
      const caoCheck = (cs: string[]) =>
        cs.forEach((c, i) => {
          if (cs.indexOf(c) !== i) {
            b.fout(r, [...pad, 'caos', i], `CAO '${c}' staat twee keer in de lijst`, {
              verwacht: 'elke CAO één keer',
              gevonden: cs.join(', '),
              hint: 'verwijder de dubbele vermelding',
            });
            return;
          }
          if (!caos.has(c)) {
            const s = bedoeldeU(c, [...caos.keys()]);
            b.fout(r, [...pad, 'caos', i], `onbekende CAO '${c}'`, {
              verwacht: `een CAO uit cao/: ${[...caos.keys()].join(', ')}`,
              gevonden: c,
              hint: s ? `bedoelde u '${s}'?` : `voeg cao/${c}.yaml toe of kies een bestaande CAO`,
            });
          }
        });
      if (p.berekening === 'kostprijs') {
        caoCheck(p.caos);
        niveauCheck(p.inzet, p.caos, r, [...pad, 'inzet']);
        if (!productiviteit.has(p.productiviteit)) {
          const s = bedoeldeU(p.productiviteit, [...productiviteit.keys()]);
          b.fout(r, [...pad, 'productiviteit'], `onbekend productiviteitsprofiel '${p.productiviteit}'`, {
            verwacht: `een profiel uit productiviteit.yaml: ${[...productiviteit.keys()].join(', ')}`,
            gevonden: p.productiviteit,
            hint: s ? `bedoelde u '${s}'?` : 'voeg het profiel toe aan productiviteit.yaml',
          });
        }
        if (p.ort) ortCheck(p.ort, p.caos, r, [...pad, 'ort']);
        const tijd = S.PRODUCTEENHEDEN[p.eenheid].uren !== null;
        if (p.eenheid === 'jaar') {
          b.fout(r, [...pad, 'eenheid'], 'eenheid jaar hoort bij een lumpsum', { verwacht: 'minuut, uur, dagdeel, etmaal, stuk of stuk_output', gevonden: 'jaar', hint: 'gebruik berekening: lumpsum voor een vast jaarbedrag' });
        }
        if (!tijd && !p.uren_per_eenheid && p.eenheid !== 'jaar') {
          b.fout(r, pad, `product ${code} met eenheid ${p.eenheid} mist uren_per_eenheid`, {
            verwacht: 'uren_per_eenheid: hoeveel begeleidingsuren één eenheid omvat',
            gevonden: 'geen uren_per_eenheid',
            hint: 'bij minuut, uur, dagdeel en etmaal volgt dit uit de eenheid; bij stuk moet u het opgeven',
          });
        }
        if (p.uren_per_eenheid && (p.eenheid === 'minuut' || p.eenheid === 'uur')) {
          b.fout(r, [...pad, 'uren_per_eenheid'], `uren_per_eenheid past niet bij eenheid ${p.eenheid}`, {
            verwacht: 'geen uren_per_eenheid: een uur is een uur',
            gevonden: 'uren_per_eenheid',
            hint: 'verwijder uren_per_eenheid of kies eenheid stuk',
          }, 'sleutel');
        }
        producten.push({
          ...basis,
          berekening: 'kostprijs',
          caos: p.caos,
          productiviteit: p.productiviteit,
          inzet: inzetVan(p.inzet, r, [...pad, 'inzet']),
          ...(p.groepsgrootte ? { groepsgrootte: b.param(p.groepsgrootte, r, [...pad, 'groepsgrootte'], `${pfx}.groepsgrootte`, ['aantal'], POSITIEF) } : {}),
          ...(p.uren_per_eenheid ? { urenPerEenheid: b.param(p.uren_per_eenheid, r, [...pad, 'uren_per_eenheid'], `${pfx}.uren_per_eenheid`, ['uren'], POSITIEF) } : {}),
          ...(p.ort ? { ort: p.ort } : {}),
          ...(p.no_show ? { noShow: b.param(p.no_show, r, [...pad, 'no_show'], `${pfx}.no_show`, ['procent'], opslag(PROCENT_DEELBAAR, '25')) } : {}),
          clientgebondenKosten: kostenVan(p.clientgebonden_kosten, r, [...pad, 'clientgebonden_kosten'], `${pfx}.clientgebonden_kosten`, ['euro_per_eenheid', 'euro_per_uur']),
        });
      } else if (p.berekening === 'lumpsum') {
        caoCheck(p.caos);
        niveauCheck(p.inzet ?? [], p.caos, r, [...pad, 'inzet']);
        niveauCheck(p.rooster ?? [], p.caos, r, [...pad, 'rooster']);
        if (!p.inzet?.length && !p.rooster?.length) {
          b.fout(r, [...pad, 'berekening'], 'een lumpsum zonder formatie', { verwacht: 'inzet (fte per niveau) of rooster (uren per niveau per jaar), of beide', gevonden: 'geen van beide', hint: 'voeg inzet of rooster toe aan het product' });
        }
        const niveaus = [...(p.inzet ?? []).map((i) => i.niveau), ...(p.rooster ?? []).map((i) => i.niveau)];
        const dubbel = niveaus.find((n, k) => niveaus.indexOf(n) !== k);
        if (dubbel) {
          b.fout(r, [...pad, 'rooster'], `niveau ${dubbel} staat twee keer in de formatie`, { verwacht: 'elk niveau één keer, in inzet (fte) of in rooster (uren)', gevonden: `${dubbel} meer dan eens`, hint: 'tel de uren of fte van dat niveau samen' });
        }
        if (p.rooster?.length && !p.productiviteit) {
          b.fout(r, [...pad, 'rooster'], 'een rooster zonder productiviteitsprofiel', { verwacht: 'productiviteit: <profiel> bij het product', gevonden: 'geen productiviteit', hint: 'de roosteruren worden fte met de productieve uren van een profiel, zoals verblijf' });
        }
        if (p.productiviteit && !productiviteit.has(p.productiviteit)) {
          const s = bedoeldeU(p.productiviteit, [...productiviteit.keys()]);
          b.fout(r, [...pad, 'productiviteit'], `onbekend productiviteitsprofiel '${p.productiviteit}'`, {
            verwacht: `een profiel uit productiviteit.yaml: ${[...productiviteit.keys()].join(', ')}`,
            gevonden: p.productiviteit,
            hint: s ? `bedoelde u '${s}'?` : 'voeg het profiel toe aan productiviteit.yaml',
          });
        }
        if (p.eenheid !== 'jaar') {
          b.fout(r, [...pad, 'eenheid'], 'een lumpsum heeft eenheid jaar', { verwacht: 'jaar', gevonden: p.eenheid, hint: 'een lumpsum is een vast bedrag per jaar (iStandaard-eenheid 83, euro’s)' });
        }
        if (p.ort) ortCheck(p.ort, p.caos, r, [...pad, 'ort']);
        producten.push({
          ...basis,
          berekening: 'lumpsum',
          caos: p.caos,
          ...(p.ort ? { ort: p.ort } : {}),
          ...(p.productiviteit ? { productiviteit: p.productiviteit } : {}),
          inzet: inzetVan(p.inzet ?? [], r, [...pad, 'inzet']),
          rooster: (p.rooster ?? []).map((x, k) => {
            const h = b.herkomst(r, [...pad, 'rooster', k]);
            return { niveau: x.niveau, uren: b.param(x.uren, r, [...pad, 'rooster', k, 'uren'], `${pfx}.rooster.${x.niveau}`, ['uren_per_jaar'], POSITIEF), herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom } };
          }),
          kostenPerJaar: kostenVan(p.kosten_per_jaar, r, [...pad, 'kosten_per_jaar'], `${pfx}.kosten_per_jaar`, ['euro_per_jaar']),
        });
      } else {
        producten.push({
          ...basis,
          berekening: 'overgenomen',
          tarief: b.param(p.tarief, r, [...pad, 'tarief'], `${pfx}.tarief`, p.eenheid === 'minuut' ? ['euro_per_uur', 'euro_per_eenheid'] : ['euro_per_eenheid'], NIET_NEGATIEF),
        });
      }
    }
  }
  producten.sort((x, y) => vergelijkTekst(x.code, y.code));
  contracten.sort((x, y) => vergelijkTekst(x.id, y.id));

  // --- aanbieders
  const aanbieders: T.Aanbieder[] = [];
  for (const [rel, best] of geldig) {
    if (!rel.startsWith('aanbieders/')) continue;
    const id = path.basename(rel, '.yaml');
    const d = best.data as z.infer<typeof S.AanbiederBestand>;
    const r = best.root;
    if (!caos.has(d.cao)) {
      b.fout(r, ['cao'], `onbekende CAO '${d.cao}' voor aanbieder ${d.naam}`, { verwacht: `een CAO uit cao/: ${[...caos.keys()].join(', ')}`, gevonden: d.cao, hint: 'de aanbieder valt onder een van de CAO’s van de set' });
    }
    const h = b.herkomst(r, []);
    const lijst: T.Aanbieder['producten'] = [];
    for (const [code, ov] of Object.entries(d.producten)) {
      const pad = ['producten', code];
      const prod = producten.find((p) => p.code === code);
      if (!prod || prod.berekening !== 'kostprijs') {
        const s = prod ? undefined : bedoeldeU(code, producten.filter((p) => p.berekening === 'kostprijs').map((p) => p.code));
        b.fout(r, pad, prod ? `product ${code} wordt niet berekend, dus kan geen aanbieder-specifiek tarief krijgen` : `onbekend product ${code}`, {
          verwacht: 'de code van een product met berekening: kostprijs',
          gevonden: code,
          hint: prod ? 'alleen kostprijsproducten hebben parameters die per aanbieder kunnen verschillen' : s ? `bedoelde u '${s}'?` : 'controleer de productcode in producten/',
        }, 'sleutel');
        continue;
      }
      if (caos.has(d.cao) && !prod.caos.includes(d.cao)) {
        b.fout(r, ['cao'], `CAO ${d.cao} hoort niet bij product ${code}`, { verwacht: `een van: ${prod.caos.join(', ')}`, gevonden: d.cao, hint: 'voeg de CAO toe aan het product of kies de juiste CAO' });
      }
      if (ov.inzet) niveauCheck(ov.inzet, [d.cao], r, [...pad, 'inzet']);
      if (ov.productiviteit && !productiviteit.has(ov.productiviteit)) {
        const s = bedoeldeU(ov.productiviteit, [...productiviteit.keys()]);
        b.fout(r, [...pad, 'productiviteit'], `onbekend productiviteitsprofiel '${ov.productiviteit}'`, {
          verwacht: `een profiel uit productiviteit.yaml: ${[...productiviteit.keys()].join(', ')}`,
          gevonden: ov.productiviteit,
          hint: s ? `bedoelde u '${s}'?` : 'voeg het profiel toe aan productiviteit.yaml',
        });
      }
      if (ov.uren_per_eenheid && (prod.eenheid === 'minuut' || prod.eenheid === 'uur')) {
        b.fout(r, [...pad, 'uren_per_eenheid'], `uren_per_eenheid past niet bij product ${code}, dat per ${prod.eenheid} wordt betaald`, {
          verwacht: 'geen uren_per_eenheid: bij een minuut- of uurproduct is een uur een uur',
          gevonden: 'uren_per_eenheid',
          hint: 'verwijder uren_per_eenheid; een andere inzet per uur geeft u met inzet of groepsgrootte',
        }, 'sleutel');
      }
      const ph = b.herkomst(r, pad, 'sleutel');
      const pfx = `aanbieders.${id}.${code}`;
      lijst.push({
        code,
        herkomst: { bestand: ph.bestand, regel: ph.regel, kolom: ph.kolom },
        ...(ov.groepsgrootte ? { groepsgrootte: b.param(ov.groepsgrootte, r, [...pad, 'groepsgrootte'], `${pfx}.groepsgrootte`, ['aantal'], POSITIEF) } : {}),
        ...(ov.uren_per_eenheid ? { urenPerEenheid: b.param(ov.uren_per_eenheid, r, [...pad, 'uren_per_eenheid'], `${pfx}.uren_per_eenheid`, ['uren'], POSITIEF) } : {}),
        ...(ov.inzet ? { inzet: inzetVan(ov.inzet, r, [...pad, 'inzet']) } : {}),
        ...(ov.productiviteit ? { productiviteit: ov.productiviteit } : {}),
        ...(ov.toelichting ? { toelichting: ov.toelichting } : {}),
        ...(ov.clientgebonden_kosten
          ? { clientgebondenKosten: kostenVan(ov.clientgebonden_kosten, r, [...pad, 'clientgebonden_kosten'], `${pfx}.clientgebonden_kosten`, ['euro_per_eenheid', 'euro_per_uur']) }
          : {}),
      });
    }
    aanbieders.push({ id, naam: d.naam, cao: d.cao, besluit: b.bron(d.besluit, r, ['besluit']), ...(d.toelichting ? { toelichting: d.toelichting } : {}), herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom }, producten: lijst });
  }
  aanbieders.sort((x, y) => vergelijkTekst(x.id, y.id));

  // --- controletotalen
  const ct = get<z.infer<typeof S.ControletotalenBestand>>('controletotalen.yaml');
  const controletotalen: T.Controletotaal[] = (ct?.data.controletotalen ?? []).map((c, i) => {
    const h = b.herkomst(ct!.root, ['controletotalen', i, 'tarief']);
    const hv = b.herkomst(ct!.root, ['controletotalen', i, 'variant']);
    if (!producten.some((p) => p.code === c.product)) {
      const s = bedoeldeU(c.product, producten.map((p) => p.code));
      b.fout(ct!.root, ['controletotalen', i, 'product'], `controletotaal voor onbekend product ${c.product}`, {
        verwacht: 'een productcode uit producten/',
        gevonden: c.product,
        hint: s ? `bedoelde u '${s}'?` : 'controleer de productcode',
      });
    }
    return {
      product: c.product,
      variant: c.variant,
      tarief: new Decimal(c.tarief),
      herkomst: { bestand: h.bestand, regel: h.regel, kolom: h.kolom },
      herkomstVariant: { bestand: hv.bestand, regel: hv.regel, kolom: hv.kolom },
    };
  });

  const indexering = model.data.indexering
    ? { basisjaar: Number(model.data.indexering.basisjaar), basisPeildatum: model.data.indexering.peildatum ?? `${model.data.indexering.basisjaar}-01-01` }
    : undefined;
  if (indexering && indexering.basisjaar !== tariefjaar - 1) {
    b.fout(model.root, ['indexering', 'basisjaar'], 'het basisjaar van de indexering is niet het jaar vóór het tariefjaar', {
      verwacht: `${tariefjaar - 1}: een indexatieronde gaat van het ene tariefjaar naar het volgende`,
      gevonden: String(indexering.basisjaar),
      hint: 'indexeer van het vorige tariefjaar naar het nieuwe',
    });
  }
  const indexcijfers = bouwIndexcijfers(b, get('indexcijfers.yaml'), producten, [...afronding.keys()]);
  const volumes = bouwVolumes(b, get('volumes.yaml'), producten, [
    'basistarief',
    'micro-onderneming',
    'vast',
    ...caos.keys(),
    ...(varianten.pgb?.soorten.map((s) => `pgb-${s.id}`) ?? []),
    ...aanbieders.map((a) => `aanbieder-${a.id}`),
  ]);
  const signalen = bouwSignalen(b, get('signalen.yaml'));
  const sg = get<z.infer<typeof S.SignalenBestand>>('signalen.yaml');
  (sg?.data.jeugd_wmo_paren ?? []).forEach((paar, k) => {
    for (const wet of ['jeugdwet', 'wmo'] as const) {
      const code = paar[wet];
      const p = producten.find((x) => x.code === code);
      if (!p || p.wet !== wet) {
        const s = bedoeldeU(code, producten.filter((x) => x.wet === wet).map((x) => x.code));
        b.fout(sg!.root, ['jeugd_wmo_paren', k, wet], p ? `${code} is geen ${wet === 'wmo' ? 'Wmo' : 'Jeugdwet'}-product` : `onbekend product '${code}' in jeugd_wmo_paren`, {
          verwacht: `een ${wet === 'wmo' ? 'Wmo' : 'Jeugdwet'}-product van de set`,
          gevonden: p ? `${code} (${p.wet})` : code,
          hint: s ? `bedoelde u '${s}'?` : 'noem bij jeugdwet een Jeugdwet-product en bij wmo een Wmo-product',
        });
      }
    }
  });
  const inkoop = bouwInkoop(b, get('inkoop.yaml'), contracten, ruw.weergave.get('inkoop.yaml') ?? 'inkoop.yaml');

  const set: T.ParameterSet = {
    id: ruw.id,
    naam: model.data.naam,
    regio: model.data.regio,
    tariefjaar,
    peildatum,
    salaristabellen: model.data.salaristabellen
      ? { methode: model.data.salaristabellen, herkomst: (({ bestand, regel, kolom }) => ({ bestand, regel, kolom }))(b.herkomst(model.root, ['salaristabellen'])) }
      : { methode: 'peildatum' },
    versie: model.data.versie,
    vingerafdruk: ruw.vingerafdruk,
    bases: ruw.bases,
    caos,
    productiviteit,
    opslagen,
    afronding,
    standaardAfronding: afr.data.standaard,
    varianten,
    contracten,
    producten,
    aanbieders,
    controletotalen,
    parameters: b.parameters,
    ...(indexering ? { indexering } : {}),
    ...(indexcijfers ? { indexcijfers } : {}),
    ...(volumes ? { volumes } : {}),
    ...(signalen ? { signalen } : {}),
    ...(inkoop ? { inkoop } : {}),
  };

  b.bronnenbestandOntbreekt();
  const alle = [...b.problemen];
  // An indexation round indexes the tariffs of the set it builds on, as that set gives them: load that set
  // on its own (checked on its own). An overlay on a round for the same year (a gemeente, a variant) is
  // that same round.
  if (set.indexering && ruw.basis && !alle.some((p) => p.ernst === 'fout')) {
    try {
      const vorige = laadParameterset(ruw.basis.map, opties).set;
      if (vorige.tariefjaar === set.indexering.basisjaar) set.indexering.basis = vorige;
      else if (vorige.tariefjaar === set.tariefjaar && vorige.indexering) set.indexering = vorige.indexering;
      else {
        b.fout(model.root, ['indexering', 'basisjaar'], `de indexering gaat uit van ${set.indexering.basisjaar}, maar de basisset ${vorige.naam} is van ${vorige.tariefjaar}`, {
          verwacht: `een basisset met tariefjaar ${set.indexering.basisjaar}`,
          gevonden: `basis: ${vorige.id} (tariefjaar ${vorige.tariefjaar})`,
          hint: 'een indexatieronde bouwt voort op de set van het jaar ervoor; maak de ronde met tariefbouw indexeer',
        });
        alle.push(...b.problemen.slice(-1));
      }
      if (set.indexering.basis) alle.push(...zonderEffect(set, set.indexering.basis));
    } catch (e) {
      if (!(e instanceof ParametersetFout)) throw e;
      alle.push(...e.problemen);
    }
  }
  if (!alle.some((p) => p.ernst === 'fout')) alle.push(...controleerRegels(set), ...controleerInkoop(set));
  const fouten = alle.filter((p) => p.ernst === 'fout');
  if (fouten.length) throw new ParametersetFout(sorteerProblemen(alle.map(begrensd)));
  return { set, waarschuwingen: sorteerProblemen(alle.filter((p) => p.ernst === 'waarschuwing').map(begrensd)) };
}
