/**
 * Small parameter sets written inline, in the OpenFisca style: an overlay on a fixture set that
 * overrides the few parameters one test is about, so the expected value can be worked out by hand
 * from the fixture's documented figures and the override.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { laadParameterset } from '../src/params/laden.ts';
import { berekenTarieven } from '../src/model/bereken.ts';
import { ParametersetFout, type Probleem } from '../src/shared/problems.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** A parameter block valid for the whole of 2026, as the fixture sets write them. */
export function param(eenheid: string, waarde: string | number, inspringing = 0): string {
  const i = ' '.repeat(inspringing);
  return [`eenheid: ${eenheid}`, `waarde: ${waarde}`, 'geldig_van: 2026-01-01', 'geldig_tot: 2026-12-31', 'bron: test', 'status: illustratief'].map((r) => `${i}${r}`).join('\n');
}

/**
 * Writes an overlay on `basis` (default: test/fixtures/sets/volledig) with the given files (path → YAML)
 * into a new temporary folder and returns that folder.
 */
export function proefset(bestanden: Record<string, string>, basis = 'test/fixtures/sets/volledig'): string {
  const map = mkdtempSync(path.join(tmpdir(), 'tariefbouw-proefset-'));
  writeFileSync(path.join(map, 'model.yaml'), `basis: ${path.join(ROOT, basis)}\nnaam: Proefset\nregio: Testregio\ntariefjaar: 2026\nversie: "1"\n`);
  for (const [rel, tekst] of Object.entries(bestanden)) {
    mkdirSync(path.dirname(path.join(map, rel)), { recursive: true });
    writeFileSync(path.join(map, rel), tekst.endsWith('\n') ? tekst : `${tekst}\n`);
  }
  return map;
}

/** The tariffs of a set folder. */
export function plan(map: string) {
  return berekenTarieven(laadParameterset(map).set);
}

/** One tariff; fails loudly when the product has no such variant. */
export function tarief(map: string, product: string, variant: string) {
  const p = plan(map);
  const t = p.tarieven.find((x) => x.product === product && x.variant === variant);
  if (!t) throw new Error(`${product}/${variant} ontbreekt; er zijn: ${p.tarieven.filter((x) => x.product === product).map((x) => x.variant).join(', ')}`);
  return t;
}

/** The value of one step of a tariff's opbouw. */
export function stap(t: { opbouw: { stap: string; waarde: { toFixed(): string } }[] }, naam: string): string {
  const s = t.opbouw.find((x) => x.stap === naam);
  if (!s) throw new Error(`stap ${naam} ontbreekt`);
  return s.waarde.toFixed();
}

/** The problems (fouten and waarschuwingen) a set is refused with; [] when it loads. */
export function afgewezen(map: string): Probleem[] {
  try {
    laadParameterset(map);
    return [];
  } catch (e) {
    if (e instanceof ParametersetFout) return e.problemen;
    throw e;
  }
}

/**
 * A copy of a fixture set in a new temporary folder with some files changed (path → function of the
 * file's text): for what an overlay cannot say, such as a key that must be absent.
 */
export function aangepasteKopie(aanpassingen: Record<string, (tekst: string) => string>, basis = 'test/fixtures/sets/volledig'): string {
  const map = path.join(mkdtempSync(path.join(tmpdir(), 'tariefbouw-proefset-')), path.basename(basis));
  cpSync(path.join(ROOT, basis), map, { recursive: true });
  for (const [rel, f] of Object.entries(aanpassingen)) {
    const oud = readFileSync(path.join(map, rel), 'utf8');
    const nieuw = f(oud);
    if (nieuw === oud) throw new Error(`aanpassing van ${rel} verandert niets`);
    writeFileSync(path.join(map, rel), nieuw);
  }
  return map;
}
