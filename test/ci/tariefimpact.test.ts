/**
 * The CI template (docs/ci/tariefimpact.yml) refuses symbolic links under models/ and templates/ before it installs
 * or runs anything: its check is the first step after the checkout, and it fails on a committed symlink.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const workflow = parse(readFileSync(path.join(ROOT, 'docs/ci/tariefimpact.yml'), 'utf8')) as { jobs: Record<string, { steps: { name?: string; uses?: string; run?: string }[] }> };
const stappen = Object.values(workflow.jobs)[0]!.steps;
const controle = stappen.find((s) => s.name?.startsWith('Geen symbolische koppelingen'))!;
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-ci-'));
afterAll(() => rmSync(werk, { recursive: true, force: true }));

function repo(naam: string, bouw: (map: string) => void): string {
  const map = path.join(werk, naam);
  mkdirSync(path.join(map, 'models/set'), { recursive: true });
  writeFileSync(path.join(map, 'models/set/model.yaml'), 'naam: test\n');
  bouw(map);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: map, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'set');
  return map;
}

/** The step's script as GitHub runs it: bash -e -o pipefail. */
function draai(map: string) {
  return spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', controle.run!], { cwd: map, encoding: 'utf8' });
}

describe('docs/ci/tariefimpact.yml', () => {
  it('controleert op symbolische koppelingen direct na de checkout, vóór node, npm ci en tariefbouw', () => {
    expect(controle).toBeDefined();
    const i = stappen.indexOf(controle);
    expect(stappen[i - 1]!.uses).toMatch(/^actions\/checkout@/);
    expect(stappen.slice(0, i).some((s) => /setup-node|npm|tariefbouw/.test(`${s.uses ?? ''} ${s.run ?? ''}`))).toBe(false);
  });

  it('faalt op een vastgelegde koppeling naar een bestand buiten de set, zonder dat bestand af te drukken', () => {
    const map = repo('met-koppeling', (m) => symlinkSync('/etc/passwd', path.join(m, 'models/set/lek.yaml')));
    const r = draai(map);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::Symbolische koppelingen onder models/ of templates/ zijn niet toegestaan');
    expect(r.stdout).toContain('models/set/lek.yaml');
    expect(r.stdout).not.toContain('root:');
  });

  it('faalt ook op een gekoppelde map en op een koppeling in templates/', () => {
    const map = repo('met-map', (m) => {
      symlinkSync('/etc', path.join(m, 'models/etc'));
      mkdirSync(path.join(m, 'templates'));
      symlinkSync('../models/set/model.yaml', path.join(m, 'templates/x.md.hbs'));
    });
    const r = draai(map);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').slice(1, 3)).toEqual(['models/etc', 'templates/x.md.hbs']);
  });

  it('slaagt zonder koppelingen', () => {
    const r = draai(repo('zonder', () => {}));
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });
});
