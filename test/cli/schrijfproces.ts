/**
 * A separate process that writes an output folder with the real writer, for the fault-injection tests
 * (killed with TARIEFBOUW_STORING, or several at once). Arguments: target folder, owner, then name=content pairs.
 */
import { schrijfMapAtomisch, UitvoerFout } from '../../src/cli/schrijf.ts';

const [doel, eigenaar, ...paren] = process.argv.slice(2);
const bestanden = new Map(paren.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]));
try {
  await schrijfMapAtomisch(doel!, bestanden, { eigenaar: eigenaar!, setMappen: [], wachtMs: 20_000 });
} catch (e) {
  if (!(e instanceof UitvoerFout)) throw e;
  process.stderr.write(`${e.tekst()}\n`);
  process.exitCode = e.code;
}
