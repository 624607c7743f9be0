/** Commands for review and indexation rounds: vergelijk, indexeer, begroting. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ParameterSet } from '../params/types.ts';
import type { Tarievenplan } from '../model/types.ts';
import { controleerDoel, schrijfMapAtomisch } from './schrijf.ts';
import { Afgebroken, standaardSet, toonPad, wortel, type Io } from './wortel.ts';

// As in main.ts: the commands load their modules when they run (laadReviewModules), not when the CLI starts.
let laadParameterset: typeof import('../params/laden.ts').laadParameterset;
let berekenTarieven: typeof import('../model/bereken.ts').berekenTarieven;
let parameterWaarden: typeof import('../model/vergelijk.ts').parameterWaarden;
let vergelijk: typeof import('../model/vergelijk.ts').vergelijk;
let signalenVoorPlan: typeof import('../model/signalen.ts').signalenVoorPlan;
let signalenVoorVergelijking: typeof import('../model/signalen.ts').signalenVoorVergelijking;
let berekenBegroting: typeof import('../model/begroting.ts').berekenBegroting;
let vergelijkingJson: typeof import('../docmodel/vergelijking.ts').vergelijkingJson;
let vergelijkingMarkdown: typeof import('../docmodel/vergelijking.ts').vergelijkingMarkdown;
let vergelijkingTekst: typeof import('../docmodel/vergelijking.ts').vergelijkingTekst;
let begrotingJson: typeof import('../docmodel/begroting.ts').begrotingJson;
let begrotingMarkdown: typeof import('../docmodel/begroting.ts').begrotingMarkdown;
let begrotingTekst: typeof import('../docmodel/begroting.ts').begrotingTekst;
let indexatieOverzicht: typeof import('../docmodel/indexatie.ts').indexatieOverzicht;
let indexatieMarkdown: typeof import('../docmodel/indexatie.ts').indexatieMarkdown;
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
  const [laden, bereken, vergelijkM, signalen, begroting, vergelijking, begrotingD, indexatie, problems, regels, sets, git] = await Promise.all([
    import('../params/laden.ts'),
    import('../model/bereken.ts'),
    import('../model/vergelijk.ts'),
    import('../model/signalen.ts'),
    import('../model/begroting.ts'),
    import('../docmodel/vergelijking.ts'),
    import('../docmodel/begroting.ts'),
    import('../docmodel/indexatie.ts'),
    import('../shared/problems.ts'),
    import('../params/regels.ts'),
    import('./sets.ts'),
    import('./git.ts'),
  ]);
  ({ laadParameterset } = laden);
  ({ berekenTarieven } = bereken);
  ({ parameterWaarden, vergelijk } = vergelijkM);
  ({ signalenVoorPlan, signalenVoorVergelijking } = signalen);
  ({ berekenBegroting } = begroting);
  ({ vergelijkingJson, vergelijkingMarkdown, vergelijkingTekst } = vergelijking);
  ({ begrotingJson, begrotingMarkdown, begrotingTekst } = begrotingD);
  ({ indexatieOverzicht, indexatieMarkdown } = indexatie);
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

function laadBron(arg: string, standaardSet: string, io: Io): Bron {
  let map: string;
  let weergaveBasis = wortel();
  let label = arg;
  const [links, rechts] = arg.includes(':') ? [arg.slice(0, arg.indexOf(':')), arg.slice(arg.indexOf(':') + 1)] : [arg, undefined];
  try {
    if (rechts !== undefined) {
      ({ map, weergaveBasis } = setOpRef(links, vindSet(rechts || standaardSet)));
      label = `${links}:${rechts || standaardSet}`;
    } else if (existsSync(path.join(vindSet(arg), 'model.yaml'))) {
      map = vindSet(arg);
    } else if (isGitRef(arg)) {
      ({ map, weergaveBasis } = setOpRef(arg, vindSet(standaardSet)));
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
    if (plan.problemen.length) {
      io.err(`${formatProblemen(metFragment(plan.problemen))}\n`);
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
      const nieuw = laadBron(nieuwArg ?? (basisArg.includes(':') ? basisArg.slice(basisArg.indexOf(':') + 1) || o.set : o.set), o.set, io);
      const max = Number(o.maxTekens);
      if (!Number.isInteger(max) || max < 1000) {
        io.err(`fout: --max-tekens ${o.maxTekens} is geen geldig aantal\n  verwacht: een geheel getal van ten minste 1000\n`);
        throw new Afgebroken(2);
      }
      const v = vergelijk(basis.plan, nieuw.plan, parameterWaarden(basis.set, basis.plan.model.peildatum), parameterWaarden(nieuw.set, nieuw.plan.model.peildatum));
      const signalen = [...signalenVoorVergelijking(nieuw.set, v), ...signalenVoorPlan(nieuw.set, nieuw.plan)];
      if (o.json) io.out(`${JSON.stringify(vergelijkingJson(v, signalen), null, 2)}\n`);
      else if (o.markdown) io.out(vergelijkingMarkdown(v, signalen, { maxTekens: max }));
      else io.out(vergelijkingTekst(v, signalen));
      if (o.faalBijVerschil && (v.parameters.length || v.tarieven.length)) throw new Afgebroken(1);
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
    .description('maak de volgende indexatieronde: een nieuwe set die op deze voortbouwt, plus het overzicht voor aanbieders')
    .argument('<set>', 'naam of pad van de set van dit jaar')
    .requiredOption('--naar <jaar>', 'het nieuwe tariefjaar')
    .option('--uit <naam>', 'naam van de nieuwe set (standaard: de naam met het nieuwe jaar)')
    .option('--out <map>', 'map voor het overzicht (standaard: output/ in de hoofdmap van de repository)')
    .option('--publicatie', 'het overzicht zonder CONCEPT-merk; weigert als een gebruikte waarde (ook een indexcijfer) niet vastgesteld is of een bron mist')
    .option('--sjablonen <map>', 'map met de sjablonen van de documenten (standaard templates/)')
    .action(async (setArg: string, o: { naar: string; uit?: string; out?: string; publicatie?: boolean; sjablonen?: string }) => {
      await laadReviewModules();
      // The PDF and workbook libraries only here: vergelijk and begroting do without them.
      const [{ schrijfXlsx }, { indexatieSpec }, documenten] = await Promise.all([
        import('../render/xlsx.ts'),
        import('../docmodel/documenten/indexatie.ts'),
        import('./documenten.ts'),
      ]);
      const { bezwarenTekst, chromiumVoorPublicatie, publicatieBezwaren, renderDocument, SjabloonFout, vindSjablonen, vulSjabloon } = documenten;
      const basis = laadBron(setArg, setArg, io);
      const jaar = Number(o.naar);
      if (!/^\d{4}$/.test(o.naar) || jaar !== basis.set.tariefjaar + 1) {
        io.err(
          `fout: --naar ${o.naar} is niet het jaar na ${basis.set.tariefjaar}\n  verwacht: --naar ${basis.set.tariefjaar + 1}\n  hint: een ronde indexeert één jaar; voor een jaar verder indexeert u daarna de nieuwe set\n`,
        );
        throw new Afgebroken(2);
      }
      const bronMap = vindSet(setArg);
      const naam = o.uit ?? (basis.set.id.includes(String(basis.set.tariefjaar)) ? basis.set.id.replace(String(basis.set.tariefjaar), String(jaar)) : `${basis.set.id}-${jaar}`);
      const doel = path.join(path.dirname(bronMap), naam);
      if (existsSync(doel)) {
        io.err(`fout: ${toonPad(doel)} bestaat al; indexeer overschrijft nooit een set\n  hint: kies een andere naam met --uit, of verwijder de map als u opnieuw wilt beginnen\n`);
        throw new Afgebroken(1);
      }
      // Check in memory first: nothing is written when index figures are missing.
      // A round on a round (the base set is itself indexed) indexes that set's tariffs.
      const proef: ParameterSet = {
        ...basis.set,
        tariefjaar: jaar,
        peildatum: `${jaar}-01-01`,
        indexering: { basisjaar: basis.set.tariefjaar, basisPeildatum: basis.set.peildatum, basis: basis.set },
      };
      const y = (v: string) => JSON.stringify(v);
      const proefPlan = berekenTarieven(proef);
      // what the new set needs in its own year (index figures, procurement values), all at once
      const regels = controleerRegels(proef).filter((p) => p.ernst === 'fout');
      if (proefPlan.problemen.length || regels.length) {
        io.err(`${formatProblemen(sorteerProblemen(metFragment([...proefPlan.problemen, ...regels])))}\n`);
        io.err('Er is niets geschreven.\n');
        throw new Afgebroken(1);
      }
      const publicatie = o.publicatie === true;
      if (publicatie) {
        // The new set starts without controletotalen, and the overview does not use inkoop.yaml: the same test
        // as genereer --publicatie over every value the indexed tariffs use.
        const bezwaren = publicatieBezwaren({ ...proef, controletotalen: [], inkoop: undefined }, proefPlan);
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
versie: ${y(basis.set.versie)}
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
      // From here on every failure removes the new set again: nothing is written unless everything is.
      const bestanden = [`indexatie-${jaar}.md`, `indexatie-${jaar}.pdf`, `indexatie-${jaar}.xlsx`, `indexatie-${jaar}.html`];
      try {
        const nieuw = laadBron(doel, naam, io);
        // sent to every provider: an aanbieder-specifiek tarief only when the set shows it in all documents
        const { zichtbareTarieven } = await import('../docmodel/documenten/gemeenschappelijk.ts');
        const overzicht = indexatieOverzicht(basis.plan, { ...nieuw.plan, tarieven: zichtbareTarieven(nieuw.set, nieuw.plan.tarieven) }, { concept: !publicatie });
        const setMap = path.relative(wortel(), bronMap).split(path.sep).join('/');
        const document = vulSjabloon(indexatieSpec(nieuw.set, nieuw.plan, basis.plan, { publicatie, setMap, basisNaam: basis.set.naam }), sjablonen);
        await schrijfMapAtomisch(
          uitMap,
          new Map<string, string | Buffer>([
            [bestanden[0]!, indexatieMarkdown(overzicht)],
            ...(await renderDocument(document)),
            [bestanden[2]!, await schrijfXlsx(overzicht.werkboek)],
          ]),
          { eigenaar: 'indexeer', setMappen: [bronMap, doel] },
        );
      } catch (e) {
        rmSync(doel, { recursive: true, force: true });
        if (e instanceof SjabloonFout) {
          io.err(`${formatProblemen([e.probleem])}\n`);
          io.err('Er is niets geschreven. Verbeter het sjabloon en probeer het opnieuw.\n');
          throw new Afgebroken(1);
        }
        io.err('Er is niets geschreven.\n');
        throw e;
      }
      io.err(`tariefbouw: nieuwe set ${toonPad(doel)}/ (model.yaml, controletotalen.yaml)\n`);
      io.err(`tariefbouw: overzicht voor aanbieders in ${toonPad(uitMap)}/: ${bestanden.join(', ')}${publicatie ? '' : ' (als CONCEPT)'}\n`);
    });
}
