/**
 * The publication check (src/model/publicatie.ts) and the controletotalen (src/model/controle.ts), called
 * directly on a small plan written out by hand: which value is refused, with which message, place and order.
 * Before these tests only `genereer --publicatie` (a separate process) reached most of this code, so a mutation
 * run saw none of it. Every expected object below follows from the rules in the two files, not from a run.
 */
import { describe, expect, it } from 'vitest';
import type { ParameterSet } from '../../src/params/types.ts';
import { controleerTotalen } from '../../src/model/controle.ts';
import { publicatieBezwaren } from '../../src/model/publicatie.ts';
import type { ParamGebruik, Tarief, Tarievenplan } from '../../src/model/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const d = (s: string) => new Decimal(s);

function gebruik(pad: string, status: ParamGebruik['status'], bron: string, bestand: string, regel: number, kolom: number): ParamGebruik {
  return { pad, waarde: d('1'), eenheid: 'euro', bestand, regel, kolom, bron, status, geldig_van: '2026-01-01', geldig_tot: '2026-12-31' };
}

function tarief(product: string, variant: string, bedrag: string, parameters: ParamGebruik[][] = []): Tarief {
  return {
    product,
    productnaam: `product ${product}`,
    wet: 'jeugdwet',
    contract: 'c',
    variant,
    variantSoort: 'cao',
    eenheid: 'uur',
    eenheidCode: '04',
    tarief: d(bedrag),
    status: 'vastgesteld',
    opbouw: parameters.map((ps, i) => ({ stap: `stap${i}`, label: 'l', formule: 'f', waarde: d('1'), eenheid: 'euro', parameters: ps, kostenelementen: [], expr: { soort: 'getal', waarde: d('1') } })),
  };
}

function plan(tarieven: Tarief[]): Tarievenplan {
  return { model: { id: 'p', naam: 'Proef', regio: 'r', tariefjaar: 2026, peildatum: '2026-01-01', versie: '1', vingerafdruk: 'x' }, tarieven, problemen: [] };
}

type Totaal = ParameterSet['controletotalen'][number];
const totaal = (product: string, variant: string, bedrag: string, regel: number): Totaal => ({
  product,
  variant,
  tarief: d(bedrag),
  herkomst: { bestand: 'controletotalen.yaml', regel, kolom: 14 },
  herkomstVariant: { bestand: 'controletotalen.yaml', regel: regel + 1, kolom: 14 },
});

/** Only what the two functions read of a set. */
function set(delen: { controletotalen?: Totaal[]; inkoop?: unknown }): ParameterSet {
  return { peildatum: '2026-01-01', controletotalen: delen.controletotalen ?? [], ...(delen.inkoop ? { inkoop: delen.inkoop } : {}) } as unknown as ParameterSet;
}

const STATUS_HINT = 'een gepubliceerd document gebruikt alleen vastgestelde waarden';
const BRON_HINT = 'geef bij elke waarde een bron';

describe('publicatieBezwaren: status en bron van elke gebruikte waarde', () => {
  it('een vastgestelde waarde met bron is geen bezwaar; elke andere status en een bron van alleen spaties wel', () => {
    const p = plan([
      tarief('01A01', 'alfa', '10.00', [
        [gebruik('cao.alfa.salaris', 'vastgesteld', 'CAO Alfa 2026', 'cao/alfa.yaml', 4, 3)],
        [gebruik('opslagen.overhead', 'voorlopig', 'begroting', 'opslagen.yaml', 2, 3), gebruik('opslagen.winst', 'vastgesteld', '   ', 'opslagen.yaml', 9, 5)],
      ]),
    ]);
    expect(publicatieBezwaren(set({}), p)).toEqual([
      { soort: 'status', bestand: 'opslagen.yaml', regel: 2, kolom: 3, melding: 'opslagen.overhead heeft status voorlopig', hint: STATUS_HINT },
      { soort: 'bron', bestand: 'opslagen.yaml', regel: 9, kolom: 5, melding: 'opslagen.winst heeft geen bron', hint: BRON_HINT },
    ]);
  });

  it('een waarde die in meer stappen en tarieven staat, telt één keer; dezelfde naam op een andere plek telt apart', () => {
    const a = gebruik('opslagen.overhead', 'illustratief', 'x', 'opslagen.yaml', 2, 3);
    const b = gebruik('opslagen.winst', 'illustratief', 'x', 'opslagen.yaml', 6, 3);
    const elders = gebruik('opslagen.overhead', 'illustratief', 'x', 'aanbieders/a.yaml', 2, 3);
    const p = plan([tarief('01A01', 'alfa', '10.00', [[a, b], [a]]), tarief('01A01', 'beta', '11.00', [[a, elders]])]);
    expect(publicatieBezwaren(set({}), p).map((x) => `${x.bestand}:${x.regel} ${x.melding}`)).toEqual([
      'aanbieders/a.yaml:2 opslagen.overhead heeft status illustratief',
      'opslagen.yaml:2 opslagen.overhead heeft status illustratief',
      'opslagen.yaml:6 opslagen.winst heeft status illustratief',
    ]);
  });

  it('volgorde: op bestand, dan regel, dan kolom, dan melding (niet in de volgorde van de tarieven)', () => {
    const p = plan([
      tarief('01A01', 'alfa', '10.00', [
        [
          gebruik('z.laat', 'illustratief', 'x', 'b.yaml', 1, 1),
          gebruik('c.kolom9', 'illustratief', 'x', 'a.yaml', 3, 9),
          gebruik('d.regel10', 'illustratief', 'x', 'a.yaml', 10, 1),
          gebruik('b.kolom2', 'illustratief', '', 'a.yaml', 3, 2),
          gebruik('a.regel3', 'illustratief', 'x', 'a.yaml', 3, 2),
        ],
      ]),
    ]);
    // a.yaml 3:2 has three problems: "a.regel3 … status", "b.kolom2 … bron", "b.kolom2 … status" (alphabetical)
    expect(publicatieBezwaren(set({}), p).map((x) => `${x.bestand}:${x.regel}:${x.kolom} ${x.melding}`)).toEqual([
      'a.yaml:3:2 a.regel3 heeft status illustratief',
      'a.yaml:3:2 b.kolom2 heeft geen bron',
      'a.yaml:3:2 b.kolom2 heeft status illustratief',
      'a.yaml:3:9 c.kolom9 heeft status illustratief',
      'a.yaml:10:1 d.regel10 heeft status illustratief',
      'b.yaml:1:1 z.laat heeft status illustratief',
    ]);
  });

  it('de maximale clientbijdrage van inkoop.yaml telt mee met de waarde die op de peildatum geldt (grenzen inbegrepen)', () => {
    const reeks = [
      { van: '2025-01-01', tot: '2025-12-31', status: 'illustratief', bron: { titel: 'oud' }, herkomst: { bestand: 'inkoop.yaml', regel: 5, kolom: 7 } },
      // valid on exactly one day, the peildatum 2026-01-01
      { van: '2026-01-01', tot: '2026-01-01', status: 'voorlopig', bron: { titel: 'Besluit' }, herkomst: { bestand: 'inkoop.yaml', regel: 9, kolom: 7 } },
      { van: '2026-01-02', tot: '2026-12-31', status: 'illustratief', bron: { titel: ' ' }, herkomst: { bestand: 'inkoop.yaml', regel: 13, kolom: 7 } },
    ];
    const inkoop = { noShow: { maximaleClientbijdrage: { pad: 'inkoop.no_show.maximale_clientbijdrage', reeks } } };
    expect(publicatieBezwaren(set({ inkoop }), plan([]))).toEqual([
      { soort: 'status', bestand: 'inkoop.yaml', regel: 9, kolom: 7, melding: 'inkoop.no_show.maximale_clientbijdrage heeft status voorlopig', hint: STATUS_HINT },
    ]);
    // no value on the peildatum: nothing to check (the reader reports the gap)
    const zonder = { noShow: { maximaleClientbijdrage: { pad: 'inkoop.no_show.maximale_clientbijdrage', reeks: [reeks[0], reeks[2]] } } };
    expect(publicatieBezwaren(set({ inkoop: zonder }), plan([]))).toEqual([]);
  });

  it('een controletotaal dat niet klopt is een bezwaar van de soort controletotaal', () => {
    const b = publicatieBezwaren(set({ controletotalen: [totaal('01A01', 'alfa', '10.01', 3)] }), plan([tarief('01A01', 'alfa', '10.00')]));
    expect(b.map((x) => [x.soort, x.regel, x.melding])).toEqual([['controletotaal', 3, 'controletotaal 01A01 / alfa klopt niet']]);
  });
});

describe('controleerTotalen', () => {
  const p = plan([tarief('01A01', 'alfa', '10.00'), tarief('01A01', 'micro-alfa', '12.50'), tarief('02A02', 'alfa', '7.125')]);
  const HINT_VARIANT = 'controleer de naam van de variant (een CAO, basistarief, micro-onderneming, micro-<cao>, pgb-… of aanbieder-…)';

  it('een kloppend totaal geeft niets; een afwijking noemt beide bedragen en het verschil met teken', () => {
    const uit = controleerTotalen(
      set({ controletotalen: [totaal('01A01', 'alfa', '10.00', 2), totaal('01A01', 'micro-alfa', '12.40', 5), totaal('02A02', 'alfa', '7.13', 8)] }),
      p,
    );
    expect(uit).toEqual([
      // 12,50 − 12,40 = +0,10
      { bestand: 'controletotalen.yaml', regel: 5, kolom: 14, melding: 'controletotaal 01A01 / micro-alfa klopt niet', verwacht: '12.40 (controletotaal)', gevonden: '12.50 (berekend), verschil +0.10', hint: 'bekijk de opbouw met: tariefbouw verklaar 01A01 --variant micro-alfa' },
      // 7,125 − 7,13 = −0,005 (three decimals, as written)
      { bestand: 'controletotalen.yaml', regel: 8, kolom: 14, melding: 'controletotaal 02A02 / alfa klopt niet', verwacht: '7.13 (controletotaal)', gevonden: '7.125 (berekend), verschil -0.005', hint: 'bekijk de opbouw met: tariefbouw verklaar 02A02 --variant alfa' },
    ]);
  });

  it('een variant die het product niet heeft: de varianten die er wel zijn, op de plek van de variantnaam; daarna gaat de controle door', () => {
    const uit = controleerTotalen(set({ controletotalen: [totaal('01A01', 'beta', '10.00', 2), totaal('01A01', 'alfa', '9.00', 5)] }), p);
    expect(uit).toEqual([
      { bestand: 'controletotalen.yaml', regel: 3, kolom: 14, melding: 'controletotaal 01A01 / beta: deze variant bestaat niet', verwacht: 'een variant van 01A01: alfa, micro-alfa', gevonden: 'beta', hint: HINT_VARIANT },
      { bestand: 'controletotalen.yaml', regel: 5, kolom: 14, melding: 'controletotaal 01A01 / alfa klopt niet', verwacht: '9.00 (controletotaal)', gevonden: '10.00 (berekend), verschil +1.00', hint: 'bekijk de opbouw met: tariefbouw verklaar 01A01 --variant alfa' },
    ]);
  });

  it('een product zonder tarieven in het plan', () => {
    const uit = controleerTotalen(set({ controletotalen: [totaal('03A03', 'alfa', '1.00', 2)] }), p);
    expect(uit).toEqual([
      { bestand: 'controletotalen.yaml', regel: 3, kolom: 14, melding: 'controletotaal 03A03 / alfa: deze variant bestaat niet', verwacht: 'een product 03A03 met tarieven', gevonden: 'alfa', hint: HINT_VARIANT },
    ]);
  });
});
