/**
 * productiviteit.yaml → productivity profiles. A profile states productive time in exactly one form:
 * non-productive items (posten), productive hours per fte, or a productivity percentage.
 */
import type * as z from 'zod';
import { type Bestand, type Bouwer, NIET_NEGATIEF, opslag, POSITIEF, PROCENT_DEELBAAR } from './bouw.ts';
import * as S from './schema.ts';
import type * as T from './types.ts';

type ProductiviteitData = z.infer<typeof S.ProductiviteitBestand>;
type RuwProfiel = ProductiviteitData['profielen'][string];
type Vorm = (typeof S.PRODUCTIVITEITSVORMEN)[number];

/** Only a set with computed products needs profiles (valideerBestanden requires the file then); without it: none. */
export function bouwProductiviteit(b: Bouwer, best: Bestand<ProductiviteitData> | undefined): Map<string, T.ProductiviteitsProfiel> {
  const prod = best ?? { data: { profielen: {} }, root: { profielen: {} }, rel: 'productiviteit.yaml' };
  const productiviteit = new Map<string, T.ProductiviteitsProfiel>();
  for (const [id, p] of Object.entries(prod.data.profielen)) productiviteit.set(id, bouwProfiel(b, id, p, prod.root));
  return productiviteit;
}

function bouwProfiel(b: Bouwer, id: string, p: RuwProfiel, root: unknown): T.ProductiviteitsProfiel {
  const pad = ['profielen', id];
  const herkomst = b.plek(root, pad, 'sleutel');
  const vorm = eenVorm(b, id, root, pad);
  if (p.rekenwijze && vorm !== 'niet_productief') {
    b.fout(root, [...pad, 'rekenwijze'], `rekenwijze ${p.rekenwijze} bij productiviteitsprofiel ${id} zonder niet-productieve posten`, {
      verwacht: 'rekenwijze alleen in een profiel met niet-productieve posten (niet_productief)',
      gevonden: `rekenwijze: ${p.rekenwijze} naast ${vorm}`,
      hint: `${vorm} geeft de productiviteit zelf, dus er zijn geen posten om af te trekken of op te slaan; verwijder rekenwijze, of schrijf de posten uit onder niet_productief als de bron een opslag per post noemt`,
    });
  }
  if (vorm === 'productieve_uren' && p.productieve_uren) {
    const param = b.param(p.productieve_uren, root, [...pad, 'productieve_uren'], `productiviteit.${id}.productieve_uren`, ['uren_per_jaar'], POSITIEF);
    return { id, omschrijving: p.omschrijving, herkomst, vorm, param };
  }
  if (vorm === 'productiviteit' && p.productiviteit) {
    const param = b.param(p.productiviteit, root, [...pad, 'productiviteit'], `productiviteit.${id}.productiviteit`, ['procent'], opslag({ min: '0', minExclusief: true, max: '100' }));
    return { id, omschrijving: p.omschrijving, herkomst, vorm, param };
  }
  const posten = Object.entries(p.niet_productief ?? {}).map(([post, raw]) => {
    const param = b.param(raw!, root, [...pad, 'niet_productief', post], `productiviteit.${id}.${post}`, ['procent', 'uren_per_jaar'], NIET_NEGATIEF);
    if (raw!.eenheid === 'procent') for (const w of param.reeks) b.bereik(w.waarde, opslag(PROCENT_DEELBAAR), 'procent', root, [...pad, 'niet_productief', post, 'waarde'], `productiviteit.${id}.${post}`);
    return { post: post as T.NietProductievePost, param };
  });
  const rekenwijzeHerkomst = p.rekenwijze ? b.plek(root, [...pad, 'rekenwijze']) : undefined;
  return {
    id,
    omschrijving: p.omschrijving,
    herkomst,
    vorm: 'posten',
    rekenwijze: p.rekenwijze ?? 'aftrek',
    ...(rekenwijzeHerkomst ? { rekenwijzeHerkomst } : {}),
    posten,
  };
}

/** Exactly one way of stating productivity, in the order the author wrote them; reports otherwise. */
function eenVorm(b: Bouwer, id: string, root: unknown, pad: string[]): Vorm {
  const geschreven = Object.keys(((root as Record<string, Record<string, object>>).profielen?.[id] ?? {}) as object);
  const vormen = geschreven.filter((k): k is Vorm => (S.PRODUCTIVITEITSVORMEN as readonly string[]).includes(k));
  if (vormen.length !== 1) {
    // Two forms from two files: an overlay added one to a profile of its basis set, and cannot remove the other.
    const plekken = vormen.map((v) => b.herkomst(root, [...pad, v], 'sleutel'));
    const uitOverlay = new Set(plekken.map((x) => x.bestand)).size > 1;
    b.fout(root, vormen.length ? [...pad, vormen[1]!] : pad, `productiviteitsprofiel ${id}: geef precies één van niet_productief, productieve_uren of productiviteit`, {
      verwacht: 'niet_productief (posten in uren of procent), productieve_uren (uren per fte per jaar) of productiviteit (procent van de betaalde uren)',
      gevonden: vormen.length ? `${vormen.map((v, i) => `${v} (${plekken[i]!.bestand}:${plekken[i]!.regel})`).join(' én ')} in hetzelfde profiel` : 'geen van drieën',
      hint: uitOverlay
        ? 'een overlay kan een sleutel van de basisset niet weghalen; maak in de overlay een nieuw profiel met deze vorm en laat de producten daarnaar verwijzen'
        : vormen.length
          ? 'een profiel rekent met één vorm; maak voor de andere vorm een eigen profiel en laat het product daarnaar verwijzen'
          : 'noem de niet-productieve posten, of schrijf de productieve uren of het productiviteitspercentage uit de bron over',
    }, 'sleutel');
  }
  return vormen[0] ?? 'niet_productief';
}
