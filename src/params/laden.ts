/**
 * Entry point of the parameter layer: folder → validated ParameterSet, or
 * every problem at once. Each file (or folder) is built by its own module; this
 * file reads, validates the structure, wires the builders in order and checks
 * the whole.
 */
import { ParametersetFout, sorteerProblemen, type Probleem } from '../shared/problems.ts';
import { bouwAanbieders } from './aanbieders.ts';
import { leesSet, type RuweSet } from './bestanden.ts';
import { type Bestand, Bouwer, valideerBestanden } from './bouw.ts';
import { bouwCaos } from './cao.ts';
import { begrensd } from './grenzen.ts';
import { bouwInkoop, controleerInkoop } from './inkoop.ts';
import { bouwOpslagen } from './opslagen.ts';
import { bouwProducten } from './producten.ts';
import { bouwProductiviteit } from './productiviteit.ts';
import { controleerRegels, zonderEffect } from './regels.ts';
import { bouwControletotalen, bouwIndexcijfers, bouwSignalen, bouwVolumes, controleerJeugdWmoParen } from './review.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';
import { bouwAfronding, bouwVarianten } from './varianten.ts';
import { Posities } from './yaml.ts';
import type * as z from 'zod';

export interface GeladenSet {
  set: T.ParameterSet;
  waarschuwingen: Probleem[];
}

export interface LaadOpties {
  /** Paths in messages are shown relative to this folder (default: cwd). */
  weergaveBasis?: string;
}

type ModelBestand = Bestand<z.infer<typeof S.ModelBestand>>;

/** Loads and validates a set; throws ParametersetFout with every problem. */
export function laadParameterset(map: string, opties: LaadOpties = {}): GeladenSet {
  const posities = new Posities();
  const ruw = leesSet(map, posities, opties.weergaveBasis ?? process.cwd());
  const stop = (ps: Probleem[]) => {
    if (ps.some((p) => p.ernst === 'fout')) throw new ParametersetFout(sorteerProblemen(ps.map(begrensd)));
  };
  stop(ruw.problemen);
  const { geldig, problemen } = valideerBestanden(ruw, posities);
  stop([...ruw.problemen, ...problemen]);

  const get = <K>(rel: string) => geldig.get(rel) as Bestand<K> | undefined;
  const bronnenBestand = get<z.infer<typeof S.BronnenBestand>>('bronnen.yaml');
  const b = new Bouwer(posities, bronnenBestand?.data ?? {}, ruw.weergave.get('bronnen.yaml') ?? 'bronnen.yaml', ruw.bestanden.has('bronnen.yaml'));
  const set = bouwSet(b, ruw, geldig);

  b.bronnenbestandOntbreekt();
  const alle = [...b.problemen];
  if (set.indexering && ruw.basis && !alle.some((p) => p.ernst === 'fout')) alle.push(...koppelBasisset(b, set, set.indexering, ruw.basis.map, get('model.yaml')!, opties));
  if (!alle.some((p) => p.ernst === 'fout')) alle.push(...controleerRegels(set), ...controleerInkoop(set));
  const fouten = alle.filter((p) => p.ernst === 'fout');
  if (fouten.length) throw new ParametersetFout(sorteerProblemen(alle.map(begrensd)));
  return { set, waarschuwingen: sorteerProblemen(alle.filter((p) => p.ernst === 'waarschuwing').map(begrensd)) };
}

/** Every part of the set, built in dependency order; problems collect in the Bouwer. */
function bouwSet(b: Bouwer, ruw: RuweSet, geldig: Map<string, Bestand<unknown>>): T.ParameterSet {
  const get = <K>(rel: string) => geldig.get(rel) as Bestand<K> | undefined;
  const model = get<z.infer<typeof S.ModelBestand>>('model.yaml')!;
  const { tariefjaar, peildatum, indexering } = tariefjaarEnPeildatum(b, model);
  const caos = bouwCaos(b, geldig);
  const productiviteit = bouwProductiviteit(b, get('productiviteit.yaml'));
  const opslagenBestand = get<z.infer<typeof S.OpslagenBestand>>('opslagen.yaml');
  const opslagen = opslagenBestand ? bouwOpslagen(b, opslagenBestand) : undefined;
  const afr = get<z.infer<typeof S.AfrondingBestand>>('afronding.yaml')!;
  const { afronding, afrondingBestaat } = bouwAfronding(b, afr);
  const varianten = bouwVarianten(b, get('varianten.yaml')!, afrondingBestaat, opslagen);
  const { producten, contracten } = bouwProducten(b, geldig, { caos, productiviteit, varianten, standaardAfronding: afr.data.standaard, afrondingBestaat });
  const aanbieders = bouwAanbieders(b, geldig, { caos, productiviteit, producten });
  const controletotalen = bouwControletotalen(b, get('controletotalen.yaml'), producten);
  const indexcijfers = bouwIndexcijfers(b, get('indexcijfers.yaml'), producten, [...afronding.keys()]);
  const inkoop = bouwInkoop(b, get('inkoop.yaml'), contracten, ruw.weergave.get('inkoop.yaml') ?? 'inkoop.yaml');
  // the municipalities of the volumes must be those of the region (inkoop.yaml), where the set names them
  const volumes = bouwVolumes(b, get('volumes.yaml'), producten, variantnamen(caos, varianten, aanbieders), inkoop?.gemeenten);
  const signalen = bouwSignalen(b, get('signalen.yaml'));
  controleerJeugdWmoParen(b, get('signalen.yaml'), producten, varianten);

  return {
    id: ruw.id,
    naam: model.data.naam,
    regio: model.data.regio,
    tariefjaar,
    peildatum,
    salaristabellen: model.data.salaristabellen ? { methode: model.data.salaristabellen, herkomst: b.plek(model.root, ['salaristabellen']) } : { methode: 'peildatum' },
    versie: model.data.versie,
    ...(model.data.documentdatum ? { documentdatum: model.data.documentdatum } : {}),
    vingerafdruk: ruw.vingerafdruk,
    bases: ruw.bases,
    caos,
    productiviteit,
    ...(opslagen ? { opslagen } : {}),
    afronding,
    standaardAfronding: afr.data.standaard,
    varianten,
    contracten,
    producten,
    aanbieders,
    controletotalen,
    parameters: b.parameters,
    ...(indexering ? { indexering } : {}),
    ...(indexcijfers ? { indexcijfers } : {}),
    ...(volumes ? { volumes } : {}),
    ...(signalen ? { signalen } : {}),
    ...(inkoop ? { inkoop } : {}),
  };
}

/** model.yaml: the tariff year, the peildatum within it, and an indexation round from the year before. */
function tariefjaarEnPeildatum(b: Bouwer, model: ModelBestand): { tariefjaar: number; peildatum: string; indexering?: NonNullable<T.ParameterSet['indexering']> } {
  const tariefjaar = Number(model.data.tariefjaar);
  const peildatum = model.data.peildatum ?? `${model.data.tariefjaar}-01-01`;
  if (!peildatum.startsWith(model.data.tariefjaar)) {
    b.fout(model.root, ['peildatum'], 'peildatum ligt buiten het tariefjaar', {
      verwacht: `een datum in ${tariefjaar}`,
      gevonden: peildatum,
      hint: 'de peildatum bepaalt welke CAO-tabel en welke waarden gelden; meestal 1 januari van het tariefjaar',
    });
  }
  const ix = model.data.indexering;
  if (!ix) return { tariefjaar, peildatum };
  const indexering = { basisjaar: Number(ix.basisjaar), basisPeildatum: ix.peildatum ?? `${ix.basisjaar}-01-01` };
  if (indexering.basisjaar !== tariefjaar - 1) {
    b.fout(model.root, ['indexering', 'basisjaar'], 'het basisjaar van de indexering is niet het jaar vóór het tariefjaar', {
      verwacht: `${tariefjaar - 1}: een indexatieronde gaat van het ene tariefjaar naar het volgende`,
      gevonden: String(indexering.basisjaar),
      hint: 'indexeer van het vorige tariefjaar naar het nieuwe',
    });
  }
  return { tariefjaar, peildatum, indexering };
}

/** The variant names a set can have: what volumes.yaml may price its volumes at. */
function variantnamen(caos: Map<string, T.Cao>, varianten: T.Varianten, aanbieders: T.Aanbieder[]): string[] {
  return [
    'basistarief',
    'micro-onderneming',
    'vast',
    ...caos.keys(),
    ...(varianten.micro === 'per_cao' ? [...caos.keys()].map((c) => `micro-${c}`) : []),
    ...(varianten.pgb?.soorten.map((s) => `pgb-${s.id}`) ?? []),
    ...aanbieders.map((a) => `aanbieder-${a.id}`),
  ];
}

/**
 * An indexation round indexes the tariffs of the set it builds on, as that set gives them: load that set on its
 * own (checked on its own). An overlay on a round for the same year (a gemeente, a variant) is that same round.
 * Returns the problems of the basis set and of the link.
 */
function koppelBasisset(b: Bouwer, set: T.ParameterSet, indexering: NonNullable<T.ParameterSet['indexering']>, basismap: string, model: ModelBestand, opties: LaadOpties): Probleem[] {
  try {
    const vorige = laadParameterset(basismap, opties).set;
    const uit: Probleem[] = [];
    if (vorige.tariefjaar === indexering.basisjaar) indexering.basis = vorige;
    else if (vorige.tariefjaar === set.tariefjaar && vorige.indexering) set.indexering = vorige.indexering;
    else {
      b.fout(model.root, ['indexering', 'basisjaar'], `de indexering gaat uit van ${indexering.basisjaar}, maar de basisset ${vorige.naam} is van ${vorige.tariefjaar}`, {
        verwacht: `een basisset met tariefjaar ${indexering.basisjaar}`,
        gevonden: `basis: ${vorige.id} (tariefjaar ${vorige.tariefjaar})`,
        hint: 'een indexatieronde bouwt voort op de set van het jaar ervoor; maak de ronde met tariefbouw indexeer',
      });
      uit.push(...b.problemen.slice(-1));
    }
    if (set.indexering?.basis) uit.push(...zonderEffect(set, set.indexering.basis));
    return uit;
  } catch (e) {
    if (!(e instanceof ParametersetFout)) throw e;
    return e.problemen;
  }
}
