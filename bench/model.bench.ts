/**
 * Benchmarks (npm run bench). Not tests: they print figures for the README.
 *   1. load + validate the default set
 *   2. compute ≥ 10 000 product×variant tariffs with opbouw (target < 1 s on 2 cores)
 */
import { performance } from 'node:perf_hooks';
import { laadParameterset } from '../src/params/laden.ts';
import { berekenTarieven } from '../src/model/bereken.ts';
import { planNaarJson } from '../src/docmodel/json.ts';
import { synthetischeSet } from './synthetisch.ts';

function meet<T>(herhalingen: number, f: () => T): { mediaan: number; min: number; resultaat: T } {
  const tijden: number[] = [];
  let resultaat!: T;
  for (let i = 0; i < herhalingen; i++) {
    const t0 = performance.now();
    resultaat = f();
    tijden.push(performance.now() - t0);
  }
  tijden.sort((a, b) => a - b);
  return { mediaan: tijden[Math.floor(tijden.length / 2)]!, min: tijden[0]!, resultaat };
}

const r = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`tariefbouw benchmarks · Node ${process.version} · ${process.platform}/${process.arch}\n`);

const laden = meet(5, () => laadParameterset(process.env.BENCH_SET ?? 'models/voorbeeldregio-2027'));
const plan0 = berekenTarieven(laden.resultaat.set);
console.log(`laden en valideren van ${laden.resultaat.set.id} (${laden.resultaat.set.producten.length} producten): mediaan ${r(laden.mediaan)}`);
const standaard = meet(10, () => berekenTarieven(laden.resultaat.set));
console.log(`berekenen ${laden.resultaat.set.id} (${plan0.tarieven.length} tarieven met opbouw): mediaan ${r(standaard.mediaan)}`);

const test = laadParameterset('test/fixtures/sets/volledig').set;
const groot = synthetischeSet(test, 1900);
const heap0 = process.memoryUsage().heapUsed;
const grootMeting = meet(5, () => berekenTarieven(groot));
const heap1 = process.memoryUsage().heapUsed;
const n = grootMeting.resultaat.tarieven.length;
console.log(`berekenen synthetische set (${groot.producten.length} producten, ${n} tarieven met opbouw): mediaan ${r(grootMeting.mediaan)}, snelste ${r(grootMeting.min)} (doel < 1000 ms)`);
const json = meet(3, () => JSON.stringify(planNaarJson(grootMeting.resultaat)));
console.log(`  + JSON met opbouw (${(json.resultaat.length / 1e6).toFixed(1)} MB): mediaan ${r(json.mediaan)}`);
console.log(`  heap na berekenen: ${((heap1 - heap0) / 1e6).toFixed(0)} MB erbij, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
if (n < 10_000) throw new Error(`synthetische set gaf maar ${n} tarieven`);
