/**
 * Stryker runs vitest in worker threads, where process.chdir is not allowed. For the mutation run only
 * (vitest.mutatie.config.ts), a test that changes folder gets a working folder of its own: process.cwd() and
 * therefore path.resolve follow process.chdir. tariefbouw makes every path absolute from process.cwd() before it
 * opens a file, so the CLI run in-process reads and writes where it would after a real chdir.
 */
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

if (!isMainThread) {
  let map = process.cwd();
  process.cwd = () => map;
  process.chdir = (naar: string) => {
    map = path.resolve(map, naar);
  };
}
