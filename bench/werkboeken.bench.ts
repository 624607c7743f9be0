/**
 * Benchmark: writing tariefbijlage.xlsx and productenboek.xlsx for the default
 * set and for a generated set of 1 000 products × 5 CAOs (targets: < 2 s and
 * < 20 s, memory < 1 GB).
 */
import { performance } from 'node:perf_hooks';
import { laadParameterset } from '../src/params/laden.ts';
import { berekenTarieven } from '../src/model/bereken.ts';
import { tariefbijlageWerkboek } from '../src/docmodel/tariefbijlage.ts';
import { productenboekWerkboek } from '../src/docmodel/productenboek.ts';
import { schrijfXlsx } from '../src/render/xlsx.ts';
import type { ParameterSet } from '../src/params/types.ts';
import { synthetischeSet } from './synthetisch.ts';

async function meet(naam: string, set: ParameterSet, doel: string) {
  let piek = process.memoryUsage().rss;
  const timer = setInterval(() => (piek = Math.max(piek, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const plan = berekenTarieven(set);
  const bijlage = await schrijfXlsx(tariefbijlageWerkboek(set, plan));
  const boek = await schrijfXlsx(productenboekWerkboek(set, plan));
  const ms = performance.now() - t0;
  clearInterval(timer);
  piek = Math.max(piek, process.memoryUsage().rss);
  console.log(
    `${naam}: ${set.producten.length} producten, ${plan.tarieven.length} tarieven → tariefbijlage ${(bijlage.length / 1e6).toFixed(1)} MB, productenboek ${(boek.length / 1e6).toFixed(2)} MB in ${(ms / 1000).toFixed(2)} s, piek-rss ${(piek / 1e6).toFixed(0)} MB (doel ${doel})`,
  );
}

console.log(`tariefbouw werkboeken · Node ${process.version}\n`);
await meet(process.env.BENCH_SET ?? 'voorbeeldregio-2027', laadParameterset(process.env.BENCH_SET ?? 'models/voorbeeldregio-2027').set, '< 2 s');
const test = laadParameterset('test/fixtures/sets/volledig').set;
await meet('synthetisch 1 000 × 5 CAO’s', synthetischeSet(test, 1000, 5), '< 20 s, < 1 GB');
