/**
 * External tools some tests need: LibreOffice (recalculates the workbooks) and poppler (reads the PDFs).
 *
 * `metGereedschap('poppler')` gives the `it` to declare such a test with:
 * - tool present: the test runs;
 * - tool missing on a laptop: the test is skipped, it says so in its name, and the file prints once
 *   which tool is missing and how to install it;
 * - tool missing in CI (`CI=true` or `CI=1`): the test FAILS with that message, so a CI machine without
 *   the tool can never pass by skipping.
 * Inside a test, `vereisGereedschap(…)` does the same for a part of the test.
 */
import { spawnSync } from 'node:child_process';
import { it, type TestFunction } from 'vitest';

export const inCi = process.env.CI === 'true' || process.env.CI === '1';

export type Gereedschap = 'libreoffice' | 'poppler';

const BESCHRIJVING: Record<Gereedschap, { programmas: string[]; pakket: string }> = {
  libreoffice: { programmas: ['soffice'], pakket: 'libreoffice-calc-nogui' },
  poppler: { programmas: ['pdftotext', 'pdffonts', 'pdfinfo', 'pdftohtml'], pakket: 'poppler-utils' },
};

const gevonden = new Map<Gereedschap, string | undefined>();

/** The path of the tool's (first) program, or undefined when any of its programs is not on PATH. */
export function gereedschapPad(g: Gereedschap): string | undefined {
  if (!gevonden.has(g)) {
    const paden = BESCHRIJVING[g].programmas.map((p) => spawnSync('sh', ['-c', `command -v ${p}`], { encoding: 'utf8' }).stdout.trim());
    gevonden.set(g, paden.every(Boolean) ? paden[0] : undefined);
  }
  return gevonden.get(g);
}

export function ontbreektMelding(g: Gereedschap): string {
  const { programmas, pakket } = BESCHRIJVING[g];
  return `${g} ontbreekt (${programmas.join(', ')} niet gevonden op PATH): installeer ${pakket}${inCi ? '; in CI moet .ci/run dat doen' : ''}`;
}

const gewaarschuwd = new Set<Gereedschap>();

type TestDeclaratie = (naam: string, fn: TestFunction, timeout?: number) => void;

/** The `it` for a test that needs the tool: runs, skips visibly (laptop), or fails (CI). */
export function metGereedschap(g: Gereedschap): TestDeclaratie {
  if (gereedschapPad(g)) return (naam, fn, timeout) => it(naam, fn, timeout);
  if (inCi) {
    return (naam) =>
      it(naam, () => {
        throw new Error(ontbreektMelding(g));
      });
  }
  if (!gewaarschuwd.has(g)) {
    gewaarschuwd.add(g);
    console.warn(`\n⚠ ${ontbreektMelding(g)}; de tests die het nodig hebben worden overgeslagen.\n`);
  }
  return (naam, fn, timeout) => it.skip(`${naam} [overgeslagen: ${g} ontbreekt]`, fn, timeout);
}
