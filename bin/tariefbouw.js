#!/usr/bin/env node
// The tariefbouw command: runs the compiled JavaScript in dist/ (npm run build makes it; npm ci and npm pack run it).
import { existsSync } from 'node:fs';
import module from 'node:module';
import v8 from 'node:v8';

// A run lasts from half a second to a few seconds: V8's optimizing compiler, which by default starts on code
// after a short warm-up, costs more there than it gains. Four times the default warm-up measured 15 % less
// CPU time for both controleer and genereer (docs/ontwikkelaars.md, Prestaties); hot loops are still optimized.
v8.setFlagsFromString('--interrupt-budget=270336');

// Node 22.1+ keeps compiled code between runs; on Node 20 this is simply absent.
module.enableCompileCache?.();

const main = new URL('../dist/bundel/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('tariefbouw: dist/ ontbreekt; draai eerst npm run build (npm ci doet dat ook)\n');
  process.exit(70);
}
const { main: start } = await import(main.href);
process.exitCode = await start(process.argv.slice(2));
