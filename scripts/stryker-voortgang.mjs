// A StrykerJS reporter: writes every tested mutant as one JSON line the moment it is tested
// (reports/mutatie/<naam>.voortgang.jsonl), so survivors can be looked at while a long run is still going.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PluginKind, commonTokens, declareClassPlugin } from '@stryker-mutator/api/plugin';

class Voortgang {
  static inject = [commonTokens.options];
  constructor(options) {
    this.bestand = options.jsonReporter.fileName.replace(/\.json$/, '.voortgang.jsonl');
    mkdirSync(path.dirname(this.bestand), { recursive: true });
    writeFileSync(this.bestand, '');
  }
  onMutantTested(r) {
    const regel = {
      status: r.status,
      bestand: path.relative(process.cwd(), r.fileName),
      regel: r.location.start.line,
      kolom: r.location.start.column,
      mutator: r.mutatorName,
      vervanging: r.replacement,
      ...(r.killedBy?.length ? { gedoodDoor: r.killedBy[0] } : {}),
      ...(r.statusReason && r.status !== 'Survived' && r.status !== 'Killed' ? { reden: r.statusReason.slice(0, 300) } : {}),
    };
    appendFileSync(this.bestand, `${JSON.stringify(regel)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'voortgang', Voortgang)];
