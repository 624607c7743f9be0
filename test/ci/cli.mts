// The tariefbouw command from the sources, for the shell steps of the CI template in test/ci/tariefimpact.test.ts.
import { main } from '../../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
