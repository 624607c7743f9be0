/** The validated, typed parameter set the model computes with. No I/O here. */
import type { Decimal } from '../shared/decimal.ts';
import type { Eenheid, ProductEenheid, Status } from './schema.ts';

export type { Eenheid, ProductEenheid, Status };

export interface Bron {
  titel: string;
  uitgever?: string;
  url?: string;
  datum?: string;
  pagina?: string;
  /** Key in bronnen.yaml, when the source was referenced by key. */
  sleutel?: string;
}

/** Where a value was written. */
export interface Herkomst {
  bestand: string;
  regel: number;
  kolom: number;
}

/** One dated value with its source. */
export interface Waarde {
  waarde: Decimal;
  van: string;
  tot: string;
  bron: Bron;
  status: Status;
  herkomst: Herkomst;
}

/** A named parameter: a series of dated values in one unit. */
export interface Param {
  /** Dotted path, e.g. opslagen.winst_en_risico or cao.jeugdzorg.toeslagen.vakantiegeld */
  pad: string;
  eenheid: Eenheid;
  reeks: Waarde[];
  herkomst: Herkomst;
}

export interface CaoTabel {
  van: string;
  tot: string;
  /** maand/uur: salary; loonkosten_per_uur: full personnel cost per paid hour, toeslagen and werkgeverslasten included */
  soort: 'maand' | 'uur' | 'loonkosten_per_uur';
  bron: Bron;
  status: Status;
  herkomst: Herkomst;
  /** schaal → trede → amount */
  schalen: Map<string, Map<string, { bedrag: Decimal; herkomst: Herkomst }>>;
}

export interface FunctiehuisRegel {
  niveau: string;
  schaal: string;
  functie?: string;
  /** trede with weight; a single trede has weight 1 */
  treden: { trede: string; gewicht: Decimal }[];
  bron: Bron;
  status: Status;
  herkomst: Herkomst;
}

export interface Cao {
  id: string;
  naam: string;
  urenPerWeek: Param;
  tabellen: CaoTabel[];
  toeslagen: Param[];
  ort: Map<string, Param>;
  werkgeverslasten: Param[];
  franchises: Map<string, Param>;
  /** ORT is paid over at most the salary of this schaal and trede (a CAO rule, as in CAO Sociaal Werk). */
  ortMaximum?: { schaal: string; trede: string; bron: Bron; status: Status; herkomst: Herkomst };
  /** Maximum wage a charge is levied on (maximumpremieloon), per werkgeverslast. */
  maxima: Map<string, Param>;
  /**
   * Per werkgeverslast with its own grondslag: the toeslagen counted besides the jaarsalaris
   * (`ort` stands for the ORT of the product). A werkgeverslast without one is levied on the
   * jaarsalaris plus all CAO-toeslagen.
   */
  grondslagen: Map<string, { toeslagen: string[]; herkomst: Herkomst }>;
  functiehuis: Map<string, FunctiehuisRegel>;
}

export type NietProductievePost =
  | 'verlof'
  | 'feestdagen'
  | 'verzuim'
  | 'scholing'
  | 'werkoverleg'
  | 'indirect_clientgebonden'
  | 'reistijd'
  | 'administratie'
  | 'overig';

/**
 * A productivity profile states productive time in one of three ways:
 * - posten: non-productive items (hours per year or percent of the paid hours), combined by the
 *   rekenwijze: `aftrek` divides the loonkosten by (betaalde uren − posten), `opslag` multiplies the
 *   cost per paid hour by (1 + Σ posten as a share of the paid hours);
 * - productieve_uren: the productive hours per fte per year, as published;
 * - productiviteit: the productive share of the paid hours, in percent.
 */
export type ProductiviteitsProfiel = {
  id: string;
  omschrijving: string;
  herkomst: Herkomst;
} & (
  | {
      vorm: 'posten';
      rekenwijze: 'aftrek' | 'opslag';
      /** Where `rekenwijze` was written; absent when the profile uses the default (aftrek). */
      rekenwijzeHerkomst?: Herkomst;
      posten: { post: NietProductievePost; param: Param }[];
    }
  | { vorm: 'productieve_uren'; param: Param }
  | { vorm: 'productiviteit'; param: Param }
);

export interface Opslagen {
  overhead: {
    conventie: 'opslag_op_directe_kosten' | 'aandeel_in_kostprijs';
    grondslag: 'personeel' | 'personeel_en_clientgebonden';
    standaard: Param;
    micro?: Param;
  };
  gemeentelijkeVerplichtingen?: Param;
  winstEnRisico: Param;
  /**
   * opslag_op_kostprijs: tarief = kostprijs × (1 + r); aandeel_in_tarief: tarief = kostprijs ÷ (1 − r).
   * `herkomst` is where the convention was written; absent for the default form.
   */
  winstEnRisicoConventie: { conventie: 'opslag_op_kostprijs' | 'aandeel_in_tarief'; herkomst?: Herkomst };
  noShow: { methode: 'niet_productieve_tijd' | 'opslag' | 'geen'; percentage: Param };
  indexatie: { loon?: Param; materieel?: Param };
}

export interface AfrondingsRegel {
  id: string;
  veelvoud: Decimal;
  richting: 'rekenkundig' | 'omhoog' | 'omlaag';
  herkomst: Herkomst;
}

export interface PgbSoort {
  id: string;
  naam: string;
  percentage: Param;
}

export interface Varianten {
  basistarief: boolean;
  /**
   * per_cao: a micro tariff per CAO (lower overhead) and, with a basistarief, the lowest of them; laagste: one
   * micro tariff, the lowest CAO tariff with the lower overhead; false: none. `true` in the YAML is per_cao.
   */
  micro: false | 'per_cao' | 'laagste';
  microHerkomst?: Herkomst;
  pgb?: { grondslag: 'basistarief' | 'hoogste_cao'; afronding: string; soorten: PgbSoort[] };
}

export interface Inzet {
  niveau: string;
  aantal: Decimal;
  herkomst: Herkomst;
}

export type PgbOverride = { soort: string; uitgesloten: true } | { soort: string; uitgesloten: false; param: Param };

export interface ProductBasis {
  code: string;
  naam: string;
  wet: 'jeugdwet' | 'wmo';
  productcategorie: string;
  contract: string;
  eenheid: ProductEenheid;
  eenheidCode: string;
  afronding: string;
  /** Descriptive fields for the productenboek (doel, doelgroep, …). */
  velden: Record<string, string>;
  herkomst: Herkomst;
  pgb: PgbOverride[];
}

export interface KostprijsProduct extends ProductBasis {
  berekening: 'kostprijs';
  caos: string[];
  productiviteit: string;
  inzet: Inzet[];
  groepsgrootte?: Param;
  urenPerEenheid?: Param;
  ort?: string;
  noShow?: Param;
  clientgebondenKosten: { soort: string; param: Param }[];
}

/** Roster hours of one level in a lump sum: staff hours per year, worked by fte with the product's productivity. */
export interface RoosterRegel {
  niveau: string;
  uren: Param;
  herkomst: Herkomst;
}

export interface LumpsumProduct extends ProductBasis {
  berekening: 'lumpsum';
  caos: string[];
  /** ORT profile: for the roster hours when there is a roster, otherwise for every fte of the inzet */
  ort?: string;
  /** productivity profile that turns roster hours into fte; required with a roster */
  productiviteit?: string;
  /** fte per level (day staff) */
  inzet: Inzet[];
  rooster: RoosterRegel[];
  kostenPerJaar: { soort: string; param: Param }[];
}

export interface OvergenomenProduct extends ProductBasis {
  berekening: 'overgenomen';
  tarief: Param;
}

export type Product = KostprijsProduct | LumpsumProduct | OvergenomenProduct;

export interface Contract {
  id: string;
  naam: string;
  omschrijving?: string;
}

/** Provider-specific overrides of product parameters (aanbieder-specifiek tarief). */
export interface Aanbieder {
  id: string;
  naam: string;
  cao: string;
  besluit: Bron;
  /** Number of the agreement with this provider (aanbieders/<id>.yaml contractnummer). */
  contractnummer?: string;
  /** Why the provider has its own tariff, as the addendum states it. */
  toelichting?: string;
  herkomst: Herkomst;
  producten: {
    code: string;
    herkomst: Herkomst;
    /** Why this product differs for the provider. */
    toelichting?: string;
    groepsgrootte?: Param;
    urenPerEenheid?: Param;
    inzet?: Inzet[];
    productiviteit?: string;
    clientgebondenKosten?: { soort: string; param: Param }[];
  }[];
}

export interface Controletotaal {
  product: string;
  variant: string;
  tarief: Decimal;
  herkomst: Herkomst;
  /** Where the variant name was written, for "this variant does not exist". */
  herkomstVariant: Herkomst;
}

/** One published index figure (OVA or PPC) of one year. */
export interface Indexcijfer {
  pad: string;
  waarde: Decimal;
  bron: Bron;
  status: Status;
  herkomst: Herkomst;
}

export interface IndexJaar {
  jaar: number;
  /** Absent only in a year with a published index. */
  ovaVoorlopig?: Indexcijfer;
  ovaDefinitief?: Indexcijfer;
  ppcVoorlopig?: Indexcijfer;
  ppcDefinitief?: Indexcijfer;
  /** The catch-up over this year as published (weighted), instead of definitive OVA and PPC. */
  inhaal?: Indexcijfer;
  /** The index of this year as published (catch-up included), for the products with the set's weights. */
  index?: Indexcijfer;
  herkomst: Herkomst;
}

export interface Indexgewichten {
  loon: Param;
  materieel: Param;
}

/**
 * One component of a product for indexation (dienst, huisvesting, inventaris …): its share of the tariff,
 * indexed either with its own loon/materieel weights or with a given percentage.
 */
export interface IndexComponent {
  naam: string;
  /** percent of the tariff; the aandelen of a product sum to 100 */
  aandeel: Param;
  gewichten?: Indexgewichten;
  /** a given index percentage for the tariff year (e.g. a published index for huisvesting) */
  index?: Param;
  herkomst: Herkomst;
}

/** How one product deviates from the set's weights: its own weights, or a split into components. */
export type IndexProduct = { soort: 'gewichten'; gewichten: Indexgewichten; herkomst: Herkomst } | { soort: 'componenten'; componenten: IndexComponent[]; herkomst: Herkomst };

export interface Indexcijfers {
  methode: 'vng' | 'nza';
  inhaal: 'absoluut' | 'relatief';
  decimalen: number;
  /** VNG: where the index is rounded (per_deel: catch-up and provisional index each; eind: their sum once). */
  afrondingspunt: 'per_deel' | 'eind';
  afrondingspuntHerkomst?: Herkomst;
  /** Rounding rule of the indexed tariffs when not each product's own (a rule id of afronding.yaml). */
  afronding?: string;
  gewichten: Indexgewichten;
  jaren: Map<number, IndexJaar>;
  /** Per-product weights or components where the set gives them. */
  producten: Map<string, IndexProduct>;
  herkomst: Herkomst;
}

export interface Gemeentevolume {
  id: string;
  naam: string;
  bron: Bron;
  status: Status;
  herkomst: Herkomst;
  volumes: Volume[];
}

/**
 * The expected volume of one product in one municipality: a number (priced at the set's `variant`), a number per
 * variant (`per_variant`), or a total with the expected mix in shares per variant (`verdeling`, percent, together 100).
 */
export interface Volume {
  product: string;
  /** the total over all variants */
  aantal: Decimal;
  herkomst: Herkomst;
  mix?: { soort: 'per_variant' | 'verdeling'; delen: { variant: string; waarde: Decimal; herkomst: Herkomst }[] };
}

export interface Volumes {
  /** The variant whose tariff prices the volumes (usually basistarief). */
  variant: string;
  gemeenten: Gemeentevolume[];
  herkomst: Herkomst;
}

/** Thresholds for the reviewer signals in `controleer` and `vergelijk`. */
export interface Signalen {
  minimumloonPerUur?: Param;
  jeugdWmoVerschil?: Param;
  /**
   * Pairs of a Jeugdwet and a Wmo product the set declares comparable (the same staff behind them), also when
   * their tariffs are adopted or their inzet differs; compared like the pairs with the same inzet.
   */
  jeugdWmoParen: { jeugdwet: string; wmo: string; herkomst: Herkomst }[];
  maximaleBronleeftijdMaanden?: number;
  maximaleTariefbeweging?: Param;
  herkomst: Herkomst;
}

/**
 * An indexation round: the tariffs of basisjaar, indexed to the set's tariefjaar. `basis` is the set of
 * basisjaar as it stands on its own (loaded from the folder this set builds on): its tariffs, as that set
 * gives them, are the ones indexed, whether it computes them with the cost model or is a round itself.
 */
export interface Indexering {
  basisjaar: number;
  basisPeildatum: string;
  basis?: ParameterSet;
}

export interface ParameterSet {
  id: string;
  naam: string;
  regio: string;
  tariefjaar: number;
  peildatum: string;
  /**
   * peildatum: the salary table valid on the peildatum; jaargemiddelde: every table valid in the
   * tariefjaar, weighted by its months in that year (a raise on 1 July counts for half).
   */
  salaristabellen: { methode: 'peildatum' | 'jaargemiddelde'; herkomst?: Herkomst };
  versie: string;
  /** Date on the documents from model.yaml (a round's own); else inkoop.yaml's, else the peildatum. */
  documentdatum?: string;
  /** sha256 over every input file of the set and its bases. */
  vingerafdruk: string;
  /** Chain of sets this one builds on, nearest first. */
  bases: string[];
  caos: Map<string, Cao>;
  productiviteit: Map<string, ProductiviteitsProfiel>;
  /** Absent in a set of only adopted tariffs: opslagen.yaml is required as soon as a product is computed. */
  opslagen?: Opslagen;
  afronding: Map<string, AfrondingsRegel>;
  standaardAfronding: string;
  varianten: Varianten;
  contracten: Contract[];
  producten: Product[];
  aanbieders: Aanbieder[];
  controletotalen: Controletotaal[];
  /** Every parameter with its path, for listings and reverse lookups. */
  parameters: Param[];
  /** Set made by `indexeer`: tariffs of basisjaar, indexed to tariefjaar. */
  indexering?: Indexering;
  indexcijfers?: Indexcijfers;
  volumes?: Volumes;
  signalen?: Signalen;
  /** The procurement around the tariffs (inkoop.yaml): contracts, toelatingscriteria, programma van eisen. */
  inkoop?: Inkoop;
}

/** A requirement of the programma van eisen, or a toelatingscriterium. */
export interface Eis {
  id: string;
  tekst: string;
  knockOut: boolean;
  bewijsmiddel?: string;
  toelichting?: string;
  herkomst: Herkomst;
}

export interface InkoopContract {
  /** Id of a contract in producten/. */
  id: string;
  procedure: 'open_house' | 'aanbesteding' | 'enkelvoudig_onderhands' | 'onderhandelingsprocedure';
  toetreding?: string;
  looptijd: { ingang: string; jaren: number; verlengingen: number[]; stilzwijgend: boolean };
  bekostiging: 'inspanningsgericht' | 'outputgericht' | 'taakgericht';
  toelichting?: string;
  herkomst: Herkomst;
}

export interface EisenSectie {
  id: string;
  titel: string;
  toelichting?: string;
  eisen: Eis[];
  herkomst: Herkomst;
}

export interface InkoopProcedure {
  planning: { datum: string; stap: string }[];
  notaVanInlichtingen: string;
  inschrijven: string;
  klachten: string;
  rangorde: string[];
}

export interface Gunning {
  /** Id of the contract (procured by aanbesteding). */
  contract: string;
  uitsluitingsgronden: string;
  eigenVerklaring: string;
  selectiecriteria: Eis[];
  gunningscriteria: { id: string; criterium: string; weging: Decimal; toelichting?: string }[];
  toelichting?: string;
  herkomst: Herkomst;
}

export interface Inkoop {
  procedure?: InkoopProcedure;
  gunning: Gunning[];
  overeenkomst?: { toelichting?: string; artikelen: { id: string; titel: string; tekst: string }[] };
  opdrachtgever: string;
  gemeenten: string[];
  /** Date printed on the documents (never the clock). */
  documentdatum: string;
  /** Where the parameter set is published; provider documents refer to a parameter by this URL, file and line. */
  parametersetUrl?: string;
  contracten: InkoopContract[];
  toelatingscriteria: Eis[];
  secties: EisenSectie[];
  noShow: {
    maximaleClientbijdrage: Param;
    /** Products without a no-show allowance on purpose, and why; each with its place in inkoop.yaml. */
    zonderNoShow?: { producten: { code: string; herkomst: Herkomst }[]; reden: string };
    toelichting?: string;
  };
  /** The indexation overview as a letter (addressee, the article of the agreement, contact and response route). */
  indexatiebrief?: {
    aan: string;
    /** Id of an article of the overeenkomst (checked), with its title. */
    artikel: { id: string; titel: string };
    contactpersoon: { naam: string; functie?: string; email: string; telefoon?: string };
    reactie: string;
    ondertekening?: string;
  };
  /** Whether the products' staff mix binds the provider or is the basis of the tariff only (a product may say otherwise). */
  functiemix?: 'norm' | 'rekenbasis';
  /** Definition of directe tijd for minute products. */
  directeTijd?: string;
  /** Where aanbieder-specifieke tarieven are shown: 'addendum' (only there, the default) or 'alle_documenten'. */
  aanbiederSpecifiekeTarieven: 'addendum' | 'alle_documenten';
  toelichting?: string;
  herkomst: Herkomst;
}
