/** The tariefbouw command line: thin wiring over params → model → docmodel → render. */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { GevuldeDocumenten } from './documenten.ts';
import { omgevingsFout, reserveerUitvoer } from './schrijf.ts';
import { CliFout } from './fouten.ts';
import { Afgebroken, standaardSet, toonPad, wortel, yamlCacheMap, type Io } from './wortel.ts';
import { zichtbaar } from '../shared/stuurtekens.ts';
import { registreerReviewCommandos } from './review.ts';
import { TARIEFBOUW_VERSIE } from '../shared/versie.ts';

// Each command loads what it needs when it runs, so that `--help` loads no parameter code and `controleer`
// no workbook or PDF libraries. The bindings keep their names, so the actions read as with static imports.
let planNaarJson: typeof import('../docmodel/json.ts').planNaarJson;
let tarievenTekst: typeof import('../docmodel/verklaring.ts').tarievenTekst;
let verklaar: typeof import('../docmodel/verklaring.ts').verklaar;
let bedoeldeU: typeof import('../params/zodfouten.ts').bedoeldeU;
let laad: typeof import('./sets.ts').laad;
let reken: typeof import('./sets.ts').reken;
let vindSet: typeof import('./sets.ts').vindSet;
let uitvoerBasis: typeof import('./sets.ts').uitvoerBasis;
let dumpXlsx: typeof import('../render/xlsx.ts').dumpXlsx;
let bezwarenTekst: typeof import('./documenten.ts').bezwarenTekst;
let publicatieBezwaren: typeof import('./documenten.ts').publicatieBezwaren;
let SjabloonFout: typeof import('./documenten.ts').SjabloonFout;
let vindSjablonen: typeof import('./documenten.ts').vindSjablonen;
let vulDocumenten: typeof import('./documenten.ts').vulDocumenten;
let chromiumVoorPublicatie: typeof import('./documenten.ts').chromiumVoorPublicatie;
let bouwUitvoer: typeof import('./genereer.ts').bouwUitvoer;
let formatProblemen: typeof import('../shared/problems.ts').formatProblemen;

/** What every command that reads a set needs: loading, checking, computing, and the text outputs. */
async function laadSetModules(): Promise<void> {
  const [sets, json, verklaring, zodfouten, problems, yamlcache] = await Promise.all([
    import('./sets.ts'),
    import('../docmodel/json.ts'),
    import('../docmodel/verklaring.ts'),
    import('../params/zodfouten.ts'),
    import('../shared/problems.ts'),
    import('../params/yamlcache.ts'),
  ]);
  yamlcache.stelYamlCacheIn(yamlCacheMap());
  ({ laad, reken, vindSet, uitvoerBasis } = sets);
  ({ planNaarJson } = json);
  ({ tarievenTekst, verklaar } = verklaring);
  ({ bedoeldeU } = zodfouten);
  ({ formatProblemen } = problems);
}

/** The document build: templates, workbooks and PDFs (only genereer). */
async function laadDocumentModules(): Promise<void> {
  await laadSetModules();
  const [documenten, genereer] = await Promise.all([import('./documenten.ts'), import('./genereer.ts')]);
  ({ bezwarenTekst, publicatieBezwaren, SjabloonFout, vindSjablonen, vulDocumenten, chromiumVoorPublicatie } = documenten);
  ({ bouwUitvoer } = genereer);
}

const VERTALINGEN: [RegExp, string][] = [
  [/^error: unknown command '(.*)'/m, "fout: onbekend commando '$1'"],
  [/^error: unknown option '(.*)'/m, "fout: onbekende optie '$1'"],
  [/^error: missing required argument '(.*)'/m, "fout: verplicht argument '$1' ontbreekt"],
  [/^error: too many arguments.*$/m, 'fout: te veel argumenten'],
  [/^error: option '(.*)' argument missing/m, "fout: optie '$1' mist een waarde"],
  [/^error: required option '(.*)' not specified/m, "fout: verplichte optie '$1' ontbreekt"],
  [/^error: option '(.*)' argument '(.*)' is invalid\.\s*/m, "fout: ongeldige waarde '$2' bij optie '$1': "],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*)'\.\s*/m, "fout: ongeldige waarde '$1' bij argument '$2': "],
  [/^error: (.*) cannot be used with (.*)$/m, 'fout: $1 gaat niet samen met $2'],
  [/^error: /m, 'fout: '],
  [/\(Did you mean (.*)\?\)/, '(bedoelde u $1?)'],
  [/^Usage:/gm, 'Gebruik:'],
  [/^Options:/gm, 'Opties:'],
  [/^Commands:/gm, 'Commando’s:'],
  [/^Arguments:/gm, 'Argumenten:'],
  [/\[options\]/g, '[opties]'],
  [/\[command\]/g, '[commando]'],
];

/** A default in --help, in Dutch and before commander wraps the line (so no "(default:" at a line end). */
function standaardTekst(beschrijving: string, w: unknown, toon?: string): string {
  return w === undefined || typeof w === 'boolean' ? beschrijving : `${beschrijving} (standaard: ${toon ?? (typeof w === 'string' ? w : JSON.stringify(w))})`;
}

function vertaal(s: string): string {
  return VERTALINGEN.reduce((t, [re, nl]) => t.replace(re, nl), s);
}

/** A tariefjaar: four digits, from 2015 (Jeugdwet and Wmo 2015) up to 2100; 0000 or 9999 is a typo, not a year. */
function jaar(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('verwacht een jaartal van vier cijfers, zoals 2027');
  const n = Number(v);
  if (n < 2015 || n > 2100) throw new InvalidArgumentError(`verwacht een tariefjaar van 2015 tot en met 2100, gevonden ${v}`);
  return n;
}

export function maakProgramma(io: Io): Command {
  const program = new Command('tariefbouw');
  const standaard = standaardSet();
  program
    .description(
      'Reële tarieven voor Jeugdwet en Wmo 2015. Leest een parameterset (models/<set>/), controleert hem, rekent per product de tarieven met hun opbouw uit en schrijft de tarieventabel.',
    )
    .version(TARIEFBOUW_VERSIE, '-V, --version', 'toon de versie van tariefbouw')
    .helpOption('-h, --help', 'toon deze uitleg')
    .helpCommand('help [commando]', 'toon de uitleg van een commando')
    .configureHelp({
      optionDescription: (o) => (o.required || o.optional ? standaardTekst(o.description, o.defaultValue, o.defaultValueDescription) : o.description),
      argumentDescription: (a) => standaardTekst(a.description, a.defaultValue, a.defaultValueDescription),
    })
    .configureOutput({
      writeOut: (s) => io.out(vertaal(s)),
      writeErr: (s) => io.err(vertaal(s)),
      outputError: (s, write) => write(vertaal(s)),
    })
    .showHelpAfterError('(tariefbouw --help geeft uitleg)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Een set is de naam van een map onder models/ (standaard: ${standaard}) of een pad naar een setmap.
De commando's werken vanuit elke map van de repository: ze lezen en schrijven vanaf de hoofdmap
(de map met tariefbouw.yaml, of met models/ naast .git of package.json).

Voorbeelden:
  tariefbouw controleer                      controleer de standaardset (stil als alles klopt)
  tariefbouw bereken --json > tarieven.json  alle tarieven met opbouw als JSON
  tariefbouw verklaar 45A48 --variant jeugdzorg
  tariefbouw genereer                        schrijf output/${standaard}/tarieven.csv

Afsluitcodes: 0 goed, 1 fouten in de parameterset of controletotalen, 2 verkeerd gebruik, 70 interne fout.`,
    );

  program
    .command('controleer')
    .description('controleer een parameterset en zijn controletotalen; zegt niets als alles klopt')
    .argument('[set]', 'naam of pad van de set', standaard)
    .action(async (set: string) => {
      await laadSetModules();
      const g = laad(set, io);
      reken(g, {}, io, true);
    });

  program
    .command('bereken')
    .description('reken alle tarieven uit en toon ze als tabel, of met --json als JSON met opbouw')
    .argument('[set]', 'naam of pad van de set', standaard)
    .option('--json', 'JSON met per tarief de volledige opbouw (stabiel contract, bedragen als tekst)')
    .addOption(new Option('--tariefjaar <jaar>', 'reken voor een ander tariefjaar dan dat van de set').argParser(jaar))
    .action(async (set: string, o: { json?: boolean; tariefjaar?: number }) => {
      await laadSetModules();
      const g = laad(set, io);
      const plan = reken(g, o.tariefjaar !== undefined ? { tariefjaar: o.tariefjaar } : {}, io);
      io.out(o.json ? `${JSON.stringify(planNaarJson(plan), null, 2)}\n` : tarievenTekst(plan));
    });

  program
    .command('verklaar')
    .description('toon de opbouw van één tarief: elke stap, de formule en de parameters met bestand:regel en bron')
    .argument('<productcode>', 'iStandaard-productcode, bijvoorbeeld 45A48')
    .option('--variant <variant>', 'variant: een CAO, basistarief, micro-onderneming, micro-<cao>, pgb-<soort> of aanbieder-<naam> (standaard basistarief of de eerste)')
    .option('--set <set>', 'naam of pad van de set', standaard)
    .addOption(new Option('--tariefjaar <jaar>', 'reken voor een ander tariefjaar dan dat van de set').argParser(jaar))
    .action(async (code: string, o: { variant?: string; set: string; tariefjaar?: number }) => {
      await laadSetModules();
      const g = laad(o.set, io);
      const plan = reken(g, o.tariefjaar !== undefined ? { tariefjaar: o.tariefjaar } : {}, io);
      const vanProduct = plan.tarieven.filter((t) => t.product === code);
      if (!vanProduct.length) {
        const s = bedoeldeU(code, [...new Set(plan.tarieven.map((t) => t.product))]);
        io.err(`fout: product ${code} bestaat niet in ${g.set.naam}${s ? ` (bedoelde u ${s}?)` : ''}\n`);
        throw new Afgebroken(1);
      }
      const t = o.variant ? vanProduct.find((x) => x.variant === o.variant) : (vanProduct.find((x) => x.variant === 'basistarief') ?? vanProduct[0]);
      if (!t) {
        io.err(`fout: variant ${o.variant} bestaat niet voor ${code}; kies uit: ${vanProduct.map((x) => x.variant).join(', ')}\n`);
        throw new Afgebroken(1);
      }
      io.out(verklaar(plan, t));
    });

  program
    .command('genereer')
    .description(
      'controleer de set en schrijf output/<set>/: tarieven.csv (tekst, hoort in git), opbouw.json, de werkboeken en de documenten (productenboek, tariefbijlage, programma van eisen, addenda) als PDF en als webpagina, met index.html',
    )
    .argument('[set]', 'naam of pad van de set', standaard)
    .option('--out <map>', 'map waarin de map van de set komt (standaard: output/ in de hoofdmap van de repository)')
    .option('--publicatie', 'documenten zonder CONCEPT-merk, de PDF\'s getagd (afgedrukt in Chromium); weigert als een gebruikte waarde niet vastgesteld is, een bron mist of een controletotaal niet klopt')
    .option('--sjablonen <map>', 'map met de sjablonen van de documenten (standaard templates/)')
    .action(async (set: string, o: { out?: string; publicatie?: boolean; sjablonen?: string }) => {
      await laadDocumentModules();
      // File references in the outputs relative to where the set lies, never to the working folder.
      const basis = uitvoerBasis(vindSet(set));
      const g = laad(set, io, basis);
      io.err(`tariefbouw: ${g.set.naam} geladen (${g.set.producten.length} producten, tariefjaar ${g.set.tariefjaar})\n`);
      const publicatie = o.publicatie === true;
      const plan = reken(g, {}, io, !publicatie);
      if (publicatie) {
        const bezwaren = publicatieBezwaren(g.set, plan);
        if (bezwaren.length) {
          io.err(bezwarenTekst(bezwaren));
          io.err('Er is niets geschreven.\n');
          throw new Afgebroken(1);
        }
        chromiumVoorPublicatie(io);
      }
      // Always below the repository root, wherever the command was started; a given --out is a path from here.
      const doel = o.out ? path.resolve(o.out, g.set.id) : path.join(wortel(), 'output', g.set.id);
      const sjablonen = vindSjablonen(o.sjablonen);
      // Before anything is rendered: a wrong --out, a folder tariefbouw did not write, another run, no permission.
      const plek = await reserveerUitvoer(doel, { eigenaar: 'genereer', setMappen: [vindSet(set)] });
      try {
        const setMap = path.relative(basis, vindSet(set)).split(path.sep).join('/');
        let gevuld: GevuldeDocumenten;
        try {
          gevuld = vulDocumenten(g.set, plan, { publicatie, sjablonen, setMap });
        } catch (e) {
          if (!(e instanceof SjabloonFout)) throw e;
          io.err(`${formatProblemen([e.probleem])}\n`);
          io.err('Er is niets geschreven. Verbeter het sjabloon en probeer het opnieuw.\n');
          throw new Afgebroken(1);
        }
        io.err(`tariefbouw: ${plan.tarieven.length} tarieven berekend; werkboeken en ${gevuld.documenten.length} documenten maken …\n`);
        const t0 = performance.now();
        const bestanden = await bouwUitvoer(g.set, plan, gevuld, (naam, bytes) =>
          io.err(`  ${naam} (${Math.ceil(bytes / 1024).toLocaleString('nl-NL')} kB, na ${((performance.now() - t0) / 1000).toFixed(1).replace('.', ',')} s)\n`),
        );
        plek.schrijf(bestanden);
        io.err(`tariefbouw: geschreven naar ${toonPad(doel)}/: ${[...bestanden.keys()].join(', ')}${publicatie ? '' : ' (documenten als CONCEPT)'}\n`);
      } finally {
        plek.vrij();
      }
    });

  program
    .command('dump-xlsx')
    .description('druk een werkboek af als tekst, één regel per cel (blad!cel, waarde, formule, opmaak); voor git diff')
    .argument('<bestand>', 'een .xlsx-bestand')
    .action(async (bestand: string) => {
      ({ dumpXlsx } = await import('../render/xlsx.ts'));
      let buf: Buffer;
      try {
        buf = readFileSync(bestand);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new CliFout(2, `kan ${bestand} niet lezen${code === 'ENOENT' ? ': het bestand bestaat niet' : code === 'EISDIR' ? ': het is een map' : ''}`, { verwacht: 'een .xlsx-bestand' }, '');
      }
      if (buf.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') {
        const lfs = buf.subarray(0, 200).toString('utf8').startsWith('version https://git-lfs.github.com/spec/');
        throw new CliFout(1, `${bestand} is geen Excel-werkboek`, {
          verwacht: 'een .xlsx-bestand (een zip-archief)',
          gevonden: lfs ? 'een git LFS-verwijzing in plaats van het werkboek' : `${buf.length} bytes die niet met de kop van een zip-archief beginnen`,
          hint: lfs ? 'haal de werkboeken op met git lfs pull, of zet git diff voor LFS-bestanden zonder textconv' : 'geef het pad van een werkboek dat tariefbouw of Excel schreef',
        }, '');
      }
      let tekst: string;
      try {
        tekst = await dumpXlsx(buf);
      } catch (e) {
        throw new CliFout(1, `${bestand} is geen leesbaar Excel-werkboek`, {
          verwacht: 'een .xlsx-bestand',
          gevonden: `een zip-archief dat exceljs niet als werkboek kan lezen (${e instanceof Error ? e.message.split('\n')[0]!.slice(0, 120) : String(e)})`,
          hint: 'is het bestand beschadigd of een ander soort zip, zoals .docx of .ods?',
        }, '');
      }
      io.out(tekst);
    });

  program
    .command('init')
    .description(
      'begin de repository van een regio in deze (lege) map: een set met in te vullen waarden (INVULLEN) die controleer meldt tot ze zijn ingevuld, de sjablonen, de CI-workflow, .gitattributes, .gitignore, README en CHANGELOG',
    )
    .requiredOption('--regio <naam>', 'naam van de regio, zoals "Regio Noord"; de set heet naar de regio en het jaar')
    .addOption(new Option('--jaar <jaar>', 'het tariefjaar van de eerste set').argParser(jaar).makeOptionMandatory())
    .option('--voorbeeld', 'zet ook de volledige voorbeeldset models/voorbeeldregio-2027 ernaast')
    .action(async (o: { regio: string; jaar: number; voorbeeld?: boolean }) => {
      const { voerInitUit } = await import('./init.ts');
      voerInitUit(o, io);
    });

  registreerReviewCommandos(program, io);
  return program;
}

const STANDAARD_IO: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/**
 * `tariefbouw bereken --json | head`: when the reader closes the pipe, stop quietly (exit 0) instead of a stack
 * trace. Only for the real stdout and stderr.
 */
let pijpBewaakt = false;
function stilBijGeslotenPijp(): void {
  if (pijpBewaakt) return;
  pijpBewaakt = true;
  for (const stroom of [process.stdout, process.stderr]) {
    stroom.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export async function main(argv: string[], uit: Io = STANDAARD_IO): Promise<number> {
  if (uit === STANDAARD_IO) stilBijGeslotenPijp();
  // No control character from a set reaches the terminal or a CI log as itself.
  const io: Io = { out: (s) => uit.out(zichtbaar(s)), err: (s) => uit.err(zichtbaar(s)) };
  const program = maakProgramma(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof Afgebroken) return e.code;
    // A file-system error that reached here (a full disk, no permission, a name too long) is the machine's, not ours.
    const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
    const machine = ['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'EIO', 'EMFILE', 'ENFILE'].includes(code);
    const f = e instanceof CliFout ? e : machine ? omgevingsFout(e, (e as NodeJS.ErrnoException).path ?? '.') : e;
    if (f instanceof CliFout) {
      io.err(`${f.tekst()}\n`);
      return f.code;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      return 2;
    }
    io.err(`interne fout in tariefbouw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nDit is een fout in het programma, niet in uw parameterset. Meld hem met deze tekst.\n`);
    return 70;
  }
}
