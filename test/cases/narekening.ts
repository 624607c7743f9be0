/**
 * Independent recalculation of every hand-calculated case in handberekening.yaml.
 *
 * Written apart from src/: no import from the project, only decimal.js, and each case spelled out with the
 * literal figures of its fixture set (as its toelichting in handberekening.yaml gives them). It does not read
 * the YAML sets and shares no code with the model, so a wrong rule in src/ cannot make it agree.
 * test/model/cases.test.ts checks that this file reproduces each case's verwacht exactly, and that no
 * hand-calculated case is without one.
 */
import { Decimal as DecimalJs } from 'decimal.js';

const D = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
type Dec = DecimalJs;
const d = (x: string | number) => new D(x);

export interface Uitkomst {
  tarief: Dec;
  tarief_per_uur?: Dec;
  stappen?: Record<string, Dec>;
}

/** rekenkundig (half up) to whole cents */
const cent = (x: Dec) => x.toDecimalPlaces(2, D.ROUND_HALF_UP);
/** rekenkundig to a multiple of m */
const veelvoud = (x: Dec, m: string) => x.div(m).toDecimalPlaces(0, D.ROUND_HALF_UP).times(m);
/** hourly tariff on a multiple of € 0,60, so the minute tariff is whole cents */
const perMinuut = (uur: Dec): Uitkomst => {
  const u = veelvoud(uur, '0.60');
  return { tarief: u.div(60), tarief_per_uur: u };
};

// ---- CAO Alfa (maandtabel, 36 uur: 1.872 betaalde uren). Toeslagen 8 % vakantiegeld + 8,33 % eindejaarsuitkering
// (+ 10 % ORT bij etmaalproducten). Lasten over de loonsom: sociale lasten 20 %, pensioen 15 % boven een franchise
// van 15.000, opleiding 1 %.
function alfa(maand: Dec | string, ort = '0') {
  const jaarsalaris = d(maand as string).times(12);
  const loonsom = jaarsalaris.times(d(1).plus('0.08').plus('0.0833').plus(ort));
  const pensioen = D.max(0, loonsom.minus(15000)).times('0.15');
  const loonkosten = loonsom.plus(loonsom.times('0.20')).plus(pensioen).plus(loonsom.times('0.01'));
  return { jaarsalaris, loonsom, loonkosten };
}
const ALFA_HBO = d(4200).plus(4400).div(2); // schaal 10, treden 1 en 2 half om half
const ALFA_MBO = d(3100); // schaal 8 trede 1

// ---- CAO Beta (uurtabel, 38 uur: 1.976 betaalde uren): IKB 16,37 % en lasten 33 % van de loonsom.
const beta = (uurloon: string) => d(uurloon).times(38).times(52).times('1.1637').times('1.33');
const BETA_MBO = beta('21.00');
const BETA_HBO = beta('27.00');

// ---- productiviteit van test/fixtures/sets/volledig (aftrek van de betaalde uren): verlof 144 uur,
// ambulant daarnaast 5 % verzuim + 10 % indirect + 5 % reistijd, groep 5 % verzuim; no-show 4 % (niet bij 07A01, 44A01).
const ambulant = (betaald: number) => d(betaald).minus(144).minus(d(betaald).times('0.20'));
const groep = (betaald: number) => d(betaald).minus(144).minus(d(betaald).times('0.05'));
const NO_SHOW = d('0.96');

// ---- opslagen van volledig: indexatie 2 % op personeel, 1,5 % op materieel; overhead 20 % + gemeentelijke
// verplichtingen 1 % op de personeelskosten; winst en risico 2 % als opslag op het geheel.
const volledigUur = (perUur: Dec, materieel: Dec = d(0), overhead = '0.20') =>
  perUur.times('1.02').times(d(1).plus(overhead).plus('0.01')).plus(materieel.times('1.015')).times('1.02');

// ---- volledig-conventies: overhead als aandeel (× 20 ÷ 80) over personeel (en bij grondslag personeel_en_client ook K),
// gemeentelijke verplichtingen 1 % van P, no-show als opslag ÷ (1 − 4 %) (0 bij 07A01 en 44A01), winst ÷ (1 − 2 %).
function conventies(P: Dec, K: Dec = d(0), noShow = true) {
  const overhead = P.plus(K).times(20).div(80);
  let kostprijs = P.plus(overhead).plus(P.times('0.01')).plus(K);
  if (noShow) kostprijs = kostprijs.div('0.96');
  return { kostprijs, tarief: kostprijs.div('0.98') };
}
// volledig-conventies, CAO Alfa: sociale lasten tot een maximum van 50.000; pensioen over jaarsalaris +
// eindejaarsuitkering (+ ORT), niet over het vakantiegeld.
function alfaConventies(maand: Dec | string, ort = '0') {
  const jaarsalaris = d(maand as string).times(12);
  const loonsom = jaarsalaris.times(d(1).plus('0.08').plus('0.0833').plus(ort));
  const grondPensioen = jaarsalaris.plus(jaarsalaris.times('0.0833')).plus(jaarsalaris.times(ort)).minus(15000);
  const loonkosten = loonsom.plus(D.min(loonsom, 50000).times('0.20')).plus(D.max(0, grondPensioen).times('0.15')).plus(loonsom.times('0.01'));
  return { loonsom, loonkosten };
}

// ---- volledig-opslag: het ambulante profiel als opslag op de kosten per betaald uur, no-show ÷ (1 − 4 %).
const opslagAmbulant = (betaald: number) => d(144).div(betaald).plus('0.20');

// ---- indexatie (volledig-geindexeerd): OVA/PPC 2026 voorlopig 4,74/4,87, definitief 6,36/7,02; 2027 voorlopig 4,94/2,51.
const rond2 = (x: Dec) => x.toDecimalPlaces(2, D.ROUND_HALF_UP);
function vngRelatief(loon: string, materieel: string) {
  const w = (ova: string, ppc: string) => d(loon).times(ova).plus(d(materieel).times(ppc)).div(100);
  const vrl = w('4.74', '4.87');
  const def = w('6.36', '7.02');
  const inhaal = rond2(d(100).plus(def).div(d(100).plus(vrl)).minus(1).times(100));
  const voorlopig = rond2(w('4.94', '2.51'));
  return { inhaal, voorlopig, index: inhaal.plus(voorlopig) };
}
const nzaKeten = (def: string, vrl: string, nieuw: string) => d(100).plus(def).div(d(100).plus(vrl)).times(d(100).plus(nieuw)).minus(100);
const NZA_LOON = nzaKeten('6.36', '4.74', '4.94');
const NZA_MATERIEEL = nzaKeten('7.02', '4.87', '2.51');

// the untouched 2026 tariffs of test/fixtures/sets/volledig the indexed cases start from
const uurAlfa45A01 = () => veelvoud(volledigUur(alfa(ALFA_HBO).loonkosten.div(ambulant(1872).times(NO_SHOW))), '0.60');
const uurBasis45A01 = () => veelvoud(volledigUur(BETA_HBO.div(ambulant(1976).times(NO_SHOW))), '0.60');
const dag07A01Beta = () => cent(volledigUur(BETA_MBO.div(groep(1976)).plus(BETA_HBO.div(groep(1976)).times('0.25')).div(8).times(4), d(5)));
const etmaal44A01 = () => cent(volledigUur(alfa(ALFA_MBO, '0.10').loonkosten.div(groep(1872)).div(4).times(16), d(52)));

const V = 'test/fixtures/sets/volledig';
const C = 'test/fixtures/sets/volledig-conventies';
const O = 'test/fixtures/sets/volledig-opslag';
const G = 'test/fixtures/sets/volledig-geindexeerd';
const N = 'test/fixtures/sets/volledig-geindexeerd-nza';
const J = 'test/fixtures/sets/volledig-jaargemiddelde';

/** Per case (set|product|variant) the recalculation. */
export const NAREKENING: Record<string, () => Uitkomst> = {
  [`${V}|45A01|alfa`]: () => {
    const a = alfa(ALFA_HBO);
    return {
      ...perMinuut(volledigUur(a.loonkosten.div(ambulant(1872).times(NO_SHOW)))),
      stappen: { 'personeel.hbo.salaris': ALFA_HBO, 'personeel.hbo.cao_toeslagen': a.loonsom, 'personeel.hbo.werkgeverslasten': a.loonkosten, 'personeel.hbo.productieve_uren': ambulant(1872).times(NO_SHOW) },
    };
  },
  // basistarief: the lower of Alfa and Beta
  [`${V}|45A01|basistarief`]: () => perMinuut(D.min(uurAlfa45A01(), uurBasis45A01())),
  [`${V}|07A01|beta`]: () => ({ tarief: dag07A01Beta() }),
  // the aanbieder's group of 5 instead of 8
  [`${V}|07A01|aanbieder-kleine-groep`]: () => ({ tarief: cent(volledigUur(BETA_MBO.div(groep(1976)).plus(BETA_HBO.div(groep(1976)).times('0.25')).div(5).times(4), d(5))) }),
  [`${V}|44A01|alfa`]: () => ({ tarief: etmaal44A01() }),
  // lumpsum: 0,5 fte hbo per jaar plus 2.000, on whole euros
  [`${V}|46A01|alfa`]: () => ({ tarief: veelvoud(volledigUur(alfa(ALFA_HBO).loonkosten.times('0.5'), d(2000)), '1') }),
  [`${V}|02A02|pgb-professioneel`]: () => {
    const a = cent(volledigUur(alfa(ALFA_MBO).loonkosten.div(ambulant(1872).times(NO_SHOW))));
    const b = cent(volledigUur(BETA_MBO.div(ambulant(1976).times(NO_SHOW))));
    return { tarief: cent(D.min(a, b).times('0.75')) };
  },
  // a fixed pgb amount of the product
  [`${V}|02A02|pgb-sociaal_netwerk`]: () => ({ tarief: d('25.00') }),
  // micro-onderneming: overhead 10 % instead of 20 %, the lowest CAO
  [`${V}|02A02|micro-onderneming`]: () => {
    const a = cent(volledigUur(alfa(ALFA_MBO).loonkosten.div(ambulant(1872).times(NO_SHOW)), d(0), '0.10'));
    const b = cent(volledigUur(BETA_MBO.div(ambulant(1976).times(NO_SHOW)), d(0), '0.10'));
    return { tarief: D.min(a, b) };
  },
  // an overgenomen tariff is the amount in the set
  [`${V}|48A01|vast`]: () => ({ tarief: d('1500.00') }),

  [`${C}|45A01|beta`]: () => {
    const c = conventies(BETA_HBO.div(ambulant(1976)).times('1.02'));
    return { ...perMinuut(c.tarief), stappen: { kostprijs: c.kostprijs, winst_en_risico: c.tarief } };
  },
  [`${C}|44A01|alfa`]: () => {
    const a = alfaConventies(ALFA_MBO, '0.10');
    const c = conventies(a.loonkosten.div(groep(1872)).div(4).times(16).times('1.02'), d(52).times('1.015'), false);
    return { tarief: cent(c.tarief), stappen: { 'personeel.mbo.werkgeverslasten': a.loonkosten, kostprijs: c.kostprijs } };
  },
  [`${C}|45A01|alfa`]: () => {
    const a = alfaConventies(ALFA_HBO);
    return { ...perMinuut(conventies(a.loonkosten.div(ambulant(1872)).times('1.02')).tarief), stappen: { 'personeel.hbo.werkgeverslasten': a.loonkosten } };
  },
  // productiviteit 75 % of the paid hours
  [`${C}|02A02|alfa`]: () => {
    const a = alfaConventies(ALFA_MBO);
    const uren = d(1872).times('0.75');
    return { tarief: cent(conventies(a.loonkosten.div(uren).times('1.02')).tarief), stappen: { 'personeel.mbo.productieve_uren': uren, 'personeel.mbo.werkgeverslasten': a.loonkosten } };
  },
  // productieve uren given: 1.500 per fte
  [`${C}|07A01|beta`]: () => {
    const mix = BETA_MBO.div(1500).plus(BETA_HBO.div(1500).times('0.25'));
    return { tarief: cent(conventies(mix.div(8).times(4).times('1.02'), d(5).times('1.015'), false).tarief), stappen: { 'personeel.mbo.productieve_uren': d(1500), functiemix: mix } };
  },
  // rekenwijze opslag: 144 ÷ 1.976 + 5 % + 10 % on the cost per paid hour, × 10 hours per traject
  [`${C}|45A02|beta`]: () => {
    const opslag = d(144).div(1976).plus('0.15');
    const perUur = BETA_HBO.div(1976).times(d(1).plus(opslag));
    return { tarief: cent(conventies(perUur.times(10).times('1.02')).tarief), stappen: { 'personeel.hbo.opslag_niet_productief': opslag.times(100), 'personeel.hbo.kosten_per_uur': perUur } };
  },

  [`${O}|02A02|alfa`]: () => {
    const opslag = opslagAmbulant(1872);
    const perUur = alfa(ALFA_MBO).loonkosten.div(1872).times(d(1).plus(opslag)).div(NO_SHOW);
    return { tarief: cent(volledigUur(perUur)), stappen: { 'personeel.mbo.opslag_niet_productief': opslag.times(100), 'personeel.mbo.kosten_per_uur': perUur } };
  },
  [`${O}|45A01|basistarief`]: () => {
    const a = veelvoud(volledigUur(alfa(ALFA_HBO).loonkosten.div(1872).times(d(1).plus(opslagAmbulant(1872))).div(NO_SHOW)), '0.60');
    const b = veelvoud(volledigUur(BETA_HBO.div(1976).times(d(1).plus(opslagAmbulant(1976))).div(NO_SHOW)), '0.60');
    return perMinuut(D.min(a, b));
  },

  // VNG, set weights 90/10, relative catch-up: the 2026 hourly tariff × (1 + index), again on € 0,60
  [`${G}|45A01|alfa`]: () => {
    const i = vngRelatief('90', '10');
    return { ...perMinuut(uurAlfa45A01().times(d(1).plus(i.index.div(100)))), stappen: { indexpercentage: i.index } };
  },
  // own weights 70/30
  [`${G}|07A01|beta`]: () => {
    const i = vngRelatief('70', '30');
    return { tarief: cent(dag07A01Beta().times(d(1).plus(i.index.div(100)))), stappen: { index_inhaal: i.inhaal, index_voorlopig: i.voorlopig, indexpercentage: i.index } };
  },
  // components: dienst 75 % (85/15), huisvesting 15 % (2,50), inventaris 10 % (2,46)
  [`${G}|44A01|alfa`]: () => {
    const dienst = vngRelatief('85', '15').index;
    const index = rond2(d(75).times(dienst).plus(d(15).times('2.50')).plus(d(10).times('2.46')).div(100));
    return { tarief: cent(etmaal44A01().times(d(1).plus(index.div(100)))), stappen: { 'index_component.dienst': dienst, 'index_component.huisvesting': d('2.5'), 'index_component.inventaris': d('2.46'), indexpercentage: index } };
  },
  // an overgenomen tariff (55,80 per uur) is not indexed; its pgb share (75 %) neither: 41,85 per uur → per minuut
  [`${G}|02A01|pgb-professioneel`]: () => ({ tarief: cent(d('55.80').times('0.75').div(60)) }),
  // the pgb share of the indexed ZIN tariff, rounded per minute as outside a round; per hour is 60 × that minute
  [`${G}|45A01|pgb-professioneel`]: () => {
    const i = vngRelatief('90', '10');
    const zin = veelvoud(uurBasis45A01().times(d(1).plus(i.index.div(100))), '0.60');
    const perMinuut = cent(cent(zin.times('0.75')).div(60));
    return { tarief: perMinuut, tarief_per_uur: perMinuut.times(60) };
  },

  [`${N}|45A01|alfa`]: () => {
    const index = rond2(d('0.9').times(NZA_LOON).plus(d('0.1').times(NZA_MATERIEEL)));
    return { ...perMinuut(uurAlfa45A01().times(d(1).plus(index.div(100)))), stappen: { index_loon: rond2(NZA_LOON), index_materieel: rond2(NZA_MATERIEEL), indexpercentage: index } };
  },
  [`${N}|44A01|alfa`]: () => {
    const dienst = d('0.85').times(NZA_LOON).plus(d('0.15').times(NZA_MATERIEEL));
    const index = rond2(d(75).times(dienst).plus(d(15).times('2.50')).plus(d(10).times('2.46')).div(100));
    return { tarief: cent(etmaal44A01().times(d(1).plus(index.div(100)))), stappen: { indexpercentage: index } };
  },

  // jaargemiddelde: CAO Alfa 6 months at the old table, 6 at the new one (schaal 10 treden 1/2: 4.326/4.532)
  [`${J}|45A01|alfa`]: () => {
    const salaris = d(6).times(ALFA_HBO).plus(d(6).times(d(4326).plus(4532).div(2))).div(12);
    const a = alfa(salaris);
    return { ...perMinuut(volledigUur(a.loonkosten.div(ambulant(1872).times(NO_SHOW)))), stappen: { 'personeel.hbo.salaris': salaris, 'personeel.hbo.jaarsalaris': a.jaarsalaris, 'personeel.hbo.werkgeverslasten': a.loonkosten } };
  },
  [`${J}|45A01|beta`]: () => perMinuut(BETA_HBO.div(ambulant(1976).times(NO_SHOW)).times('1.02').times('1.21').times('1.02')),
  // ORT 10 % over at most schaal 8 trede 0 (3.000 / 3.090), both weighted over the year
  [`${J}|44A01|alfa`]: () => {
    const jaarsalaris = d(6).times(3100).plus(d(6).times(3193));
    const maximum = d(6).times(3000).plus(d(6).times(3090));
    const loonsom = jaarsalaris.times('1.1633').plus(D.min(jaarsalaris, maximum).times('0.10'));
    const loonkosten = loonsom.times('1.21').plus(D.max(0, loonsom.minus(15000)).times('0.15'));
    return { tarief: cent(volledigUur(loonkosten.div(groep(1872)).div(4).times(16), d(52))), stappen: { 'personeel.mbo.jaarsalaris': jaarsalaris, 'personeel.mbo.cao_toeslagen': loonsom } };
  },
};
