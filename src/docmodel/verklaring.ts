/** `verklaar`: the opbouw of one tariff as a readable tree. Pure text. */
import type { Stap, Tarief, Tarievenplan } from '../model/types.ts';
import { EENHEID_TEKST, euro, euroTarief, getal } from '../shared/format.ts';
import type { Decimal } from '../shared/decimal.ts';

export function waardeTekst(d: Decimal, eenheid: string): string {
  if (eenheid.startsWith('euro')) return `${euro(d)} ${EENHEID_TEKST[eenheid] ?? ''}`.trimEnd();
  if (eenheid === 'uren_per_jaar') return `${getal(d, 1)} uur per jaar`;
  return `${getal(d, 2)} ${EENHEID_TEKST[eenheid] ?? eenheid}`.trimEnd();
}

/** A parameter's value as the documents print it; a percentage with at least `decimalen` decimals (more when the value has them). */
export function paramWaarde(p: Stap['parameters'][number], decimalen = 0): string {
  if (p.eenheid === 'procent') return `${getal(p.waarde, Math.max(decimalen, p.waarde.decimalPlaces()))} %`;
  if (p.eenheid.startsWith('euro')) return waardeTekst(p.waarde, p.eenheid);
  if (p.weergave) return p.weergave;
  return `${getal(p.waarde, Math.max(0, p.waarde.decimalPlaces()))} ${EENHEID_TEKST[p.eenheid] ?? p.eenheid}`.trimEnd();
}

export function verklaar(plan: Tarievenplan, t: Tarief): string {
  const regels: string[] = [];
  const perUur = t.tariefPerUur ? ` (${euroTarief(t.tariefPerUur)} per uur)` : '';
  regels.push(`${t.product} ${t.productnaam}`);
  regels.push(`variant ${t.variant}${t.cao ? `, CAO ${t.cao}` : ''} · ${plan.model.naam} · tariefjaar ${plan.model.tariefjaar} · peildatum ${plan.model.peildatum}`);
  regels.push(`tarief: ${euroTarief(t.tarief)} per ${t.eenheid} (iStandaard-eenheid ${t.eenheidCode})${perUur} · status ${t.status}`);
  regels.push('');
  regels.push('Opbouw (tussenwaarden afgerond weergegeven; het model rekent exact en rondt alleen af bij de stap afronding):');
  let groep = '';
  for (const s of t.opbouw) {
    const m = /^personeel\.([^.]+)\./.exec(s.stap);
    const g = m ? `personeel ${m[1]}` : '';
    if (g !== groep) {
      groep = g;
      if (g) regels.push(`  ${g}`);
    }
    const inspring = g ? '    ' : '  ';
    regels.push(`${inspring}${s.label}: ${waardeTekst(s.waarde, s.eenheid)}`);
    regels.push(`${inspring}  = ${s.formule}`);
    for (const p of s.parameters) {
      regels.push(`${inspring}  · ${p.pad} = ${paramWaarde(p)} [${p.status}] ${p.bestand}:${p.regel}`);
      regels.push(`${inspring}      bron: ${p.bron}`);
    }
    if (s.kostenelementen.length) regels.push(`${inspring}  kostenelement: ${s.kostenelementen.join('; ')}`);
  }
  return `${regels.join('\n')}\n`;
}

export function tarievenTekst(plan: Tarievenplan): string {
  const rijen = plan.tarieven.map((t) => [t.product, t.productnaam, t.variant, t.eenheid, euroTarief(t.tarief), t.tariefPerUur ? euroTarief(t.tariefPerUur) : '', t.status]);
  const kop = ['code', 'product', 'variant', 'eenheid', 'tarief', 'per uur', 'status'];
  const breedte = kop.map((k, i) => Math.max(k.length, ...rijen.map((r) => r[i]!.length)));
  const rechts = new Set([4, 5]);
  const regel = (r: string[]) => r.map((c, i) => (rechts.has(i) ? c.padStart(breedte[i]!) : c.padEnd(breedte[i]!))).join('  ').trimEnd();
  return [`${plan.model.naam} · tariefjaar ${plan.model.tariefjaar} · ${plan.tarieven.length} tarieven`, '', regel(kop), regel(breedte.map((b) => '-'.repeat(b))), ...rijen.map(regel), ''].join('\n');
}
