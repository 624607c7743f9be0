/**
 * `tariefbouw init`: starts a region's repository in the current folder. A minimal valid set with explicit
 * placeholders (INVULLEN: …) that controleer reports until they are filled in, optionally the full example set,
 * the templates, the CI workflow, .gitattributes, .gitignore, a README and a CHANGELOG for the team, and
 * tariefbouw.yaml that marks the root. Never overwrites a file; writes nothing when one would be overwritten.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Afgebroken, CONFIG_BESTAND, PAKKET_MAP, toonPad, type Io } from './wortel.ts';

/** The example set shipped with the package, copied by --voorbeeld. */
const VOORBEELD = 'voorbeeldregio-2027';
/** Where the installed package's schemas are, seen from the root of a region's repository. */
const SCHEMAS_IN_REPO = 'node_modules/tariefbouw/schemas';

export interface InitOpties {
  regio: string;
  jaar: number;
  voorbeeld?: boolean;
}

/** A set name from the region's name: lower case, letters and digits, words joined by '-'. */
export function setNaam(regio: string, jaar: number): string {
  const slug = regio
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'regio'}-${jaar}`;
}

function schemaSoort(rel: string): string | undefined {
  if (rel.startsWith('cao/')) return 'cao';
  if (rel.startsWith('producten/')) return 'producten';
  if (rel.startsWith('aanbieders/')) return 'aanbieder';
  const naam = rel.replace(/\.yaml$/, '');
  return naam.includes('/') ? undefined : naam;
}

/**
 * The `# yaml-language-server` line for a set file at `rel` inside models/<set>/, pointing at the installed
 * package's schemas; replaces one that is there (the example set points at this repository's schemas/).
 */
export function metModeline(rel: string, tekst: string): string {
  const soort = schemaSoort(rel);
  const zonder = tekst.replace(/^# yaml-language-server: \$schema=\S+\r?\n/, '');
  if (!soort) return zonder;
  const omhoog = '../'.repeat(2 + rel.split('/').length - 1);
  return `# yaml-language-server: $schema=${omhoog}${SCHEMAS_IN_REPO}/${soort}.schema.json\n${zonder}`;
}

function bestandenIn(map: string, rel = ''): string[] {
  return readdirSync(path.join(map, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? bestandenIn(map, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]))
    .sort();
}

/** Everything init writes, by path relative to the folder, as text. */
export function initBestanden(o: InitOpties): Map<string, string> {
  const set = setNaam(o.regio, o.jaar);
  const vervang = (tekst: string) =>
    tekst
      .replaceAll('{{set}}', set)
      .replaceAll('{{jaar}}', String(o.jaar))
      .replaceAll('{{regio}}', o.regio)
      .replaceAll('{{regio_yaml}}', JSON.stringify(o.regio))
      .replaceAll('{{naam_yaml}}', JSON.stringify(`${o.regio} ${o.jaar}`));
  const init = path.join(PAKKET_MAP, 'init');
  const uit = new Map<string, string>();
  uit.set(CONFIG_BESTAND, vervang(readFileSync(path.join(init, 'tariefbouw.yaml'), 'utf8')));
  uit.set('README.md', vervang(readFileSync(path.join(init, 'README.md'), 'utf8')));
  uit.set('CHANGELOG.md', vervang(readFileSync(path.join(init, 'CHANGELOG.md'), 'utf8')));
  // stored without the dot: npm leaves a .gitignore out of a package
  uit.set('.gitignore', readFileSync(path.join(init, 'gitignore'), 'utf8'));
  uit.set('.gitattributes', readFileSync(path.join(init, 'gitattributes'), 'utf8'));
  for (const rel of bestandenIn(path.join(init, 'set'))) {
    uit.set(`models/${set}/${rel}`, metModeline(rel, vervang(readFileSync(path.join(init, 'set', rel), 'utf8'))));
  }
  if (o.voorbeeld) {
    const map = path.join(PAKKET_MAP, 'models', VOORBEELD);
    for (const rel of bestandenIn(map)) uit.set(`models/${VOORBEELD}/${rel}`, metModeline(rel, readFileSync(path.join(map, rel), 'utf8')));
  }
  const sjablonen = path.join(PAKKET_MAP, 'templates');
  for (const rel of bestandenIn(sjablonen)) uit.set(`templates/${rel}`, readFileSync(path.join(sjablonen, rel), 'utf8'));
  const workflow = readFileSync(path.join(PAKKET_MAP, 'docs/ci/tariefimpact.yml'), 'utf8').replace(/^(\s*SET: )\S+/m, `$1${set}`);
  uit.set('.github/workflows/tariefimpact.yml', workflow);
  return uit;
}

export function voerInitUit(o: InitOpties, io: Io): void {
  const hier = process.cwd();
  const bestanden = initBestanden(o);
  const bestaand = [...bestanden.keys()].filter((rel) => existsSync(path.join(hier, rel)));
  if (bestaand.length) {
    io.err(
      `fout: init overschrijft niets, en ${bestaand.length === 1 ? 'dit bestand bestaat' : 'deze bestanden bestaan'} al:\n${bestaand.map((b) => `  ${b}`).join('\n')}\n` +
        '  verwacht: een lege map (package.json, package-lock.json, node_modules/ en .git/ mogen er al zijn)\n' +
        '  hint: begin in een nieuwe map, of verplaats deze bestanden eerst\nEr is niets geschreven.\n',
    );
    throw new Afgebroken(1);
  }
  for (const [rel, tekst] of bestanden) {
    const vol = path.join(hier, rel);
    mkdirSync(path.dirname(vol), { recursive: true });
    writeFileSync(vol, tekst);
  }
  const set = setNaam(o.regio, o.jaar);
  let git = '';
  if (existsSync(path.join(hier, '.git'))) {
    // the workbook diff needs a command in the clone's config; .gitattributes alone cannot set it
    try {
      execFileSync('git', ['config', 'diff.xlsx.textconv', 'npx tariefbouw dump-xlsx'], { cwd: hier, stdio: 'ignore' });
      git = 'git config diff.xlsx.textconv is gezet (werkboeken als tekst in git diff).\n';
    } catch {
      git = '';
    }
  }
  io.err(
    `tariefbouw: repository begonnen in ${toonPad(hier)}: ${CONFIG_BESTAND}, models/${set}/${o.voorbeeld ? `, models/${VOORBEELD}/` : ''}, templates/, ` +
      `.github/workflows/tariefimpact.yml, .gitattributes, .gitignore, README.md, CHANGELOG.md\n${git}` +
      `Volgende stap: npx tariefbouw controleer (meldt elke INVULLEN tot hij is ingevuld).\n`,
  );
}
