/** `begroting` output as Markdown, text and JSON. Pure. */
import type { Decimal } from '../shared/decimal.ts';
import { euro, getal } from '../shared/format.ts';
import type { Begroting, BegrotingRegel } from '../model/begroting.ts';

const verschil = (a: Decimal, b?: Decimal) => (b === undefined ? '' : `${a.minus(b).isNeg() ? '−' : '+'}${euro(a.minus(b).abs())}`);

/** Which variants price the volumes: the set's variant, and with mixes also per volume. */
function mixTekst(b: Begroting): string {
  return b.metMix ? `variant ${b.variant}, of per product de varianten en verdeling uit volumes.yaml` : `variant ${b.variant}`;
}

/** The volume of a row; with a verdeling also its share of the product's total. */
function aantalTekst(x: BegrotingRegel): string {
  const a = `${getal(x.aantal, x.aantal.decimalPlaces())} ${x.eenheid}`.trim();
  return x.aandeel === undefined ? a : `${a} (${getal(x.aandeel, x.aandeel.decimalPlaces())} % van ${getal(x.totaal!, x.totaal!.decimalPlaces())})`;
}

export function begrotingMarkdown(b: Begroting): string {
  const r: string[] = [`## Begrotingseffect ${b.model.naam}${b.basis ? ` ten opzichte van ${b.basis.naam}` : ''}`, '', `Volumes × tarief (${mixTekst(b)}), per gemeente.`, ''];
  r.push(b.basis ? '| gemeente | totaal | basis | verschil |' : '| gemeente | totaal |', b.basis ? '|---|--:|--:|--:|' : '|---|--:|');
  for (const g of b.gemeenten) r.push(b.basis ? `| ${g.naam} | ${euro(g.totaal)} | ${euro(g.basisTotaal!)} | ${verschil(g.totaal, g.basisTotaal)} |` : `| ${g.naam} | ${euro(g.totaal)} |`);
  r.push(b.basis ? `| **totaal** | **${euro(b.totaal)}** | **${euro(b.basisTotaal!)}** | **${verschil(b.totaal, b.basisTotaal)}** |` : `| **totaal** | **${euro(b.totaal)}** |`);
  for (const g of b.gemeenten) {
    r.push('', `### ${g.naam}`, '', b.basis ? '| product | aantal | tarief | bedrag | basis | verschil |' : '| product | aantal | tarief | bedrag |', b.basis ? '|---|--:|--:|--:|--:|--:|' : '|---|--:|--:|--:|');
    for (const x of g.regels) {
      const kol = `| ${x.product} ${x.productnaam}${b.metMix ? ` · ${x.variant}` : ''} | ${aantalTekst(x)} | ${euro(x.tarief)} | ${euro(x.bedrag)} |`;
      r.push(b.basis ? `${kol} ${euro(x.basisBedrag!)} | ${verschil(x.bedrag, x.basisBedrag)} |` : kol);
    }
  }
  if (b.opmerkingen.length) r.push('', ...b.opmerkingen.map((o) => `- ${o}`));
  return `${r.join('\n')}\n`;
}

export function begrotingTekst(b: Begroting): string {
  const r: string[] = [`Begrotingseffect ${b.model.naam}${b.basis ? ` ten opzichte van ${b.basis.naam}` : ''} (${mixTekst(b)})`];
  const breedte = Math.max(...b.gemeenten.map((g) => g.naam.length), 6);
  for (const g of b.gemeenten) r.push(`  ${g.naam.padEnd(breedte)}  ${euro(g.totaal).padStart(18)}${b.basis ? `  ${verschil(g.totaal, g.basisTotaal).padStart(16)}` : ''}`);
  r.push(`  ${'totaal'.padEnd(breedte)}  ${euro(b.totaal).padStart(18)}${b.basis ? `  ${verschil(b.totaal, b.basisTotaal).padStart(16)}` : ''}`);
  if (b.metMix) {
    // the volumes given per variant or with a mix, so the reader sees what was priced how
    r.push('', '  gemengd geprijsd (variant, aantal, tarief, bedrag):');
    for (const g of b.gemeenten)
      for (const x of g.regels.filter((y) => y.uitMix))
        r.push(`  ${g.naam}  ${x.product} ${x.variant}: ${aantalTekst(x)} × ${euro(x.tarief)} = ${euro(x.bedrag)}`);
  }
  for (const o of b.opmerkingen) r.push(`  let op: ${o}`);
  return `${r.join('\n')}\n`;
}

export function begrotingJson(b: Begroting) {
  const s = (d?: Decimal) => (d === undefined ? undefined : d.toFixed(2));
  return {
    model: b.model,
    basis: b.basis ?? null,
    variant: b.variant,
    totaal: s(b.totaal),
    basis_totaal: s(b.basisTotaal) ?? null,
    gemeenten: b.gemeenten.map((g) => ({
      id: g.id,
      naam: g.naam,
      totaal: s(g.totaal),
      basis_totaal: s(g.basisTotaal) ?? null,
      regels: g.regels.map((x) => ({
        product: x.product,
        variant: x.variant,
        aantal: x.aantal.toFixed(),
        ...(x.aandeel !== undefined ? { totaal: x.totaal!.toFixed(), aandeel: x.aandeel.toFixed() } : {}),
        tarief: s(x.tarief),
        bedrag: x.bedrag.toFixed(),
        basis_bedrag: x.basisBedrag?.toFixed() ?? null,
      })),
    })),
    opmerkingen: b.opmerkingen,
  };
}
