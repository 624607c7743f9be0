/** Finding and loading a parameter set for a command; turns problems into text. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { laadParameterset, type GeladenSet } from '../params/laden.ts';
import { regelsVoorFragment } from '../params/bestanden.ts';
import { begrensd } from '../params/grenzen.ts';
import { berekenTarieven, type BerekenOpties } from '../model/bereken.ts';
import { controleerTotalen } from '../model/controle.ts';
import { begrotingProblemen } from '../model/begroting.ts';
import { controleerRegels } from '../params/regels.ts';
import { signalenVoorPlan } from '../model/signalen.ts';
import type { ModelProbleem, Tarievenplan } from '../model/types.ts';
import { ParametersetFout, formatProblemen, sorteerProblemen, type Probleem } from '../shared/problems.ts';
import { Afgebroken, PAKKET_MAP, standaardSet, wortel, type Io } from './wortel.ts';

export { Afgebroken, PAKKET_MAP, STANDAARD_SET, type Io } from './wortel.ts';

/**
 * A set is a folder path (from the working folder), or the name of a folder under models/ in the repository
 * root (else in the package).
 */
export function vindSet(naam: string | undefined): string {
  const n = naam ?? standaardSet();
  if (n.includes('/') || n.includes(path.sep) || n === '.' || n === '..') return path.resolve(n);
  const lokaal = path.join(wortel(), 'models', n);
  if (existsSync(lokaal)) return lokaal;
  const pakket = path.join(PAKKET_MAP, 'models', n);
  return existsSync(pakket) ? pakket : lokaal;
}

/**
 * The folder that file references in outputs are relative to: the folder holding the set's folder of sets
 * (models/<set>/x.yaml). It depends only on where the set lies, not on the working folder, so a build started
 * anywhere writes the same bytes.
 */
export function uitvoerBasis(setMap: string): string {
  return path.dirname(path.dirname(path.resolve(setMap)));
}

/** Adds the source line to problems that lack it (model and rule problems); `basis` is what their paths are relative to. */
export function metFragment(ps: (Probleem | (ModelProbleem & { ernst?: 'fout' | 'waarschuwing' }))[], basis = wortel()): Probleem[] {
  const cache = new Map<string, string[]>();
  return ps.map((p) => {
    const q: Probleem = { ernst: p.ernst ?? 'fout', ...p } as Probleem;
    if (q.fragment !== undefined) return begrensd(q);
    let regels = cache.get(q.bestand);
    if (!regels) {
      regels = regelsVoorFragment(path.resolve(basis, q.bestand));
      cache.set(q.bestand, regels);
    }
    const f = regels[q.regel - 1];
    return begrensd(f === undefined ? q : { ...q, fragment: f });
  });
}

export interface Geladen extends GeladenSet {
  /** what the file references of this set are relative to */
  weergaveBasis: string;
}

/** Loads a set; file references relative to the repository root, or to `weergaveBasis` (see uitvoerBasis). */
export function laad(naam: string | undefined, io: Io, weergaveBasis = wortel()): Geladen {
  try {
    const g = laadParameterset(vindSet(naam), { weergaveBasis });
    if (g.waarschuwingen.length) io.err(`${formatProblemen(metFragment(g.waarschuwingen, weergaveBasis))}\n`);
    return { ...g, weergaveBasis };
  } catch (e) {
    if (e instanceof ParametersetFout) {
      io.err(`${formatProblemen(metFragment(e.problemen, weergaveBasis))}\n`);
      io.err('Er is niets geschreven. Los de fouten op en probeer het opnieuw.\n');
      throw new Afgebroken(1);
    }
    throw e;
  }
}

/** Computes the plan; model problems (e.g. no value for another tariefjaar) abort with exit 1. */
export function reken(g: Geladen, opties: BerekenOpties, io: Io, metControle = false): Tarievenplan {
  // Another tariefjaar: first every value that does not hold then, all at once, as controleer would report them.
  if (opties.tariefjaar !== undefined && opties.tariefjaar !== g.set.tariefjaar && !g.set.indexering) {
    const ander = controleerRegels({ ...g.set, tariefjaar: opties.tariefjaar, peildatum: opties.peildatum ?? `${opties.tariefjaar}-01-01` }).filter((p) => p.ernst === 'fout');
    if (ander.length) {
      io.err(`${formatProblemen(sorteerProblemen(metFragment(ander, g.weergaveBasis)))}\n`);
      io.err(`De set heeft geen waarden voor tariefjaar ${opties.tariefjaar}. Er is niets geschreven.\n`);
      throw new Afgebroken(1);
    }
  }
  const plan = berekenTarieven(g.set, opties);
  // a variant in volumes.yaml that the product does not have is an error of the set like any other
  const problemen: Probleem[] = metFragment([...plan.problemen, ...begrotingProblemen(g.set, plan), ...(metControle ? controleerTotalen(g.set, plan) : [])], g.weergaveBasis);
  if (problemen.length) {
    io.err(`${formatProblemen(sorteerProblemen(problemen))}\n`);
    io.err('Er is niets geschreven. Los de fouten op en probeer het opnieuw.\n');
    throw new Afgebroken(1);
  }
  if (metControle) {
    // Signals for reviewers: warnings, never a reason to stop.
    const signalen = signalenVoorPlan(g.set, plan).map(
      (s): Probleem => ({ ernst: 'waarschuwing', bestand: s.bestand ?? `models/${g.set.id}`, regel: s.regel ?? 1, kolom: s.kolom ?? 1, melding: s.melding, hint: 'een signaal voor de reviewer; de set is wel geldig' }),
    );
    if (signalen.length) io.err(`${formatProblemen(sorteerProblemen(metFragment(signalen, g.weergaveBasis)))}\n`);
  }
  return plan;
}
