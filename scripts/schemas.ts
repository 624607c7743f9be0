/** Writes schemas/: the JSON Schema of each kind of set file and of tariefbouw.yaml (npm run schemas). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beschrijvingenUitBegrippenlijst, configSchema, jsonSchema, SCHEMA_SOORTEN, type SchemaSoort } from '../src/params/jsonschema.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every schema file by name, as text. */
export function schemaBestanden(): Map<string, string> {
  const b = beschrijvingenUitBegrippenlijst(readFileSync(path.join(ROOT, 'docs/begrippenlijst.md'), 'utf8'));
  const uit = new Map<string, string>();
  for (const soort of Object.keys(SCHEMA_SOORTEN) as SchemaSoort[]) uit.set(`${soort}.schema.json`, `${JSON.stringify(jsonSchema(soort, (k) => b.get(k)), null, 2)}\n`);
  uit.set('tariefbouw.schema.json', `${JSON.stringify(configSchema(), null, 2)}\n`);
  return uit;
}

if (process.argv[1] === import.meta.filename) {
  mkdirSync(path.join(ROOT, 'schemas'), { recursive: true });
  for (const [naam, tekst] of schemaBestanden()) writeFileSync(path.join(ROOT, 'schemas', naam), tekst);
  console.log(`schemas/: ${[...schemaBestanden().keys()].join(', ')}`);
}
