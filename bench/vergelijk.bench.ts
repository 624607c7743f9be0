/** Benchmark: `vergelijk` of two sets of 1 000 products (target < 5 s), from computing both to the Markdown. */
import { performance } from 'node:perf_hooks';
import { laadParameterset } from '../src/params/laden.ts';
import { berekenTarieven } from '../src/model/bereken.ts';
import { parameterWaarden, vergelijk } from '../src/model/vergelijk.ts';
import { vergelijkingMarkdown } from '../src/docmodel/vergelijking.ts';
import { Decimal } from '../src/shared/decimal.ts';
import { synthetischeSet } from './synthetisch.ts';

const test = laadParameterset('test/fixtures/sets/volledig').set;
const basis = synthetischeSet(test, 1000, 5);
// the new round: overhead 20 → 21 %
const nieuw = synthetischeSet(test, 1000, 5);
const opslagen = nieuw.opslagen!;
const oh = opslagen.overhead.standaard;
nieuw.opslagen = { ...opslagen, overhead: { ...opslagen.overhead, standaard: { ...oh, reeks: oh.reeks.map((w) => ({ ...w, waarde: new Decimal(21) })) } } };
nieuw.parameters = nieuw.parameters.map((p) => (p === oh ? nieuw.opslagen!.overhead.standaard : p));

const t0 = performance.now();
const a = berekenTarieven(basis);
const b = berekenTarieven(nieuw);
const v = vergelijk(a, b, parameterWaarden(basis, a.model.peildatum), parameterWaarden(nieuw, b.model.peildatum));
const md = vergelijkingMarkdown(v);
const ms = performance.now() - t0;
console.log(`vergelijk 2 × ${basis.producten.length} producten (${a.tarieven.length} tarieven per set, ${v.tarieven.length} bewogen, Markdown ${(md.length / 1000).toFixed(0)} k tekens): ${(ms / 1000).toFixed(2)} s (doel < 5 s)`);
