/**
 * Everything `genereer` writes for a set, as bytes by file name: the text table, the JSON
 * contract, the workbooks and the documents.
 */
import type { ParameterSet } from '../params/types.ts';
import type { Tarievenplan } from '../model/types.ts';
import { planNaarJson } from '../docmodel/json.ts';
import { KOLOMMEN, tarievenTabel } from '../docmodel/tarieventabel.ts';
import { tariefbijlageWerkboek } from '../docmodel/tariefbijlage.ts';
import { productenboekWerkboek } from '../docmodel/productenboek.ts';
import { naarCsv } from '../render/csv.ts';
import { schrijfXlsx } from '../render/xlsx.ts';
import { renderDocumenten, type GevuldeDocumenten } from './documenten.ts';

export async function bouwUitvoer(
  set: ParameterSet,
  plan: Tarievenplan,
  gevuld: GevuldeDocumenten,
  klaar: (bestand: string, bytes: number) => void = () => {},
): Promise<Map<string, string | Buffer>> {
  const werkboek = async (naam: string, maak: () => Promise<Buffer>): Promise<[string, Buffer]> => {
    const b = await maak();
    klaar(naam, b.length);
    return [naam, b];
  };
  const tabel = naarCsv(KOLOMMEN, tarievenTabel(plan));
  const json = `${JSON.stringify(planNaarJson(plan), null, 2)}\n`;
  const bijlage = await werkboek('tariefbijlage.xlsx', () => schrijfXlsx(tariefbijlageWerkboek(set, plan)));
  const boek = await werkboek('productenboek.xlsx', () => schrijfXlsx(productenboekWerkboek(set, plan)));
  // the volumes are the region's own: a separate workbook, never in the tariefbijlage a provider gets
  const begroting = set.volumes ? [await werkboek('begroting.xlsx', () => schrijfXlsx(tariefbijlageWerkboek(set, plan, { intern: true })))] : [];
  return new Map<string, string | Buffer>([['tarieven.csv', tabel], ['opbouw.json', json], bijlage, boek, ...begroting, ...(await renderDocumenten(gevuld, klaar))]);
}
