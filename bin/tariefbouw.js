#!/usr/bin/env node
// The tariefbouw command: runs the compiled JavaScript in dist/ (npm run build makes it; npm ci and npm pack run it).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs; on Node 20 this is simply absent.
module.enableCompileCache?.();

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('tariefbouw: dist/ ontbreekt; draai eerst npm run build (npm ci doet dat ook)\n');
  process.exit(70);
}
const { main: start } = await import(main.href);
process.exitCode = await start(process.argv.slice(2));
