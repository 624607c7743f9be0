/**
 * Bundles the compiled command line (dist/cli/main.js and everything it imports) into dist/bundel/, so that a
 * run opens a few files instead of some 150 (our modules, zod, decimal.js, commander). The libraries for
 * workbooks, PDFs, templates and YAML stay outside the bundle and are loaded only by the commands that use
 * them. dist/bundel/ sits as deep as dist/cli/, so paths to fonts and templates stay the same.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';

const wortel = path.resolve(import.meta.dirname, '..');
const uit = path.join(wortel, 'dist', 'bundel');
rmSync(uit, { recursive: true, force: true });
await build({
  entryPoints: { main: path.join(wortel, 'dist', 'cli', 'main.js') },
  outdir: uit,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // the libraries that are large or read their own files at run time stay outside
  external: ['exceljs', 'pdfmake', 'pdfmake/*', 'puppeteer-core', 'handlebars', 'marked', 'pdf-lib', 'archiver', 'jszip', 'yaml', 'pdfjs-dist'],
  // bundled CommonJS (commander) calls require for Node's own modules
  banner: { js: "import { createRequire as __tb_createRequire } from 'node:module'; const require = __tb_createRequire(import.meta.url);" },
  chunkNames: 'deel-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
