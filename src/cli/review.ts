/** Commands for review and indexation rounds: vergelijk, indexeer, begroting. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { Indexcijfer, ParameterSet } from '../params/types.ts';
import type { Tarievenplan } from '../model/types.ts';
import type { Decimal } from '../shared/decimal.ts';
import { CliFout } from './fouten.ts';
import { controleerDoel, omgevingsFout, schrijfMapAtomisch } from './schrijf.ts';
import { Afgebroken, standaardSet, toonPad, wortel, yamlCacheMap, type Io } from './wortel.ts';

// As in main.ts: the commands load their modules when they run (laadReviewModules), not when the CLI starts.
let laadParameterset: typeof import('../params/laden.ts').laadParameterset;
let berekenTarieven: typeof import('../model/bereken.ts').berekenTarieven;
let parameterWaarden: typeof import('../model/vergelijk.ts').parameterWaarden;
let vergelijk: typeof import('../model/vergelijk.ts').vergelijk;
let signalenVoorPlan: typeof import('../model/signalen.ts').signalenVoorPlan;
let signalenVoorVergelijking: typeof import('../model/signalen.ts').signalenVoorVergelijking;
let berekenBegroting: typeof import('../model/begroting.ts').berekenBegroting;
let begrotingProblemen: typeof import('../model/begroting.ts').begrotingProblemen;
let vergelijkingJson: typeof import('../docmodel/vergelijking.ts').vergelijkingJson;
let vergelijkingMarkdown: typeof import('../docmodel/vergelijking.ts').vergelijkingMarkdown;
let vergelijkingTekst: typeof import('../docmodel/vergelijking.ts').vergelijkingTekst;
let begrotingJson: typeof import('../docmodel/begroting.ts').begrotingJson;
let begrotingMarkdown: typeof import('../docmodel/begroting.ts').begrotingMarkdown;
let begrotingTekst: typeof import('../docmodel/begroting.ts').begrotingTekst;
let ParametersetFout: typeof import('../shared/problems.ts').ParametersetFout;
let formatProblemen: typeof import('../shared/problems.ts').formatProblemen;
let sorteerProblemen: typeof import('../shared/problems.ts').sorteerProblemen;
let controleerRegels: typeof import('../params/regels.ts').controleerRegels;
let metFragment: typeof import('./sets.ts').metFragment;
let vindSet: typeof import('./sets.ts').vindSet;
let GitFout: typeof import('./git.ts').GitFout;
let isGitRef: typeof import('./git.ts').isGitRef;
let setOpRef: typeof import('./git.ts').setOpRef;

async function laadReviewModules(): Promise<void> {
  const [laden, bereken, vergelijkM, signalen, begroting, vergelijking, begrotingD, problems, regels, sets, git, yamlcache] = await Promise.all([
    import('../params/laden.ts'),
    import('../model/bereken.ts'),
    import('../model/vergelijk.ts'),
    import('../model/signalen.ts'),
    import('../model/begroting.ts'),
    import('../docmodel/vergelijking.ts'),
    import('../docmodel/begroting.ts'),
    import('../shared/problems.ts'),
    import('../params/regels.ts'),
    import('./sets.ts'),
    import('./git.ts'),
    import('../params/yamlcache.ts'),
  ]);
  yamlcache.stelYamlCacheIn(yamlCacheMap());
  ({ laadParameterset } = laden);
  ({ berekenTarieven } = bereken);
  ({ parameterWaarden, vergelijk } = vergelijkM);
  ({ signalenVoorPlan, signalenVoorVergelijking } = signalen);
  ({ berekenBegroting, begrotingProblemen } = begroting);
  ({ vergelijkingJson, vergelijkingMarkdown, vergelijkingTekst } = vergelijking);
  ({ begrotingJson, begrotingMarkdown, begrotingTekst } = begrotingD);
  ({ ParametersetFout, formatProblemen, sorteerProblemen } = problems);
  ({ controleerRegels } = regels);
  ({ metFragment, vindSet } = sets);
  ({ GitFout, isGitRef, setOpRef } = git);
}

interface Bron {
  label: string;
  set: ParameterSet;
  plan: Tarievenplan;
}

/**
 * The set folder named after `ref:`. As in git (`git show main:models/x`), a path there is a path from the root of
 * the repository, wherever the command was started; only `./` or `../` make it a path from the working folder.
 * A plain name is a set under models/.
 */
function setNaRef(naam: string): string {
  if (/^\.\.?(\/|$)/.test(naam) || path.isAbsolute(naam)) return path.resolve(naam);
  return naam.includes('/') ? path.join(wortel(), naam) : vindSet(naam);
}

function laadBron(arg: string, standaardSet: string, io: Io, opties: { vanRef?: boolean } = {}): Bron {
  let map: string;
  let weergaveBasis = wortel();
  let label = arg;
  const [links, rechts] = arg.includes(':') ? [arg.slice(0, arg.indexOf(':')), arg.slice(arg.indexOf(':') + 1)] : [arg, undefined];
  // git runs from the repository root, so a ref means the same from any folder in it
  const top = wortel();
  try {
    if (rechts !== undefined) {
      ({ map, weergaveBasis } = setOpRef(links, setNaRef(rechts || standaardSet), top));
      label = `${links}:${rechts || standaardSet}`;
    } else if (opties.vanRef) {
      // the set of a `ref:set` argument in the working tree: its path means what it meant after the ref
      map = setNaRef(arg);
    } else if (existsSync(path.join(vindSet(arg), 'model.yaml'))) {
      map = vindSet(arg);
    } else if (isGitRef(arg, top)) {
      ({ map, weergaveBasis } = setOpRef(arg, vindSet(standaardSet), top));
      label = `${arg}:${standaardSet}`;
    } else {
      io.err(`fout: '${arg}' is geen parameterset en geen git-ref\n  verwacht: de naam van een set onder models/, een pad naar een setmap, of een git-ref (main, HEAD~1, een tag), eventueel als ref:set\n  hint: controleer de spelling; git-refs worden gelezen zonder de werkmap te veranderen\n`);
      throw new Afgebroken(2);
    }
  } catch (e) {
    if (e instanceof GitFout) {
      io.err(`fout: ${e.message}\n`);
      throw new Afgebroken(2);
    }
    throw e;
  }
  try {
    const { set } = laadParameterset(map, { weergaveBasis });
    const plan = berekenTarieven(set);
    const problemen = [...plan.problemen, ...begrotingProblemen(set, plan)];
    if (problemen.length) {
      io.err(`${formatProblemen(metFragment(problemen))}\n`);
      throw new Afgebroken(1);
    }
    return { label, set, plan };
  } catch (e) {
    if (e instanceof ParametersetFout) {
      io.err(`fout in ${label}:\n${formatProblemen(metFragment(e.problemen))}\n`);
      throw new Afgebroken(1);
    }
    throw e;
  }
}

export function registreerReviewCommandos(program: Command, io: Io): void {
  const standaard = standaardSet();
  program
    .command('vergelijk')
    .description('toon wat een wijziging met de tarieven doet: gewijzigde parameters en de tarieven die ze bewegen')
    .argument('<basis>', 'de oude situatie: een set, een git-ref (main, HEAD~1, een tag) of ref:set')
    .argument('[nieuw]', 'de nieuwe situatie (standaard: dezelfde set in de werkmap)')
    .option('--set <set>', 'de set als een argument alleen een git-ref is', standaard)
    .option('--markdown', 'Markdown voor een pull request of de samenvatting van een CI-job')
    .option('--json', 'JSON voor andere programma’s')
    .option('--max-tekens <n>', 'maximale lengte van de Markdown', '60000')
    .option('--faal-bij-verschil', 'afsluitcode 1 als er iets verschilt')
    .action(async (basisArg: string, nieuwArg: string | undefined, o: { set: string; markdown?: boolean; json?: boolean; maxTekens: string; faalBijVerschil?: boolean }) => {
      await laadReviewModules();
      const basis = laadBron(basisArg, o.set, io);
      // without a second argument: the same set in the working tree (for ref:set, the set named after the ref)
      const naRef = basisArg.includes(':') ? basisArg.slice(basisArg.indexOf(':') + 1) : '';
      const nieuw = nieuwArg !== undefined ? laadBron(nieuwArg, o.set, io) : naRef ? laadBron(naRef, o.set, io, { vanRef: true }) : laadBron(o.set, o.set, io);
      const max = Number(o.maxTekens);
      if (!Number.isInteger(max) || max < 1000) {
        io.err(`fout: --max-tekens ${o.maxTekens} is geen geldig aantal\n  verwacht: een geheel getal van ten minste 1000\n`);
        throw new Afgebroken(2);
      }
      const { publicatieBezwaren } = await import('../model/publicatie.ts');
      // expected volume per tariff (product/variant), so the tariffs can be ranked by budget effect
      const begroting = berekenBegroting(nieuw.set, nieuw.plan);
      const volumes = new Map<string, Decimal>();
      for (const g of begroting?.gemeenten ?? []) for (const r of g.regels) volumes.set(`${r.product}/${r.variant}`, (volumes.get(`${r.product}/${r.variant}`) ?? r.aantal.minus(r.aantal)).plus(r.aantal));
      const v = vergelijk(basis.plan, nieuw.plan, parameterWaarden(basis.set, basis.plan.model.peildatum), parameterWaarden(nieuw.set, nieuw.plan.model.peildatum), {
        volumes,
        controletotalen: { basis: basis.set.controletotalen, nieuw: nieuw.set.controletotalen },
      });
      const signalen = [...signalenVoorVergelijking(nieuw.set, v), ...signalenVoorPlan(nieuw.set, nieuw.plan)];
      // what --publicatie would still refuse on the new side: values without status vastgesteld or without a source
      const context = { basisLabel: basis.label, nieuwLabel: nieuw.label, publicatieBezwaren: publicatieBezwaren(nieuw.set, nieuw.plan).filter((b) => b.soort !== 'controletotaal').length };
      if (o.json) io.out(`${JSON.stringify(vergelijkingJson(v, signalen, context), null, 2)}\n`);
      else if (o.markdown) io.out(vergelijkingMarkdown(v, signalen, { maxTekens: max, ...context }));
      else io.out(vergelijkingTekst(v, signalen, context));
      if (o.faalBijVerschil && (v.parameters.length || v.tarieven.length || v.statusWijzigingen.length)) throw new Afgebroken(1);
    });

  program
    .command('begroting')
    .description('begrotingseffect: verwachte volumes × tarieven per gemeente, en het verschil met een basisset')
    .argument('[set]', 'naam of pad van de set', standaard)
    .option('--basis <set>', 'vergelijk met deze set of git-ref (dezelfde volumes tegen de oude tarieven)')
    .option('--markdown', 'Markdown')
    .option('--json', 'JSON')
    .action(async (setArg: string, o: { basis?: string; markdown?: boolean; json?: boolean }) => {
      await laadReviewModules();
      const nieuw = laadBron(setArg, setArg, io);
      const basis = o.basis ? laadBron(o.basis, setArg, io) : undefined;
      const b = berekenBegroting(nieuw.set, nieuw.plan, basis?.plan);
      if (!b) {
        io.err(`fout: ${nieuw.set.naam} heeft geen volumes\n  verwacht: een bestand volumes.yaml met per gemeente de verwachte aantallen per product\n  hint: zie docs/parameters.md\n`);
        throw new Afgebroken(1);
      }
      io.out(o.json ? `${JSON.stringify(begrotingJson(b), null, 2)}\n` : o.markdown ? begrotingMarkdown(b) : begrotingTekst(b));
    });

  program
    .command('indexeer')
    .description('maak de volgende indexatieronde: een nieuwe set die op deze voortbouwt, met al haar uitvoer (ook het overzicht voor aanbieders)')
    .argument('<set>', 'naam of pad van de set van dit jaar')
    .requiredOption('--naar <jaar>', 'het nieuwe tariefjaar')
    .option('--versie <versie>', 'de versie van de nieuwe ronde op de documenten, zoals 2028.1 (verplicht)')
    .option('--documentdatum <datum>', 'de datum op de documenten van de ronde, JJJJ-MM-DD (verplicht)')
    .option('--uit <naam>', 'naam van de nieuwe set (standaard: de naam met het nieuwe jaar)')
    .option('--out <map>', 'map waarin de uitvoer van de nieuwe set komt (standaard: output/ in de hoofdmap van de repository)')
    .option('--publicatie', 'de documenten zonder CONCEPT-merk; weigert als een gebruikte waarde (ook een indexcijfer) niet vastgesteld is of een bron mist')
    .option('--sjablonen <map>', 'map met de sjablonen van de documenten (standaard templates/)')
    .action(async (setArg: string, o: { naar: string; versie?: string; documentdatum?: string; uit?: string; out?: string; publicatie?: boolean; sjablonen?: string }) => {
      await laadReviewModules();
      // The PDF and workbook libraries only here: vergelijk and begroting do without them.
      const [documenten, { bouwUitvoer }, { uitvoerBasis }] = await Promise.all([import('./documenten.ts'), import('./genereer.ts'), import('./sets.ts')]);
      const { bezwarenTekst, chromiumVoorPublicatie, publicatieBezwaren, SjabloonFout, vindSjablonen, vulDocumenten } = documenten;
      const basis = laadBron(setArg, setArg, io);
      const jaar = Number(o.naar);
      if (!/^\d{4}$/.test(o.naar) || jaar !== basis.set.tariefjaar + 1) {
        io.err(
          `fout: --naar ${o.naar} is niet het jaar na ${basis.set.tariefjaar}\n  verwacht: --naar ${basis.set.tariefjaar + 1}\n  hint: een ronde indexeert één jaar; voor een jaar verder indexeert u daarna de nieuwe set\n`,
        );
        throw new Afgebroken(2);
      }
      const { versie, documentdatum } = rondeGegevens(await vraagOntbrekende(o, basis.set, jaar), basis.set, jaar, io);
      const bronMap = vindSet(setArg);
      const naam = o.uit ?? (basis.set.id.includes(String(basis.set.tariefjaar)) ? basis.set.id.replace(String(basis.set.tariefjaar), String(jaar)) : `${basis.set.id}-${jaar}`);
      const doel = path.join(path.dirname(bronMap), naam);
      if (existsSync(doel)) {
        io.err(
          `fout: ${toonPad(doel)} bestaat al; indexeer overschrijft nooit een set\n  hint: kies een andere naam met --uit, of verwijder de map als u opnieuw wilt beginnen; de uitvoer van een bestaande ronde maakt u opnieuw met: tariefbouw genereer ${naam}\n`,
        );
        throw new Afgebroken(1);
      }
      // Check in memory first: nothing is written when index figures are missing.
      // A round on a round (the base set is itself indexed) indexes that set's tariffs.
      const proef: ParameterSet = {
        ...basis.set,
        tariefjaar: jaar,
        peildatum: `${jaar}-01-01`,
        versie,
        documentdatum,
        controletotalen: [],
        indexering: { basisjaar: basis.set.tariefjaar, basisPeildatum: basis.set.peildatum, basis: basis.set },
      };
      const y = (v: string) => JSON.stringify(v);
      const proefPlan = berekenTarieven(proef);
      // what the new set needs in its own year (index figures, procurement values), all at once
      const regels = controleerRegels(proef).filter((p) => p.ernst === 'fout');
      if (proefPlan.problemen.length || regels.length) {
        // A value that lives in a set further down the chain is added in the set being indexed (an overlay),
        // so the earlier sets and their documents stay as they were: the message names that file.
        const eigen = `${path.relative(wortel(), bronMap).split(path.sep).join("/")}/`;
        const naarEigen = <P extends { bestand: string; hint?: string }>(p: P): P => {
          if (p.bestand.startsWith(eigen) || !p.bestand.includes('/')) return p;
          const rel = /(?:^|\/)((?:cao|producten|aanbieders)\/[^/]+|[^/]+)$/.exec(p.bestand)![1];
          const bestand = `${eigen}${rel}`;
          const waar = `zet de waarde voor ${jaar} in ${bestand} (een overlay op ${p.bestand}), niet in ${p.bestand} zelf: die set en haar documenten blijven zoals ze zijn`;
          return { ...p, hint: p.hint ? `${p.hint}; ${waar}` : waar };
        };
        io.err(`${formatProblemen(sorteerProblemen(metFragment([...proefPlan.problemen, ...regels]).map(naarEigen)))}\n`);
        io.err('Er is niets geschreven.\n');
        throw new Afgebroken(1);
      }
      const publicatie = o.publicatie === true;
      if (publicatie) {
        // The same test as genereer --publicatie on the new set (which starts without controletotalen).
        const bezwaren = publicatieBezwaren(proef, proefPlan);
        if (bezwaren.length) {
          io.err(bezwarenTekst(bezwaren, 'indexeer'));
          io.err('Er is niets geschreven.\n');
          throw new Afgebroken(1);
        }
      }
      if (publicatie) chromiumVoorPublicatie(io);
      const sjablonen = vindSjablonen(o.sjablonen);
      // Always below the repository root, wherever the command was started; a given --out is a path from here.
      const uitMap = o.out ? path.resolve(o.out, naam) : path.join(wortel(), 'output', naam);
      controleerDoel(uitMap, [bronMap, doel]); // a wrong --out before the new set is written
      mkdirSync(doel, { recursive: true });
      writeFileSync(
        path.join(doel, 'model.yaml'),
        `# Indexatieronde ${jaar}: de tarieven van ${basis.set.naam} (${basis.set.tariefjaar}), geïndexeerd met de
# indexcijfers uit de set. Gemaakt met: tariefbouw indexeer ${setArg} --naar ${jaar}
# Deze set rekent met de tarieven van ${basis.set.tariefjaar} (route 1): nieuwe CAO-tabellen of andere parameters
# veranderen die niet. Wie opnieuw wil rekenen met nieuwe tabellen (route 2), maakt een set zonder indexering.
basis: ${y(path.basename(bronMap))}
naam: ${y(basis.set.naam.includes(String(basis.set.tariefjaar)) ? basis.set.naam.replace(String(basis.set.tariefjaar), String(jaar)) : `${basis.set.naam} ${jaar}`)}
regio: ${y(basis.set.regio)}
tariefjaar: ${jaar}
peildatum: ${jaar}-01-01
versie: ${y(versie)}
documentdatum: ${documentdatum}
indexering:
  basisjaar: ${basis.set.tariefjaar}
  peildatum: ${basis.set.peildatum}
`,
      );
      writeFileSync(
        path.join(doel, 'controletotalen.yaml'),
        `# De controletotalen van ${basis.set.tariefjaar} gelden niet meer voor ${jaar}. Neem hier de tarieven op
# die het inkoopteam voor ${jaar} vaststelt.
controletotalen: []
`,
      );
      // the figures this round uses, in its own file: the definitive ones are filled in here, not in last year's set
      writeFileSync(path.join(doel, 'indexcijfers.yaml'), indexcijfersVanRonde(basis.set, jaar));
      // From here on every failure removes the new set again: nothing is written unless everything is.
      let bestanden: Map<string, string | Buffer>;
      try {
        // loaded and filled exactly as genereer does (file references relative to where the sets lie), so that
        // genereer on the round writes the same bytes
        const weergave = uitvoerBasis(doel);
        const nieuwSet = laadParameterset(doel, { weergaveBasis: weergave }).set;
        const nieuwPlan = berekenTarieven(nieuwSet);
        if (nieuwPlan.problemen.length) {
          io.err(`${formatProblemen(metFragment(nieuwPlan.problemen))}\n`);
          throw new Afgebroken(1);
        }
        const setMap = path.relative(weergave, doel).split(path.sep).join('/');
        const gevuld = vulDocumenten(nieuwSet, nieuwPlan, { publicatie, sjablonen, setMap });
        bestanden = await bouwUitvoer(nieuwSet, nieuwPlan, gevuld);
        // everything genereer writes for the new set, under genereer's name: genereer on the round replaces exactly these
        await schrijfMapAtomisch(uitMap, bestanden, { eigenaar: 'genereer', setMappen: [bronMap, doel] });
      } catch (e) {
        rmSync(doel, { recursive: true, force: true });
        if (e instanceof SjabloonFout) {
          io.err(`${formatProblemen([e.probleem])}\n`);
          io.err('Er is niets geschreven. Verbeter het sjabloon en probeer het opnieuw.\n');
          throw new Afgebroken(1);
        }
        if (e instanceof ParametersetFout) {
          io.err(`${formatProblemen(metFragment(e.problemen))}\n`);
          io.err('Er is niets geschreven.\n');
          throw new Afgebroken(1);
        }
        // a problem of the machine or of the call carries its own closing line (main prints it): say it once
        const f = e instanceof CliFout ? e : omgevingsFout(e, (e as NodeJS.ErrnoException).path ?? uitMap);
        if (f instanceof CliFout) throw f;
        io.err('Er is niets geschreven.\n');
        throw e;
      }
      const setRel = toonPad(doel);
      const uitRel = toonPad(uitMap);
      io.err(`tariefbouw: nieuwe set ${setRel}/ (model.yaml, indexcijfers.yaml, controletotalen.yaml), versie ${versie}, documentdatum ${documentdatum}\n`);
      io.err(`tariefbouw: geschreven naar ${uitRel}/: ${[...bestanden.keys()].join(', ')}${publicatie ? '' : ' (documenten als CONCEPT)'}\n`);
      io.err(volgendeStappen({ naam, setRel, uitRel, setArg, jaar, basisjaar: basis.set.tariefjaar }));
    });
}

/** On a terminal, asks for what the options did not give; elsewhere (CI, scripts) the check below names the missing options. */
async function vraagOntbrekende(o: { versie?: string; documentdatum?: string }, basis: ParameterSet, jaar: number): Promise<{ versie?: string; documentdatum?: string }> {
  if ((o.versie !== undefined && o.documentdatum !== undefined) || !process.stdin.isTTY || !process.stderr.isTTY) return o;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const versie = o.versie ?? (await rl.question(`Versie van de ronde ${jaar} (die van ${basis.naam} is ${basis.versie}), bijvoorbeeld ${jaar}.1: `));
    const documentdatum = o.documentdatum ?? (await rl.question(`Datum op de documenten (JJJJ-MM-DD), bijvoorbeeld ${jaar - 1}-11-15: `));
    return { versie, documentdatum };
  } finally {
    rl.close();
  }
}

/** The round's own version and document date: given as options or asked for on a terminal; validated. */
function rondeGegevens(o: { versie?: string; documentdatum?: string }, basis: ParameterSet, jaar: number, io: Io): { versie: string; documentdatum: string } {
  const fouten: string[] = [];
  const versie = o.versie?.trim();
  const documentdatum = o.documentdatum?.trim();
  if (versie === undefined) fouten.push(`fout: --versie ontbreekt\n  verwacht: de versie van de ronde op de documenten, zoals --versie ${jaar}.1\n  hint: de versie van ${basis.naam} is ${basis.versie}; een ronde heeft een eigen versie`);
  else if (!/^[0-9A-Za-z][0-9A-Za-z.\-]{0,30}$/.test(versie))
    fouten.push(`fout: --versie ${JSON.stringify(o.versie)} is geen geldige versie\n  verwacht: cijfers, letters, punten en streepjes, zoals ${jaar}.1\n  gevonden: ${JSON.stringify(o.versie)}`);
  else if (versie === basis.versie)
    fouten.push(`fout: --versie ${versie} is de versie van ${basis.naam}\n  verwacht: een eigen versie voor de ronde ${jaar}, zoals ${jaar}.1\n  gevonden: ${versie}\n  hint: twee documenten met dezelfde versie en verschillende tarieven zijn niet uit elkaar te houden`);
  if (documentdatum === undefined)
    fouten.push(`fout: --documentdatum ontbreekt\n  verwacht: de datum op de documenten van de ronde, JJJJ-MM-DD, zoals --documentdatum ${jaar - 1}-11-15\n  hint: de datum komt nooit van de klok, zodat twee runs dezelfde bytes geven`);
  else {
    const d = new Date(`${documentdatum}T00:00:00Z`);
    const geldig = /^\d{4}-\d{2}-\d{2}$/.test(documentdatum) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(documentdatum);
    if (!geldig) fouten.push(`fout: --documentdatum ${JSON.stringify(o.documentdatum)} is geen geldige datum\n  verwacht: JJJJ-MM-DD, zoals ${jaar - 1}-11-15\n  gevonden: ${JSON.stringify(o.documentdatum)}`);
    else if (documentdatum < `${jaar - 1}-01-01` || documentdatum > `${jaar}-12-31`)
      fouten.push(`fout: --documentdatum ${documentdatum} ligt niet in ${jaar - 1} of ${jaar}\n  verwacht: een datum van ${jaar - 1}-01-01 tot en met ${jaar}-12-31 (de ronde wordt in ${jaar - 1} voorbereid en geldt in ${jaar})\n  gevonden: ${documentdatum}`);
  }
  if (fouten.length) {
    io.err(`${fouten.join('\n')}\nEr is niets geschreven.\n`);
    throw new Afgebroken(2);
  }
  return { versie: versie!, documentdatum: documentdatum! };
}

/** A figure as YAML: the source by its key in bronnen.yaml where it has one, else the source itself. */
function cijferYaml(c: Indexcijfer): string {
  const b = c.bron;
  const bron = b.sleutel ? b.sleutel : `{ ${[['titel', b.titel], ['uitgever', b.uitgever], ['url', b.url], ['datum', b.datum], ['pagina', b.pagina]].filter(([, v]) => v).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
  return `{ waarde: ${c.waarde.toFixed()}, bron: ${bron}, status: ${c.status} }`;
}

/**
 * indexcijfers.yaml of a new round: the figures of the two years the round uses (last year's definitive ones for
 * the catch-up, this year's provisional ones), as the base set has them now. The list replaces the base's list in
 * this set only, so the team fills in the definitive figures here, and last year's set and documents stay as they were.
 */
function indexcijfersVanRonde(basis: ParameterSet, jaar: number): string {
  const ic = basis.indexcijfers!;
  const blok = (j: number) => {
    const b = ic.jaren.get(j)!;
    const r = [`  - jaar: ${j}`];
    const velden: [string, Indexcijfer | undefined][] = [
      ['ova_voorlopig', b.ovaVoorlopig],
      ['ova_definitief', b.ovaDefinitief],
      ['ppc_voorlopig', b.ppcVoorlopig],
      ['ppc_definitief', b.ppcDefinitief],
      ['inhaal', b.inhaal],
      ['index', b.index],
    ];
    for (const [k, c] of velden) if (c) r.push(`    ${k}: ${cijferYaml(c)}`);
    return r.join('\n');
  };
  return `# Indexcijfers van de ronde ${jaar}: de definitieve cijfers van ${jaar - 1} (voor de inhaal) en de voorlopige van ${jaar}.
# Overgenomen uit ${basis.naam} zoals die ze nu heeft. Komen de definitieve cijfers uit, zet ze dan HIER met hun bron
# en status (vastgesteld), en maak de uitvoer opnieuw: tariefbouw genereer. De methode en de gewichten blijven die van
# de basisset, tenzij u ze hier ook opneemt. Voor de volgende ronde voegt u hier de definitieve cijfers van ${jaar} toe.
cijfers:
${blok(jaar - 1)}
${blok(jaar)}
`;
}

function volgendeStappen(x: { naam: string; setRel: string; uitRel: string; setArg: string; jaar: number; basisjaar: number }): string {
  return `
Volgende stappen:
  1. Zet de definitieve indexcijfers van ${x.basisjaar} en de voorlopige van ${x.jaar} zodra ze gepubliceerd zijn, met bron en
     status vastgesteld, in ${x.setRel}/indexcijfers.yaml.
  2. Controleer de ronde:        npx tariefbouw controleer ${x.naam}
  3. Maak de uitvoer opnieuw:    npx tariefbouw genereer ${x.naam}
     (tarieven, werkboeken, documenten en indexatie-${x.jaar}.md, .xlsx en .pdf in ${x.uitRel}/; met --publicatie de definitieve documenten)
  4. Zet de vastgestelde tarieven als controletotalen in ${x.setRel}/controletotalen.yaml.
  5. Bekijk wat de ronde doet:   npx tariefbouw vergelijk ${x.setArg} ${x.naam}
  6. Leg vast:                   git add ${x.setRel} ${x.uitRel}/tarieven.csv && git commit -m "indexatieronde ${x.jaar}"
`;
}
