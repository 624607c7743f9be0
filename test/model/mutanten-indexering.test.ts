/**
 * An indexation round (src/model/indexering.ts) with figures missing or given as published: which problems the
 * model reports, and the steps of a round with a published catch-up. The set is test/fixtures/sets/volledig-geindexeerd
 * (2026 → 2027, VNG relatief, 2 decimals; 07A01 with its own weights, 44A01 in components) with its index figures
 * changed in memory after loading, so one test varies one block. Expected texts follow from the rules in
 * ontbrekendeCijfers and the step builders; the percentages are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import type { Indexcijfer, IndexJaar, ParameterSet } from '../../src/params/types.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { indexeerTarieven } from '../../src/model/indexering.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const SET = 'test/fixtures/sets/volledig-geindexeerd';
const IC = `${SET}/indexcijfers.yaml`;

/** The set with its index figures changed: `jaren` gets the blocks returned, `eigen: false` drops the per-product weights. */
function ronde(blokken: (j: { j2026: IndexJaar; j2027: IndexJaar }) => IndexJaar[], opties: { eigen?: boolean; basis?: string } = {}): ParameterSet {
  const { set } = laadParameterset(opties.basis ?? SET);
  const ic = set.indexcijfers!;
  const j2026 = ic.jaren.get(2026)!;
  const j2027 = ic.jaren.get(2027)!;
  ic.jaren = new Map(blokken({ j2026, j2027 }).map((b) => [b.jaar, b]));
  if (opties.eigen === false) ic.producten = new Map();
  return set;
}

function cijfer(pad: string, waarde: string, regel: number): Indexcijfer {
  return { pad, waarde: new Decimal(waarde), bron: { titel: 'Publicatie' }, status: 'illustratief', herkomst: { bestand: IC, regel, kolom: 30 } };
}

const zonder = (b: IndexJaar, ...weg: (keyof IndexJaar)[]): IndexJaar => Object.fromEntries(Object.entries(b).filter(([k]) => !weg.includes(k as keyof IndexJaar))) as unknown as IndexJaar;

const HINT_BLOK = 'neem de voorlopige cijfers over uit de publicatie van NZa of VNG, met bron';
const HINT_VOORLOPIG = 'producten met eigen gewichten rekenen met OVA en PPC';
const HINT_DEFINITIEF = 'de inhaal over het vorige jaar vraagt de definitieve cijfers';
const OF_GEPUBLICEERD = ', of de gepubliceerde inhaal (inhaal) of het gepubliceerde indexpercentage van 2027 (index)';

describe('ontbrekende indexcijfers (alle meldingen tegelijk, geen tarieven)', () => {
  it('geen enkel blok: het jaar 2027 en de definitieve cijfers van 2026 ontbreken, beide op de plek van het bestand', () => {
    const plan = berekenTarieven(ronde(() => []));
    expect(plan.tarieven).toEqual([]);
    expect(plan.problemen).toEqual([
      { bestand: IC, regel: 1, kolom: 1, melding: 'indexcijfers voor 2027 ontbreken', verwacht: 'een blok cijfers met jaar: 2027 (voorlopige OVA en PPC, of een gepubliceerd indexpercentage)', gevonden: 'jaren (geen)', hint: HINT_BLOK },
      // 07A01 and 44A01 have their own weights: only the definitive figures will do
      { bestand: IC, regel: 1, kolom: 1, melding: 'definitieve indexcijfers voor 2026 ontbreken', verwacht: 'ova_definitief en ppc_definitief in het blok voor 2026', gevonden: 'geen blok voor 2026', hint: HINT_DEFINITIEF },
    ]);
  });

  it('alleen 2026: het blok van 2027 ontbreekt, de definitieve cijfers zijn er', () => {
    const plan = berekenTarieven(ronde(({ j2026 }) => [j2026]));
    expect(plan.problemen).toEqual([{ bestand: IC, regel: 1, kolom: 1, melding: 'indexcijfers voor 2027 ontbreken', verwacht: 'een blok cijfers met jaar: 2027 (voorlopige OVA en PPC, of een gepubliceerd indexpercentage)', gevonden: 'jaren 2026', hint: HINT_BLOK }]);
  });

  it('alleen de gewichten van de set, geen blok 2026: de melding noemt ook de gepubliceerde inhaal en index', () => {
    const plan = berekenTarieven(ronde(({ j2027 }) => [j2027], { eigen: false }));
    expect(plan.problemen).toEqual([{ bestand: IC, regel: 1, kolom: 1, melding: 'definitieve indexcijfers voor 2026 ontbreken', verwacht: `ova_definitief en ppc_definitief in het blok voor 2026${OF_GEPUBLICEERD}`, gevonden: 'geen blok voor 2026', hint: HINT_DEFINITIEF }]);
  });

  it('2026 alleen voorlopig: de melding staat bij het blok van 2026', () => {
    const plan = berekenTarieven(ronde(({ j2026, j2027 }) => [zonder(j2026, 'ovaDefinitief', 'ppcDefinitief'), j2027], { eigen: false }));
    expect(plan.problemen).toEqual([{ bestand: IC, regel: 20, kolom: 5, melding: 'definitieve indexcijfers voor 2026 ontbreken', verwacht: `ova_definitief en ppc_definitief in het blok voor 2026${OF_GEPUBLICEERD}`, gevonden: 'alleen voorlopige cijfers', hint: HINT_DEFINITIEF }]);
  });

  it('2026 met een gepubliceerde inhaal en producten met eigen gewichten: die hebben de definitieve cijfers nodig', () => {
    const inhaal = cijfer('indexcijfers.2026.inhaal', '1.60', 22);
    const plan = berekenTarieven(ronde(({ j2026, j2027 }) => [{ ...zonder(j2026, 'ovaDefinitief', 'ppcDefinitief'), inhaal }, j2027]));
    expect(plan.problemen).toEqual([{ bestand: IC, regel: 20, kolom: 5, melding: 'definitieve indexcijfers voor 2026 ontbreken', verwacht: 'ova_definitief en ppc_definitief in het blok voor 2026', gevonden: 'alleen een gepubliceerde inhaal, die alleen geldt voor producten met de gewichten van de set', hint: HINT_DEFINITIEF }]);
  });

  it('2027 met alleen OVA: de voorlopige cijfers ontbreken (niet allebei)', () => {
    const plan = berekenTarieven(ronde(({ j2026, j2027 }) => [j2026, zonder(j2027, 'ppcVoorlopig')], { eigen: false }));
    expect(plan.problemen).toEqual([{ bestand: IC, regel: 25, kolom: 5, melding: 'voorlopige indexcijfers voor 2027 ontbreken', verwacht: 'ova_voorlopig en ppc_voorlopig in het blok voor 2027', gevonden: 'niet allebei', hint: HINT_VOORLOPIG }]);
  });

  it('2027 met alleen een gepubliceerd indexpercentage: genoeg voor de gewichten van de set, niet voor eigen gewichten', () => {
    const index = cijfer('indexcijfers.2027.index', '3.00', 26);
    const alleenIndex = ({ j2026, j2027 }: { j2026: IndexJaar; j2027: IndexJaar }) => [j2026, { ...zonder(j2027, 'ovaVoorlopig', 'ppcVoorlopig'), index }];
    expect(berekenTarieven(ronde(alleenIndex)).problemen).toEqual([
      { bestand: IC, regel: 25, kolom: 5, melding: 'voorlopige indexcijfers voor 2027 ontbreken', verwacht: 'ova_voorlopig en ppc_voorlopig in het blok voor 2027', gevonden: 'alleen een gepubliceerd indexpercentage, dat alleen geldt voor producten met de gewichten van de set', hint: HINT_VOORLOPIG },
    ]);
    const plan = berekenTarieven(ronde(alleenIndex, { eigen: false }));
    expect(plan.problemen).toEqual([]);
    // 02A02 / alfa: 54,84 in 2026 (test/cases/handberekening.yaml) × 1,03 = 56,4852 → 56,49
    const t = plan.tarieven.find((x) => x.product === '02A02' && x.variant === 'alfa')!;
    const s = t.opbouw.find((x) => x.stap === 'indexpercentage')!;
    expect([s.label, s.formule, s.waarde.toFixed()]).toEqual(['Indexatie 2027 (gepubliceerd indexpercentage)', 'het indexpercentage 2027 zoals de bron het publiceert, met de inhaal erin: 3,00 %', '3']);
    expect(t.tarief.toFixed(2)).toBe('56.49');
  });

  it('zonder indexcijfers: één melding en geen tarieven', () => {
    const { set } = laadParameterset(SET);
    delete (set as { indexcijfers?: unknown }).indexcijfers;
    expect(indexeerTarieven(set, [], '2027-01-01')).toEqual({
      tarieven: [],
      problemen: [{ bestand: 'model.yaml', regel: 1, kolom: 1, melding: 'de set wordt geïndexeerd, maar er zijn geen indexcijfers', verwacht: 'een bestand indexcijfers.yaml in de set of een basisset', hint: 'voeg de OVA- en PPC-cijfers met hun bron toe' }],
    });
  });
});

describe('welke producten welke cijfers vragen (direct, zonder tarieven van het vorige jaar)', () => {
  /**
   * The problems of a round with only the given products and per-product deviations (codes of the fixture:
   * 02A01 overgenomen, 02A02 with the set's weights, 07A01 own weights, 44A01 components of which one has weights).
   */
  function problemen(blokken: (j: { j2026: IndexJaar; j2027: IndexJaar }) => IndexJaar[], producten: string[], afwijkend: string[], aanpassen?: (set: ParameterSet) => void) {
    const set = ronde(blokken);
    set.producten = set.producten.filter((p) => producten.includes(p.code));
    const ic = set.indexcijfers!;
    ic.producten = new Map([...ic.producten].filter(([code]) => afwijkend.includes(code)));
    aanpassen?.(set);
    return indexeerTarieven(set, [], '2027-01-01').problemen.map((p) => p.melding);
  }
  const alleenOva = ({ j2026, j2027 }: { j2026: IndexJaar; j2027: IndexJaar }) => [j2026, zonder(j2027, 'ppcVoorlopig')];
  const VOORLOPIG = 'voorlopige indexcijfers voor 2027 ontbreken';
  const DEFINITIEF = 'definitieve indexcijfers voor 2026 ontbreken';

  it('een overgenomen product vraagt geen cijfers; een product met de gewichten van de set wel', () => {
    expect(problemen(alleenOva, ['02A01'], [])).toEqual([]);
    expect(problemen(alleenOva, ['02A01', '02A02'], [])).toEqual([VOORLOPIG]);
  });

  it('een product met componenten die alle een gegeven percentage hebben, vraagt geen OVA en PPC', () => {
    // 02A02 split into one component: the huisvesting component of 44A01 (aandeel and a given index only)
    const alleenGegeven = (set: ParameterSet) => {
      const ic = set.indexcijfers!;
      const huisvesting = (ic.producten.get('44A01') as { componenten: { naam: string }[] }).componenten.find((c) => c.naam === 'huisvesting')!;
      ic.producten = new Map([['02A02', { soort: 'componenten', componenten: [huisvesting], herkomst: { bestand: IC, regel: 40, kolom: 3 } } as never]]);
    };
    expect(problemen(alleenOva, ['02A02'], ['44A01'], alleenGegeven)).toEqual([]);
  });

  it('componenten waarvan er één eigen gewichten heeft, vragen OVA en PPC (44A01: dienst)', () => {
    expect(problemen(alleenOva, ['44A01'], ['44A01'])).toEqual([VOORLOPIG]);
    // with a published index of 2027 as well: still needed for 44A01
    const metIndex = ({ j2026, j2027 }: { j2026: IndexJaar; j2027: IndexJaar }) => [j2026, { ...zonder(j2027, 'ppcVoorlopig'), index: cijfer('indexcijfers.2027.index', '3.00', 26) }];
    expect(problemen(metIndex, ['44A01'], ['44A01'])).toEqual([VOORLOPIG]);
    expect(problemen(metIndex, ['02A02'], [])).toEqual([]);
  });

  it('zonder producten die cijfers vragen: alleen een ontbrekend blok van 2027 telt (en dan ook de definitieve van 2026)', () => {
    expect(problemen(({ j2027 }) => [j2027], ['02A01'], [])).toEqual([]);
    expect(problemen(({ j2027 }) => [j2027], ['02A02'], [])).toEqual([DEFINITIEF]);
    expect(problemen(() => [], ['02A01'], [])).toEqual(['indexcijfers voor 2027 ontbreken', DEFINITIEF]);
  });

  it('geen definitieve cijfers van 2026 maar wel een gepubliceerd indexpercentage van 2027: genoeg voor de gewichten van de set', () => {
    const alleenIndex2027 = ({ j2027 }: { j2026: IndexJaar; j2027: IndexJaar }) => [{ ...j2027, index: cijfer('indexcijfers.2027.index', '3.00', 26) }];
    expect(problemen(alleenIndex2027, ['02A02'], [])).toEqual([]);
    expect(problemen(alleenIndex2027, ['02A02', '07A01'], ['07A01'])).toEqual([DEFINITIEF]);
  });
});

describe('een gepubliceerde inhaal over 2026 (alleen de gewichten van de set: loon 90 %, materieel 10 %)', () => {
  // 2026: inhaal 1,60 % as published, no definitive OVA/PPC; 2027 voorlopig: OVA 4,94 %, PPC 2,51 %.
  // Voorlopige index 2027 = 0,9 × 4,94 + 0,1 × 2,51 = 4,446 + 0,251 = 4,697 %.
  const metInhaal = ({ j2026, j2027 }: { j2026: IndexJaar; j2027: IndexJaar }) => [{ ...zonder(j2026, 'ovaDefinitief', 'ppcDefinitief'), inhaal: cijfer('indexcijfers.2026.inhaal', '1.60', 22) }, j2027];
  const stappen = (set: ParameterSet) => {
    const plan = berekenTarieven(set);
    expect(plan.problemen).toEqual([]);
    const t = plan.tarieven.find((x) => x.product === '02A02' && x.variant === 'alfa')!;
    return { t, index: t.opbouw.filter((s) => /^index(_|percentage)/.test(s.stap)).map((s) => [s.stap, s.label, s.formule, s.waarde.toFixed()]) };
  };

  it('VNG (per deel afgerond): inhaal 1,60 + voorlopig 4,70 = 6,30 %', () => {
    const { t, index } = stappen(ronde(metInhaal, { eigen: false }));
    expect(index).toEqual([
      ['index_inhaal', 'Inhaal 2026 (gepubliceerd)', 'de inhaal zoals de bron haar publiceert: 1,6000 %, afgerond op 2 decimalen: 1,60 %', '1.6'],
      ['index_voorlopig', 'Voorlopige index 2027 (loon 90 %, materieel 10 %)', '90 % × OVA 4,94 % + 10 % × PPC 2,51 % = 4,6970 %, afgerond op 2 decimalen: 4,70 %', '4.7'],
      ['indexpercentage', 'Indexatie 2027 (VNG: inhaal plus voorlopige index, elk deel afgerond)', 'inhaal 1,60 % + voorlopige index 4,70 %, elk deel al afgerond', '6.3'],
    ]);
    // 54,84 × 1,063 = 58,29492 → 58,29
    expect(t.tarief.toFixed(2)).toBe('58.29');
  });

  it('NZa: (1 + 1,60 %) × (1 + 4,697 %) − 1 = 1,016 × 1,04697 − 1 = 6,372152 % → 6,37 %', () => {
    const set = ronde(metInhaal, { eigen: false });
    set.indexcijfers!.methode = 'nza';
    const { t, index } = stappen(set);
    expect(index).toEqual([
      ['index_inhaal', 'Inhaal 2026 (gepubliceerd)', 'de inhaal zoals de bron haar publiceert: 1,60 %', '1.6'],
      ['index_voorlopig', 'Voorlopige index 2027 (loon 90 %, materieel 10 %)', '90 % × OVA 4,94 % + 10 % × PPC 2,51 % = 4,6970 %, niet afgerond', '4.697'],
      ['indexpercentage', 'Indexatie 2027 (NZa: (1 + inhaal) × (1 + voorlopige index) − 1)', '6,372152 %, afgerond op 2 decimalen', '6.37'],
    ]);
    // 54,84 × 1,0637 = 58,333308 → 58,33
    expect(t.tarief.toFixed(2)).toBe('58.33');
  });
});

describe('gepubliceerde cijfers gelden alleen voor de gewichten van de set', () => {
  const index = (plan: ReturnType<typeof berekenTarieven>, product: string) => plan.tarieven.find((x) => x.product === product && x.variant === 'alfa')!.opbouw.find((s) => s.stap === 'indexpercentage')!.waarde.toFixed();

  it('een gepubliceerd indexpercentage naast OVA en PPC: 02A02 neemt 3,00 %, 07A01 (70/30) rekent zelf 1,70 + 4,21 = 5,91 %', () => {
    // 07A01: vorig voorlopig 0,7 × 4,74 + 0,3 × 4,87 = 4,779; definitief 0,7 × 6,36 + 0,3 × 7,02 = 6,558;
    // inhaal 106,558 ÷ 104,779 − 1 = 1,6978 % → 1,70; voorlopig 0,7 × 4,94 + 0,3 × 2,51 = 4,211 → 4,21.
    const plan = berekenTarieven(ronde(({ j2026, j2027 }) => [j2026, { ...j2027, index: cijfer('indexcijfers.2027.index', '3.00', 26) }]));
    expect(plan.problemen).toEqual([]);
    expect([index(plan, '02A02'), index(plan, '07A01')]).toEqual(['3', '5.91']);
  });

  it('een gepubliceerde inhaal naast de definitieve cijfers: 02A02 neemt 1,60 + 4,70 = 6,30 %, 07A01 rekent zelf 5,91 %', () => {
    const plan = berekenTarieven(ronde(({ j2026, j2027 }) => [{ ...j2026, inhaal: cijfer('indexcijfers.2026.inhaal', '1.60', 22) }, j2027]));
    expect(plan.problemen).toEqual([]);
    expect([index(plan, '02A02'), index(plan, '07A01')]).toEqual(['6.3', '5.91']);
  });

  it('gewichten van de set zonder waarde op de peildatum: één melding per gewicht, hoeveel producten ze ook gebruiken', () => {
    const set = ronde(({ j2026, j2027 }) => [j2026, j2027]);
    const loon = set.indexcijfers!.gewichten.loon;
    loon.reeks = loon.reeks.map((w) => ({ ...w, tot: '2026-12-31' }));
    const plan = berekenTarieven(set);
    expect(plan.tarieven).toEqual([]);
    expect(plan.problemen).toEqual([
      { ...loon.herkomst, melding: `${loon.pad} heeft geen waarde die geldt op 2027-01-01`, verwacht: 'een waarde met geldig_van ≤ 2027-01-01 ≤ geldig_tot', gevonden: '2020-01-01 t/m 2026-12-31', hint: 'verleng de geldigheid van de gewichten of voeg een waarde toe' },
    ]);
    expect(loon.pad).toBe('indexcijfers.gewichten.loon');
  });
});

describe('meer vormen van een ronde', () => {
  it('een cijfer in de opbouw: procent, geldig over zijn jaar, met bron en plek', () => {
    const plan = berekenTarieven(ronde(({ j2026, j2027 }) => [{ ...zonder(j2026, 'ovaDefinitief', 'ppcDefinitief'), inhaal: cijfer('indexcijfers.2026.inhaal', '1.60', 22) }, j2027], { eigen: false }));
    const t = plan.tarieven.find((x) => x.product === '02A02' && x.variant === 'alfa')!;
    expect(t.opbouw.find((s) => s.stap === 'index_inhaal')!.parameters).toEqual([
      { pad: 'indexcijfers.2026.inhaal', waarde: new Decimal('1.60'), eenheid: 'procent', bestand: IC, regel: 22, kolom: 30, bron: 'Publicatie', status: 'illustratief', geldig_van: '2026-01-01', geldig_tot: '2026-12-31' },
    ]);
  });

  it('een product met één component (aandeel 100 %, gegeven index 2,50 %): "één component"', () => {
    const set = ronde(({ j2026, j2027 }) => [j2026, j2027]);
    const ic = set.indexcijfers!;
    const p44 = ic.producten.get('44A01') as { soort: 'componenten'; componenten: { naam: string; aandeel: { reeks: { waarde: Decimal }[] } }[] };
    const huisvesting = p44.componenten.find((c) => c.naam === 'huisvesting')!;
    huisvesting.aandeel = { ...huisvesting.aandeel, reeks: huisvesting.aandeel.reeks.map((w) => ({ ...w, waarde: new Decimal(100) })) };
    p44.componenten = [huisvesting];
    const plan = berekenTarieven(set);
    expect(plan.problemen).toEqual([]);
    const s = plan.tarieven.find((x) => x.product === '44A01' && x.variant === 'alfa')!.opbouw.find((x) => x.stap === 'indexpercentage')!;
    // 100 % × 2,50 % = 2,50 %
    expect([s.label, s.formule, s.waarde.toFixed(2)]).toEqual(['Indexatie 2027 (VNG, één component naar aandeel)', 'Σ aandeel × index: 100 % × 2,50 % (huisvesting), afgerond op 2 decimalen', '2.50']);
  });

  it('een vast pgb-bedrag per minuut wordt per minuut afgerond: 52,80 × 1,063 = 56,1264; ÷ 60 = 0,93544 → 0,94; × 60 = 56,40', () => {
    // 45A01 (minute product, the set's weights 90/10): VNG inhaal 1,60 + voorlopig 4,70 = 6,30 %
    const set = ronde(({ j2026, j2027 }) => [j2026, j2027]);
    const h = { bestand: 'test', regel: 1, kolom: 1 };
    // in the round and in its base set (volledig, whose 2026 tariffs the round indexes)
    for (const s of [set, set.indexering!.basis!]) {
      const p = s.producten.find((x) => x.code === '45A01')!;
      p.pgb = [...p.pgb.filter((o) => o.soort !== 'professioneel'), { soort: 'professioneel', uitgesloten: false, param: { pad: 'producten.45A01.pgb.professioneel', eenheid: 'euro_per_eenheid', herkomst: h, reeks: [{ waarde: new Decimal('0.88'), van: '2026-01-01', tot: '2026-12-31', bron: { titel: 'test' }, status: 'illustratief', herkomst: h }] } }];
    }
    const plan = berekenTarieven(set);
    expect(plan.problemen).toEqual([]);
    const t = plan.tarieven.find((x) => x.product === '45A01' && x.variant === 'pgb-professioneel')!;
    const s = t.opbouw.find((x) => x.stap === 'afronding_geindexeerd')!;
    expect([s.formule, s.waarde.toFixed(2), t.tarief.toFixed(2), t.tariefPerUur!.toFixed(2)]).toEqual(['÷ 60, rekenkundig afgerond op € 0,01 per minuut, × 60', '56.40', '0.94', '56.40']);
    expect(t.opbouw.find((x) => x.stap === 'indexpercentage')!.waarde.toFixed(2)).toBe('6.30');
  });
});
