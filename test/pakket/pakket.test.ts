/**
 * The package as a region installs it: `npm pack`, the tarball installed into an empty folder, and the commands
 * run from there (compiled JavaScript, no tsx): init, controleer (the INVULLEN values reported), those values
 * filled in from the example set's values, genereer, every output there; and from a subfolder only the root's
 * output/ is written. A file missing from the package fails here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const werk = mkdtempSync(path.join(tmpdir(), 'tariefbouw-pakket-'));
const regio = path.join(werk, 'regio');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
afterAll(() => rmSync(werk, { recursive: true, force: true }), 120_000);

function tariefbouw(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(regio, 'node_modules/tariefbouw/bin/tariefbouw.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every placeholder line in the region's set: file (from the root), line, and the example set's value. */
function plaatshouders(): { bestand: string; regel: number; waarde: string }[] {
  const uit: { bestand: string; regel: number; waarde: string }[] = [];
  const loop = (rel: string) => {
    for (const e of readdirSync(path.join(regio, rel), { withFileTypes: true })) {
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) loop(r);
      else
        readFileSync(path.join(regio, r), 'utf8')
          .split('\n')
          .forEach((l, i) => {
            const m = /"INVULLEN: [^"]*\(voorbeeldset: ([^)]+)\)"/.exec(l);
            if (m) uit.push({ bestand: r, regel: i + 1, waarde: m[1]! });
          });
    }
  };
  loop('models/regio-test-2027');
  return uit;
}

beforeAll(() => {
  // dist/ is current (test/bouw.setup.ts); the scripts need not run again for the tarball
  const naam = execFileSync(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', werk], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  mkdirSync(regio);
  execFileSync('git', ['init', '-q'], { cwd: regio });
  writeFileSync(path.join(regio, 'package.json'), '{ "name": "regio-test", "private": true }\n');
  execFileSync(NPM, ['install', path.join(werk, naam), '--prefer-offline', '--no-audit', '--no-fund', '--silent'], { cwd: regio, stdio: 'inherit' });
}, 600_000);

describe('het pakket, geïnstalleerd in een lege map', () => {
  it('draait gecompileerde JavaScript: geen tsx in het pakket of zijn afhankelijkheden', () => {
    const pkg = JSON.parse(readFileSync(path.join(regio, 'node_modules/tariefbouw/package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(existsSync(path.join(regio, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(path.join(regio, 'node_modules/tariefbouw/src'))).toBe(false);
    // only the bundle is shipped: a module it still needs from dist/ would fail the runs below
    expect(existsSync(path.join(regio, 'node_modules/tariefbouw/dist/cli'))).toBe(false);
    for (const f of ['dist/bundel/main.js', 'fonts/Roboto/Roboto-Regular.ttf', 'templates/tariefbijlage.md.hbs', 'schemas/opslagen.schema.json', 'init/set/model.yaml'])
      expect(existsSync(path.join(regio, 'node_modules/tariefbouw', f)), f).toBe(true);
    expect(tariefbouw(regio, '--help').code).toBe(0);
  });

  it('init, controleer met de INVULLEN-waarden, invullen uit de voorbeeldset, genereer: alle uitvoer', () => {
    const init = tariefbouw(regio, 'init', '--regio', 'Regio Test', '--jaar', '2027', '--voorbeeld');
    expect(init.code, init.err).toBe(0);
    for (const f of ['tariefbouw.yaml', '.gitignore', '.gitattributes', 'README.md', 'CHANGELOG.md', '.github/workflows/tariefimpact.yml', 'templates/productenboek.md.hbs', 'models/regio-test-2027/model.yaml', 'models/voorbeeldregio-2027/opslagen.yaml'])
      expect(existsSync(path.join(regio, f)), f).toBe(true);
    expect(readFileSync(path.join(regio, '.github/workflows/tariefimpact.yml'), 'utf8')).toMatch(/^\s*SET: regio-test-2027 #/m);
    expect(readFileSync(path.join(regio, 'models/regio-test-2027/opslagen.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/tariefbouw/schemas/opslagen.schema.json',
    );
    // a second init writes nothing
    expect(tariefbouw(regio, 'init', '--regio', 'Regio Test', '--jaar', '2027').code).toBe(1);

    const te = plaatshouders();
    // as many as init/set/ holds (9 when this was written)
    const inInit = execFileSync('grep', ['-r', '-c', '"INVULLEN: ', path.join(ROOT, 'init/set')], { encoding: 'utf8' }).split('\n').filter(Boolean).reduce((a, l) => a + Number(l.split(':').pop()), 0);
    expect(te.length).toBe(inInit);
    expect(te.length).toBeGreaterThan(5);
    const c = tariefbouw(regio, 'controleer');
    expect(c.code).toBe(1);
    for (const p of te) expect(c.err).toContain(`${p.bestand}:${p.regel}:`);
    expect(c.err.match(/: fout: nog in te vullen: /g)).toHaveLength(te.length);

    for (const p of te) {
      const f = path.join(regio, p.bestand);
      const regels = readFileSync(f, 'utf8').split('\n');
      regels[p.regel - 1] = regels[p.regel - 1]!.replace(/"INVULLEN: [^"]*"/, p.waarde);
      writeFileSync(f, regels.join('\n'));
    }
    const c2 = tariefbouw(regio, 'controleer');
    expect(c2.code, c2.err).toBe(0);
    expect(tariefbouw(regio, 'controleer', 'voorbeeldregio-2027').code).toBe(0);

    const g = tariefbouw(regio, 'genereer');
    expect(g.code, g.err).toBe(0);
    const uit = path.join(regio, 'output/regio-test-2027');
    // every file genereer says it wrote is there, and at least the table, the contract, both workbooks and both PDFs
    const genoemd = /geschreven naar [^:]+: ([^\n(]+)/.exec(g.err)![1]!.trim().split(', ');
    expect(genoemd).toEqual(expect.arrayContaining(['tarieven.csv', 'opbouw.json', 'tariefbijlage.xlsx', 'productenboek.xlsx', 'productenboek.pdf', 'tariefbijlage.pdf']));
    for (const f of genoemd) expect(existsSync(path.join(uit, f)), f).toBe(true);
    expect(readFileSync(path.join(uit, 'tarieven.csv'), 'utf8')).toContain('45A48,Ambulante jeugdhulp hbo,jeugdwet,ambulant-jeugd,');
  });

  it('vanuit een submap schrijft het alleen in output/ van de hoofdmap', () => {
    rmSync(path.join(regio, 'output'), { recursive: true, force: true });
    const g = tariefbouw(path.join(regio, 'models/regio-test-2027/cao'), 'genereer');
    expect(g.code, g.err).toBe(0);
    expect(g.err).toContain('geschreven naar ../../../output/regio-test-2027/');
    expect(existsSync(path.join(regio, 'output/regio-test-2027/tarieven.csv'))).toBe(true);
    expect(existsSync(path.join(regio, 'models/regio-test-2027/cao/output'))).toBe(false);
    expect(existsSync(path.join(regio, 'models/output'))).toBe(false);
  });
});
