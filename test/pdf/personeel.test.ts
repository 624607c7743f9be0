/**
 * The personnel chains of the tariefbijlage (L = loonkosten per fte, P = productive hours or opslag
 * niet-productieve uren) must add up to the cost per productive hour the opbouw shows next to them:
 * a reader recomputes L ÷ P, or L ÷ betaalde uren × (1 + P) ÷ (1 − no-show), from the document's own
 * (rounded) figures and finds the shown amount to the cent.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { documentSpecs, vulSjabloon } from '../../src/cli/documenten.ts';
import type { Blok, Cel } from '../../src/docmodel/document.ts';
import { Decimal } from '../../src/shared/decimal.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tekst = (c: Cel) => c.map((r) => r.map((x) => x.tekst).join('')).join('\n');
/** "€ 56.603,67", "27,69 %" or "1.634,4" → 56603.67, 27.69, 1634.4 */
const getal = (s: string) => new Decimal(/-?[\d.]+(,\d+)?/.exec(s.replace(/€\s*/, ''))![0].replace(/\./g, '').replace(',', '.'));

function document(map: string) {
  const { set } = laadParameterset(map);
  const plan = berekenTarieven(set);
  const spec = documentSpecs(set, plan, { publicatie: false }).find((s) => s.document.naam === 'tariefbijlage')!;
  return { set, doc: vulSjabloon(spec, path.join(ROOT, 'templates')) };
}

function tabellen(blokken: Blok[]): Extract<Blok, { soort: 'tabel' }>[] {
  return blokken.flatMap((b) => (b.soort === 'tabel' ? [b] : b.soort === 'kader' ? tabellen(b.blokken) : []));
}

describe.each(['test/fixtures/sets/volledig', 'test/fixtures/sets/volledig-opslag'])('personeelsketens in de tariefbijlage van %s', (map) => {
  it('L en P geven het bedrag per productief uur dat de opbouw toont', () => {
    const { set, doc } = document(map);
    const alle = tabellen(doc.blokken);
    const L = new Map<string, Decimal>();
    const P = new Map<string, Decimal>();
    for (const t of alle) {
      const m = /^(L\d+) · loonkosten .*: (.+)$/.exec(t.titel ?? '');
      if (m) L.set(m[1]!, getal(m[2]!));
      for (const r of t.rijen) {
        const p = /^(P\d+)\b/.exec(tekst(r.cellen[0]!));
        if (p && t.titel?.startsWith('Productieve uren')) P.set(p[1]!, getal(tekst(r.cellen[r.cellen.length - 1]!)));
      }
    }
    expect(L.size).toBeGreaterThan(0);
    expect(P.size).toBeGreaterThan(0);
    let gecontroleerd = 0;
    for (const t of alle.filter((x) => x.titel?.startsWith('Opbouw '))) {
      for (const r of t.rijen.filter((x) => /^Personeelskosten \S+ per productief uur/.test(tekst(x.cellen[0]!)))) {
        for (const c of r.cellen.slice(4)) {
          const [bedrag, keten] = tekst(c).split('\n');
          if (!keten) continue;
          const aftrek = /^(L\d+) ÷ (P\d+)$/.exec(keten);
          const opslag = /^(L\d+) ÷ betaalde uren × \(1 \+ (P\d+)\)(?: ÷ \(1 − ([\d,]+)\s%\))?$/.exec(keten);
          expect(aftrek ?? opslag, keten).toBeTruthy();
          let uit: Decimal;
          if (aftrek) uit = L.get(aftrek[1]!)!.div(P.get(aftrek[2]!)!);
          else {
            // paid hours: the CAO of this column (hours per week × 52)
            const kolom = t.kolommen[r.cellen.indexOf(c)]!.kop;
            const cao = [...set.caos.values()].find((x) => kolom.toLowerCase().includes(x.naam.toLowerCase().replace(/^cao /, "")))!;
            const betaald = cao.urenPerWeek.reeks[0]!.waarde.times(52);
            uit = L.get(opslag![1]!)!.div(betaald).times(new Decimal(100).plus(P.get(opslag![2]!)!)).div(100);
            if (opslag![3]) uit = uit.times(100).div(new Decimal(100).minus(getal(opslag![3])));
          }
          expect(uit.minus(getal(bedrag!)).abs().toNumber(), `${t.titel}: ${keten} = ${uit.toFixed(4)}, getoond ${bedrag}`).toBeLessThanOrEqual(0.01);
          gecontroleerd++;
        }
      }
    }
    expect(gecontroleerd).toBeGreaterThan(3);
  });
});
