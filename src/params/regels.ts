/**
 * Set-wide rules on the typed set: every value must hold on the peildatum,
 * and productive time must remain after the non-productive items.
 */
import { Decimal } from '../shared/decimal.ts';
import type { Probleem } from '../shared/problems.ts';
import type * as T from './types.ts';

export function waardeOp(p: T.Param, datum: string): T.Waarde | undefined {
  return p.reeks.find((w) => w.van <= datum && datum <= w.tot);
}

/**
 * The date on which the set's own cost parameters are read: its peildatum, or for an indexed set that of
 * the year whose tariffs it indexes (for a round built on a round, the first round's base year).
 */
export function rekenPeildatum(set: T.ParameterSet): string {
  let s = set;
  while (s.indexering?.basis) s = s.indexering.basis;
  return s.indexering?.basisPeildatum ?? s.peildatum;
}

export function tabelOp(c: T.Cao, datum: string): T.CaoTabel | undefined {
  return c.tabellen.find((t) => t.van <= datum && datum <= t.tot);
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** First and last day of month m (1–12) of a year, as ISO dates. */
function maand(jaar: number, m: number): { eerste: string; laatste: string } {
  const mm = String(m).padStart(2, '0');
  const dagen = new Date(Date.UTC(jaar, m, 0)).getUTCDate();
  return { eerste: `${jaar}-${mm}-01`, laatste: `${jaar}-${mm}-${dagen}` };
}

/**
 * The salary tables of a CAO over a tariefjaar, each with the number of whole months it holds in
 * that year; or, when a month has no table or changes table halfway, that month and why.
 */
export function tabellenInJaar(
  c: T.Cao,
  jaar: number,
): { tabellen: { tabel: T.CaoTabel; maanden: number }[] } | { maand: string; reden: 'ontbreekt' | 'gesplitst' | 'soort'; /** the table to point at */ tabel: T.CaoTabel } {
  const perTabel = new Map<T.CaoTabel, number>();
  for (let m = 1; m <= 12; m++) {
    const { eerste, laatste } = maand(jaar, m);
    const t = c.tabellen.find((x) => x.van <= eerste && laatste <= x.tot);
    const naam = `${MAANDEN[m - 1]} ${jaar}`;
    const vorige = [...perTabel.keys()].pop();
    if (!t) {
      const deels = c.tabellen.find((x) => x.van <= laatste && eerste <= x.tot && x.van > eerste) ?? c.tabellen.find((x) => x.van <= laatste && eerste <= x.tot);
      if (deels) return { maand: naam, reden: 'gesplitst', tabel: deels };
      return { maand: naam, reden: 'ontbreekt', tabel: vorige ?? c.tabellen.find((x) => x.van > laatste) ?? c.tabellen[0]! };
    }
    if (vorige && vorige.soort !== t.soort) return { maand: naam, reden: 'soort', tabel: t };
    perTabel.set(t, (perTabel.get(t) ?? 0) + 1);
  }
  return { tabellen: [...perTabel].map(([tabel, maanden]) => ({ tabel, maanden })) };
}

function perioden(reeks: { van: string; tot: string }[]): string {
  return reeks.map((w) => `${w.van} t/m ${w.tot}`).join(', ');
}

const GEGEVEN_INDEX = /^indexcijfers\.producten\.[^.]+\.componenten\.[^.]+\.index$/;

export function controleerRegels(set: T.ParameterSet): Probleem[] {
  const uit: Probleem[] = [];
  // An indexed set computes last year's tariffs first: its parameters must hold on that year's peildatum;
  // index weights and signal thresholds on the new one.
  const datum = rekenPeildatum(set);
  for (const p of set.parameters) {
    // A component's given index is a figure for the next round: it must hold once that round is computed.
    if (!set.indexering && GEGEVEN_INDEX.test(p.pad)) continue;
    // index figures, signals and the procurement belong to the set's own year, also in an indexation round
    const d = /^(indexcijfers|signalen|inkoop)\./.test(p.pad) ? set.peildatum : datum;
    if (!waardeOp(p, d) && p.pad.startsWith('signalen.')) {
      uit.push({
        ernst: 'waarschuwing',
        ...p.herkomst,
        melding: `${p.pad} geldt niet op de peildatum ${d}: dit signaal staat uit`,
        verwacht: `een drempel met geldig_van ≤ ${d} ≤ geldig_tot`,
        gevonden: `waarden voor ${perioden(p.reeks)}`,
        hint: 'voeg een drempel voor dit tariefjaar toe als u het signaal wilt houden',
      });
    } else if (!waardeOp(p, d)) {
      uit.push({
        ernst: 'fout',
        ...p.herkomst,
        melding: `${p.pad} heeft geen waarde die geldt op de peildatum ${d}`,
        verwacht: `een waarde met geldig_van ≤ ${d} ≤ geldig_tot`,
        gevonden: `waarden voor ${perioden(p.reeks)}`,
        hint: `voeg een waarde voor ${d.slice(0, 4)} toe of verleng de geldigheid als de bron dat rechtvaardigt`,
      });
    }
  }
  for (const c of set.caos.values()) {
    if (set.salaristabellen.methode === 'jaargemiddelde') {
      const jaar = Number(datum.slice(0, 4));
      const r = tabellenInJaar(c, jaar);
      if ('maand' in r) {
        uit.push({
          ernst: 'fout',
          ...r.tabel.herkomst,
          melding: {
            ontbreekt: `${c.naam} heeft geen salaristabel voor ${r.maand}`,
            gesplitst: `de salaristabel van ${c.naam} wisselt halverwege ${r.maand}`,
            soort: `de salaristabel van ${c.naam} gaat in ${r.maand} over van maand- naar uurbedragen of omgekeerd`,
          }[r.reden],
          verwacht:
            r.reden === 'soort'
              ? `bij salaristabellen: jaargemiddelde tabellen van één soort (maand of uur) in ${jaar}`
              : `bij salaristabellen: jaargemiddelde tabellen die samen elke maand van ${jaar} heel beslaan`,
          gevonden: `tabellen voor ${c.tabellen.map((t) => `${t.van} t/m ${t.tot} (${t.soort})`).join(', ')}`,
          hint: {
            ontbreekt: `voeg de tabel toe die in ${r.maand} geldt, of reken met salaristabellen: peildatum`,
            gesplitst: 'het jaargemiddelde weegt per hele maand: laat een tabel op de eerste van een maand ingaan',
            soort: 'schrijf de tabellen van dit jaar in dezelfde soort; een uurbedrag × uren per week × 52 ÷ 12 is het maandbedrag',
          }[r.reden],
        });
      }
    } else if (!tabelOp(c, datum)) {
      const eerste = c.tabellen[0]!;
      uit.push({
        ernst: 'fout',
        ...eerste.herkomst,
        melding: `${c.naam} heeft geen salaristabel die geldt op de peildatum ${datum}`,
        verwacht: `een tabel met geldig_van ≤ ${datum} ≤ geldig_tot`,
        gevonden: `tabellen voor ${perioden(c.tabellen)}`,
        hint: 'voeg de tabel toe die op de peildatum geldt',
      });
    }
  }

  // Productive hours must stay positive for every profile a product uses under each of its CAOs.
  const gezien = new Set<string>();
  // every (profile, CAO) pair a tariff uses: the products' own, and the aanbieders' overrides
  const paren: { profiel: string; caos: string[] }[] = [];
  for (const prod of set.producten) if (prod.berekening === 'kostprijs') paren.push({ profiel: prod.productiviteit, caos: prod.caos });
  for (const a of set.aanbieders) for (const o of a.producten) paren.push({ profiel: o.productiviteit ?? (set.producten.find((p) => p.code === o.code) as { productiviteit?: string } | undefined)?.productiviteit ?? '', caos: [a.cao] });
  for (const paar of paren) {
    const profiel = set.productiviteit.get(paar.profiel);
    if (!profiel) continue;
    for (const c of paar.caos) {
      const cao = set.caos.get(c);
      const sleutel = `${profiel.id}|${c}`;
      if (!cao || gezien.has(sleutel)) continue;
      gezien.add(sleutel);
      const uren = waardeOp(cao.urenPerWeek, datum);
      if (!uren) continue;
      const betaald = uren.waarde.times(52);
      if (profiel.vorm === 'productieve_uren') {
        const w = waardeOp(profiel.param, datum);
        if (w && w.waarde.gt(betaald)) {
          uit.push({
            ernst: 'fout',
            ...w.herkomst,
            melding: `productiviteitsprofiel ${profiel.id} geeft onder ${cao.naam} meer productieve uren dan betaalde uren`,
            verwacht: `hoogstens ${betaald.toFixed()} productieve uren per fte (${uren.waarde.toFixed()} uur per week × 52)`,
            gevonden: `${w.waarde.toFixed()} productieve uren`,
            hint: 'productieve_uren zijn de declarabele uren per fte per jaar, dus minder dan de betaalde uren; controleer het getal met de bron',
          });
        }
        continue;
      }
      // Under the opslag rekenwijze every post raises the cost per paid hour; any total is computable.
      if (profiel.vorm !== 'posten' || profiel.rekenwijze === 'opslag') continue;
      let af = new Decimal(0);
      let compleet = true;
      const delen: string[] = [];
      for (const post of profiel.posten) {
        const w = waardeOp(post.param, datum);
        if (!w) {
          compleet = false;
          continue;
        }
        const uren = post.param.eenheid === 'procent' ? betaald.times(w.waarde).div(100) : w.waarde;
        af = af.plus(uren);
        delen.push(`${post.post} ${uren.toDecimalPlaces(1).toFixed()}`);
      }
      if (compleet && profiel.posten.length && af.gte(betaald)) {
        uit.push({
          ernst: 'fout',
          ...profiel.posten[0]!.param.herkomst,
          melding: `productiviteitsprofiel ${profiel.id} laat onder ${cao.naam} geen productieve uren over`,
          verwacht: `niet-productieve uren samen minder dan ${betaald.toFixed()} betaalde uren per fte`,
          gevonden: `${af.toFixed(1)} niet-productieve uren (${delen.join(' + ')})`,
          hint: 'controleer of een post in uren_per_jaar per ongeluk als procent is geschreven (of omgekeerd)',
        });
      }
    }
  }
  return uit;
}

/**
 * What a round changes that cannot change its tariffs: a round indexes the tariffs of its base set and does
 * not run the cost model again, so a cost parameter, a CAO table or a new product written in the round
 * would be ignored without a word. Index figures, rounding rules, pgb percentages (applied to the indexed ZIN
 * tariff), controletotalen, signals, volumes and procurement do count.
 */
export function zonderEffect(set: T.ParameterSet, basis: T.ParameterSet): Probleem[] {
  const uit: Probleem[] = [];
  const hint = `wijzig de waarde in ${basis.id}, of maak een set zonder indexering die opnieuw rekent (route 2)`;
  const telt = (p: T.Param) => /^(indexcijfers|signalen|volumes|inkoop|varianten\.pgb)\./.test(p.pad) || (/\.pgb\./.test(p.pad) && p.eenheid === 'procent');
  const inBasis = new Map(basis.parameters.map((p) => [p.pad, p]));
  const tekst = (p: T.Param) => p.reeks.map((w) => `${w.waarde.toFixed()} (${w.van} t/m ${w.tot})`).join(', ');
  for (const p of set.parameters) {
    if (telt(p)) continue;
    const q = inBasis.get(p.pad);
    if (q && tekst(q) === tekst(p)) continue;
    uit.push({
      ernst: 'waarschuwing',
      ...p.herkomst,
      melding: `${p.pad} heeft in deze indexatieronde geen effect: de ronde indexeert de tarieven van ${basis.naam}`,
      verwacht: q ? `dezelfde waarde als in ${basis.id}: ${tekst(q)}` : `geen nieuwe kostprijsparameter in een indexatieronde`,
      gevonden: tekst(p),
      hint,
    });
  }
  const inhoud = (t: T.CaoTabel) => `${t.van}|${t.tot}|${t.soort}|${[...t.schalen].map(([s, m]) => `${s}:${[...m].map(([tr, c]) => `${tr}=${c.bedrag.toFixed()}`).join(',')}`).join(';')}`;
  for (const c of set.caos.values()) {
    const b = new Set((basis.caos.get(c.id)?.tabellen ?? []).map(inhoud));
    for (const t of c.tabellen.filter((x) => !b.has(inhoud(x)))) {
      uit.push({ ernst: 'waarschuwing', ...t.herkomst, melding: `de salaristabel van ${c.naam} vanaf ${t.van} heeft in deze indexatieronde geen effect`, verwacht: `de tabellen van ${basis.id}`, gevonden: `een tabel ${t.van} t/m ${t.tot}`, hint });
    }
  }
  for (const p of set.producten.filter((x) => !basis.producten.some((y) => y.code === x.code))) {
    uit.push({ ernst: 'waarschuwing', ...p.herkomst, melding: `product ${p.code} is nieuw in deze indexatieronde en krijgt geen tarief: de ronde indexeert alleen de tarieven van ${basis.naam}`, verwacht: `een product van ${basis.id}`, gevonden: p.code, hint });
  }
  return uit;
}
