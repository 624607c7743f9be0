/** Every key of the schema is explained in docs/begrippenlijst.md. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as S from '../src/params/schema.ts';

type Def = { type?: string; shape?: Record<string, unknown>; keyType?: unknown; valueType?: unknown; element?: unknown; innerType?: unknown; options?: unknown[]; in?: unknown; schema?: unknown; entries?: Record<string, unknown> };

function sleutels(schema: unknown, gezien = new Set<unknown>(), uit = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object' || gezien.has(schema)) return uit;
  gezien.add(schema);
  const def = (schema as { _zod?: { def?: Def } })._zod?.def;
  if (!def) return uit;
  if (def.shape) for (const [k, v] of Object.entries(def.shape)) (uit.add(k), sleutels(v, gezien, uit));
  if (def.type === 'record') {
    const kt = (def.keyType as { _zod?: { def?: Def } })?._zod?.def;
    if (kt?.entries) for (const k of Object.keys(kt.entries)) uit.add(k);
  }
  for (const k of ['keyType', 'valueType', 'element', 'innerType', 'in', 'schema'] as const) sleutels(def[k], gezien, uit);
  for (const o of def.options ?? []) sleutels(o, gezien, uit);
  return uit;
}

describe('begrippenlijst', () => {
  it('noemt elke sleutel uit het schema', () => {
    const tekst = readFileSync('docs/begrippenlijst.md', 'utf8');
    const alle = new Set<string>();
    for (const s of [S.ModelBestand, S.BronnenBestand, S.CaoBestand, S.ProductiviteitBestand, S.OpslagenBestand, S.AfrondingBestand, S.VariantenBestand, S.ProductenBestand, S.AanbiederBestand, S.ControletotalenBestand, S.IndexcijfersBestand, S.VolumesBestand, S.SignalenBestand, S.InkoopBestand, S.Parameter, S.BronObject])
      sleutels(s, new Set(), alle);
    expect(alle.size).toBeGreaterThan(60);
    const ontbreekt = [...alle].filter((k) => !tekst.includes(`\`${k}\``)).sort();
    expect(ontbreekt).toEqual([]);
  });
});
