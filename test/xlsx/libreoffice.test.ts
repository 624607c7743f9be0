/**
 * A real spreadsheet engine recomputes every formula of the generated
 * workbooks (with the cached results removed first) and must agree with the
 * decimal model to the cent. Needs LibreOffice (`soffice`): see test/gereedschap.ts (skipped with a
 * message on a laptop without it, a failure in CI).
 */
import { describe, expect } from 'vitest';
import { gereedschapPad, metGereedschap } from '../gereedschap.ts';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { tariefbijlageWerkboek } from '../../src/docmodel/tariefbijlage.ts';
import { productenboekWerkboek } from '../../src/docmodel/productenboek.ts';
import { schrijfXlsx } from '../../src/render/xlsx.ts';
import { formuleCellen, herbereken, zonderResultaten } from './hulp.ts';

const metLibreOffice = metGereedschap('libreoffice');

const SETS = [...(process.env.ZONDER_STANDAARD ? [] : ['models/voorbeeldregio-2027']), 'test/fixtures/sets/volledig', 'test/fixtures/sets/volledig-conventies', 'test/fixtures/sets/volledig-opslag', 'test/fixtures/sets/volledig-jaargemiddelde', 'test/fixtures/sets/volledig-geindexeerd', 'test/fixtures/sets/volledig-geindexeerd-nza', 'test/fixtures/sets/volledig-geindexeerd-2028', 'test/fixtures/sets/volledig-review', 'test/fixtures/sets/volledig-review-mix', 'test/fixtures/sets/e1-opbouw-begeleiding'];

describe('LibreOffice herberekent de werkboeken', () => {
  metLibreOffice('elke formulecel is gelijk aan het model, tot op de cent', async () => {
    const origineel: Record<string, Buffer> = {};
    const leeg: Record<string, Buffer> = {};
    for (const map of SETS) {
      const { set } = laadParameterset(map);
      const plan = berekenTarieven(set);
      for (const [soort, wb] of [
        ['tariefbijlage', tariefbijlageWerkboek(set, plan)],
        ['productenboek', productenboekWerkboek(set, plan)],
        // the region's begroting.xlsx: the tariefbijlage with the live Begroting sheet
        ...(set.volumes ? [['begroting', tariefbijlageWerkboek(set, plan, { intern: true })] as const] : []),
      ] as const) {
        const naam = `${set.id}-${soort}.xlsx`;
        origineel[naam] = await schrijfXlsx(wb);
        leeg[naam] = await zonderResultaten(origineel[naam]);
      }
    }
    const herberekend = herbereken(gereedschapPad('libreoffice')!, leeg);
    let totaal = 0;
    const afwijkingen: string[] = [];
    for (const naam of Object.keys(origineel)) {
      const model = await formuleCellen(origineel[naam]!);
      const lo = await formuleCellen(herberekend[naam]!);
      for (const [adres, cel] of model) {
        totaal++;
        const r = lo.get(adres);
        const verwacht = Number(cel.resultaat);
        const gevonden = typeof r?.resultaat === 'number' ? r.resultaat : Number.NaN;
        if (!(Math.abs(gevonden - verwacht) < 0.005)) afwijkingen.push(`${naam} ${adres} =${cel.formule}: model ${verwacht}, LibreOffice ${String(r?.resultaat)}`);
      }
    }
    expect(totaal).toBeGreaterThan(500);
    expect(afwijkingen.slice(0, 20), `${afwijkingen.length} van ${totaal} formulecellen wijken af`).toEqual([]);
    // One LibreOffice run over ~20 workbooks: about 15 s on a quiet machine, over a minute on a loaded one.
  }, 300_000);
});
