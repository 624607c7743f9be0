/**
 * The leak scan of the documents for providers (test/pdf/lezer.test.ts for the concept pack of the default set,
 * test/toegankelijkheid/publicatie.test.ts for the published pack): what a provider must never read, and the
 * text a reader sees of an HTML page or a workbook. The spelling rules (cliëntgebonden, no-show, cao) cover all three.
 */
/** What a provider must never read, with the reason; each pattern is tried on the text with URLs removed. */
export const LEKKEN: [RegExp, string][] = [
  [/\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b/, 'snake_case-naam'],
  [/\S+\.ya?ml\b(?!#L\d)/, 'bestandsnaam zonder link naar de gepubliceerde set'],
  [/\b[\w/-]+\.\w+:\d+/, 'bestand:regel'],
  [/(^|\s)--[a-z]/, 'opdrachtregeloptie'],
  [/\bmodels\//, 'pad in de repository'],
  [/\b(npx|tariefbouw (genereer|indexeer|controleer))\b/, 'commando'],
  [/\b(opslagen|varianten|inkoop|cao|producten|productiviteit|afronding|model|indexcijfers)\.(?!ya?ml\b)[a-z][\w.[\]-]*/, 'YAML-pad'],
  [/\b[Cc]lientgebonden\b/, 'spelling: cliëntgebonden'],
  [/\bno[ -]?show\b(?<!no-show)/i, 'spelling: no-show'],
];

/**
 * The begrippenlijst's spelling of cao (cao-toeslagen, per cao; "Cao" only opens a sentence or a sheet name), for
 * the default set's documents: a cao's own name in another set (a test set's "CAO Alfa") is that set's text.
 */
export const SPELLING_CAO: [RegExp, string] = [/\bCAO/, 'spelling: cao'];

/** Every leak in a text, as 'document: reason: «context»'. The set's own URL may be wrapped over lines. */
export function lekken(naam: string, tekst: string, url?: string, extra: [RegExp, string][] = []): string[] {
  const uit: string[] = [];
  const gewikkeld = url ? new RegExp([...url].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s*'), 'g') : undefined;
  const schoon = (gewikkeld ? tekst.replace(gewikkeld, ' ') : tekst).replace(/https?:\/\/\S+/g, ' ').replace(/\bwww\.\S+/g, ' ').replace(/[\w.-]+@[\w.-]+/g, ' ');
  for (const regel of schoon.split('\n')) {
    for (const [re, waarom] of [...LEKKEN, ...extra]) {
      const m = re.exec(regel);
      if (m) uit.push(`${naam}: ${waarom}: «${regel.trim().slice(Math.max(0, m.index - 30), m.index + 40)}»`);
    }
  }
  return uit;
}

/** The text a reader of the HTML edition sees: without style, script and tags, entities decoded. */
export function htmlTekst(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The text of a workbook dump: sheet names and cell values (not the defined names, formulas or formats). */
export function werkboekTekst(dump: string): string {
  return dump
    .split('\n')
    // the defined names, and the column of the tariefbijlage that lists them ("naam in formules"): a formula
    // spells a parameter that way, so the reader sees it in the formulas anyway
    .filter((r) => r && !r.startsWith('naam\t') && !/^Parameters!A\d+\t/.test(r))
    .map((r) => {
      const [cel, waarde] = r.split('\t');
      return `${cel!.slice(0, cel!.lastIndexOf('!'))}\n${waarde ?? ''}`;
    })
    .join('\n');
}
