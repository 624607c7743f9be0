/**
 * Lump sums from the model (issue 11): the formation of 46CB1 (crisis availability) is roster hours per level
 * with the productivity profile verblijf, and the ORT of profile etmaal on those hours, so a change of ORT,
 * productivity or CAO table moves the lump sum. Expected values: fte = uren ÷ productieve uren per fte, by hand
 * from the steps' inputs; the directions by construction.
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import type { ParameterSet } from '../../src/params/types.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const laad = () => laadParameterset('models/voorbeeldregio-2027').set;
const lumpsum = (set: ParameterSet, variant = 'jeugdzorg') => berekenTarieven(set).tarieven.find((t) => t.product === '46CB1' && t.variant === variant)!;
const zet = (p: { reeks: { waarde: Decimal }[] }, f: (w: Decimal) => Decimal) => p.reeks.forEach((w) => (w.waarde = f(w.waarde)));

describe('46CB1: een lumpsum uit rooster, ORT en productiviteit', () => {
  it('de formatie: 6.080 + 5.600 roosteruren ÷ productieve uren per fte van profiel verblijf ≈ 7,7 fte, plus 0,3 fte overdag', () => {
    const t = lumpsum(laad());
    const uren = t.opbouw.find((s) => s.stap === 'personeel.mbo.productieve_uren')!.waarde;
    // 6.080 ÷ 1.518,24 = 4,00 fte mbo; 5.600 ÷ 1.518,24 = 3,69 fte hbo
    expect(uren.toFixed(2)).toBe('1518.24');
    expect(t.opbouw.find((s) => s.stap === 'rooster.mbo')!.formule).toContain('(4,00 fte)');
    expect(t.opbouw.find((s) => s.stap === 'rooster.hbo')!.formule).toContain('(3,69 fte)');
    expect(new Decimal(6080).plus(5600).div(uren).toFixed(1)).toBe('7.7');
    // the ORT of profile etmaal is in the roster levels' loonsom, not in that of the day staff
    expect(t.opbouw.find((s) => s.stap === 'personeel.mbo.cao_toeslagen')!.parameters.map((p) => p.pad)).toContain('cao.jeugdzorg.ort.etmaal');
    expect(t.opbouw.find((s) => s.stap === 'personeel.gedragswetenschapper.cao_toeslagen')!.parameters.map((p) => p.pad)).not.toContain('cao.jeugdzorg.ort.etmaal');
    // no ORT typed in as a cost per year any more
    expect(t.opbouw.flatMap((s) => s.parameters).some((p) => p.pad.endsWith('kosten_per_jaar.overig'))).toBe(false);
  });

  it('de GGZ-variant rekent met de ORT en de salarissen van de cao GGZ', () => {
    const t = lumpsum(laad(), 'ggz');
    expect(t.opbouw.find((s) => s.stap === 'personeel.mbo.cao_toeslagen')!.parameters.map((p) => p.pad)).toContain('cao.ggz.ort.etmaal');
    expect(t.tarief.gt(lumpsum(laad()).tarief)).toBe(true);
  });

  it('een hoger ORT-percentage maakt de lumpsum duurder', () => {
    const set = laad();
    const voor = lumpsum(set).tarief;
    zet(set.caos.get('jeugdzorg')!.ort.get('etmaal')!, (w) => w.plus(5));
    expect(lumpsum(set).tarief.gt(voor)).toBe(true);
  });

  it('minder productieve uren per fte (meer verlof in profiel verblijf) geeft meer fte en een duurdere lumpsum', () => {
    const set = laad();
    const voor = lumpsum(set).tarief;
    const profiel = set.productiviteit.get('verblijf')!;
    if (profiel.vorm !== 'posten') throw new Error('verblijf heeft posten');
    zet(profiel.posten.find((x) => x.post === 'verlof')!.param, (w) => w.plus(100));
    const na = lumpsum(set);
    expect(na.tarief.gt(voor)).toBe(true);
    expect(na.opbouw.find((s) => s.stap === 'rooster.mbo')!.formule).not.toContain('(4,00 fte)');
  });

  it('een hoger salaris in de cao-tabel maakt de lumpsum duurder', () => {
    const set = laad();
    const voor = lumpsum(set).tarief;
    for (const t of set.caos.get('jeugdzorg')!.tabellen) for (const s of t.schalen.values()) for (const c of s.values()) c.bedrag = c.bedrag.times('1.02');
    expect(lumpsum(set).tarief.gt(voor)).toBe(true);
  });
});
