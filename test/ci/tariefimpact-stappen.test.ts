/**
 * The CI template docs/ci/tariefimpact.yml, exercised (test/ci/tariefimpact.test.ts checks its symlink guard): its shell steps run in a temporary git repository, once for a
 * pull request that changes a set and once for one that adds the next indexation round. GitHub Actions itself cannot
 * run here: `npx tariefbouw` is this checkout's CLI and `gh` a stand-in that records the calls, so the test shows the
 * steps choose the right sets and bases, write the job summary, and post one comment or update it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { voerUit } from '../cli/hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-ci-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const workflow = parse(readFileSync(path.join(ROOT, 'docs/ci/tariefimpact.yml'), 'utf8')) as { jobs: { tariefimpact: { steps: { name?: string; run?: string }[] } } };
/** The steps after npm ci, in order: the ones that do the work. */
const stappen = workflow.jobs.tariefimpact.steps.filter((s) => s.run && s.run.trim() !== 'npm ci');

// stand-ins: npx tariefbouw → this checkout's CLI from its sources; gh → records the call and the comment body
const bin = path.join(tmp, 'bin');
mkdirSync(bin);
writeFileSync(
  path.join(bin, 'npx'),
  `#!/bin/sh\nif [ "$1" = tariefbouw ]; then shift; exec node --import "${path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')}" "${path.join(ROOT, 'test/ci/cli.mts')}" "$@"; fi\necho "npx $*: niet in deze test" >&2\nexit 127\n`,
);
writeFileSync(
  path.join(bin, 'gh'),
  '#!/bin/sh\necho "gh $*" >> "$GH_LOG"\ncase "$*" in *--jq*) [ -n "$GH_BESTAAND" ] && echo "$GH_BESTAAND"; exit 0;; esac\nfor a in "$@"; do case "$a" in body=@*) cp "${a#body=@}" "$GH_BODY";; esac; done\n',
);
chmodSync(path.join(bin, 'npx'), 0o755);
chmodSync(path.join(bin, 'gh'), 0o755);

const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

/** A repository with the test set (and its index figures) on main, the output committed as genereer made it. */
async function repository(naam: string): Promise<{ repo: string; git: (...a: string[]) => string }> {
  const repo = path.join(tmp, naam);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...gitEnv } });
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(repo, 'models/volledig'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd/indexcijfers.yaml'), path.join(repo, 'models/volledig/indexcijfers.yaml'));
  git('init', '-q', '-b', 'main');
  const r = await voerUit(['genereer', 'volledig'], repo);
  expect(r.code, r.err).toBe(0);
  git('add', 'models', 'output/volledig/tarieven.csv');
  git('commit', '-qm', 'set');
  return { repo, git };
}

/** Runs the workflow's shell steps as GitHub would (bash -eo pipefail), with the environment the job sets. */
function draai(repo: string, extra: Record<string, string> = {}) {
  const log = path.join(repo, '..', `${path.basename(repo)}-gh.log`);
  const body = path.join(repo, '..', `${path.basename(repo)}-body.md`);
  const summary = path.join(repo, '..', `${path.basename(repo)}-summary.md`);
  for (const f of [log, body, summary]) rmSync(f, { force: true });
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, SET: '', BASE_REF: 'main', PR: '7', GITHUB_REPOSITORY: 'regio/tarieven', GH_TOKEN: 'x', GITHUB_STEP_SUMMARY: summary, GH_LOG: log, GH_BODY: body, GH_BESTAAND: '', ...extra };
  for (const s of stappen) {
    expect(s.run, s.name).not.toContain('${{');
    execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const lees = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  return { vergelijkingen: lees(path.join(repo, 'vergelijkingen.txt')), gh: lees(log), body: lees(body), summary: lees(summary) };
}

describe('docs/ci/tariefimpact.yml in een test-repository', () => {
  it('een pull request die een set wijzigt: vergelijkt met dezelfde set op de doelbranch, zet één reactie en werkt hem daarna bij', async () => {
    const { repo, git } = await repository('gewijzigd');
    git('checkout', '-qb', 'overhead');
    const bestand = path.join(repo, 'models/volledig/opslagen.yaml');
    writeFileSync(bestand, readFileSync(bestand, 'utf8').replace('    waarde: 20\n', '    waarde: 21\n'));
    expect((await voerUit(['genereer', 'volledig'], repo)).code).toBe(0);
    git('commit', '-qam', 'overhead 21 procent');

    const eerste = draai(repo);
    expect(eerste.vergelijkingen).toBe('volledig main:volledig\n');
    expect(eerste.summary).toContain('<!-- tariefimpact -->');
    expect(eerste.summary).toContain('## Tariefimpact: Volledige testset → Volledige testset');
    expect(eerste.summary).toContain('### Oorzaak: gewijzigde parameters');
    expect(eerste.summary).toMatch(/\| `opslagen\.overhead\.standaard` \| 20 % → 21 % \|/);
    // no comment yet: one POST with the summary as its body
    expect(eerste.gh.split('\n').filter(Boolean)).toEqual([
      'gh api repos/regio/tarieven/issues/7/comments --paginate --jq .[] | select(.body | startswith("<!-- tariefimpact -->")) | .id',
      'gh api -X POST repos/regio/tarieven/issues/7/comments -F body=@tariefimpact.md',
    ]);
    expect(eerste.body).toBe(readFileSync(path.join(repo, 'tariefimpact.md'), 'utf8'));
    expect(existsSync(path.join(repo, 'tariefimpact-volledig.json'))).toBe(true);

    // the next push: the comment exists (id 4242) and is updated, not repeated
    const tweede = draai(repo, { GH_BESTAAND: '4242' });
    expect(tweede.gh.split('\n').filter(Boolean)[1]).toBe('gh api -X PATCH repos/regio/tarieven/issues/comments/4242 -F body=@tariefimpact.md');
    expect(tweede.body).toBe(eerste.body);
  }, 300_000);

  it('een pull request die de nieuwe ronde toevoegt: vergelijkt met de set waarop die voortbouwt, zoals die op de doelbranch staat', async () => {
    const { repo, git } = await repository('ronde');
    git('checkout', '-qb', 'ronde-2027');
    const r = await voerUit(['indexeer', 'volledig', '--naar', '2027', '--versie', '2027.1', '--documentdatum', '2026-11-15'], repo);
    expect(r.code, r.err).toBe(0);
    git('add', 'models/volledig-2027', 'output/volledig-2027/tarieven.csv');
    git('commit', '-qm', 'indexatieronde 2027');

    const uit = draai(repo);
    expect(uit.vergelijkingen).toBe('volledig-2027 main:volledig\n');
    expect(uit.summary).toContain('## Tariefimpact: Volledige testset → Volledige testset 2027');
    expect(uit.summary).toContain('Vergeleken: `main:volledig` (Volledige testset, tariefjaar 2026');
    // the round's index is named in the header: 6,30 % for the products with the set's weights (VNG 2024 figures)
    expect(uit.summary).toMatch(/De ronde: indexatie 2027: 6,30 % \(\d+ producten\)/);
    expect(uit.gh).toContain('gh api -X POST repos/regio/tarieven/issues/7/comments -F body=@tariefimpact.md');
  }, 300_000);
});
