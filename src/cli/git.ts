/** Reading a parameter set as it was at a git ref, without touching the working tree. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export class GitFout extends Error {}

function git(args: string[], cwd: string): string {
  return gitBytes(args, cwd).toString('utf8');
}

function gitBytes(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const uitleg = String((e as { stderr?: string }).stderr ?? '').trim().split('\n')[0] ?? '';
    throw new GitFout(`git ${args[0]} mislukte${uitleg ? `: ${uitleg.slice(0, 200)}` : ''}`);
  }
}

export function isGitRef(ref: string, cwd = process.cwd()): boolean {
  if (!/^[\w./~^@{}-]+$/.test(ref)) return false;
  return spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' }).status === 0;
}

/**
 * Writes the models/ folder as it is at `ref` into a temporary folder and
 * returns the set's folder there. Base sets (basis:) come along because the
 * whole models/ folder is exported.
 */
export function setOpRef(ref: string, setMap: string, cwd = process.cwd()): { map: string; weergaveBasis: string } {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new GitFout(`'${ref}' lezen uit git kan alleen binnen een git-repository; ${cwd} is er geen`);
  }
  if (!isGitRef(ref, cwd)) throw new GitFout(`onbekende git-ref '${ref}': geef een branch, tag of commit, zoals main, HEAD~1 of v2027.1`);
  const relSet = path.relative(top, path.resolve(cwd, setMap)).split(path.sep).join('/');
  if (relSet === '' || relSet.startsWith('../') || relSet === '..' || path.isAbsolute(relSet)) {
    throw new GitFout(`${setMap} ligt buiten de git-repository ${top}; uit git wordt alleen een set in de repository gelezen, zoals ${ref}:models/<set>`);
  }
  const relModels = path.posix.dirname(relSet);
  const bestanden = git(['ls-tree', '-r', '--name-only', ref, '--', relModels], top)
    .split('\n')
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  if (!bestanden.includes(`${relSet}/model.yaml`)) throw new GitFout(`de set ${relSet} bestaat niet op '${ref}'`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-ref-'));
  for (const f of bestanden) {
    const doel = path.join(tmp, f);
    mkdirSync(path.dirname(doel), { recursive: true });
    writeFileSync(doel, gitBytes(['show', `${ref}:${f}`], top));
  }
  return { map: path.join(tmp, relSet), weergaveBasis: tmp };
}
