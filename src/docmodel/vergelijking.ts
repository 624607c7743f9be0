/** `vergelijk` output: Markdown for a pull request, plain text for the terminal, JSON for tools. Pure. */
import type { Decimal } from '../shared/decimal.ts';
import { euro, getal } from '../shared/format.ts';
import type { Vergelijking } from '../model/vergelijk.ts';
import type { Signaal } from '../model/signalen.ts';

const bedrag = (d?: Decimal) => (d === undefined ? '—' : euro(d));
const delta = (d?: Decimal) => (d === undefined ? '' : `${d.isNeg() ? '−' : '+'}${euro(d.abs())}`);
const procent = (d?: Decimal) => (d === undefined ? '' : `${d.isNeg() ? '−' : '+'}${getal(d.abs(), 2)} %`);
const md = (s: string) => s.replace(/\|/g, '\\|');

/** Dutch decimal comma for numbers; texts (keuzes, functiehuis) as they are. */
function waardeTekst(w?: { waarde: string; eenheid: string }): string {
  if (!w) return '—';
  const getalTekst = /^-?\d+(\.\d+)?$/.test(w.waarde) ? w.waarde.replace('.', ',') : w.waarde;
  return w.eenheid === 'procent' ? `${getalTekst} %` : w.eenheid.startsWith('euro') ? `€ ${getalTekst}` : getalTekst;
}

export interface MarkdownOpties {
  /** Maximum length (a pull-request comment takes 65 536 characters). */
  maxTekens?: number;
}

export function vergelijkingMarkdown(v: Vergelijking, signalen: Signaal[] = [], opties: MarkdownOpties = {}): string {
  const max = opties.maxTekens ?? 60_000;
  const kop: string[] = [];
  kop.push(`## Tariefimpact: ${v.basis.naam} → ${v.nieuw.naam}`);
  kop.push('');
  kop.push(
    `${v.parameters.length} ${v.parameters.length === 1 ? 'parameter' : 'parameters'} gewijzigd · ${v.tarieven.filter((t) => t.soort === 'gewijzigd').length} tarieven bewogen · ${v.ongewijzigd} ongewijzigd` +
      (v.productenNieuw.length ? ` · nieuwe producten: ${v.productenNieuw.join(', ')}` : '') +
      (v.productenVervallen.length ? ` · vervallen producten: ${v.productenVervallen.join(', ')}` : ''),
  );
  kop.push(`Tariefjaar ${v.basis.tariefjaar} → ${v.nieuw.tariefjaar} · vingerafdruk ${v.basis.vingerafdruk.slice(0, 12)} → ${v.nieuw.vingerafdruk.slice(0, 12)}`);
  const delen: string[][] = [];
  if (signalen.length) {
    delen.push(['', '### Signalen', '', ...signalen.map((s) => `- ⚠ ${md(s.melding)}${s.plek ? ` (\`${s.plek}\`)` : ''}`)]);
  }
  if (v.tarieven.length) {
    const rijen = ['', '### Tarieven', '', '| product | variant | eenheid | oud | nieuw | Δ € | Δ % | door |', '|---|---|---|--:|--:|--:|--:|---|'];
    for (const t of v.tarieven) {
      const soort = t.soort === 'nieuw' ? ' (nieuw)' : t.soort === 'vervallen' ? ' (vervallen)' : '';
      rijen.push(`| ${t.product} ${md(t.productnaam)}${soort} | ${t.variant} | ${t.eenheid} | ${bedrag(t.oud)} | ${bedrag(t.nieuw)} | ${delta(t.delta)} | ${procent(t.deltaProcent)} | ${t.oorzaken.map((o) => `\`${o}\``).join(', ')} |`);
    }
    delen.push(rijen);
  }
  if (v.parameters.length) {
    const rijen = ['', '### Gewijzigde parameters', '', '| parameter | oud | nieuw | waar | bron | bewoog |', '|---|--:|--:|---|---|---|'];
    for (const p of v.parameters) {
      const w = p.nieuw ?? p.oud!;
      rijen.push(`| \`${p.pad}\` | ${md(waardeTekst(p.oud))} | ${md(waardeTekst(p.nieuw))} | \`${w.bestand}:${w.regel}\` | ${md(w.bron)} | ${p.tarieven.length ? `${p.tarieven.length}: ${p.tarieven.slice(0, 12).join(', ')}${p.tarieven.length > 12 ? ' …' : ''}` : 'geen tarief'} |`);
    }
    delen.push(rijen);
  }
  if (!v.tarieven.length && !v.parameters.length) delen.push(['', 'Geen verschil: alle parameters en tarieven zijn gelijk.']);
  let uit = kop.join('\n');
  let afgekapt = 0;
  for (const deel of delen) {
    for (const regel of deel) {
      if (uit.length + regel.length + 200 > max) {
        afgekapt++;
        continue;
      }
      uit += `\n${regel}`;
    }
  }
  if (afgekapt) uit += `\n\n> Afgekapt: ${afgekapt} regels passen niet in ${max.toLocaleString('nl-NL')} tekens. Draai \`tariefbouw vergelijk\` lokaal of bekijk de volledige JSON (\`--json\`).`;
  return `${uit}\n`;
}

export function vergelijkingTekst(v: Vergelijking, signalen: Signaal[] = []): string {
  const r: string[] = [];
  r.push(`${v.basis.naam} (${v.basis.tariefjaar}) → ${v.nieuw.naam} (${v.nieuw.tariefjaar})`);
  const bewogen = v.tarieven.filter((t) => t.soort === 'gewijzigd').length;
  r.push(`${v.parameters.length} ${v.parameters.length === 1 ? 'parameter' : 'parameters'} gewijzigd, ${bewogen} ${bewogen === 1 ? 'tarief' : 'tarieven'} bewogen, ${v.ongewijzigd} ongewijzigd`);
  if (v.productenNieuw.length) r.push(`nieuwe producten: ${v.productenNieuw.join(', ')}`);
  if (v.productenVervallen.length) r.push(`vervallen producten: ${v.productenVervallen.join(', ')}`);
  for (const s of signalen) r.push(`signaal: ${s.melding}${s.plek ? ` (${s.plek})` : ''}`);
  if (v.tarieven.length) {
    r.push('', 'Tarieven (grootste verandering eerst):');
    const rijen = v.tarieven.map((t) => [`${t.product} ${t.variant}`, bedrag(t.oud), bedrag(t.nieuw), delta(t.delta), procent(t.deltaProcent), t.soort === 'gewijzigd' ? '' : t.soort]);
    const b = [0, 1, 2, 3, 4].map((i) => Math.max(...rijen.map((x) => x[i]!.length)));
    for (const x of rijen) r.push(`  ${x[0]!.padEnd(b[0]!)}  ${x[1]!.padStart(b[1]!)} → ${x[2]!.padStart(b[2]!)}  ${x[3]!.padStart(b[3]!)}  ${x[4]!.padStart(b[4]!)}  ${x[5]}`.trimEnd());
  }
  if (v.parameters.length) {
    r.push('', 'Gewijzigde parameters:');
    for (const p of v.parameters) {
      const w = p.nieuw ?? p.oud!;
      r.push(`  ${p.pad}: ${waardeTekst(p.oud)} → ${waardeTekst(p.nieuw)}  (${w.bestand}:${w.regel}; bron: ${w.bron})`);
      r.push(`    bewoog ${p.tarieven.length ? p.tarieven.join(', ') : 'geen tarief'}`);
    }
  }
  if (!v.tarieven.length && !v.parameters.length) r.push('Geen verschil.');
  return `${r.join('\n')}\n`;
}

export function vergelijkingJson(v: Vergelijking, signalen: Signaal[] = []) {
  const s = (d?: Decimal, dp = 2) => (d === undefined ? null : d.toFixed(dp));
  return {
    basis: v.basis,
    nieuw: v.nieuw,
    samenvatting: { parameters: v.parameters.length, tarieven: v.tarieven.length, ongewijzigd: v.ongewijzigd, productenNieuw: v.productenNieuw, productenVervallen: v.productenVervallen },
    signalen,
    tarieven: v.tarieven.map((t) => ({ product: t.product, productnaam: t.productnaam, variant: t.variant, eenheid: t.eenheid, soort: t.soort, oud: s(t.oud), nieuw: s(t.nieuw), delta: s(t.delta), delta_procent: s(t.deltaProcent, 4), oorzaken: t.oorzaken })),
    parameters: v.parameters.map((p) => ({ pad: p.pad, oud: p.oud ?? null, nieuw: p.nieuw ?? null, tarieven: p.tarieven })),
  };
}
