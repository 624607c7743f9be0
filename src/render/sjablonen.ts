/**
 * Templates: Markdown with Handlebars placeholders → document blocks.
 * Strict: an unknown placeholder, helper or block, or an empty value given to
 * a helper, is an error naming the template file and line. Values are
 * Markdown-escaped before they reach the template, so text from the set can
 * never turn into markup.
 */
import Handlebars from 'handlebars';
import { marked, type Token, type Tokens } from 'marked';
import { Decimal } from '../shared/decimal.ts';
import { getal } from '../shared/format.ts';
import { datumTekst } from '../shared/datum.ts';
import type { Probleem } from '../shared/problems.ts';
import type { Blok, Tekst } from '../docmodel/document.ts';

export interface Sjabloon {
  /** Path as shown in messages, e.g. templates/productenboek.md.hbs */
  bestand: string;
  tekst: string;
}

/** Blocks a template may ask for with {{blok "naam" argument}}: name → allowed arguments (null: none). */
export type ToegestaneBlokken = Record<string, readonly string[] | null>;

export class SjabloonFout extends Error {
  constructor(readonly probleem: Probleem) {
    super(`${probleem.bestand}:${probleem.regel}: ${probleem.melding}`);
  }
}

/** Every ASCII punctuation character: CommonMark lets a backslash make each of them literal. */
const MD_TEKENS = /[!-/:-@[-`{-~]/g;
const MD_ONTSNAPT = /\\([!-/:-@[-`{-~])/g;

/**
 * A value from the set as Markdown that reads as exactly that text: line breaks (with the white space around them)
 * become one space, white space at the ends goes (it would indent into a code block or undo **bold**), and every
 * ASCII punctuation character is backslash-escaped, so no list number ("3. Alleen voor"), rule (---), heading, table
 * bar, emphasis, HTML, entity (&amp;) or link (https://…, www.…, a@b.nl) can arise from it.
 */
export function mdTekst(v: string): string {
  return mdNormaal(v).replace(MD_TEKENS, (c) => `\\${c}`);
}

/** The text a value becomes in a document: what mdTekst keeps of it. */
export function mdNormaal(v: string): string {
  return v.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ').trim();
}

/** Undoes mdTekst for a helper that reads the value itself (a number, a date, a block argument). */
function ontsnap(v: unknown): unknown {
  return typeof v === 'string' ? v.replace(MD_ONTSNAPT, '$1') : v;
}

/** Escapes Markdown in every string of a view model; decimals and other values pass unchanged. */
export function mdVeilig(v: unknown): unknown {
  if (typeof v === 'string') return mdTekst(v);
  if (Array.isArray(v)) return v.map(mdVeilig);
  if (v && typeof v === 'object' && !Decimal.isDecimal(v)) return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, mdVeilig(w)]));
  return v;
}

function alsDecimal(w: unknown): Decimal | undefined {
  const v = ontsnap(w);
  if (Decimal.isDecimal(v)) return v as Decimal;
  if (typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))) return new Decimal(v);
  return undefined;
}

interface HelperOpties {
  name: string;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
  fn?: (ctx: unknown) => string;
  inverse?: (ctx: unknown) => string;
  hash?: Record<string, unknown>;
}

/**
 * Renders one template with a view model into blocks. Block requests become
 * { soort: 'invoegen' } markers that the document builder resolves.
 */
export function renderSjabloon(sjabloon: Sjabloon, view: object, toegestaan: ToegestaneBlokken): Blok[] {
  const regels = sjabloon.tekst.split(/\r?\n/);
  const fout = (regel: number, kolom: number, melding: string, extra: Partial<Probleem> = {}): never => {
    throw new SjabloonFout({ ernst: 'fout', bestand: sjabloon.bestand, regel, kolom, melding, fragment: regels[regel - 1] ?? '', ...extra });
  };
  const plek = (o: HelperOpties) => ({ regel: o.loc?.start.line ?? 1, kolom: (o.loc?.start.column ?? 0) + 1 });
  const leeg = (o: HelperOpties, wat: string): never => {
    const { regel, kolom } = plek(o);
    return fout(regel, kolom, `de waarde bij ${o.name} bestaat niet of is leeg`, {
      verwacht: wat,
      gevonden: 'niets (een plaatshouder met een tikfout, of een waarde die deze set niet heeft)',
      hint: 'controleer de spelling van de plaatshouder; een waarde die kan ontbreken zet u tussen {{#if …}} en {{/if}}',
    });
  };

  const hb = Handlebars.create();
  hb.unregisterHelper('lookup');
  hb.unregisterHelper('log');
  hb.unregisterHelper('blockHelperMissing');
  for (const naam of ['if', 'unless', 'each', 'with'] as const) {
    const origineel = hb.helpers[naam]! as (...a: unknown[]) => unknown;
    hb.registerHelper(naam, function (this: unknown, ...args: unknown[]) {
      const o = args[args.length - 1] as HelperOpties;
      if (args.length < 2 || args[0] === undefined) leeg(o, `een waarde uit de set na #${naam}`);
      return origineel.apply(this, args);
    });
  }
  const getalHelper = (naam: string, opmaak: (d: Decimal, args: unknown[], o: HelperOpties) => string) =>
    hb.registerHelper(naam, (...args: unknown[]) => {
      const o = args[args.length - 1] as HelperOpties;
      const v = args[0];
      if (args.length < 2 || v === undefined || v === null) return leeg(o, 'een getal uit de set');
      const d = alsDecimal(v);
      if (!d) {
        const { regel, kolom } = plek(o);
        return fout(regel, kolom, `${naam} kreeg geen getal`, { verwacht: 'een getal uit de set', gevonden: String(v), hint: `${naam} maakt een getal op; gebruik een plaatshouder die een bedrag of percentage bevat` });
      }
      return opmaak(d, args.slice(1, -1), o);
    });
  /** An optional second argument fixes the number of decimals: {{procent index 2}} gives 6,30 %. */
  const decimalen = (d: Decimal, args: unknown[], naam: string, o: HelperOpties): number => {
    if (args.length === 0) return Math.max(0, d.decimalPlaces());
    const n = args[0];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 10) {
      const { regel, kolom } = plek(o);
      return fout(regel, kolom, `${naam} kreeg een ongeldig aantal decimalen`, { verwacht: 'een heel getal van 0 tot en met 10, zoals {{procent index 2}}', gevonden: String(n), hint: 'het tweede getal is het aantal decimalen; laat het weg om de waarde te tonen zoals hij in de set staat' });
    }
    return n;
  };
  getalHelper('euro', (d) => `€ ${getal(d, 2)}`);
  getalHelper('procent', (d, args, o) => `${getal(d, decimalen(d, args, 'procent', o))} %`);
  getalHelper('getal', (d, args, o) => getal(d, decimalen(d, args, 'getal', o)));
  getalHelper('jaar', (d) => `${getal(d, 0)} jaar`);
  hb.registerHelper('datum', (...args: unknown[]) => {
    const o = args[args.length - 1] as HelperOpties;
    const v = ontsnap(args[0]);
    if (args.length < 2 || v === undefined || v === null) return leeg(o, 'een datum uit de set');
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const { regel, kolom } = plek(o);
      return fout(regel, kolom, 'datum kreeg geen datum', { verwacht: 'een datum als 2027-01-01', gevonden: String(v), hint: 'gebruik een plaatshouder die een datum bevat' });
    }
    return datumTekst(v);
  });
  hb.registerHelper('opsomming', (...args: unknown[]) => {
    const o = args[args.length - 1] as HelperOpties;
    const v = args[0];
    if (args.length < 2 || !Array.isArray(v)) return leeg(o, 'een lijst uit de set');
    const l = v.map(String);
    return l.length <= 1 ? (l[0] ?? '') : `${l.slice(0, -1).join(', ')} en ${l[l.length - 1]}`;
  });

  const invoegingen: { naam: string; argument?: string; regel: number }[] = [];
  hb.registerHelper('blok', (...args: unknown[]) => {
    const o = args[args.length - 1] as HelperOpties;
    const { regel, kolom } = plek(o);
    if (!/^\{\{~?\s*blok\s[^{}]*~?\}\}$/.test((regels[regel - 1] ?? '').trim())) {
      return fout(regel, kolom, `{{blok …}} staat niet op een eigen regel`, { hint: 'een blok is een tabel uit het model; zet {{blok …}} alleen op een regel, met een lege regel erboven en eronder' });
    }
    const naam = args[0];
    const namen = Object.keys(toegestaan);
    if (typeof naam !== 'string' || !(naam in toegestaan)) {
      const s = typeof naam === 'string' ? namen.find((n) => n.toLowerCase() === naam.toLowerCase() || n.startsWith(naam.slice(0, 4))) : undefined;
      return fout(regel, kolom, `onbekend blok ${typeof naam === 'string' ? `'${naam}'` : ''}`.trimEnd(), {
        verwacht: `een van: ${namen.map((n) => `"${n}"`).join(', ')}`,
        gevonden: String(naam),
        hint: s ? `bedoelde u "${s}"?` : 'een blok is een tabel uit het model; dit document kent alleen de blokken hierboven',
      });
    }
    const argumenten = toegestaan[naam];
    const ruw = args.length > 2 ? args[1] : undefined;
    const arg = ontsnap(ruw);
    if (argumenten === null && arg !== undefined) return fout(regel, kolom, `blok "${naam}" heeft geen argument`, { verwacht: `{{blok "${naam}"}}`, gevonden: String(arg) });
    if (argumenten && (typeof arg !== 'string' || !argumenten.includes(arg))) {
      return fout(regel, kolom, `blok "${naam}" met ${arg === undefined ? 'geen' : `onbekend`} argument`, {
        verwacht: `een van: ${argumenten.slice(0, 12).join(', ')}${argumenten.length > 12 ? ', …' : ''}`,
        gevonden: arg === undefined ? 'niets' : String(arg),
        hint: 'binnen {{#each …}} geeft u meestal het id van het element mee, zoals {{blok "producten" id}}',
      });
    }
    invoegingen.push({ naam, ...(typeof arg === 'string' ? { argument: arg } : {}), regel });
    return `\n\n[[blok-${invoegingen.length - 1}]]\n\n`;
  });

  let markdown: string;
  try {
    const f = hb.compile(sjabloon.tekst, {
      strict: true,
      noEscape: true,
      knownHelpersOnly: true,
      knownHelpers: { euro: true, procent: true, getal: true, jaar: true, datum: true, opsomming: true, blok: true },
    });
    markdown = f(mdVeilig(view));
  } catch (e) {
    if (e instanceof SjabloonFout) throw e;
    const m = e instanceof Error ? e.message : String(e);
    const err = e as { lineNumber?: number; column?: number };
    const parse = /^Parse error on line (\d+):/.exec(m);
    const regel = err.lineNumber ?? (parse ? Number(parse[1]) : 1);
    const kolom = (err.column ?? 0) + 1;
    const onbekend = /^"(.+)" not defined in/.exec(m);
    if (onbekend) {
      return fout(regel, kolom, `onbekende plaatshouder '${onbekend[1]}'`, {
        verwacht: 'een naam uit de gegevens van dit document (zie templates/README.md)',
        gevonden: onbekend[1]!,
        hint: 'controleer de spelling; binnen {{#each …}} verwijst u met ../naam naar het blok erboven',
      });
    }
    const helper = /unknown helper (\S+)/.exec(m);
    if (helper) {
      return fout(regel, kolom, `onbekende helper '${helper[1]}'`, {
        verwacht: 'euro, procent, getal, jaar, datum, opsomming, blok, of #if, #unless, #each, #with',
        gevonden: helper[1]!,
        hint: 'een helper staat direct na {{, zoals {{euro bedrag}}',
      });
    }
    if (parse) {
      return fout(regel, 1, 'de plaatshouders kloppen niet (Handlebars kan het sjabloon niet lezen)', {
        gevonden: m.split('\n').slice(-1)[0]!.replace(/^Expecting .*, got /, 'onverwacht: '),
        hint: 'elke {{ sluit met }}, elke {{#if}} met {{/if}} en elke {{#each}} met {{/each}}',
      });
    }
    const sluit = /(\S+) doesn't match (\S+)/.exec(m);
    if (sluit) {
      const i = regels.findIndex((r, k) => k >= regel - 1 && r.includes(`{{/${sluit[2]}`));
      return fout(i >= 0 ? i + 1 : regel, 1, `{{/${sluit[2]}}} sluit {{#${sluit[1]}}} niet af`, { hint: `schrijf {{/${sluit[1]}}}; het blok begint op regel ${regel}` });
    }
    return fout(regel, kolom, `het sjabloon kan niet worden gevuld: ${m}`);
  }
  return naarBlokken(marked.lexer(markdown), sjabloon, regels, invoegingen, fout);
}

type Fout = (regel: number, kolom: number, melding: string, extra?: Partial<Probleem>) => never;

function regelVan(raw: string, regels: string[]): number {
  const stuk = raw.trim().split('\n')[0]!.slice(0, 40);
  if (!stuk) return 1;
  const i = regels.findIndex((r) => r.includes(stuk));
  return i >= 0 ? i + 1 : 1;
}

function naarBlokken(tokens: Token[], sjabloon: Sjabloon, regels: string[], invoegingen: { naam: string; argument?: string; regel: number }[], fout: Fout): Blok[] {
  const blokken: Blok[] = [];
  const nietOndersteund = (tok: { raw: string }, wat: string, hint: string): never => fout(regelVan(tok.raw, regels), 1, `${wat} wordt in een document niet ondersteund`, { gevonden: tok.raw.trim().split('\n')[0], hint });

  const inline = (toks: Token[] | undefined, opmaak: Omit<Tekst, 'tekst'> = {}): Tekst[] => {
    const uit: Tekst[] = [];
    for (const tok of toks ?? []) {
      switch (tok.type) {
        case 'text':
          if ('tokens' in tok && tok.tokens?.length) uit.push(...inline(tok.tokens, opmaak));
          else uit.push({ tekst: tok.text.replace(/\n/g, ' '), ...opmaak });
          break;
        case 'escape':
          uit.push({ tekst: tok.text, ...opmaak });
          break;
        case 'strong':
          uit.push(...inline((tok as Tokens.Strong).tokens, { ...opmaak, vet: true }));
          break;
        case 'em':
          uit.push(...inline((tok as Tokens.Em).tokens, { ...opmaak, cursief: true }));
          break;
        case 'codespan':
          uit.push({ tekst: tok.text, ...opmaak, code: true });
          break;
        case 'link':
          uit.push(...inline((tok as Tokens.Link).tokens, { ...opmaak, link: (tok as Tokens.Link).href }));
          break;
        case 'br':
          uit.push({ tekst: '\n', ...opmaak });
          break;
        default:
          nietOndersteund(tok, `opmaak '${tok.type}'`, 'gebruik **vet**, *cursief*, `code` of [tekst](adres)');
      }
    }
    for (const t of uit) {
      const m = /\[\[blok-(\d+)\]\]/.exec(t.tekst);
      if (m) {
        const inv = invoegingen[Number(m[1])]!;
        fout(inv.regel, 1, `{{blok "${inv.naam}"}} staat niet op een eigen regel`, { hint: 'een blok is een tabel; zet {{blok …}} op een regel zonder andere tekst, met een lege regel erboven en eronder' });
      }
    }
    // merge neighbours with the same style
    const samen: Tekst[] = [];
    for (const t of uit) {
      const vorige = samen[samen.length - 1];
      if (vorige && vorige.vet === t.vet && vorige.cursief === t.cursief && vorige.code === t.code && vorige.link === t.link) vorige.tekst += t.tekst;
      else samen.push({ ...t });
    }
    return samen;
  };

  for (const tok of tokens) {
    switch (tok.type) {
      case 'space':
        break;
      case 'heading': {
        const h = tok as Tokens.Heading;
        if (h.depth > 3) nietOndersteund(tok, `kop van niveau ${h.depth}`, 'gebruik #, ## of ###');
        blokken.push({ soort: 'kop', niveau: h.depth as 1 | 2 | 3, tekst: inline(h.tokens).map((x) => x.tekst).join(''), inhoud: h.depth <= 2, ...(h.depth === 1 ? { nieuwePagina: true } : {}) });
        break;
      }
      case 'paragraph': {
        const m = /^\[\[blok-(\d+)\]\]$/.exec(tok.text.trim());
        if (m) {
          const inv = invoegingen[Number(m[1])]!;
          blokken.push({ soort: 'invoegen', naam: inv.naam, ...(inv.argument !== undefined ? { argument: inv.argument } : {}), bestand: sjabloon.bestand, regel: inv.regel });
        } else blokken.push({ soort: 'alinea', inhoud: inline((tok as Tokens.Paragraph).tokens) });
        break;
      }
      case 'text':
        blokken.push({ soort: 'alinea', inhoud: inline((tok as Tokens.Text).tokens ?? [{ type: 'text', raw: tok.raw, text: tok.text } as Token]) });
        break;
      case 'list': {
        const l = tok as Tokens.List;
        blokken.push({ soort: 'lijst', genummerd: l.ordered, items: l.items.map((item) => naarBlokken(item.tokens, sjabloon, regels, invoegingen, fout)) });
        break;
      }
      case 'table': {
        const tb = tok as Tokens.Table;
        blokken.push({
          soort: 'tabel',
          kolommen: tb.header.map((c, i) => ({ kop: inline(c.tokens).map((x) => x.tekst).join(''), breedte: i === 0 ? 'auto' : '*', ...(tb.align[i] === 'right' ? { rechts: true } : {}) })),
          rijen: tb.rows.map((r) => ({ cellen: r.map((c) => [inline(c.tokens)]) })),
        });
        break;
      }
      case 'blockquote':
        blokken.push({ soort: 'kader', blokken: naarBlokken((tok as Tokens.Blockquote).tokens, sjabloon, regels, invoegingen, fout) });
        break;
      case 'hr':
        blokken.push({ soort: 'regel' });
        break;
      case 'html':
        if (/^\s*<!--[\s\S]*-->\s*$/.test(tok.raw)) break;
        nietOndersteund(tok, 'HTML', 'schrijf Markdown; een opmerking voor de lezer van het sjabloon zet u in {{!-- … --}}');
        break;
      default:
        nietOndersteund(tok, `Markdown-element '${tok.type}'`, 'gebruik koppen, alinea’s, lijsten, tabellen, > kaders en ---');
    }
  }
  return blokken;
}
