/**
 * `vergelijk` output: Markdown for a pull request, plain text for the terminal, JSON for tools. Pure.
 * Every form leads with the cause: what was compared, the changed parameters with what each moved, then the
 * status changes, the signals and the tariffs.
 */
import type { Decimal } from '../shared/decimal.ts';
import { euro, getal } from '../shared/format.ts';
import type { ParamWijziging, RondeIndex, TariefWijziging, Vergelijking } from '../model/vergelijk.ts';
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

/** What a review names besides the plans: the two sides as given, and whether publication is allowed now. */
export interface VergelijkContext {
  /** the sides as the user gave them: folders, or ref:set */
  basisLabel?: string;
  nieuwLabel?: string;
  /** values the new set uses that --publicatie still refuses (status not vastgesteld, or no source) */
  publicatieBezwaren?: number;
}

export interface MarkdownOpties extends VergelijkContext {
  /** Maximum length (a pull-request comment takes 65 536 characters). */
  maxTekens?: number;
}

/** What one changed parameter did: how many tariffs, the range of their Δ %, the largest moves. */
export function effectVan(p: ParamWijziging, tarieven: Map<string, TariefWijziging>): { aantal: number; min?: Decimal; max?: Decimal; grootste: TariefWijziging[] } {
  const ts = p.tarieven.map((k) => tarieven.get(k)!).filter((t) => t && t.deltaProcent);
  const ps = ts.map((t) => t.deltaProcent!);
  const min = ps.reduce<Decimal | undefined>((a, x) => (a === undefined || x.lt(a) ? x : a), undefined);
  const max = ps.reduce<Decimal | undefined>((a, x) => (a === undefined || x.gt(a) ? x : a), undefined);
  const grootste = [...ts].sort((a, b) => b.deltaProcent!.abs().cmp(a.deltaProcent!.abs()) || (a.sleutel < b.sleutel ? -1 : 1)).slice(0, 2);
  return { aantal: p.tarieven.length, ...(min ? { min } : {}), ...(max ? { max } : {}), grootste };
}

const bereik = (e: { min?: Decimal; max?: Decimal }) => (!e.min || !e.max ? '' : e.min.eq(e.max) ? procent(e.min) : `${procent(e.min)} … ${procent(e.max)}`);

function indexTekst(i: RondeIndex): string {
  const n = i.percentages.reduce((a, p) => a + p.producten.length, 0);
  return `indexatie ${i.jaar}: ${i.percentages.map((p) => `${getal(p.index, 2)} % (${p.producten.length === n && i.percentages.length === 1 ? 'alle ' : ''}${p.producten.length} ${p.producten.length === 1 ? 'product' : 'producten'})`).join(', ')}`;
}

/** The summary lines every form starts with. */
function samenvatting(v: Vergelijking, c: VergelijkContext): string[] {
  const bewogen = v.tarieven.filter((t) => t.soort === 'gewijzigd').length;
  const r: string[] = [];
  r.push(
    `${v.parameters.length} ${v.parameters.length === 1 ? 'parameter' : 'parameters'} gewijzigd · ${bewogen} ${bewogen === 1 ? 'tarief' : 'tarieven'} bewogen · ${v.ongewijzigd} ongewijzigd` +
      (v.productenNieuw.length ? ` · nieuwe producten: ${v.productenNieuw.join(', ')}` : '') +
      (v.productenVervallen.length ? ` · vervallen producten: ${v.productenVervallen.join(', ')}` : ''),
  );
  if (v.index.nieuw) r.push(`De ronde: ${indexTekst(v.index.nieuw)}${v.index.basis ? ` (de basis: ${indexTekst(v.index.basis)})` : ''}`);
  else if (v.index.basis) r.push(`De basis is een ronde: ${indexTekst(v.index.basis)}`);
  if (v.statusWijzigingen.length || c.publicatieBezwaren !== undefined) {
    const vastgesteld = v.statusWijzigingen.filter((p) => p.nieuw?.status === 'vastgesteld' && p.oud?.status !== 'vastgesteld').length;
    const bron = v.statusWijzigingen.filter((p) => p.soort === 'bron').length;
    const anders = v.statusWijzigingen.length - vastgesteld - bron;
    const delen = [
      vastgesteld ? `${vastgesteld} ${vastgesteld === 1 ? 'waarde' : 'waarden'} nu vastgesteld` : '',
      anders ? `${anders} met een andere status` : '',
      bron ? `${bron} met een andere bron` : '',
    ].filter(Boolean);
    const publicatie =
      c.publicatieBezwaren === undefined ? '' : c.publicatieBezwaren ? `publicatie nog geweigerd om ${c.publicatieBezwaren} ${c.publicatieBezwaren === 1 ? 'waarde' : 'waarden'}` : 'publicatie nu toegestaan';
    r.push(`Status: ${[delen.length ? delen.join(', ') : 'geen status of bron gewijzigd', publicatie].filter(Boolean).join('; ')}`);
  }
  if (v.controletotalen.length) {
    // short: a summary line, not the list (that is in --json)
    const n = v.controletotalen.length;
    const eerste = v.controletotalen.slice(0, 2).map((c) => `${c.product}/${c.variant} ${c.oud && c.nieuw ? `${bedrag(c.oud)} → ${bedrag(c.nieuw)}` : c.nieuw ? `nieuw ${bedrag(c.nieuw)}` : `vervallen (was ${bedrag(c.oud)})`}`);
    r.push(`Controletotalen: ${n} gewijzigd: ${eerste.join('; ')}${n > 2 ? `; en ${n - 2} meer` : ''}`);
  }
  return r;
}

const kant = (label: string | undefined, m: Vergelijking['basis']) => `${label ? `\`${label}\` ` : ''}(${m.naam}, tariefjaar ${m.tariefjaar}, versie ${m.versie}, vingerafdruk ${m.vingerafdruk.slice(0, 12)})`;

export function vergelijkingMarkdown(v: Vergelijking, signalen: Signaal[] = [], opties: MarkdownOpties = {}): string {
  const max = opties.maxTekens ?? 60_000;
  const perSleutel = new Map(v.tarieven.map((t) => [t.sleutel, t]));
  const vergeleken = `Vergeleken: ${kant(opties.basisLabel, v.basis)} met ${kant(opties.nieuwLabel, v.nieuw)}.`;
  const kort = `Vergeleken: \`${opties.basisLabel ?? v.basis.naam}\` met \`${opties.nieuwLabel ?? v.nieuw.naam}\`.`;
  // a small cap: the short form of what was compared, so that the cause keeps its room
  const kop = [
    `## Tariefimpact: ${v.basis.naam} → ${v.nieuw.naam}`,
    '',
    max < 3000 ? kort : vergeleken,
    '',
    ...samenvatting(v, opties).map((r, i) => (i === 0 ? `**${r}**` : r)).flatMap((r) => [r, '']),
  ].join('\n');

  // The cause: one row per changed parameter, the one that moved the most tariffs first.
  const paramKop = ['### Oorzaak: gewijzigde parameters', '', '| parameter | oud → nieuw | waar | bewoog | Δ % | grootste |', '|---|---|---|--:|---|---|'];
  const paramRij = (pad: string, waarden: string, w: { bestand: string; regel: number }, p: ParamWijziging) => {
    const e = effectVan(p, perSleutel);
    return `| \`${pad}\` | ${waarden} | \`${w.bestand}:${w.regel}\` | ${e.aantal || 'geen'} | ${bereik(e)} | ${e.grootste.map((t) => `${t.product} ${t.variant} ${procent(t.deltaProcent)}`).join(', ')} |`;
  };
  let paramRijen = v.parameters.map((p) => paramRij(p.pad, `${md(waardeTekst(p.oud))} → ${md(waardeTekst(p.nieuw))}`, p.nieuw ?? p.oud!, p));
  // Too long for the cap (a whole salary table changed)? One row per group of cells, with what the group moved.
  if (kop.length + [...paramKop, ...paramRijen].join('\n').length + 400 > max) {
    const groepen = new Map<string, ParamWijziging[]>();
    for (const p of v.parameters) {
      const k = p.pad.replace(/\[[^\]]*\]/g, '[…]');
      groepen.set(k, [...(groepen.get(k) ?? []), p]);
    }
    paramRijen = [...groepen].map(([k, ps]) => {
      if (ps.length === 1) return paramRij(ps[0]!.pad, `${md(waardeTekst(ps[0]!.oud))} → ${md(waardeTekst(ps[0]!.nieuw))}`, ps[0]!.nieuw ?? ps[0]!.oud!, ps[0]!);
      const samen: ParamWijziging = { ...ps[0]!, pad: k, tarieven: [...new Set(ps.flatMap((p) => p.tarieven))].sort() };
      return paramRij(k, `${ps.length} waarden`, ps[0]!.nieuw ?? ps[0]!.oud!, samen);
    });
  }
  const statusRijen = v.statusWijzigingen.map((p) => `| \`${p.pad}\` | ${md(waardeTekst(p.nieuw))} | ${p.oud?.status ?? '—'} → ${p.nieuw?.status ?? '—'} | ${p.soort === 'bron' ? `${md(p.oud?.bron ?? '—')} → ${md(p.nieuw?.bron ?? '—')}` : md(p.nieuw?.bron ?? '')} | \`${p.nieuw?.bestand ?? p.oud?.bestand}:${p.nieuw?.regel ?? p.oud?.regel}\` |`);
  const metPerUur = v.tarieven.some((t) => t.perUur);
  const tariefKop = [
    `| product | variant | eenheid | oud | nieuw | Δ € | Δ % |${metPerUur ? ' per uur |' : ''}${v.naarBegroting ? ' Δ begroting |' : ''} door |`,
    `|---|---|---|--:|--:|--:|--:|${metPerUur ? '--:|' : ''}${v.naarBegroting ? '--:|' : ''}---|`,
  ];
  const tariefRijen = v.tarieven.map((t) => {
    const soort = t.soort === 'nieuw' ? ' (nieuw)' : t.soort === 'vervallen' ? ' (vervallen)' : '';
    const uur = t.perUur ? `${bedrag(t.perUur.oud)} → ${bedrag(t.perUur.nieuw)}` : '';
    return `| ${t.product} ${md(t.productnaam)}${soort} | ${t.variant} | ${t.eenheid} | ${bedrag(t.oud)} | ${bedrag(t.nieuw)} | ${delta(t.delta)} | ${procent(t.deltaProcent)} |${metPerUur ? ` ${uur} |` : ''}${v.naarBegroting ? ` ${t.begrotingseffect ? delta(t.begrotingseffect) : ''} |` : ''} ${t.oorzaken.slice(0, 2).map((o) => `\`${o}\``).join(', ')}${t.oorzaken.length > 2 ? ` en ${t.oorzaken.length - 2} meer` : ''} |`;
  });

  // Fill in order of importance; the summary and the parameter table go first and are kept whole where they fit.
  const slot = (wat: string[]) => `\n> Afgekapt (limiet ${max.toLocaleString('nl-NL')} tekens): ${wat.join('; ')}. Alles: \`tariefbouw vergelijk --json\`.`;
  const RESERVE = 180; // room for the truncation note and the closing tags
  let uit = kop;
  const past = (extra: string) => uit.length + extra.length + RESERVE <= max;
  const afgekapt: string[] = [];
  if (!v.parameters.length && !v.tarieven.length && !v.statusWijzigingen.length) uit += '\nGeen verschil: alle parameters en tarieven zijn gelijk.\n';
  if (v.parameters.length) {
    uit += `\n${paramKop.join('\n')}`;
    let i = 0;
    for (; i < paramRijen.length && past(`\n${paramRijen[i]}`); i++) uit += `\n${paramRijen[i]}`;
    if (i < paramRijen.length) afgekapt.push(`${paramRijen.length - i} van ${paramRijen.length} parameterrijen`);
    uit += '\n';
  }
  /** A section folded in <details>: as many rows as fit, then the rest counted. */
  const gevouwen = (titel: string, samenvattingTekst: string, kopRegels: string[], rijen: string[], wat: string) => {
    if (!rijen.length) return;
    const begin = `\n${titel}\n\n<details><summary>${samenvattingTekst}</summary>\n\n${kopRegels.join('\n')}`;
    if (!past(`${begin}\n${rijen[0]}\n\n</details>\n`)) {
      afgekapt.push(`${rijen.length} ${wat}`);
      return;
    }
    uit += begin;
    let i = 0;
    for (; i < rijen.length && past(`\n${rijen[i]}\n\n</details>\n`); i++) uit += `\n${rijen[i]}`;
    uit += '\n\n</details>\n';
    if (i < rijen.length) afgekapt.push(`${rijen.length - i} van ${rijen.length} ${wat}`);
  };
  if (signalen.length) {
    const regels = signalen.map((s) => `- ⚠ ${md(s.melding)}${s.plek ? ` (\`${s.plek}\`)` : ''}`);
    const titel = '\n### Signalen\n';
    if (past(`${titel}\n${regels[0]}`)) {
      uit += titel;
      let i = 0;
      for (; i < regels.length && past(`\n${regels[i]}`); i++) uit += `\n${regels[i]}`;
      uit += '\n';
      if (i < regels.length) afgekapt.push(`${regels.length - i} van ${regels.length} signalen`);
    } else afgekapt.push(`${regels.length} ${regels.length === 1 ? 'signaal' : 'signalen'}`);
  }
  gevouwen(
    '### Status en bron',
    `${v.statusWijzigingen.length} ${v.statusWijzigingen.length === 1 ? 'waarde' : 'waarden'} met een andere status of bron (de waarde zelf is gelijk)`,
    ['| parameter | waarde | status | bron | waar |', '|---|--:|---|---|---|'],
    statusRijen,
    'waarden met een andere status of bron',
  );
  gevouwen(
    `### Tarieven (${v.naarBegroting ? 'grootste begrotingseffect eerst: Δ tarief × verwacht volume' : 'grootste verandering eerst, gemeten vóór de afronding'})`,
    `${v.tarieven.length} ${v.tarieven.length === 1 ? 'tarief' : 'tarieven'}`,
    tariefKop,
    tariefRijen,
    'tarieven',
  );
  if (afgekapt.length) uit += slot(afgekapt);
  uit = `${uit.trimEnd()}\n`;
  // the cap is a promise: never more, whatever the content
  return uit.length <= max ? uit : `${uit.slice(0, max - 2)}…\n`;
}

export function vergelijkingTekst(v: Vergelijking, signalen: Signaal[] = [], c: VergelijkContext = {}): string {
  const r: string[] = [];
  const perSleutel = new Map(v.tarieven.map((t) => [t.sleutel, t]));
  r.push(`${c.basisLabel ? `${c.basisLabel}: ` : ''}${v.basis.naam} (${v.basis.tariefjaar}, versie ${v.basis.versie}) → ${c.nieuwLabel ? `${c.nieuwLabel}: ` : ''}${v.nieuw.naam} (${v.nieuw.tariefjaar}, versie ${v.nieuw.versie})`);
  r.push(...samenvatting(v, c));
  if (v.parameters.length) {
    r.push('', 'Oorzaak: gewijzigde parameters (die de meeste tarieven bewoog eerst):');
    for (const p of v.parameters) {
      const w = p.nieuw ?? p.oud!;
      const e = effectVan(p, perSleutel);
      r.push(`  ${p.pad}: ${waardeTekst(p.oud)} → ${waardeTekst(p.nieuw)}  (${w.bestand}:${w.regel}; bron: ${w.bron})`);
      r.push(`    bewoog ${e.aantal ? `${e.aantal} ${e.aantal === 1 ? 'tarief' : 'tarieven'}, Δ % ${bereik(e)}; grootste: ${e.grootste.map((t) => `${t.product} ${t.variant} ${procent(t.deltaProcent)}`).join(', ')}` : 'geen tarief'}`);
    }
  }
  for (const s of signalen) r.push(`signaal: ${s.melding}${s.plek ? ` (${s.plek})` : ''}`);
  if (v.statusWijzigingen.length) {
    r.push('', 'Status en bron (de waarde zelf is gelijk):');
    for (const p of v.statusWijzigingen) r.push(`  ${p.pad}: ${p.oud?.status} → ${p.nieuw?.status}${p.soort === 'bron' ? `, bron ${p.oud?.bron} → ${p.nieuw?.bron}` : ''}  (${p.nieuw?.bestand}:${p.nieuw?.regel})`);
  }
  if (v.tarieven.length) {
    r.push('', v.naarBegroting ? 'Tarieven (grootste begrotingseffect eerst):' : 'Tarieven (grootste verandering eerst, gemeten vóór de afronding):');
    const rijen = v.tarieven.map((t) => [
      `${t.product} ${t.variant}`,
      bedrag(t.oud),
      bedrag(t.nieuw),
      delta(t.delta),
      procent(t.deltaProcent),
      [t.perUur ? `per uur ${bedrag(t.perUur.oud)} → ${bedrag(t.perUur.nieuw)}` : '', t.begrotingseffect ? `begroting ${delta(t.begrotingseffect)}` : '', t.soort === 'gewijzigd' ? '' : t.soort].filter(Boolean).join('; '),
    ]);
    const b = [0, 1, 2, 3, 4].map((i) => Math.max(...rijen.map((x) => x[i]!.length)));
    for (const x of rijen) r.push(`  ${x[0]!.padEnd(b[0]!)}  ${x[1]!.padStart(b[1]!)} → ${x[2]!.padStart(b[2]!)}  ${x[3]!.padStart(b[3]!)}  ${x[4]!.padStart(b[4]!)}  ${x[5]}`.trimEnd());
  }
  if (!v.tarieven.length && !v.parameters.length && !v.statusWijzigingen.length) r.push('Geen verschil.');
  return `${r.join('\n')}\n`;
}

export function vergelijkingJson(v: Vergelijking, signalen: Signaal[] = [], c: VergelijkContext = {}) {
  const s = (d?: Decimal, dp = 2) => (d === undefined ? null : d.toFixed(dp));
  const perSleutel = new Map(v.tarieven.map((t) => [t.sleutel, t]));
  return {
    basis: { ...v.basis, ...(c.basisLabel ? { label: c.basisLabel } : {}) },
    nieuw: { ...v.nieuw, ...(c.nieuwLabel ? { label: c.nieuwLabel } : {}) },
    samenvatting: {
      parameters: v.parameters.length,
      tarieven: v.tarieven.length,
      ongewijzigd: v.ongewijzigd,
      productenNieuw: v.productenNieuw,
      productenVervallen: v.productenVervallen,
      statusWijzigingen: v.statusWijzigingen.length,
      ...(c.publicatieBezwaren !== undefined ? { publicatieBezwaren: c.publicatieBezwaren } : {}),
      gerangschikt: v.naarBegroting ? 'begrotingseffect' : 'verandering_voor_afronding',
    },
    index: {
      basis: v.index.basis ? { jaar: v.index.basis.jaar, percentages: v.index.basis.percentages.map((p) => ({ index: p.index.toFixed(), producten: p.producten })) } : null,
      nieuw: v.index.nieuw ? { jaar: v.index.nieuw.jaar, percentages: v.index.nieuw.percentages.map((p) => ({ index: p.index.toFixed(), producten: p.producten })) } : null,
    },
    controletotalen: v.controletotalen.map((x) => ({ product: x.product, variant: x.variant, oud: s(x.oud), nieuw: s(x.nieuw) })),
    signalen,
    parameters: v.parameters.map((p) => {
      const e = effectVan(p, perSleutel);
      return { pad: p.pad, oud: p.oud ?? null, nieuw: p.nieuw ?? null, tarieven: p.tarieven, delta_procent_min: s(e.min, 4), delta_procent_max: s(e.max, 4) };
    }),
    status_en_bron: v.statusWijzigingen.map((p) => ({ pad: p.pad, soort: p.soort, oud: p.oud ?? null, nieuw: p.nieuw ?? null })),
    tarieven: v.tarieven.map((t) => ({
      product: t.product,
      productnaam: t.productnaam,
      variant: t.variant,
      eenheid: t.eenheid,
      soort: t.soort,
      oud: s(t.oud),
      nieuw: s(t.nieuw),
      delta: s(t.delta),
      delta_procent: s(t.deltaProcent, 4),
      delta_procent_voor_afronding: s(t.deltaOnafgerond, 4),
      ...(t.perUur ? { per_uur: { oud: s(t.perUur.oud), nieuw: s(t.perUur.nieuw) } } : {}),
      ...(t.begrotingseffect ? { begrotingseffect: s(t.begrotingseffect) } : {}),
      oorzaken: t.oorzaken,
    })),
  };
}
