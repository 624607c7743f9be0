/**
 * Limits that no real parameter set reaches (the largest file of the standard set is 13 kB, its deepest
 * indentation 10 columns, its longest line 179 characters). They keep the reader linear and its memory
 * small when a set is broken or hostile; each one is refused with its own positioned message.
 * README.md ("Grenzen en robuustheid") lists them.
 */
export const GRENZEN = {
  /** bytes per YAML file */
  bestandsgrootte: 256 * 1024,
  /** characters before the content of a line (spaces plus block indicators such as "- ") */
  inspringing: 120,
  /** nesting of [ ] and { } */
  haakjesdiepte: 32,
  /** characters in one value or key */
  tekstlengte: 10_000,
  /**
   * characters of one word (a run without spaces) in a text: the PDF layout breaks an over-long word letter
   * by letter, in time that grows with the square of its length (a 5 000-character word in a product name
   * adds 11 s to the productenboek). The longest word in the standard set is a URL of 172 characters.
   */
  woordlengte: 300,
  /** characters of a file line shown in a message (the rest is elided) */
  fragment: 200,
  /** characters of a found value echoed in a message */
  gevonden: 120,
  /** duplicate keys reported one by one per file; the rest in one closing message */
  dubbeleSleutels: 10,
  /** characters compared for a "bedoelde u …?" suggestion */
  suggestielengte: 64,
  /** digits before the decimal point of a number */
  cijfersVoorDePunt: 9,
  /** digits after the decimal point of a number */
  cijfersNaDePunt: 10,
} as const;

/** characters of each text of a message (melding, verwacht, gevonden, hint) */
export const MELDINGLENGTE = 600;

/**
 * A message with every text bounded: whatever a set contains, a message stays a few lines and the frame
 * line stays short. Applied where problems leave the parameter layer and where the CLI prints them.
 */
export function begrensd<P extends { melding: string; verwacht?: string; gevonden?: string; hint?: string; fragment?: string; kolom: number }>(p: P): P {
  const lang = (t: string | undefined) => t !== undefined && t.length > MELDINGLENGTE;
  const frag = p.fragment !== undefined && p.fragment.length > Math.max(GRENZEN.fragment, p.kolom + 40) + 1;
  // a value of only spaces (or nothing) would print as an empty "gevonden:"
  const onzichtbaar = p.gevonden !== undefined && p.gevonden.trim() === '';
  if (!lang(p.melding) && !lang(p.verwacht) && !lang(p.gevonden) && !lang(p.hint) && !frag && !onzichtbaar) return p;
  const q = { ...p, melding: ingekort(p.melding, MELDINGLENGTE) };
  if (p.verwacht !== undefined) q.verwacht = ingekort(p.verwacht, MELDINGLENGTE);
  if (p.gevonden !== undefined) q.gevonden = onzichtbaar ? `'${ingekort(p.gevonden, 20)}' (${p.gevonden === '' ? 'niets' : 'alleen spaties'})` : ingekort(p.gevonden, MELDINGLENGTE);
  if (p.hint !== undefined) q.hint = ingekort(p.hint, MELDINGLENGTE);
  if (frag) q.fragment = `${p.fragment!.slice(0, Math.max(GRENZEN.fragment, p.kolom + 40))}…`;
  return q;
}

/** A short excerpt of a long text for a message: the start, then how long the whole is. */
export function ingekort(s: string, max: number = GRENZEN.gevonden): string {
  if (s.length <= max) return s;
  // never cut a surrogate pair in two
  const eind = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return `${s.slice(0, eind)}… (${duizendtallen(s.length)} tekens)`;
}

/** 1234567 → 1.234.567, the same on every machine (no locale). */
export function duizendtallen(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
