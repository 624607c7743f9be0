/** opslagen.yaml → overhead, gemeentelijke verplichtingen, winst en risico, no-show and the indexation percentages. */
import type * as z from 'zod';
import { type Bestand, type Bouwer, NIET_NEGATIEF, opslag, PROCENT, PROCENT_DEELBAAR } from './bouw.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';

type OpslagenData = z.infer<typeof S.OpslagenBestand>;

export function bouwOpslagen(b: Bouwer, best: Bestand<OpslagenData>): T.Opslagen {
  const { data: o, root: or } = best;
  const ohBereik = o.overhead.conventie === 'aandeel_in_kostprijs' ? opslag(PROCENT_DEELBAAR, '60') : opslag(NIET_NEGATIEF, '100');
  return {
    overhead: {
      conventie: o.overhead.conventie,
      grondslag: o.overhead.grondslag,
      standaard: b.param(o.overhead.standaard, or, ['overhead', 'standaard'], 'opslagen.overhead.standaard', ['procent'], ohBereik),
      ...(o.overhead.micro_onderneming
        ? { micro: b.param(o.overhead.micro_onderneming, or, ['overhead', 'micro_onderneming'], 'opslagen.overhead.micro_onderneming', ['procent'], ohBereik) }
        : {}),
    },
    ...(o.gemeentelijke_verplichtingen
      ? { gemeentelijkeVerplichtingen: b.param(o.gemeentelijke_verplichtingen, or, ['gemeentelijke_verplichtingen'], 'opslagen.gemeentelijke_verplichtingen', ['procent'], opslag(PROCENT, '25')) }
      : {}),
    ...winstEnRisico(b, o, or),
    noShow: {
      methode: o.no_show.methode,
      percentage: b.param(o.no_show.percentage, or, ['no_show', 'percentage'], 'opslagen.no_show.percentage', ['procent'], opslag(PROCENT_DEELBAAR, '25')),
    },
    indexatie: {
      ...(o.indexatie?.loon ? { loon: b.param(o.indexatie.loon, or, ['indexatie', 'loon'], 'opslagen.indexatie.loon', ['procent'], { min: '-50', max: '100' }) } : {}),
      ...(o.indexatie?.materieel
        ? { materieel: b.param(o.indexatie.materieel, or, ['indexatie', 'materieel'], 'opslagen.indexatie.materieel', ['procent'], { min: '-50', max: '100' }) }
        : {}),
    },
  };
}

/** winst_en_risico: a parameter (opslag op de kostprijs), or a block with conventie and percentage. */
function winstEnRisico(b: Bouwer, o: OpslagenData, or: unknown): Pick<T.Opslagen, 'winstEnRisico' | 'winstEnRisicoConventie'> {
  const wr = o.winst_en_risico;
  const wrBlok = 'percentage' in wr ? wr : undefined;
  const conventie = wrBlok?.conventie ?? 'opslag_op_kostprijs';
  const herkomst = wrBlok ? b.plek(or, ['winst_en_risico', 'conventie']) : undefined;
  return {
    winstEnRisico: wrBlok
      ? b.param(wrBlok.percentage, or, ['winst_en_risico', 'percentage'], 'opslagen.winst_en_risico', ['procent'], opslag(conventie === 'aandeel_in_tarief' ? PROCENT_DEELBAAR : PROCENT, '15'))
      : b.param(wr as S.RawParameter, or, ['winst_en_risico'], 'opslagen.winst_en_risico', ['procent'], opslag(PROCENT, '15')),
    winstEnRisicoConventie: { conventie, ...(herkomst ? { herkomst } : {}) },
  };
}
