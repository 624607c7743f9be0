/**
 * External tools some tests need: LibreOffice (recalculates the workbooks), poppler (reads the PDFs), qpdf
 * (reads the structure tree of the tagged PDFs) and Chromium (prints the tagged PDFs of --publicatie and runs
 * axe-core).
 *
 * `metGereedschap('poppler')` gives the `it` to declare such a test with, `beschrijfMet('chromium', 'qpdf')`
 * the `describe` for a block of them:
 * - every tool present: the tests run;
 * - a tool missing on a laptop: the tests are skipped, their name says which tool is missing, and the file
 *   prints once which tool is missing and how to install it;
 * - a tool missing in CI (`CI=true` or `CI=1`): the test FAILS with that message (for a block: one failing
 *   test in its place), so a CI machine without the tool can never pass by skipping.
 * No test may ask "is the tool there?" and then leave out a part of itself: split that part into its own test.
 */
import { spawnSync } from 'node:child_process';
import { describe, it, type TestFunction } from 'vitest';
import { CHROMIUM_PADEN, vindChromium } from '../src/render/publicatie.ts';

export const inCi = process.env.CI === 'true' || process.env.CI === '1';

export type Gereedschap = 'libreoffice' | 'poppler' | 'qpdf' | 'chromium';

interface Beschrijving {
  /** the path of the tool, or undefined */
  zoek: () => string | undefined;
  /** what was looked for, for the message */
  gezocht: () => string;
  pakket: string;
}

/** Programs looked up on PATH; the tool is there when all of them are. */
function opPath(programmas: string[], pakket: string): Beschrijving {
  return {
    zoek: () => {
      const paden = programmas.map((p) => spawnSync('sh', ['-c', `command -v ${p}`], { encoding: 'utf8' }).stdout.trim());
      return paden.every(Boolean) ? paden[0] : undefined;
    },
    gezocht: () => `${programmas.join(', ')} niet gevonden op PATH`,
    pakket,
  };
}

const BESCHRIJVING: Record<Gereedschap, Beschrijving> = {
  libreoffice: opPath(['soffice'], 'libreoffice-calc-nogui'),
  poppler: opPath(['pdftotext', 'pdffonts', 'pdfinfo', 'pdftohtml'], 'poppler-utils'),
  qpdf: opPath(['qpdf'], 'qpdf'),
  // the same search as `genereer --publicatie` itself: TARIEFBOUW_CHROMIUM, else a few fixed paths
  chromium: {
    zoek: vindChromium,
    gezocht: () =>
      process.env.TARIEFBOUW_CHROMIUM ? `TARIEFBOUW_CHROMIUM=${process.env.TARIEFBOUW_CHROMIUM} bestaat niet` : `niet gevonden op ${CHROMIUM_PADEN.join(', ')}`,
    pakket: 'chromium',
  },
};

const gevonden = new Map<Gereedschap, string | undefined>();

/** The path of the tool's (first) program, or undefined when (any of its programs) is missing. */
export function gereedschapPad(g: Gereedschap): string | undefined {
  if (!gevonden.has(g)) gevonden.set(g, BESCHRIJVING[g].zoek());
  return gevonden.get(g);
}

export function ontbreektMelding(g: Gereedschap): string {
  const { gezocht, pakket } = BESCHRIJVING[g];
  return `${g} ontbreekt (${gezocht()}): installeer ${pakket}${inCi ? '; in CI moet .ci/run dat doen' : ''}`;
}

const gewaarschuwd = new Set<Gereedschap>();

function ontbrekend(gereedschap: Gereedschap[]): Gereedschap[] {
  return gereedschap.filter((g) => !gereedschapPad(g));
}

function waarschuw(mist: Gereedschap[]): void {
  for (const g of mist) {
    if (gewaarschuwd.has(g)) continue;
    gewaarschuwd.add(g);
    console.warn(`\n⚠ ${ontbreektMelding(g)}; de tests die het nodig hebben worden overgeslagen.\n`);
  }
}

const faal = (mist: Gereedschap[]) => () => {
  throw new Error(mist.map(ontbreektMelding).join('\n'));
};

type TestDeclaratie = (naam: string, fn: TestFunction, timeout?: number) => void;

/** The `it` for a test that needs these tools: runs, skips visibly (laptop), or fails (CI). */
export function metGereedschap(...gereedschap: Gereedschap[]): TestDeclaratie {
  const mist = ontbrekend(gereedschap);
  if (mist.length === 0) return (naam, fn, timeout) => it(naam, fn, timeout);
  if (inCi) return (naam) => it(naam, faal(mist));
  waarschuw(mist);
  return (naam, fn, timeout) => it.skip(`${naam} [overgeslagen: ${mist.join(' en ')} ontbreekt]`, fn, timeout);
}

/**
 * The `describe` for a block whose tests (and beforeAll) all need these tools. Missing on a laptop: the block
 * is skipped with every test in it listed as skipped; missing in CI: the block holds one failing test instead.
 */
export function beschrijfMet(...gereedschap: Gereedschap[]): (naam: string, fn: () => void) => void {
  const mist = ontbrekend(gereedschap);
  if (mist.length === 0) return (naam, fn) => describe(naam, fn);
  if (inCi) return (naam) => describe(naam, () => it(`${mist.join(' en ')} ${mist.length > 1 ? 'zijn' : 'is'} geïnstalleerd (vereist in CI)`, faal(mist)));
  waarschuw(mist);
  return (naam, fn) => describe.skip(`${naam} [overgeslagen: ${mist.join(' en ')} ontbreekt]`, fn);
}
