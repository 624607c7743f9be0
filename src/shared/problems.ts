import { vergelijkTekst } from './sorteer.ts';

/** A problem found in a parameter set, reported to a person in Dutch. */
export interface Probleem {
  ernst: 'fout' | 'waarschuwing';
  bestand: string;
  regel: number;
  kolom: number;
  melding: string;
  verwacht?: string;
  gevonden?: string;
  hint?: string;
  /** The source line the problem points at, for the code frame. */
  fragment?: string;
}

export function sorteerProblemen(ps: Probleem[]): Probleem[] {
  return [...ps].sort(
    (a, b) =>
      vergelijkTekst(a.bestand, b.bestand) || a.regel - b.regel || a.kolom - b.kolom || vergelijkTekst(a.melding, b.melding),
  );
}

/** Renders one problem the way a compiler would: location, rule, expected vs found, hint. */
export function formatProbleem(p: Probleem): string {
  const regels = [`${p.bestand}:${p.regel}:${p.kolom}: ${p.ernst}: ${p.melding}`];
  if (p.fragment !== undefined) {
    const nr = String(p.regel);
    regels.push(`  ${nr} | ${p.fragment}`);
    regels.push(`  ${' '.repeat(nr.length)} | ${' '.repeat(Math.max(0, p.kolom - 1))}^`);
  }
  if (p.verwacht !== undefined) regels.push(`  verwacht: ${p.verwacht}`);
  if (p.gevonden !== undefined) regels.push(`  gevonden: ${p.gevonden}`);
  if (p.hint !== undefined) regels.push(`  hint: ${p.hint}`);
  return regels.join('\n');
}

export function formatProblemen(ps: Probleem[]): string {
  const fouten = ps.filter((p) => p.ernst === 'fout').length;
  const waarsch = ps.length - fouten;
  const kop = sorteerProblemen(ps).map(formatProbleem).join('\n\n');
  const telling = [
    fouten ? `${fouten} ${fouten === 1 ? 'fout' : 'fouten'}` : '',
    waarsch ? `${waarsch} ${waarsch === 1 ? 'waarschuwing' : 'waarschuwingen'}` : '',
  ]
    .filter(Boolean)
    .join(' en ');
  return `${kop}\n\n${telling}.`;
}

/** Thrown by the loader when a set has errors; carries every problem at once. */
export class ParametersetFout extends Error {
  constructor(readonly problemen: Probleem[]) {
    super(`parameterset bevat ${problemen.filter((p) => p.ernst === 'fout').length} fout(en)`);
  }
}
