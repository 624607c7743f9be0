/**
 * JSON Schema for each kind of set file, derived from the zod schemas (schema.ts), for editors: with a
 * `# yaml-language-server: $schema=…` line an editor completes keys, shows the Dutch description of each key
 * and flags a wrong key or value while the user types. The zod schemas stay the judge: `controleer` also checks
 * what JSON Schema cannot say (a parameter is flat or a reeks, dates that exist, references between files).
 *
 * Written to schemas/ by `npm run schemas`; a test keeps the committed files equal to what this gives.
 */
import { z } from 'zod';
import * as S from './schema.ts';

/** The kinds of set file, with the file (or folder) they are written in. */
export const SCHEMA_SOORTEN = {
  model: { schema: S.ModelBestand, bestand: 'model.yaml' },
  bronnen: { schema: S.BronnenBestand, bestand: 'bronnen.yaml' },
  cao: { schema: S.CaoBestand, bestand: 'cao/<naam>.yaml' },
  productiviteit: { schema: S.ProductiviteitBestand, bestand: 'productiviteit.yaml' },
  opslagen: { schema: S.OpslagenBestand, bestand: 'opslagen.yaml' },
  afronding: { schema: S.AfrondingBestand, bestand: 'afronding.yaml' },
  varianten: { schema: S.VariantenBestand, bestand: 'varianten.yaml' },
  producten: { schema: S.ProductenBestand, bestand: 'producten/<contract>.yaml' },
  aanbieder: { schema: S.AanbiederBestand, bestand: 'aanbieders/<naam>.yaml' },
  controletotalen: { schema: S.ControletotalenBestand, bestand: 'controletotalen.yaml' },
  indexcijfers: { schema: S.IndexcijfersBestand, bestand: 'indexcijfers.yaml' },
  volumes: { schema: S.VolumesBestand, bestand: 'volumes.yaml' },
  signalen: { schema: S.SignalenBestand, bestand: 'signalen.yaml' },
  inkoop: { schema: S.InkoopBestand, bestand: 'inkoop.yaml' },
} as const;
export type SchemaSoort = keyof typeof SCHEMA_SOORTEN;

/** The kind of a file by its path inside the set (cao/x.yaml → cao), or undefined for a file tariefbouw does not read. */
export function soortVanBestand(rel: string): SchemaSoort | undefined {
  const r = rel.split('\\').join('/');
  if (r.startsWith('cao/')) return 'cao';
  if (r.startsWith('producten/')) return 'producten';
  if (r.startsWith('aanbieders/')) return 'aanbieder';
  const naam = r.replace(/\.ya?ml$/, '');
  // no name with a '/' is a key of SCHEMA_SOORTEN: a known file in another folder is no set file
  return naam in SCHEMA_SOORTEN ? (naam as SchemaSoort) : undefined;
}

type Json = Record<string, unknown>;

function naarJson(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // winst_en_risico is a parameter or a block (a zod check chooses by its keys): either form here.
      if (ctx.zodSchema === S.WinstEnRisico) {
        ctx.jsonSchema.anyOf = [S.Parameter, S.WinstEnRisicoBlok].map((s) => {
          const { $schema: _, ...rest } = naarJson(s);
          return rest;
        });
      }
    },
  }) as Json;
}

/**
 * The loader reads every number as its exact source text, so where zod expects a string (a decimal, a year, a
 * name) YAML may write a number. Also adds the Dutch description of each key.
 */
function aanpassen(node: unknown, beschrijving: (sleutel: string) => string | undefined): void {
  if (Array.isArray(node)) {
    for (const n of node) aanpassen(n, beschrijving);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Json;
  if (o.type === 'string' && o.enum === undefined && o.const === undefined) o.type = ['string', 'number'];
  if (o.properties && typeof o.properties === 'object') {
    for (const [k, v] of Object.entries(o.properties as Record<string, Json>)) {
      const b = beschrijving(k);
      if (b && v.description === undefined) {
        // description first, so a reader of the file sees it before the details
        const kopie = { ...v };
        for (const x of Object.keys(v)) delete v[x];
        Object.assign(v, { description: b }, kopie);
      }
    }
  }
  for (const v of Object.values(o)) aanpassen(v, beschrijving);
}

/** The JSON Schema of one kind of set file; `beschrijving` gives the Dutch meaning of a key (docs/begrippenlijst.md). */
export function jsonSchema(soort: SchemaSoort, beschrijving: (sleutel: string) => string | undefined = () => undefined): Json {
  const { schema, bestand } = SCHEMA_SOORTEN[soort];
  const j = naarJson(schema);
  aanpassen(j, beschrijving);
  const { $schema, ...rest } = j;
  return { $schema, $id: `https://tariefbouw.nl/schemas/${soort}.schema.json`, title: `tariefbouw: ${bestand}`, ...rest };
}

/** The schema of tariefbouw.yaml, the file that marks the root of a region's repository. */
export function configSchema(): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://tariefbouw.nl/schemas/tariefbouw.schema.json',
    title: 'tariefbouw: tariefbouw.yaml',
    description: 'Markeert de hoofdmap van de repository van een regio; tariefbouw leest en schrijft vanaf deze map.',
    type: 'object',
    properties: {
      standaardset: {
        description: 'De set (een map onder models/) die een commando zonder set gebruikt.',
        type: 'string',
        pattern: '^[a-z0-9][a-z0-9_-]*$',
      },
    },
    additionalProperties: false,
  };
}

/** Key → meaning from the tables of docs/begrippenlijst.md (rows `| \`sleutel\` | betekenis |`; the first one counts). */
export function beschrijvingenUitBegrippenlijst(tekst: string): Map<string, string> {
  const uit = new Map<string, string>();
  for (const m of tekst.matchAll(/^\| `([a-z0-9_]+)` \| (.+?) \|$/gm)) {
    if (!uit.has(m[1]!)) uit.set(m[1]!, m[2]!.replace(/`/g, '').trim());
  }
  return uit;
}
