/**
 * May these documents be published? Every value the tariffs and documents
 * use must be vastgesteld and have a source, and the controletotalen must
 * hold. Returns every reason at once, each with its file and line.
 */
import type { ParameterSet } from '../params/types.ts';
import { controleerTotalen } from './controle.ts';
import type { ModelProbleem, Tarievenplan } from './types.ts';
import { vergelijkTekst } from '../shared/sorteer.ts';

export interface Bezwaar extends ModelProbleem {
  soort: 'status' | 'bron' | 'controletotaal';
}

export function publicatieBezwaren(set: ParameterSet, plan: Tarievenplan): Bezwaar[] {
  const uit: Bezwaar[] = [];
  const gezien = new Set<string>();
  const toets = (pad: string, status: string, bron: string, h: { bestand: string; regel: number; kolom: number }) => {
    const plek = { bestand: h.bestand, regel: h.regel, kolom: h.kolom };
    const sleutel = `${pad}|${plek.bestand}|${plek.regel}|${plek.kolom}`;
    if (gezien.has(sleutel)) return;
    gezien.add(sleutel);
    if (status !== 'vastgesteld') uit.push({ soort: 'status', ...plek, melding: `${pad} heeft status ${status}`, hint: 'een gepubliceerd document gebruikt alleen vastgestelde waarden' });
    if (!bron.trim()) uit.push({ soort: 'bron', ...plek, melding: `${pad} heeft geen bron`, hint: 'geef bij elke waarde een bron' });
  };
  for (const t of plan.tarieven) for (const s of t.opbouw) for (const p of s.parameters) toets(p.pad, p.status, p.bron, p);
  if (set.inkoop) {
    const p = set.inkoop.noShow.maximaleClientbijdrage;
    const w = p.reeks.find((x) => x.van <= set.peildatum && set.peildatum <= x.tot);
    if (w) toets(p.pad, w.status, w.bron.titel, w.herkomst);
  }
  for (const c of controleerTotalen(set, plan)) uit.push({ soort: 'controletotaal', ...c });
  return uit.sort((a, b) => vergelijkTekst(a.bestand, b.bestand) || a.regel - b.regel || a.kolom - b.kolom || vergelijkTekst(a.melding, b.melding));
}
