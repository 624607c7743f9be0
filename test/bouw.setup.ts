/**
 * Before the tests: compile src/ to dist/ (incremental, quick when nothing changed), because the tests that
 * start bin/tariefbouw.js as a separate process run the compiled JavaScript, as an installed package does.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
