/**
 * The shape of every file in a parameter set (models/<set>/), as zod schemas.
 * These check structure and spelling only; cross-file rules (does the CAO
 * exist, do validity periods overlap, …) live in regels.ts.
 * Numbers arrive as their exact YAML source text (see yaml.ts).
 */
import * as z from 'zod';
import { DECIMAAL_PATROON } from '../shared/decimal.ts';
import { GRENZEN } from './grenzen.ts';
import { zodFoutkaart } from './zodfouten.ts';

export const EENHEDEN = [
  'procent',
  'euro',
  'euro_per_maand',
  'euro_per_uur',
  'euro_per_jaar',
  'euro_per_eenheid',
  'uren_per_week',
  'uren_per_jaar',
  'uren',
  'aantal',
] as const;
export type Eenheid = (typeof EENHEDEN)[number];

export const STATUSSEN = ['vastgesteld', 'voorlopig', 'illustratief'] as const;
export type Status = (typeof STATUSSEN)[number];

/** Product units with their iStandaard eenheid code (WMO756/JW756). */
export const PRODUCTEENHEDEN = {
  minuut: { code: '01', uren: '0.0166666666666666666666666666666666666667', omschrijving: 'minuut' },
  uur: { code: '04', uren: '1', omschrijving: 'uur' },
  dagdeel: { code: '16', uren: '4', omschrijving: 'dagdeel (4 uur)' },
  etmaal: { code: '14', uren: '24', omschrijving: 'etmaal' },
  stuk: { code: '84', uren: null, omschrijving: 'stuk (inspanning)' },
  stuk_output: { code: '82', uren: null, omschrijving: 'stuk (output)' },
  jaar: { code: '83', uren: null, omschrijving: 'lumpsum per jaar (euro’s)' },
} as const;
export type ProductEenheid = keyof typeof PRODUCTEENHEDEN;

export const NIET_PRODUCTIEVE_POSTEN = [
  'verlof',
  'feestdagen',
  'verzuim',
  'scholing',
  'werkoverleg',
  'indirect_clientgebonden',
  'reistijd',
  'administratie',
  'overig',
] as const;

export const CLIENTGEBONDEN_SOORTEN = ['materiaal', 'huisvesting', 'vervoer', 'activiteiten', 'voeding', 'overig'] as const;

/** At most GRENZEN.cijfersVoorDePunt digits before and GRENZEN.cijfersNaDePunt after the point (checked only on a well-formed number). */
const binnenGrenzen = (s: string): boolean => {
  const m = /^-?(\d+)(?:\.(\d+))?$/.exec(s);
  return !m || (m[1]!.replace(/^0+(?=\d)/, '').length <= GRENZEN.cijfersVoorDePunt && (m[2]?.length ?? 0) <= GRENZEN.cijfersNaDePunt);
};
const decimaal = z.string().regex(DECIMAAL_PATROON).refine(binnenGrenzen, 'getal_te_groot');
const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'ongeldige_datum');
const tekst = z.string().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/);

export const BronObject = z.strictObject({
  titel: tekst,
  uitgever: tekst.optional(),
  url: tekst.optional(),
  datum: datum.optional(),
  pagina: z.union([tekst, decimaal]).optional(),
  toelichting: tekst.optional(),
});
export type BronObject = z.infer<typeof BronObject>;
export const BronVerwijzing = z.union([tekst, BronObject]);

const Status = z.enum(STATUSSEN);

/** One dated value of a parameter. */
const Waarde = z.strictObject({
  waarde: decimaal,
  geldig_van: datum,
  geldig_tot: datum,
  bron: BronVerwijzing,
  status: Status,
  toelichting: tekst.optional(),
});

/**
 * A parameter: a value with unit, validity, source and status. Either written
 * flat (one value) or as a `reeks` of dated values.
 */
export const Parameter = z
  .strictObject({
    eenheid: z.enum(EENHEDEN),
    waarde: decimaal.optional(),
    geldig_van: datum.optional(),
    geldig_tot: datum.optional(),
    bron: BronVerwijzing.optional(),
    status: Status.optional(),
    toelichting: tekst.optional(),
    reeks: z.array(Waarde).min(1).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.reeks !== undefined) {
      for (const k of ['waarde', 'geldig_van', 'geldig_tot', 'bron', 'status'] as const) {
        if (p[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'reeks_en_los' });
      }
    } else {
      for (const k of ['waarde', 'geldig_van', 'geldig_tot', 'bron', 'status'] as const) {
        if (p[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'ontbrekend_parameterveld' });
      }
    }
  });
export type RawParameter = z.infer<typeof Parameter>;

export const ModelBestand = z.strictObject({
  naam: tekst,
  omschrijving: tekst.optional(),
  regio: tekst,
  tariefjaar: z.string().regex(/^\d{4}$/),
  peildatum: datum.optional(),
  /** Which salary table a tariff uses: the one valid on the peildatum, or the months-weighted mean over the tariefjaar. */
  salaristabellen: z.enum(['peildatum', 'jaargemiddelde']).optional(),
  versie: tekst,
  /** Date printed on the documents (never the clock); before inkoop.yaml's, so a round has its own. */
  documentdatum: datum.optional(),
  basis: tekst.optional(),
  /** A set made by `indexeer`: last year's tariffs of the base set, indexed to tariefjaar. */
  indexering: z.strictObject({ basisjaar: z.string().regex(/^\d{4}$/), peildatum: datum.optional(), toelichting: tekst.optional() }).optional(),
  toelichting: tekst.optional(),
});

export const BronnenBestand = z.record(id, BronObject);

const Trede = z.union([decimaal, z.null()]);

const CaoTabel = z.strictObject({
  geldig_van: datum,
  geldig_tot: datum,
  /** maand/uur: a salary table; loonkosten_per_uur: the full personnel cost per paid hour (salary, allowances and employer charges together). */
  soort: z.enum(['maand', 'uur', 'loonkosten_per_uur']),
  eerste_trede: z.string().regex(/^\d+$/).refine(binnenGrenzen, 'getal_te_groot').optional(),
  bron: BronVerwijzing,
  status: Status,
  toelichting: tekst.optional(),
  schalen: z.record(tekst, z.array(Trede).min(1)),
});

const FunctiehuisRegel = z.strictObject({
  schaal: tekst,
  trede: decimaal.optional(),
  treden: z.array(z.strictObject({ trede: decimaal, gewicht: decimaal })).min(1).optional(),
  functie: tekst.optional(),
  bron: BronVerwijzing,
  status: Status,
  toelichting: tekst.optional(),
});

export const CaoBestand = z.strictObject({
  naam: tekst,
  toelichting: tekst.optional(),
  uren_per_week: Parameter,
  tabellen: z.array(CaoTabel).min(1),
  toeslagen: z.record(id, Parameter).optional(),
  ort: z.record(id, Parameter).optional(),
  /** ORT over at most the salary of this schaal and trede (CAO Sociaal Werk: schaal 5 trede 11). */
  ort_maximum: z.strictObject({ schaal: tekst, trede: decimaal, bron: BronVerwijzing, status: Status, toelichting: tekst.optional() }).optional(),
  werkgeverslasten: z.record(id, Parameter).optional(),
  franchises: z.record(id, Parameter).optional(),
  maxima: z.record(id, Parameter).optional(),
  /** Per werkgeverslast: which toeslagen belong to its grondslag besides the jaarsalaris (default: all). */
  grondslagen: z.record(id, z.strictObject({ toeslagen: z.array(id), toelichting: tekst.optional() })).optional(),
  functiehuis: z.record(id, FunctiehuisRegel),
});

/** The ways a profile can state productivity; a profile uses exactly one (checked in laden.ts). */
export const PRODUCTIVITEITSVORMEN = ['niet_productief', 'productieve_uren', 'productiviteit'] as const;
export const REKENWIJZEN = ['aftrek', 'opslag'] as const;

export const ProductiviteitBestand = z.strictObject({
  profielen: z.record(
    id,
    z.strictObject({
      omschrijving: tekst,
      /** aftrek: loonkosten ÷ (betaalde uren − posten); opslag: loonkosten ÷ betaalde uren × (1 + Σ posten). */
      rekenwijze: z.enum(REKENWIJZEN).optional(),
      niet_productief: z.partialRecord(z.enum(NIET_PRODUCTIEVE_POSTEN), Parameter).optional(),
      /** productive hours per fte per year, as published (ESF: 1.720) */
      productieve_uren: Parameter.optional(),
      /** productive share of the paid hours, in percent (E1: 80) */
      productiviteit: Parameter.optional(),
      toelichting: tekst.optional(),
    }),
  ),
});

export const WINST_CONVENTIES = ['opslag_op_kostprijs', 'aandeel_in_tarief'] as const;

/** winst_en_risico with an explicit convention, like overhead: the percentage under `percentage`. */
export const WinstEnRisicoBlok = z.strictObject({
  conventie: z.enum(WINST_CONVENTIES),
  percentage: Parameter,
  toelichting: tekst.optional(),
});
export type RawWinstEnRisico = RawParameter | z.infer<typeof WinstEnRisicoBlok>;

const isBlok = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && ('conventie' in v || 'percentage' in v);

/**
 * winst_en_risico is either a parameter (the percentage, as an opslag op de kostprijs) or a block
 * with conventie and percentage. The form is chosen by its keys, not by trying both, so a mistake in
 * either form is reported in the terms of that form.
 */
export const WinstEnRisico = z.custom<RawWinstEnRisico>().check((ctx) => {
  const r = (isBlok(ctx.value) ? WinstEnRisicoBlok : Parameter).safeParse(ctx.value, { error: zodFoutkaart });
  if (r.success) ctx.value = r.data;
  else ctx.issues.push(...(r.error.issues as unknown as typeof ctx.issues));
});

export const OpslagenBestand = z.strictObject({
  overhead: z.strictObject({
    conventie: z.enum(['opslag_op_directe_kosten', 'aandeel_in_kostprijs']),
    grondslag: z.enum(['personeel', 'personeel_en_clientgebonden']),
    standaard: Parameter,
    micro_onderneming: Parameter.optional(),
    toelichting: tekst.optional(),
  }),
  gemeentelijke_verplichtingen: Parameter.optional(),
  winst_en_risico: WinstEnRisico,
  no_show: z.strictObject({
    methode: z.enum(['niet_productieve_tijd', 'opslag', 'geen']),
    percentage: Parameter,
    toelichting: tekst.optional(),
  }),
  indexatie: z
    .strictObject({
      loon: Parameter.optional(),
      materieel: Parameter.optional(),
      toelichting: tekst.optional(),
    })
    .optional(),
});

export const AfrondingsRegel = z.strictObject({
  veelvoud: decimaal,
  richting: z.enum(['rekenkundig', 'omhoog', 'omlaag']),
  toelichting: tekst.optional(),
});
export const AfrondingBestand = z.strictObject({
  standaard: id,
  regels: z.record(id, AfrondingsRegel),
});

export const VariantenBestand = z.strictObject({
  basistarief: z.boolean(),
  micro_onderneming: z.union([z.boolean(), z.enum(['per_cao', 'laagste'])]),
  pgb: z
    .strictObject({
      grondslag: z.enum(['basistarief', 'hoogste_cao']).optional(),
      afronding: id,
      soorten: z.record(id, z.strictObject({ naam: tekst, percentage: Parameter })),
    })
    .optional(),
  toelichting: tekst.optional(),
});

const Inzet = z.strictObject({
  niveau: id,
  aantal: decimaal,
  toelichting: tekst.optional(),
});

const ProductVelden = {
  naam: tekst,
  wet: z.enum(['jeugdwet', 'wmo']),
  productcategorie: z.string().regex(/^\d{2}$/),
  segment: tekst.optional(),
  omschrijving: tekst.optional(),
  doel: tekst.optional(),
  doelgroep: tekst.optional(),
  opleidingseisen: tekst.optional(),
  resultaat: tekst.optional(),
  stapelbaarheid: tekst.optional(),
  leeftijd: tekst.optional(),
  /** Who refers a client to the product (toegang): the municipality, a doctor, the court … */
  toegang: tekst.optional(),
  /** The usual or maximum volume of one assignment, as the documents state it. */
  volumenorm: tekst.optional(),
  /** Within how long after the assignment the provider starts. */
  starttermijn: tekst.optional(),
  /** When the product is not given (Wlz, Zvw, another product …). */
  uitsluitingen: tekst.optional(),
  /** For this product: whether the staff mix (inzet) binds the provider or is only the basis of the tariff; overrides inkoop.yaml. */
  functiemix: z.enum(['norm', 'rekenbasis']).optional(),
  eenheid: z.enum(Object.keys(PRODUCTEENHEDEN) as [ProductEenheid, ...ProductEenheid[]]),
  frequentie: z.enum(['per_dag', 'per_week', 'per_maand', 'totaal']).optional(),
  afronding: id.optional(),
  toelichting: tekst.optional(),
};

const PgbOverride = z.union([z.strictObject({ uitgesloten: z.literal(true) }), Parameter]);

export const KostprijsProduct = z.strictObject({
  ...ProductVelden,
  berekening: z.literal('kostprijs'),
  caos: z.array(id).min(1),
  productiviteit: id,
  inzet: z.array(Inzet).min(1),
  groepsgrootte: Parameter.optional(),
  uren_per_eenheid: Parameter.optional(),
  ort: id.optional(),
  no_show: Parameter.optional(),
  clientgebonden_kosten: z.partialRecord(z.enum(CLIENTGEBONDEN_SOORTEN), Parameter).optional(),
  pgb: z.record(id, PgbOverride).optional(),
});

const Rooster = z.strictObject({
  niveau: id,
  uren: Parameter,
  toelichting: tekst.optional(),
});

export const LumpsumProduct = z.strictObject({
  ...ProductVelden,
  berekening: z.literal('lumpsum'),
  caos: z.array(id).min(1),
  ort: id.optional(),
  productiviteit: id.optional(),
  inzet: z.array(Inzet).optional(),
  rooster: z.array(Rooster).min(1).optional(),
  kosten_per_jaar: z.partialRecord(z.enum(CLIENTGEBONDEN_SOORTEN), Parameter).optional(),
});

export const OvergenomenProduct = z.strictObject({
  ...ProductVelden,
  berekening: z.literal('overgenomen'),
  tarief: Parameter,
  pgb: z.record(id, PgbOverride).optional(),
});

export const Product = z.discriminatedUnion('berekening', [KostprijsProduct, LumpsumProduct, OvergenomenProduct]);
export type RawProduct = z.infer<typeof Product>;

export const ProductenBestand = z.strictObject({
  contract: z.strictObject({
    id: id,
    naam: tekst,
    omschrijving: tekst.optional(),
  }),
  producten: z.record(z.string().regex(/^[0-9A-Z]{5}$/), Product),
});

export const AanbiederBestand = z.strictObject({
  naam: tekst,
  cao: id,
  besluit: BronVerwijzing,
  /** The number of the agreement with this provider, as the addendum names it. */
  contractnummer: tekst.optional(),
  toelichting: tekst.optional(),
  producten: z.record(
    z.string(),
    z.strictObject({
      groepsgrootte: Parameter.optional(),
      uren_per_eenheid: Parameter.optional(),
      inzet: z.array(Inzet).min(1).optional(),
      productiviteit: id.optional(),
      clientgebonden_kosten: z.partialRecord(z.enum(CLIENTGEBONDEN_SOORTEN), Parameter).optional(),
      toelichting: tekst.optional(),
    }),
  ),
});

export const ControletotalenBestand = z.strictObject({
  controletotalen: z.array(
    z.strictObject({
      product: z.string(),
      variant: tekst,
      tarief: decimaal,
      toelichting: tekst.optional(),
    }),
  ),
});

/** One published index figure (OVA or PPC), in percent, with its source. */
const Indexcijfer = z.strictObject({
  waarde: decimaal,
  bron: BronVerwijzing,
  status: Status,
  toelichting: tekst.optional(),
});

const Gewichten = z.strictObject({ loon: Parameter, materieel: Parameter });

/**
 * One component of a product's tariff for indexation: its share (aandeel, percent of the tariff) and
 * either its own loon/materieel weights or a given index percentage. Which of the two is a rule in review.ts,
 * so the message can name the component.
 */
const IndexComponent = z.strictObject({
  aandeel: Parameter,
  gewichten: Gewichten.optional(),
  index: Parameter.optional(),
  toelichting: tekst.optional(),
});

export const IndexcijfersBestand = z.strictObject({
  methode: z.enum(['vng', 'nza']),
  inhaal: z.enum(['absoluut', 'relatief']),
  decimalen: z.string().regex(/^\d$/),
  /** The rounding rule for the indexed tariffs (default: each product's own), e.g. index on € 0,001 and round to cents. */
  afronding: tekst.optional(),
  gewichten: Gewichten,
  /** VNG: round the catch-up and the provisional index each (per_deel, the default) or their sum once (eind). */
  afrondingspunt: z.enum(['per_deel', 'eind']).optional(),
  cijfers: z.array(
    z.strictObject({
      jaar: z.string().regex(/^\d{4}$/),
      /** required unless the year gives a published index (a rule in review.ts, so the message can name the year) */
      ova_voorlopig: Indexcijfer.optional(),
      ova_definitief: Indexcijfer.optional(),
      ppc_voorlopig: Indexcijfer.optional(),
      ppc_definitief: Indexcijfer.optional(),
      /** the catch-up over this year as published (weighted, percent), instead of computing it from the definitive OVA and PPC */
      inhaal: Indexcijfer.optional(),
      /** the index for this year as published (catch-up included), applied as it is to the products with the set's weights */
      index: Indexcijfer.optional(),
    }),
  ),
  producten: z
    .record(
      z.string(),
      z.strictObject({
        gewichten: Gewichten.optional(),
        /** The product split into named components (dienst, huisvesting, inventaris …), each with its share of the tariff. */
        componenten: z.record(id, IndexComponent).optional(),
        toelichting: tekst.optional(),
      }),
    )
    .optional(),
  toelichting: tekst.optional(),
});

export const VolumesBestand = z.strictObject({
  variant: tekst,
  gemeenten: z.record(
    id,
    z.strictObject({
      naam: tekst,
      bron: BronVerwijzing,
      status: Status,
      toelichting: tekst.optional(),
      volumes: z.record(
        z.string(),
        z.union([
          decimaal,
          // the volume per variant (per CAO), as the region expects it
          z.strictObject({ per_variant: z.record(z.string(), decimaal), toelichting: tekst.optional() }),
          // a total with its expected mix: shares per variant in percent, together 100
          z.strictObject({ aantal: decimaal, verdeling: z.record(z.string(), decimaal), toelichting: tekst.optional() }),
        ]),
      ),
    }),
  ),
  toelichting: tekst.optional(),
});

export const SignalenBestand = z.strictObject({
  minimumloon_per_uur: Parameter.optional(),
  jeugd_wmo_verschil: Parameter.optional(),
  jeugd_wmo_paren: z.array(z.strictObject({ jeugdwet: z.string().min(1), wmo: z.string().min(1), toelichting: tekst.optional() })).optional(),
  maximale_bronleeftijd_maanden: z.string().regex(/^\d+$/).refine(binnenGrenzen, 'getal_te_groot').optional(),
  maximale_tariefbeweging: Parameter.optional(),
  toelichting: tekst.optional(),
});

/** One requirement of the programma van eisen, or one toelatingscriterium. */
export const Eis = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*$/),
  eis: tekst,
  knock_out: z.boolean(),
  bewijsmiddel: tekst.optional(),
  toelichting: tekst.optional(),
});

export const PROCEDURES = ['open_house', 'aanbesteding', 'enkelvoudig_onderhands', 'onderhandelingsprocedure'] as const;
export const BEKOSTIGINGEN = ['inspanningsgericht', 'outputgericht', 'taakgericht'] as const;
const heelGetal = z.string().regex(/^\d+$/).refine(binnenGrenzen, 'getal_te_groot');

/** The tender procedure as a whole: timetable, questions round, how to submit, complaints, order of precedence. */
export const InkoopProcedure = z.strictObject({
  planning: z.array(z.strictObject({ datum, stap: tekst })).min(1),
  nota_van_inlichtingen: tekst,
  inschrijven: tekst,
  klachten: tekst,
  rangorde: z.array(tekst).min(2),
});

/** Selection and award of one contract procured by aanbesteding. */
export const Gunning = z.strictObject({
  uitsluitingsgronden: tekst,
  eigen_verklaring: tekst,
  selectiecriteria: z.array(Eis).min(1),
  gunningscriteria: z
    .array(z.strictObject({ id: z.string().regex(/^[A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*$/), criterium: tekst, weging: z.string().regex(/^\d+(\.\d+)?$/), toelichting: tekst.optional() }))
    .min(1),
  toelichting: tekst.optional(),
});

/** One article of the draft agreement the requirements refer to. */
export const Artikel = z.strictObject({ id: z.string().regex(/^[A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*$/), titel: tekst, tekst });

/** inkoop.yaml: the procurement around the tariffs (contracts, toelatingscriteria, programma van eisen). */
export const InkoopBestand = z.strictObject({
  opdrachtgever: tekst,
  gemeenten: z.array(tekst).min(1).optional(),
  documentdatum: datum,
  /** Where the region publishes this parameter set (https); documents then refer to a parameter as <url>/<bestand>#L<regel>. */
  parameterset_url: z.string().regex(/^https:\/\/[^\s#?]+$/).optional(),
  contracten: z.record(
    id,
    z.strictObject({
      procedure: z.enum(PROCEDURES),
      toetreding: tekst.optional(),
      looptijd: z.strictObject({
        ingang: datum,
        jaren: heelGetal,
        verlengingen: z.array(heelGetal).optional(),
        stilzwijgend: z.boolean().optional(),
      }),
      bekostiging: z.enum(BEKOSTIGINGEN),
      toelichting: tekst.optional(),
    }),
  ),
  procedure: InkoopProcedure.optional(),
  /** Per contract procured by aanbesteding: selection and award criteria, exclusion grounds, eigen verklaring. */
  gunning: z.record(id, Gunning).optional(),
  /** The draft agreement's core articles, to which requirements refer. */
  overeenkomst: z.strictObject({ toelichting: tekst.optional(), artikelen: z.array(Artikel).min(1) }).optional(),
  toelatingscriteria: z.array(Eis).min(1),
  eisen: z.record(
    id,
    z.strictObject({
      titel: tekst,
      toelichting: tekst.optional(),
      eisen: z.array(Eis).min(1),
    }),
  ),
  no_show: z.strictObject({
    maximale_clientbijdrage: Parameter,
    /** Products whose tariff deliberately has no no-show allowance, with the reason the documents give. */
    zonder_no_show: z.strictObject({ producten: z.array(z.string()).min(1), reden: tekst }).optional(),
    toelichting: tekst.optional(),
  }),
  /** The indexation overview as a letter: to whom, on which article of the agreement, and who answers questions. */
  indexatiebrief: z
    .strictObject({
      aan: tekst,
      artikel: z.string().regex(/^[A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*$/),
      contactpersoon: z.strictObject({ naam: tekst, functie: tekst.optional(), email: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/), telefoon: tekst.optional() }),
      reactie: tekst,
      ondertekening: tekst.optional(),
    })
    .optional(),
  /** Whether the staff mix of the products binds the provider (norm) or is only the basis of the tariff (rekenbasis); a product can say otherwise. */
  functiemix: z.enum(['norm', 'rekenbasis']).optional(),
  /** What counts as directe tijd, the time a provider declares for a minute product. */
  directe_tijd: tekst.optional(),
  /** Where an aanbieder-specifiek tarief is shown: only in the provider's addendum (default), or in every document. */
  aanbieder_specifieke_tarieven: z.enum(['addendum', 'alle_documenten']).optional(),
  toelichting: tekst.optional(),
});
