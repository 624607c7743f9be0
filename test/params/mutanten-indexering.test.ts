/**
 * Loading an indexation round (src/params/laden.ts koppelBasisset, src/params/regels.ts zonderEffect): the round
 * is tied to the set it builds on, and what it writes that cannot change its tariffs is named in a warning.
 * Written for the surviving mutants of src/params (issue 14): before this file no test under test/params loaded
 * a set with indexering. Each round is a small overlay written inline on a fixture set; the expected messages
 * follow from the fixture values and the one change each test makes (named in a comment).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import type { Probleem } from '../../src/shared/problems.ts';
import { afgewezen } from '../proefset.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SETS = path.join(ROOT, 'test', 'fixtures', 'sets');
const lees = (rel: string) => readFileSync(path.join(SETS, rel), 'utf8');

/** A round: model.yaml on `basis` (a fixture set) for `tariefjaar`, indexing from `basisjaar`, plus the given files. */
function ronde(basis: string, tariefjaar: number, basisjaar: number, bestanden: Record<string, string> = {}): string {
  const map = mkdtempSync(path.join(tmpdir(), 'tariefbouw-ronde-'));
  writeFileSync(path.join(map, 'model.yaml'), `basis: ${path.join(SETS, basis)}\nnaam: Ronde\nregio: Testregio\ntariefjaar: ${tariefjaar}\nversie: "1"\nindexering:\n  basisjaar: ${basisjaar}\n`);
  for (const [rel, tekst] of Object.entries(bestanden)) {
    mkdirSync(path.dirname(path.join(map, rel)), { recursive: true });
    writeFileSync(path.join(map, rel), tekst);
  }
  return map;
}

const kort = (p: Probleem) => ({ ernst: p.ernst, bestand: path.basename(p.bestand ?? ''), regel: p.regel, melding: p.melding, verwacht: p.verwacht, gevonden: p.gevonden, hint: p.hint });
const HINT = 'wijzig de waarde in volledig, of maak een set zonder indexering die opnieuw rekent (route 2)';

describe('een indexatieronde laden', () => {
  it('volledig-geindexeerd (2027) bouwt op volledig (2026); zijn eigen CAO-tabel voor 2027 heeft geen effect', () => {
    const g = laadParameterset(path.join(SETS, 'volledig-geindexeerd'));
    expect(g.set.tariefjaar).toBe(2027);
    // no peildatum under indexering: 1 January of the basisjaar
    expect({ basisjaar: g.set.indexering?.basisjaar, basisPeildatum: g.set.indexering?.basisPeildatum, basis: g.set.indexering?.basis?.id, basisjaar2: g.set.indexering?.basis?.tariefjaar }).toEqual({
      basisjaar: 2026,
      basisPeildatum: '2026-01-01',
      basis: 'volledig',
      basisjaar2: 2026,
    });
    // cao/alfa.yaml of the round adds a table from 2027-01-01 that volledig does not have
    expect(g.waarschuwingen.map(kort)).toEqual([
      {
        ernst: 'waarschuwing',
        bestand: 'alfa.yaml',
        regel: 20, // cao/alfa.yaml: the table's geldig_van: 2027-01-01
        melding: 'de salaristabel van CAO Alfa (maandtabel) vanaf 2027-01-01 heeft in deze indexatieronde geen effect',
        verwacht: 'de tabellen van volledig',
        gevonden: 'een tabel 2027-01-01 t/m 2027-12-31',
        hint: HINT,
      },
    ]);
  });

  it('een tweede ronde (2028) bouwt op de eerste en neemt de peildatum van de indexering over', () => {
    const g = laadParameterset(path.join(SETS, 'volledig-geindexeerd-2028'));
    expect([g.set.indexering?.basisjaar, g.set.indexering?.basisPeildatum, g.set.indexering?.basis?.id, g.set.indexering?.basis?.tariefjaar]).toEqual([2027, '2027-01-01', 'volledig-geindexeerd', 2027]);
    // the 2028 round writes only index figures: nothing without effect
    expect(g.waarschuwingen).toEqual([]);
  });

  it('een set bovenop een ronde van hetzelfde jaar (volledig-geindexeerd-nza) is die ronde: dezelfde basis', () => {
    const g = laadParameterset(path.join(SETS, 'volledig-geindexeerd-nza'));
    expect([g.set.tariefjaar, g.set.indexering?.basisjaar, g.set.indexering?.basis?.id, g.set.indexering?.basis?.tariefjaar]).toEqual([2027, 2026, 'volledig', 2026]);
  });

  it('een basisjaar dat niet het jaar vóór het tariefjaar is: één fout op indexering.basisjaar', () => {
    expect(afgewezen(ronde('volledig', 2027, 2025)).map(kort)).toEqual([
      {
        ernst: 'fout',
        bestand: 'model.yaml',
        regel: 7,
        melding: 'het basisjaar van de indexering is niet het jaar vóór het tariefjaar',
        verwacht: '2026: een indexatieronde gaat van het ene tariefjaar naar het volgende',
        gevonden: '2025',
        hint: 'indexeer van het vorige tariefjaar naar het nieuwe',
      },
    ]);
  });

  it('een basisset van een ander jaar dan het basisjaar: fout op indexering.basisjaar', () => {
    // 2028 from 2027 is the right pair of years, but volledig is the set of 2026
    expect(afgewezen(ronde('volledig', 2028, 2027)).map(kort)).toEqual([
      {
        ernst: 'fout',
        bestand: 'model.yaml',
        regel: 7,
        melding: 'de indexering gaat uit van 2027, maar de basisset Volledige testset is van 2026',
        verwacht: 'een basisset met tariefjaar 2027',
        gevonden: 'basis: volledig (tariefjaar 2026)',
        hint: 'een indexatieronde bouwt voort op de set van het jaar ervoor; maak de ronde met tariefbouw indexeer',
      },
    ]);
  });

  it('een basisset die op zichzelf niet laadt: de ronde geeft de fouten van die set', () => {
    // The basis set is a copy of volledig without opslagen.yaml, which its cost price products need; the round
    // supplies that file, so only loading the basis set on its own finds the error.
    const basis = path.join(mkdtempSync(path.join(tmpdir(), 'tariefbouw-basis-')), 'basis');
    cpSync(path.join(SETS, 'volledig'), basis, { recursive: true });
    rmSync(path.join(basis, 'opslagen.yaml'));
    const map = mkdtempSync(path.join(tmpdir(), 'tariefbouw-ronde-'));
    writeFileSync(path.join(map, 'model.yaml'), `basis: ${basis}\nnaam: Ronde\nregio: Testregio\ntariefjaar: 2027\nversie: "1"\nindexering:\n  basisjaar: 2026\n`);
    writeFileSync(path.join(map, 'opslagen.yaml'), lees('volledig/opslagen.yaml'));
    expect(afgewezen(map).map((p) => [p.ernst, path.resolve(p.bestand ?? ''), p.melding])).toEqual([['fout', path.join(basis, 'opslagen.yaml'), 'verplicht bestand opslagen.yaml ontbreekt']]);
  });

  it('wat een ronde schrijft en niet meetelt: een kostprijsparameter, een nieuwe parameter, een nieuw product; wel meetellen: indexcijfers, signalen, pgb-percentages', () => {
    // Changes against volledig: pgb sociaal_netwerk of 02A02 25 → 30 euro (a cost amount under .pgb.: counts as a
    // cost parameter); a new product 02A03 with its own tarief; the pgb percentage of 07A01 professioneel 80 → 85
    // and of the set (varianten.pgb) 75 → 70 (percentages applied to the indexed tariff: no warning); index figures
    // and signal thresholds that volledig does not have (no warning).
    const wmo =
      lees('volledig/producten/wmo.yaml').replace('waarde: 25.00', 'waarde: 30.00') +
      '  02A03:\n    naam: Nieuw\n    wet: wmo\n    productcategorie: "02"\n    eenheid: minuut\n    berekening: overgenomen\n    tarief:\n      eenheid: euro_per_uur\n      waarde: 60\n      geldig_van: 2026-01-01\n      geldig_tot: 2026-12-31\n      bron: test\n      status: illustratief\n';
    const jeugd = lees('volledig/producten/jeugd.yaml').replace(/(professioneel:\n\s+eenheid: procent\n\s+waarde:) 80/, '$1 85');
    const varianten = lees('volledig/varianten.yaml').replace(/(professioneel:\n\s+naam: Pgb professioneel\n\s+percentage:\n\s+eenheid: procent\n\s+waarde:) 75/, '$1 70');
    expect(jeugd).not.toBe(lees('volledig/producten/jeugd.yaml'));
    expect(varianten).not.toBe(lees('volledig/varianten.yaml'));
    const map = ronde('volledig', 2027, 2026, {
      'producten/wmo.yaml': wmo,
      'producten/jeugd.yaml': jeugd,
      'varianten.yaml': varianten,
      'indexcijfers.yaml': lees('volledig-geindexeerd/indexcijfers.yaml'),
      'signalen.yaml': lees('volledig-review/signalen.yaml'),
    });
    const g = laadParameterset(map);
    // the signal thresholds of volledig-review hold for 2026 only: on the peildatum 2027-01-01 each signal is off
    const signaal = (naam: string, regel: number) => ({
      ernst: 'waarschuwing',
      bestand: 'signalen.yaml',
      regel,
      melding: `signalen.${naam} geldt niet op de peildatum 2027-01-01: dit signaal staat uit`,
      verwacht: 'een drempel met geldig_van ≤ 2027-01-01 ≤ geldig_tot',
      gevonden: 'waarden voor 2026-01-01 t/m 2026-12-31',
      hint: 'voeg een drempel voor dit tariefjaar toe als u het signaal wilt houden',
    });
    expect(g.waarschuwingen.map(kort)).toEqual([
      {
        ernst: 'waarschuwing',
        bestand: 'wmo.yaml',
        regel: 31,
        melding: 'producten.02A02.pgb.sociaal_netwerk heeft in deze indexatieronde geen effect: de ronde indexeert de tarieven van Volledige testset',
        verwacht: 'dezelfde waarde als in volledig: 25 (2026-01-01 t/m 2026-12-31)',
        gevonden: '30 (2026-01-01 t/m 2026-12-31)',
        hint: HINT,
      },
      {
        ernst: 'waarschuwing',
        bestand: 'wmo.yaml',
        regel: 37,
        melding: 'product 02A03 is nieuw in deze indexatieronde en krijgt geen tarief: de ronde indexeert alleen de tarieven van Volledige testset',
        verwacht: 'een product van volledig',
        gevonden: '02A03',
        hint: HINT,
      },
      {
        ernst: 'waarschuwing',
        bestand: 'wmo.yaml',
        regel: 44,
        melding: 'producten.02A03.tarief heeft in deze indexatieronde geen effect: de ronde indexeert de tarieven van Volledige testset',
        verwacht: 'geen nieuwe kostprijsparameter in een indexatieronde',
        gevonden: '60 (2026-01-01 t/m 2026-12-31)',
        hint: HINT,
      },
      signaal('minimumloon_per_uur', 2),
      signaal('jeugd_wmo_verschil', 10),
      signaal('maximale_tariefbeweging', 18),
    ]);
  });
});
