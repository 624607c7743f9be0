/**
 * The HTML edition of a document: the same document model as the PDF, written as one self-contained,
 * accessible page (WCAG 2.1 AA): lang="nl", one h1 and headings without skipped levels, a skip link, a
 * table of contents with links, tables with a caption and header cells with scope, a layout that reflows
 * at 200 % zoom and on a phone, and print styles. No external assets and no script, so it works offline
 * and on a region's website. The publication PDF is this page printed in Chromium (publicatie.ts).
 * Pure string building: the same document gives the same bytes.
 */
import { kaftFeiten, type Blok, type Cel, type Document, type Rij, type Tekst } from '../docmodel/document.ts';
import { datumTekst } from '../shared/datum.ts';

export interface HtmlOpties {
  /** Extra CSS after the house style, e.g. embedded fonts for printing. */
  extraCss?: string;
  /** For the index page: the other files of the document (e.g. the PDF), as [label, file name]. */
  naast?: [string, string][];
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** "Productenboek" or "Addendum Zorgboerderij": the title with its subtitle. */
export function korteTitel(doc: Document): string {
  return `${doc.titel}${doc.ondertitel ? ` ${doc.ondertitel}` : ''}`;
}

/** The running header text of the printed edition. */
export function kopregelTekst(doc: Document): string {
  return `${korteTitel(doc)} · ${doc.regio} ${doc.tariefjaar}`;
}

const CSS = `
:root{--tekst:#1d1d1b;--kop:#17365d;--grijs:#55595e;--lijn:#c8ccd2;--kopvlak:#e3e9f1;--nadruk:#f1f3f6;--rood:#a0001c;--link:#1f4e9b}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;font-size:1rem;line-height:1.5;color:var(--tekst);background:#fff}
.pagina{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.sprong{position:absolute;left:-999rem;top:0;background:#fff;color:var(--link);padding:.5rem 1rem;border:2px solid var(--link);z-index:10}
.sprong:focus{left:1rem;top:1rem}
a{color:var(--link)}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid #c25e00;outline-offset:2px}
h1,h2,h3,h4,h5{color:var(--kop);line-height:1.25;overflow-wrap:break-word}
h1{font-size:2rem;margin:.5rem 0 .25rem}
h2{font-size:1.5rem;margin:2.25rem 0 .75rem;padding-top:.5rem;border-top:2px solid var(--kopvlak)}
h3{font-size:1.2rem;margin:1.75rem 0 .5rem}
h4{font-size:1.05rem;margin:1.25rem 0 .4rem}
h5{font-size:1rem;margin:1rem 0 .3rem}
p{margin:0 0 .75rem}
.klein{font-size:.875rem;color:var(--grijs)}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.9em;background:#eceff3;padding:0 .2em;overflow-wrap:anywhere}
.concept{border:2px solid var(--rood);color:var(--rood);font-weight:700;padding:.5rem .75rem;margin:.5rem 0 1rem}
.kaft .ondertitel{font-size:1.25rem;color:var(--kop);margin:0 0 .25rem}
.kaft .opdrachtgever{color:var(--grijs);margin:0}
.feiten{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem;margin:1rem 0}
.feiten dt{font-weight:700;color:var(--grijs)}
.feiten dd{margin:0;overflow-wrap:anywhere}
.status{border:1px solid var(--lijn);padding:.5rem .75rem;margin:1rem 0}
.status.is-concept{border-color:var(--rood);color:var(--rood)}
nav.inhoud{background:var(--nadruk);padding:.5rem 1.25rem 1rem;margin:1.5rem 0}
nav.inhoud h2{border:0;margin-top:.5rem}
nav.inhoud ol{list-style:none;padding-left:0;margin:0}
nav.inhoud ol ol{padding-left:1.25rem}
nav.inhoud li{margin:.2rem 0}
.tabelvak{overflow-x:auto;margin:.5rem 0 1.25rem;max-width:100%}
table{border-collapse:collapse;font-size:.9rem;line-height:1.35;min-width:50%}
caption{text-align:left;font-weight:700;color:var(--kop);padding:.25rem 0;caption-side:top}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--lijn);text-align:left;vertical-align:top}
thead th{background:var(--kopvlak);color:var(--kop);border-bottom:2px solid var(--kop)}
tbody th{font-weight:400}
.rechts{text-align:right;font-variant-numeric:tabular-nums}
.geen-terugloop{white-space:nowrap}
tr.nadruk th,tr.nadruk td{font-weight:700;background:var(--nadruk)}
th.tussenkop{font-weight:700;background:var(--nadruk)}
.velden{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem 1rem;margin:.5rem 0 1.25rem;padding:.5rem 0;border-top:1px solid var(--lijn);border-bottom:1px solid var(--lijn)}
.velden dt{font-weight:700;color:var(--grijs)}
.velden dd{margin:0}
.kader{border-left:4px solid var(--kop);background:#f3f6fa;padding:.5rem 1rem;margin:.5rem 0 1.25rem}
hr{border:0;border-top:1px solid var(--lijn);margin:1rem 0}
ul,ol{padding-left:1.5rem;margin:0 0 .75rem}
footer.colofon{margin-top:3rem;border-top:1px solid var(--lijn);padding-top:.75rem}
@media (max-width:40rem){
.pagina{padding:.75rem .75rem 2rem}
h1{font-size:1.6rem}
h2{font-size:1.3rem}
.feiten,.velden{grid-template-columns:1fr}
.feiten dd,.velden dd{margin-bottom:.4rem}
}
@media print{
body{font-size:10pt;line-height:1.35}
.pagina{max-width:none;padding:0}
.sprong,footer.colofon{display:none}
a{color:var(--tekst);text-decoration:none}
nav.inhoud a{text-decoration:none}
.kaft{break-after:page}
nav.inhoud{background:none;padding:0;margin:0;break-after:page}
h2,h3,h4,h5{break-after:avoid}
h2.nieuwe-pagina{break-before:page;border-top:0}
.tabelvak{overflow:visible}
table{font-size:9pt;width:100%}
tr,dt,dd{break-inside:avoid}
.klein{font-size:9pt}
code{font-size:9pt}
}
`;

/** Heading ids: readable and unique within the document. */
function slug(tekst: string, gezien: Map<string, number>): string {
  const basis =
    tekst
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'kop';
  const n = (gezien.get(basis) ?? 0) + 1;
  gezien.set(basis, n);
  return n === 1 ? basis : `${basis}-${n}`;
}

interface Kop {
  id: string;
  /** HTML level, 2–5 (the document title is the only h1) */
  niveau: number;
  tekst: string;
  inhoud: boolean;
  nieuwePagina: boolean;
}

/** Model level 1–3 → h2–h4, never more than one level below the previous heading. */
function koppen(blokken: Blok[]): Map<Blok, Kop> {
  const uit = new Map<Blok, Kop>();
  const gezien = new Map<string, number>([['inhoud', 1], ['hoofdinhoud', 1], ['documentgegevens', 1]]);
  let vorige = 1;
  const loop = (lijst: Blok[]) => {
    for (const b of lijst) {
      if (b.soort === 'kop') {
        const niveau = Math.min(b.niveau + 1, vorige + 1);
        vorige = niveau;
        uit.set(b, { id: slug(b.tekst, gezien), niveau, tekst: b.tekst, inhoud: b.inhoud, nieuwePagina: b.nieuwePagina === true });
      } else if (b.soort === 'lijst') b.items.forEach(loop);
      else if (b.soort === 'kader') loop(b.blokken);
    }
  };
  loop(blokken);
  return uit;
}

function tekst(x: Tekst): string {
  let s = esc(x.tekst).replace(/\n/g, '<br>');
  if (x.code) s = `<code>${s}</code>`;
  if (x.cursief) s = `<em>${s}</em>`;
  if (x.vet) s = `<strong>${s}</strong>`;
  if (x.klein) s = `<span class="klein">${s}</span>`;
  if (x.link) s = `<a href="${esc(x.link)}">${s}</a>`;
  return s;
}

const regels = (c: Cel): string => c.map((r) => r.map(tekst).join('')).join('<br>');
const leeg = (c: Cel): boolean => c.every((r) => r.every((x) => !x.tekst.trim()));

interface Ctx {
  koppen: Map<Blok, Kop>;
  /** text of the last heading: the caption of a table without its own title */
  laatsteKop: string;
  tabellen: number;
}

function tabel(b: Extract<Blok, { soort: 'tabel' }>, ctx: Ctx): string {
  const id = `tabel-${++ctx.tabellen}`;
  const klasse = (i: number) => {
    const k = b.kolommen[i];
    const c = [k?.rechts ? 'rechts' : '', k?.geenTerugloop ? 'geen-terugloop' : ''].filter(Boolean).join(' ');
    return c ? ` class="${c}"` : '';
  };
  const kop = `<thead><tr>${b.kolommen.map((k, i) => `<th scope="col"${klasse(i)}>${esc(k.kop)}</th>`).join('')}</tr></thead>`;
  const rij = (r: Rij): string => {
    const cellen = r.cellen.map((c, i) => {
      if (i === 0 && !leeg(c)) return `<th scope="row"${klasse(i)}>${regels(c)}</th>`;
      return `<td${klasse(i)}>${regels(c)}</td>`;
    });
    return `<tr${r.stijl === 'nadruk' ? ' class="nadruk"' : ''}>${cellen.join('')}</tr>`;
  };
  // a group row opens its own tbody, with a header cell for the rows below it
  const groepen: string[] = [];
  let huidig: string[] = [];
  for (const r of b.rijen) {
    if (r.stijl === 'tussenkop') {
      if (huidig.length) groepen.push(`<tbody>${huidig.join('')}</tbody>`);
      huidig = [`<tr><th scope="rowgroup" colspan="${b.kolommen.length}" class="tussenkop">${regels(r.cellen[0] ?? [])}</th></tr>`];
    } else huidig.push(rij(r));
  }
  if (huidig.length) groepen.push(`<tbody>${huidig.join('')}</tbody>`);
  const titel = b.titel ?? ctx.laatsteKop;
  return `<div class="tabelvak" role="region" aria-labelledby="${id}" tabindex="0"><table><caption id="${id}">${esc(titel)}</caption>${kop}${groepen.join('')}</table></div>\n`;
}

function blokken(lijst: Blok[], ctx: Ctx): string {
  return lijst.map((b) => blok(b, ctx)).join('');
}

function blok(b: Blok, ctx: Ctx): string {
  switch (b.soort) {
    case 'kop': {
      const k = ctx.koppen.get(b)!;
      ctx.laatsteKop = b.tekst;
      return `<h${k.niveau} id="${k.id}"${k.nieuwePagina && k.niveau === 2 ? ' class="nieuwe-pagina"' : ''}>${esc(b.tekst)}</h${k.niveau}>\n`;
    }
    case 'alinea':
      return `<p${b.klein ? ' class="klein"' : ''}>${b.inhoud.map(tekst).join('')}</p>\n`;
    case 'lijst': {
      const tag = b.genummerd ? 'ol' : 'ul';
      const items = b.items.map((item) => {
        const enkel = item.length === 1 && item[0]!.soort === 'alinea' && !item[0]!.klein;
        return `<li>${enkel ? (item[0] as Extract<Blok, { soort: 'alinea' }>).inhoud.map(tekst).join('') : blokken(item, ctx)}</li>`;
      });
      return `<${tag}>${items.join('')}</${tag}>\n`;
    }
    case 'tabel':
      return tabel(b, ctx);
    case 'velden':
      return `<dl class="velden">${b.rijen.map((r) => `<dt>${esc(r.label)}</dt><dd>${regels(r.waarde)}</dd>`).join('')}</dl>\n`;
    case 'kader':
      return `<div class="kader">${blokken(b.blokken, ctx)}</div>\n`;
    case 'regel':
      return '<hr>\n';
    case 'invoegen':
      throw new Error(`blok ${b.naam} is niet ingevuld (${b.bestand}:${b.regel})`);
  }
}

function inhoudsopgave(ks: Kop[]): string {
  const inToc = ks.filter((k) => k.inhoud);
  if (!inToc.length) return '';
  // nested lists following the heading levels
  let html = '';
  const stapel: number[] = [];
  for (const k of inToc) {
    if (!stapel.length) {
      html += '<ol>';
      stapel.push(k.niveau);
    } else if (k.niveau > stapel[stapel.length - 1]!) {
      html += '<ol>';
      stapel.push(k.niveau);
    } else {
      html += '</li>';
      while (stapel.length > 1 && k.niveau < stapel[stapel.length - 1]!) {
        html += '</ol></li>';
        stapel.pop();
      }
    }
    html += `<li><a href="#${k.id}">${esc(k.tekst)}</a>`;
  }
  html += '</li>';
  while (stapel.length) {
    html += '</ol>';
    stapel.pop();
    if (stapel.length) html += '</li>';
  }
  return `<nav class="inhoud" aria-labelledby="inhoud"><h2 id="inhoud">Inhoud</h2>${html}</nav>\n`;
}

function gemeentenTekst(g: string[]): string {
  return g.length > 1 ? `${g.slice(0, -1).join(', ')} en ${g[g.length - 1]}` : (g[0] ?? '');
}

function kaft(doc: Document): string {
  const feiten = kaftFeiten(doc);
  return [
    '<header class="kaft">',
    doc.concept ? '<p class="concept">CONCEPT: niet publiceren</p>' : '',
    doc.opdrachtgever ? `<p class="opdrachtgever">${esc(doc.opdrachtgever)}</p>` : '',
    doc.gemeenten.length ? `<p class="opdrachtgever">namens de gemeenten ${esc(gemeentenTekst(doc.gemeenten))}</p>` : '',
    `<h1>${esc(doc.titel)}</h1>`,
    doc.ondertitel ? `<p class="ondertitel">${esc(doc.ondertitel)}</p>` : '',
    `<p class="ondertitel">${esc(doc.regio)} · tariefjaar ${doc.tariefjaar}</p>`,
    `<dl class="feiten" aria-label="Documentgegevens">${feiten.map(([a, b]) => `<dt>${a}</dt><dd>${esc(b)}</dd>`).join('')}</dl>`,
    `<p class="status${doc.concept ? ' is-concept' : ''}">${esc(doc.statusTekst)}</p>`,
    '<p class="klein">Gemaakt met tariefbouw uit de parameterset met deze vingerafdruk: dezelfde set geeft dezelfde tarieven en hetzelfde document.</p>',
    '</header>\n',
  ].join('');
}

/**
 * The page box of the printed edition: A4, and from page 2 a running header and footer in the page margin
 * (title, version and status; fingerprint and "pagina X van Y"). Chromium prints these margin boxes
 * outside the structure tree; publicatie.ts marks them as artifacts.
 */
function paginaCss(doc: Document): string {
  const q = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
  const vak = (plek: string, inhoud: string) => `@${plek}{content:${inhoud};font-family:Roboto,Arial,sans-serif;font-size:9pt;color:#55595e}`;
  return (
    `@page{size:A4${doc.liggend ? ' landscape' : ''};margin:22mm 18mm 20mm;` +
    vak('top-left', q(kopregelTekst(doc))) +
    vak('top-right', q(`versie ${doc.versie} · ${doc.concept ? 'CONCEPT' : 'definitief'}`)) +
    vak('bottom-left', q(`vingerafdruk ${doc.vingerafdruk.slice(0, 16)}`)) +
    vak('bottom-right', '"pagina " counter(page) " van " counter(pages)') +
    '}@page :first{@top-left{content:none}@top-right{content:none}@bottom-left{content:none}@bottom-right{content:none}}'
  );
}

function pagina(titel: string, lichaam: string, css: string, beschrijving: string): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(beschrijving)}">
<meta name="generator" content="tariefbouw">
<title>${esc(titel)}</title>
<style>${css}</style>
</head>
<body>
<a class="sprong" href="#hoofdinhoud">Naar de inhoud</a>
<div class="pagina">
${lichaam}</div>
</body>
</html>
`;
}

/** The HTML edition of one document. */
export function schrijfHtml(doc: Document, opties: HtmlOpties = {}): string {
  const ks = koppen(doc.blokken);
  const ctx: Ctx = { koppen: ks, laatsteKop: doc.titel, tabellen: 0 };
  const inhoud = blokken(doc.blokken, ctx);
  const titel = `${doc.concept ? 'CONCEPT ' : ''}${korteTitel(doc)} · ${doc.regio} ${doc.tariefjaar}`;
  const naast = opties.naast?.length ? `<p class="klein">Ook als ${opties.naast.map(([l, f]) => `<a href="${esc(f)}">${esc(l)}</a>`).join(', ')}.</p>` : '';
  const lichaam = `${kaft(doc)}${doc.inhoudsopgave ? inhoudsopgave([...ks.values()]) : ''}<main id="hoofdinhoud" tabindex="-1">\n${inhoud}</main>\n<footer class="colofon"><p class="klein">${esc(kopregelTekst(doc))} · versie ${esc(doc.versie)} · ${doc.concept ? 'CONCEPT' : 'definitief'} · vingerafdruk ${esc(doc.vingerafdruk)}</p>${naast}</footer>\n`;
  return pagina(titel, lichaam, `${CSS}${paginaCss(doc)}${opties.extraCss ?? ''}`, doc.onderwerp);
}

export interface IndexItem {
  document: Document;
  /** files of this document, as [label, file name], the HTML edition first */
  bestanden: [string, string][];
}

/** index.html: every document of the set with links to its HTML edition and its PDF. */
export function schrijfIndex(items: IndexItem[]): string {
  const eerste = items[0]?.document;
  const regio = eerste?.regio ?? '';
  const jaar = eerste?.tariefjaar ?? '';
  const concept = items.some((i) => i.document.concept);
  const titel = `${concept ? 'CONCEPT ' : ''}Documenten ${regio} ${jaar}`;
  const rijen = items
    .map(({ document: d, bestanden }) => {
      const [html, ...rest] = bestanden;
      return `<tr><th scope="row">${html ? `<a href="${esc(html[1])}">${esc(korteTitel(d))}</a>` : esc(korteTitel(d))}</th><td>${esc(d.onderwerp)}</td><td>${rest.map(([l, f]) => `<a href="${esc(f)}">${esc(l)}<span class="klein"> (${esc(korteTitel(d))})</span></a>`).join('<br>')}</td></tr>`;
    })
    .join('');
  const lichaam = [
    '<header class="kaft">',
    concept ? '<p class="concept">CONCEPT: niet publiceren</p>' : '',
    eerste?.opdrachtgever ? `<p class="opdrachtgever">${esc(eerste.opdrachtgever)}</p>` : '',
    `<h1>Documenten ${esc(regio)}</h1>`,
    `<p class="ondertitel">tariefjaar ${jaar}${eerste ? ` · versie ${esc(eerste.versie)} · ${esc(datumTekst(eerste.datum))}` : ''}</p>`,
    '</header>\n',
    '<main id="hoofdinhoud" tabindex="-1">\n',
    '<p>Elk document staat hier als webpagina (toegankelijk, ook op een telefoon en zonder internet te lezen) en als PDF. Beide komen uit dezelfde parameterset.</p>\n',
    `<div class="tabelvak" role="region" aria-labelledby="tabel-documenten" tabindex="0"><table><caption id="tabel-documenten">Documenten</caption><thead><tr><th scope="col">document</th><th scope="col">onderwerp</th><th scope="col">ook als</th></tr></thead><tbody>${rijen}</tbody></table></div>\n`,
    '</main>\n',
    eerste ? `<footer class="colofon"><p class="klein">Gemaakt met tariefbouw · vingerafdruk van de set ${esc(eerste.vingerafdruk)}</p></footer>\n` : '',
  ].join('');
  return pagina(titel, lichaam, CSS, `Documenten ${regio} ${jaar}`);
}

/**
 * What each link of the document does, for the PDF link annotations (/Contents): '#id' of a heading → "Naar
 * <heading>", an address → its link text and the address.
 */
export function linkBeschrijvingen(doc: Document): Map<string, string> {
  const uit = new Map<string, string>();
  for (const k of koppen(doc.blokken).values()) uit.set(`#${k.id}`, `Naar ${k.tekst}`);
  uit.set('#hoofdinhoud', 'Naar de inhoud');
  const runs = (xs: Tekst[]) => {
    for (const x of xs) {
      if (!x.link) continue;
      const tekst = `${x.tekst.trim()} (${x.link})`;
      uit.set(x.link, tekst);
      try {
        uit.set(new URL(x.link).href, tekst);
      } catch {
        // a relative address: only its own spelling
      }
    }
  };
  const loop = (lijst: Blok[]) => {
    for (const b of lijst) {
      if (b.soort === 'alinea') runs(b.inhoud);
      else if (b.soort === 'lijst') b.items.forEach(loop);
      else if (b.soort === 'kader') loop(b.blokken);
      else if (b.soort === 'tabel') for (const r of b.rijen) for (const c of r.cellen) for (const regel of c) runs(regel);
      else if (b.soort === 'velden') for (const r of b.rijen) for (const regel of r.waarde) runs(regel);
    }
  };
  loop(doc.blokken);
  return uit;
}
