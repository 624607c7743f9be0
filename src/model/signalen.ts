/**
 * Signals for reviewers: not errors, but things a reviewer should look at.
 * Shown as warnings by `controleer` and in the `vergelijk` report. Pure.
 */
import { Decimal, HONDERD } from '../shared/decimal.ts';
import type { ParameterSet, Param } from '../params/types.ts';
import { waardeOp } from '../params/regels.ts';
import type { Tarief, Tarievenplan } from './types.ts';
import type { Vergelijking } from './vergelijk.ts';

export interface Signaal {
  soort: 'onder_kostprijs' | 'pgb_boven_zin' | 'onder_minimumloon' | 'jeugd_wmo_verschil' | 'oude_bron' | 'grote_beweging';
  melding: string;
  /** file:line the signal is about, where there is one */
  plek?: string;
  bestand?: string;
  regel?: number;
  kolom?: number;
}

// a declaration, not an arrow function in a constant: a mutation test switches its body at call time
function g(d: Decimal, dp = 2): string {
  return d.toFixed(dp).replace('.', ',');
}

function drempel(p: Param | undefined, datum: string): Decimal | undefined {
  return p ? waardeOp(p, datum)?.waarde : undefined;
}

function maandenTerug(datum: string, maanden: number): string {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  const totaal = j * 12 + (m - 1) - maanden;
  return `${Math.floor(totaal / 12)}-${String((totaal % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function signalenVoorPlan(set: ParameterSet, plan: Tarievenplan): Signaal[] {
  const uit: Signaal[] = [];
  const datum = plan.model.peildatum;
  for (const t of plan.tarieven) {
    const tarief = t.tariefPerUur ?? t.tarief;
    if (t.kostprijs && tarief.lt(t.kostprijs)) {
      const h = set.producten.find((p) => p.code === t.product)?.herkomst;
      uit.push({
        soort: 'onder_kostprijs',
        melding: `${t.product} ${t.variant}: tarief ${g(tarief)} ligt onder de eigen kostprijs ${g(t.kostprijs)}`,
        ...(h ? { plek: `${h.bestand}:${h.regel}`, ...h } : {}),
      });
    }
  }
  // a pgb tariff above the ZIN tariff it derives from: usually an amount per minute written as per hour, or a typo
  // (only a pgb tariff has a ZIN step)
  for (const t of plan.tarieven) {
    const zin = [...t.opbouw].reverse().find((x) => x.stap === 'zin_geindexeerd' || x.stap === 'zin_tarief');
    const pgb = t.tariefPerUur ?? t.tarief;
    if (zin && pgb.gt(zin.waarde)) {
      const h = set.producten.find((p) => p.code === t.product)?.herkomst;
      uit.push({
        soort: 'pgb_boven_zin',
        melding: `${t.product} ${t.variant}: pgb-tarief ${g(pgb)} ligt boven het ZIN-tarief ${g(zin.waarde)} waarvan het is afgeleid`,
        ...(h ? { plek: `${h.bestand}:${h.regel}`, ...h } : {}),
      });
    }
  }
  const s = set.signalen;
  if (!s) return uit;
  const wml = drempel(s.minimumloonPerUur, datum);
  if (wml) {
    const gezien = new Set<string>();
    for (const t of plan.tarieven) {
      for (const st of t.opbouw) {
        // Stryker disable next-line Regex: elke stap met jaarsalaris heet personeel.<niveau>.jaarsalaris; zonder ^ of $ vindt de regex dezelfde stappen
        const m = /^personeel\.([^.]+)\.jaarsalaris$/.exec(st.stap);
        if (!m) continue;
        const uren = t.opbouw.flatMap((x) => x.parameters).find((p) => p.pad.endsWith('.uren_per_week'));
        if (!uren) continue;
        const sleutel = `${t.cao}|${m[1]}`;
        if (gezien.has(sleutel)) continue;
        gezien.add(sleutel);
        const perUur = st.waarde.div(uren.waarde.times(52));
        if (perUur.lt(wml)) {
          const sal = t.opbouw.find((x) => x.stap === `personeel.${m[1]}.salaris`)?.parameters.find((p) => p.pad.includes('.trede['));
          uit.push({
            soort: 'onder_minimumloon',
            melding: `${t.cao} ${m[1]}: uurloon ${g(perUur)} ligt onder het wettelijk minimumloon ${g(wml)} (${datum})`,
            ...(sal ? { plek: `${sal.bestand}:${sal.regel}`, bestand: sal.bestand, regel: sal.regel, kolom: sal.kolom } : {}),
          });
        }
      }
    }
  }
  const maxVerschil = drempel(s.jeugdWmoVerschil, datum);
  if (maxVerschil) uit.push(...jeugdWmoSignalen(set, plan, s, maxVerschil));
  if (s.maximaleBronleeftijdMaanden !== undefined) {
    const grens = maandenTerug(datum, s.maximaleBronleeftijdMaanden);
    for (const p of set.parameters) {
      const w = waardeOp(p, datum);
      if (w?.bron.datum && w.bron.datum < grens) {
        uit.push({
          soort: 'oude_bron',
          melding: `${p.pad}: de bron is van ${w.bron.datum}, ouder dan ${s.maximaleBronleeftijdMaanden} maanden voor de peildatum`,
          plek: `${w.herkomst.bestand}:${w.herkomst.regel}`,
          ...w.herkomst,
        });
      }
    }
  }
  return uit;
}

export function signalenVoorVergelijking(set: ParameterSet, v: Vergelijking): Signaal[] {
  const max = drempel(set.signalen?.maximaleTariefbeweging, v.nieuw.peildatum);
  if (!max) return [];
  return v.tarieven
    .filter((t) => t.deltaProcent && t.deltaProcent.abs().gt(max))
    .map((t) => ({ soort: 'grote_beweging' as const, melding: `${t.product} ${t.variant} beweegt ${g(t.deltaProcent!, 1)} % in één ronde, meer dan ${g(max, 1)} %` }));
}


/**
 * The 18-/18+ signal (ZOU evaluation): a Jeugdwet and a Wmo product with the same staff behind them whose tariffs
 * differ more than the threshold. A pair is every two cost-price products with the same unit, group size and staff
 * mix, and every pair the set declares in `jeugd_wmo_paren`; they are compared per variant that both have (each
 * CAO, the basistarief, `vast`), so the signal also works with `basistarief: false` and for adopted tariffs.
 */
function jeugdWmoSignalen(set: ParameterSet, plan: Tarievenplan, s: NonNullable<ParameterSet['signalen']>, max: Decimal): Signaal[] {
  const datum = plan.model.peildatum;
  // the variants compared: every CAO variant, the basistarief and an adopted tariff (made per call, so that a mutation
  // test can switch it)
  const VERGELEKEN = new Set<Tarief['variantSoort']>(['cao', 'basistarief', 'vast']);
  const mix = (code: string) => {
    const p = set.producten.find((x) => x.code === code);
    if (!p || p.berekening !== 'kostprijs') return undefined;
    const gg = p.groepsgrootte ? waardeOp(p.groepsgrootte, datum)?.waarde.toFixed() : '1';
    return `${p.eenheid}|${gg}|${p.inzet.map((i) => `${i.niveau}:${i.aantal.toFixed()}`).sort().join('+')}`;
  };
  const paren = new Map<string, { jeugdwet: string; wmo: string; opgegeven: boolean }>();
  const jeugd = set.producten.filter((p) => p.wet === 'jeugdwet');
  const wmo = set.producten.filter((p) => p.wet === 'wmo');
  for (const j of jeugd) {
    const mj = mix(j.code);
    if (!mj) continue;
    for (const w of wmo) if (mix(w.code) === mj) paren.set(`${j.code}|${w.code}`, { jeugdwet: j.code, wmo: w.code, opgegeven: false });
  }
  for (const d of s.jeugdWmoParen) paren.set(`${d.jeugdwet}|${d.wmo}`, { jeugdwet: d.jeugdwet, wmo: d.wmo, opgegeven: true });
  const uit: Signaal[] = [];
  for (const paar of paren.values()) {
    const j = set.producten.find((p) => p.code === paar.jeugdwet)!;
    const tw = plan.tarieven.filter((t) => t.product === paar.wmo && VERGELEKEN.has(t.variantSoort));
    for (const tj of plan.tarieven.filter((t) => t.product === paar.jeugdwet && VERGELEKEN.has(t.variantSoort))) {
      const w = tw.find((t) => t.variant === tj.variant);
      if (!w) continue;
      const a = tj.tariefPerUur ?? tj.tarief;
      const b = w.tariefPerUur ?? w.tarief;
      const verschil = a.minus(b).abs().div(Decimal.min(a, b)).times(HONDERD);
      if (!verschil.gt(max)) continue;
      const plek = paar.opgegeven ? s.jeugdWmoParen.find((d) => d.jeugdwet === paar.jeugdwet && d.wmo === paar.wmo)!.herkomst : j.herkomst;
      uit.push({
        soort: 'jeugd_wmo_verschil',
        melding: `${paar.jeugdwet} (Jeugdwet, ${g(a)}) en ${paar.wmo} (Wmo, ${g(b)}) ${paar.opgegeven ? 'zijn als vergelijkbaar opgegeven' : 'hebben dezelfde inzet'} maar verschillen ${g(verschil, 1)} % bij variant ${tj.variant}, meer dan ${g(max, 1)} %: let op de overgang 18-/18+`,
        plek: `${plek.bestand}:${plek.regel}`,
        ...plek,
      });
    }
  }
  return uit;
}
