/**
 * The catalogue of broken parameter sets (test/params-invalid/): every case
 * must be rejected with exit code 1, nothing on stdout, and exactly the
 * messages in its verwacht.txt.
 *
 * To regenerate the expected messages after a deliberate change in wording:
 *   VERNIEUW_VERWACHT=1 npx vitest run test/params/ongeldig.test.ts
 * and then read every changed message in the diff before committing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'params-invalid');
const VERNIEUW = process.env.VERNIEUW_VERWACHT === '1';

// Every folder of the corpus, and the cases among them (any number of digits, so case 100 counts too).
const mappen = readdirSync(CORPUS).filter((naam) => statSync(path.join(CORPUS, naam)).isDirectory());
const nummer = (naam: string) => Number(/^(\d+)-/.exec(naam)![1]);
const gevallen = mappen.filter((naam) => /^\d+-[a-z0-9-]+$/.test(naam)).sort((a, b) => nummer(a) - nummer(b));

/**
 * What git cannot store or should not hold is made just before its case runs and removed right after:
 * symbolic links out of the set, a FIFO (left in the tree it would hang any tool that reads every file),
 * a file over the size limit. The names are in .gitignore.
 */
const OPBOUW: Record<string, (map: string) => string[]> = {
  '100-koppeling-naar-buiten': (map) => {
    symlinkSync('/etc/passwd', path.join(map, 'cao', 'lek.yaml'));
    return [path.join(map, 'cao', 'lek.yaml')];
  },
  '101-koppeling-zonder-doel': (map) => {
    symlinkSync('bestaat-niet.yaml', path.join(map, 'cao', 'weg.yaml'));
    return [path.join(map, 'cao', 'weg.yaml')];
  },
  '102-fifo': (map) => {
    // mkfifo is part of coreutils on every machine the tests run on (Debian, CI); its absence fails the case
    execFileSync('mkfifo', [path.join(map, 'volumes.yaml')]);
    return [path.join(map, 'volumes.yaml')];
  },
  '114-bestand-te-groot': (map) => {
    writeFileSync(path.join(map, 'signalen.yaml'), `toelichting: >-\n${'  dertig tekens aan toelichting\n'.repeat(10_000)}`);
    return [path.join(map, 'signalen.yaml')];
  },
};
// git keeps no empty folder: the cao/ that holds the links is made here
for (const naam of ['100-koppeling-naar-buiten', '101-koppeling-zonder-doel']) mkdirSync(path.join(CORPUS, naam, 'cao'), { recursive: true });

/** Cases that once took tens of seconds or ran out of memory: each must now answer within this budget (in ms). */
const TIJDSLIMIET: Record<string, number> = {
  '102-fifo': 5000,
  '104-te-diep-genest': 5000,
  '105-dubbele-sleutels-vloed': 5000,
  '106-lange-onbekende-bronverwijzing': 5000,
  '114-bestand-te-groot': 5000,
};

async function controleer(naam: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // Relative to the repo root, as in verwacht.txt (messages show paths relative to the working folder).
  const code = await main(['controleer', path.relative(process.cwd(), path.join(CORPUS, naam)) || '.'], {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('ongeldige parametersets (test/params-invalid)', () => {
  it('draait vanuit de hoofdmap van het project, zodat paden in de meldingen kloppen', () => {
    expect(process.cwd()).toBe(ROOT);
  });

  it('bevat ten minste 30 gevallen', () => {
    expect(gevallen.length).toBeGreaterThanOrEqual(30);
  });

  it('elke map in de catalogus is een geval dat getest wordt (geen map valt buiten het naampatroon)', () => {
    expect(mappen.filter((m) => !gevallen.includes(m))).toEqual([]);
    expect(gevallen).toHaveLength(mappen.length);
  });

  it('nummert de gevallen zonder gaten of dubbele nummers', () => {
    expect(gevallen.map(nummer)).toEqual(gevallen.map((_, i) => i + 1));
  });

  it('beschrijft elk geval in de README', () => {
    const readme = readFileSync(path.join(CORPUS, 'README.md'), 'utf8');
    for (const g of gevallen) expect(readme, `README.md noemt ${g} niet`).toContain(`\`${g}\``);
  });

  it.each(gevallen)('%s begint met een omschrijving (# fout: …)', (naam) => {
    const model = path.join(CORPUS, naam, 'model.yaml');
    const bestand = existsSync(model)
      ? model
      : path.join(CORPUS, naam, readdirSync(path.join(CORPUS, naam)).find((f) => f.endsWith('.yaml') || f.endsWith('.yml'))!);
    expect(readFileSync(bestand, 'utf8').split('\n')[0]).toMatch(/^# fout: \S/);
  });

  it.each(gevallen)('%s wordt afgewezen met precies de verwachte meldingen', async (naam) => {
    const gemaakt = OPBOUW[naam]?.(path.join(CORPUS, naam)) ?? [];
    const t0 = performance.now();
    let r: Awaited<ReturnType<typeof controleer>>;
    try {
      r = await controleer(naam);
    } finally {
      for (const f of gemaakt) rmSync(f, { force: true });
    }
    const duur = performance.now() - t0;
    if (TIJDSLIMIET[naam] !== undefined) expect(duur, `${naam} duurde ${Math.round(duur)} ms`).toBeLessThan(TIJDSLIMIET[naam]!);
    const verwachtPad = path.join(CORPUS, naam, 'verwacht.txt');
    if (VERNIEUW && r.code === 1 && r.out === '') writeFileSync(verwachtPad, r.err);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(readFileSync(verwachtPad, 'utf8'));
  });

  it('wijst de alias-bom af zonder de aliassen uit te vouwen', async () => {
    // Nine levels of nine aliases would expand to 9^9 strings if the reader
    // followed them; it must instead stop at each alias and report it.
    const r = await controleer('05-alias-bom');
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('interne fout');
    expect(r.err).toContain('fout: ankers en aliassen (& en *) zijn niet toegestaan');
    expect(r.err).toContain('gevonden: alias *a en nog 71 andere aliassen in dit bestand (geen ervan wordt uitgevouwen)');
    expect(r.err.match(/ankers en aliassen/g)).toHaveLength(1);
  });
});
