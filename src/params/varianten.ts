/** afronding.yaml → rounding rules; varianten.yaml → which variants a tariff gets (basistarief, micro, pgb). */
import type * as z from 'zod';
import { Decimal } from '../shared/decimal.ts';
import { type Bestand, type Bouwer, opslag, POSITIEF, PROCENT } from './bouw.ts';
import type * as S from './schema.ts';
import type * as T from './types.ts';
import { bedoeldeU } from './zodfouten.ts';

/** Reports a rounding rule that afronding.yaml does not have, at the place that names it. */
export type AfrondingBestaat = (id: string, root: unknown, pad: (string | number)[]) => void;

export function bouwAfronding(b: Bouwer, afr: Bestand<z.infer<typeof S.AfrondingBestand>>): { afronding: Map<string, T.AfrondingsRegel>; afrondingBestaat: AfrondingBestaat } {
  const afronding = new Map<string, T.AfrondingsRegel>();
  for (const [id, regel] of Object.entries(afr.data.regels)) {
    const herkomst = b.plek(afr.root, ['regels', id]);
    const v = new Decimal(regel.veelvoud);
    b.bereik(v, POSITIEF, 'euro', afr.root, ['regels', id, 'veelvoud'], `afronding ${id}`);
    afronding.set(id, { id, veelvoud: v, richting: regel.richting, herkomst });
  }
  const afrondingBestaat: AfrondingBestaat = (id, root, pad) => {
    if (!afronding.has(id)) {
      const s = bedoeldeU(id, [...afronding.keys()]);
      b.fout(root, pad, `onbekende afrondingsregel '${id}'`, {
        verwacht: `een regel uit afronding.yaml: ${[...afronding.keys()].join(', ')}`,
        gevonden: id,
        hint: s ? `bedoelde u '${s}'?` : 'voeg de regel toe aan afronding.yaml',
      });
    }
  };
  afrondingBestaat(afr.data.standaard, afr.root, ['standaard']);
  return { afronding, afrondingBestaat };
}

export function bouwVarianten(b: Bouwer, vr: Bestand<z.infer<typeof S.VariantenBestand>>, afrondingBestaat: AfrondingBestaat, opslagen: T.Opslagen | undefined): T.Varianten {
  const micro = vr.data.micro_onderneming === true ? 'per_cao' : vr.data.micro_onderneming;
  const varianten: T.Varianten = { basistarief: vr.data.basistarief, micro, ...(micro ? { microHerkomst: b.plek(vr.root, ['micro_onderneming']) } : {}) };
  if (vr.data.pgb) {
    afrondingBestaat(vr.data.pgb.afronding, vr.root, ['pgb', 'afronding']);
    varianten.pgb = {
      // without a grondslag: the basistarief (the lowest CAO tariff); an adopted tariff is its own grondslag
      grondslag: vr.data.pgb.grondslag ?? 'basistarief',
      afronding: vr.data.pgb.afronding,
      soorten: Object.entries(vr.data.pgb.soorten).map(([id, s]) => ({
        id,
        naam: s.naam,
        percentage: b.param(s.percentage, vr.root, ['pgb', 'soorten', id, 'percentage'], `varianten.pgb.${id}`, ['procent'], opslag(PROCENT)),
      })),
    };
  }
  // Without opslagen.yaml no product is computed (valideerBestanden requires it then), so there is no micro tariff to make.
  if (vr.data.micro_onderneming && opslagen && !opslagen.overhead.micro) {
    b.fout(vr.root, ['micro_onderneming'], 'micro-ondernemingstarief gevraagd zonder overhead voor micro-ondernemingen', {
      verwacht: 'opslagen.yaml: overhead.micro_onderneming',
      gevonden: `micro_onderneming: ${String(vr.data.micro_onderneming)} zonder dat percentage`,
      hint: 'voeg overhead.micro_onderneming toe aan opslagen.yaml of zet micro_onderneming op false',
    });
  }
  return varianten;
}
