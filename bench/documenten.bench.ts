/**
 * Benchmark: the full build of `genereer` (compute, both workbooks, all PDFs
 * and the PvE checklist) for the default set and for generated sets of 100
 * and 1 000 products. Targets: default set < 3 s; 1 000 products < 30 s, and
 * growing no faster than linearly from 100 to 1 000 products.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { laadParameterset } from '../src/params/laden.ts';
import { berekenTarieven } from '../src/model/bereken.ts';
import { tariefbijlageWerkboek } from '../src/docmodel/tariefbijlage.ts';
import { productenboekWerkboek } from '../src/docmodel/productenboek.ts';
import { schrijfXlsx } from '../src/render/xlsx.ts';
import { maakDocumenten } from '../src/cli/documenten.ts';
import type { ParameterSet } from '../src/params/types.ts';
import { synthetischeSet } from './synthetisch.ts';

const SJABLONEN = path.resolve(import.meta.dirname, '..', 'templates');

async function meet(naam: string, maak: () => ParameterSet, doel: string, setMap?: string): Promise<number> {
  let piek = process.memoryUsage().rss;
  const timer = setInterval(() => (piek = Math.max(piek, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const set = maak();
  const plan = berekenTarieven(set);
  const bijlage = await schrijfXlsx(tariefbijlageWerkboek(set, plan));
  const boek = await schrijfXlsx(productenboekWerkboek(set, plan));
  const docs = await maakDocumenten(set, plan, { publicatie: false, sjablonen: SJABLONEN, ...(setMap ? { setMap } : {}) });
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  piek = Math.max(piek, process.memoryUsage().rss);
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const pdfs = [...docs].filter(([n]) => n.endsWith('.pdf'));
  console.log(
    `${naam}: ${set.producten.length} producten, ${plan.tarieven.length} tarieven → werkboeken ${mb(bijlage.length + boek.length)} MB, ${pdfs.length} PDF's ${mb(pdfs.reduce((a, [, b]) => a + b.length, 0))} MB (${pdfs.map(([n, b]) => `${n.replace('.pdf', '')} ${mb(b.length)}`).join(', ')}) in ${s.toFixed(2)} s, piek-rss ${(piek / 1e6).toFixed(0)} MB (doel ${doel})`,
  );
  return s;
}

console.log(`tariefbouw documenten (alle PDF's en werkboeken) · Node ${process.version}\n`);
const standaard = process.env.BENCH_SET ?? 'models/voorbeeldregio-2027';
// The first run includes warming up pdfmake, pdfkit and fontkit (about a second); a CLI run always pays it.
const keren: number[] = [];
for (let i = 0; i < 3; i++) keren.push(await meet(`${standaard} (${i === 0 ? 'koud' : 'warm'})`, () => laadParameterset(standaard).set, '< 3 s, inclusief laden', standaard));
console.log(`standaardset: koud ${keren[0]!.toFixed(2)} s, warm ${Math.min(...keren.slice(1)).toFixed(2)} s\n`);
const basis = laadParameterset('test/fixtures/sets/volledig-inkoop').set;
const t100 = await meet('synthetisch 100', () => synthetischeSet(basis, 100), '');
const t1000 = await meet('synthetisch 1 000', () => synthetischeSet(basis, 1000), '< 30 s');
console.log(`\ngroei 100 → 1 000 producten: × ${(t1000 / t100).toFixed(1)} (lineair is × 10)`);
