/**
 * Before the tests: compile src/ to dist/ (incremental, quick when nothing changed) and bundle it (dist/bundel), because the tests that
 * start bin/tariefbouw.js as a separate process run the compiled JavaScript, as an installed package does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/bundel.mjs')], { cwd: root, stdio: 'inherit' });
  // The CLI processes the tests start share one YAML cache of their own (never the user's ~/.cache), so both
  // a first read and a cache hit run in every test run; a test that needs a cold read sets its own.
  const cache = mkdtempSync(path.join(os.tmpdir(), 'tariefbouw-testcache-'));
  process.env.TARIEFBOUW_CACHE = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
