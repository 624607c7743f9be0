#!/usr/bin/env node
// Start de CLI rechtstreeks vanuit de TypeScript-bronnen (tsx), zodat er geen bouwstap nodig is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
