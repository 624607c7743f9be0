/** The committed tariff table must match the model: a pull request shows what moved. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../src/params/laden.ts';
import { berekenTarieven } from '../src/model/bereken.ts';
import { KOLOMMEN, tarievenTabel } from '../src/docmodel/tarieventabel.ts';
import { naarCsv } from '../src/render/csv.ts';

describe('output/voorbeeldregio-2027/tarieven.csv', () => {
  it('is bijgewerkt (anders: draai npm start en commit het resultaat)', () => {
    const plan = berekenTarieven(laadParameterset('models/voorbeeldregio-2027').set);
    const vers = naarCsv(KOLOMMEN, tarievenTabel(plan));
    const vastgelegd = readFileSync('output/voorbeeldregio-2027/tarieven.csv', 'utf8');
    expect(vastgelegd, 'tarieven.csv is verouderd: draai `npm start` en commit output/voorbeeldregio-2027/tarieven.csv').toBe(vers);
  });
});
