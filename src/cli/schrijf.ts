/** Writes a set's output folder atomically: a failed build leaves the previous output intact. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function schrijfMapAtomisch(doel: string, bestanden: Map<string, string | Buffer>): void {
  const ouder = path.dirname(doel);
  mkdirSync(ouder, { recursive: true });
  const tijdelijk = path.join(ouder, `.tariefbouw-tmp-${path.basename(doel)}-${process.pid}`);
  const oud = path.join(ouder, `.tariefbouw-oud-${path.basename(doel)}-${process.pid}`);
  rmSync(tijdelijk, { recursive: true, force: true });
  mkdirSync(tijdelijk, { recursive: true });
  try {
    for (const [naam, inhoud] of [...bestanden].sort(([a], [b]) => a.localeCompare(b))) {
      const vol = path.join(tijdelijk, naam);
      mkdirSync(path.dirname(vol), { recursive: true });
      writeFileSync(vol, inhoud);
    }
    if (existsSync(doel)) renameSync(doel, oud);
    renameSync(tijdelijk, doel);
    rmSync(oud, { recursive: true, force: true });
  } catch (e) {
    rmSync(tijdelijk, { recursive: true, force: true });
    if (!existsSync(doel) && existsSync(oud)) renameSync(oud, doel);
    throw e;
  }
}
