/**
 * Accessibility checks with the real tools: axe-core in headless Chromium for the HTML edition, and qpdf
 * (object tree) plus pdf.js (text per marked-content sequence, in structure order) for the tagged PDFs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vindChromium } from '../../src/render/publicatie.ts';

const chromium = vindChromium();

// ---------------------------------------------------------------------------------------------------------
// axe-core

export interface AxeUitslag {
  overtredingen: { id: string; impact: string | null; help: string; doelen: string[] }[];
  /** rules that ran and passed: proof that the check looked at something */
  geslaagd: number;
}

const AXE_BRON = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on each HTML page, in one headless Chromium, at the given widths. */
export async function axeOp(paginas: { naam: string; html: string }[], breedtes: number[] = [1280, 360]): Promise<Map<string, AxeUitslag>> {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: chromium!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const uit = new Map<string, AxeUitslag>();
  try {
    const p = await browser.newPage();
    await p.setRequestInterception(true);
    // the pages must be self-contained: any request for an outside resource fails the check
    const verzoeken: string[] = [];
    p.on('request', (r) => {
      if (r.url().startsWith('data:') || r.url() === 'about:blank') return void r.continue();
      verzoeken.push(r.url());
      void r.abort();
    });
    for (const { naam, html } of paginas) {
      for (const breedte of breedtes) {
        await p.setViewport({ width: breedte, height: 800 });
        await p.setContent(html, { waitUntil: 'load' });
        await p.addScriptTag({ content: AXE_BRON });
        const r = (await p.evaluate(
          (tags) =>
            (window as unknown as { axe: { run: (d: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe
              .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
              .then((x) => ({ v: x.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, doelen: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })), p: x.passes.length })),
          AXE_TAGS,
        )) as { v: AxeUitslag['overtredingen']; p: number };
        uit.set(`${naam} @${breedte}px`, { overtredingen: r.v, geslaagd: r.p });
      }
    }
    if (verzoeken.length) throw new Error(`de pagina's vroegen externe bronnen op: ${verzoeken.join(', ')}`);
  } finally {
    await browser.close();
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------------------
// qpdf: the object tree

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface QpdfObjecten {
  [ref: string]: { value?: Json; stream?: { dict: Record<string, Json>; data?: string } };
}

function alsBestand(buf: Buffer): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'tariefbouw-ua-')), 'doc.pdf');
  writeFileSync(f, buf);
  return f;
}

export interface Structuur {
  marked: boolean;
  structTreeRoot: boolean;
  lang: string | undefined;
  displayDocTitle: boolean;
  xmp: string;
  /** element types in structure order (depth first) */
  elementen: string[];
  /** per Table element: how many TH and TD it holds */
  tabellen: { th: number; td: number }[];
  linkAnnotaties: number;
  linksZonderBeschrijving: number;
  bladwijzers: string[];
  paginas: number;
}

export function structuur(buf: Buffer): Structuur {
  const f = alsBestand(buf);
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', f], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })) as { qpdf: [unknown, QpdfObjecten] };
  const objs = json.qpdf[1];
  const deref = (v: Json | undefined): Json | undefined => {
    if (typeof v === 'string' && / \d+ R$/.test(v)) {
      const o = objs[`obj:${v}`];
      return o?.value ?? (o?.stream?.dict as Json | undefined);
    }
    return v;
  };
  const dict = (v: Json | undefined) => deref(v) as Record<string, Json> | undefined;
  const trailer = objs['trailer']!.value as Record<string, Json>;
  const root = dict(trailer['/Root'])!;
  const markInfo = dict(root['/MarkInfo']);
  const vp = dict(root['/ViewerPreferences']);
  const metaRef = root['/Metadata'] as string | undefined;
  const xmp = metaRef ? Buffer.from(objs[`obj:${metaRef}`]?.stream?.data ?? '', 'base64').toString('utf8') : '';
  const elementen: string[] = [];
  const tabellen: { th: number; td: number }[] = [];
  const loop = (v: Json | undefined, tabel?: { th: number; td: number }) => {
    const d = dict(v);
    if (Array.isArray(deref(v))) {
      for (const x of deref(v) as Json[]) loop(x, tabel);
      return;
    }
    if (!d || typeof d !== 'object') return;
    const s = d['/S'];
    if (typeof s === 'string' && s.startsWith('/')) {
      const soort = s.slice(1);
      elementen.push(soort);
      if (soort === 'Table') {
        tabel = { th: 0, td: 0 };
        tabellen.push(tabel);
      }
      if (tabel && soort === 'TH') tabel.th++;
      if (tabel && soort === 'TD') tabel.td++;
    }
    if (d['/K'] !== undefined && d['/Type'] !== '/MCR' && d['/Type'] !== '/OBJR') loop(d['/K'], tabel);
  };
  const str = dict(root['/StructTreeRoot']);
  if (str) loop(str['/K']);
  let linkAnnotaties = 0;
  let linksZonderBeschrijving = 0;
  for (const [k, o] of Object.entries(objs)) {
    if (!k.startsWith('obj:')) continue;
    const v = o.value as Record<string, Json> | undefined;
    if (v && typeof v === 'object' && !Array.isArray(v) && v['/Subtype'] === '/Link') {
      linkAnnotaties++;
      const c = v['/Contents'];
      if (typeof c !== 'string' || c.replace(/^[ub]:/, '').trim() === '') linksZonderBeschrijving++;
    }
  }
  const ol = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', f], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as { outlines: { title: string; kids: unknown[] }[] };
  const bladwijzers: string[] = [];
  const olLoop = (xs: { title: string; kids: unknown[] }[]) => {
    for (const x of xs) {
      bladwijzers.push(x.title);
      olLoop(x.kids as { title: string; kids: unknown[] }[]);
    }
  };
  olLoop(ol.outlines);
  const lang = root['/Lang'];
  return {
    marked: markInfo?.['/Marked'] === true,
    structTreeRoot: !!str,
    lang: typeof lang === 'string' ? lang.replace(/^u:/, '') : undefined,
    displayDocTitle: vp?.['/DisplayDocTitle'] === true,
    xmp,
    elementen,
    tabellen,
    linkAnnotaties,
    linksZonderBeschrijving,
    bladwijzers,
    paginas: Object.values(objs).filter((o) => (o.value as Record<string, Json> | undefined)?.['/Type'] === '/Page').length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// pdf.js: the text of each marked-content sequence, read in structure order

export interface Leesvolgorde {
  /** all text reachable from the structure tree, in structure order */
  tekst: string;
  /** headings (H1–H6) in structure order, with their text */
  koppen: { soort: string; tekst: string }[];
  /** text shown outside any marked content (neither tagged nor artifact) */
  ongemarkeerd: string[];
  /** text marked as artifact */
  artefacten: string[];
  /** the smallest font size of any tagged text, in points */
  kleinsteLetter: number;
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

export async function leesvolgorde(buf: Buffer): Promise<Leesvolgorde> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const delen: string[] = [];
  const koppen: { soort: string; tekst: string }[] = [];
  const ongemarkeerd: string[] = [];
  const artefacten: string[] = [];
  let kleinsteLetter = Infinity;
  for (let n = 1; n <= doc.numPages; n++) {
    const pagina = await doc.getPage(n);
    const inhoud = await pagina.getTextContent({ includeMarkedContent: true });
    const perId = new Map<string, string>();
    const stapel: { id?: string; tag?: string }[] = [];
    for (const item of inhoud.items as ({ type: string; id?: string; tag?: string } | { str: string; transform: number[]; hasEOL: boolean })[]) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stapel.push({ id: item.id, tag: item.tag });
        else if (item.type === 'endMarkedContent') stapel.pop();
        continue;
      }
      if (!item.str.trim()) continue;
      const binnen = [...stapel].reverse().find((s) => s.id || s.tag === 'Artifact');
      if (!binnen) ongemarkeerd.push(item.str);
      else if (!binnen.id) artefacten.push(item.str);
      else {
        perId.set(binnen.id, `${perId.get(binnen.id) ?? ''}${item.str}`);
        kleinsteLetter = Math.min(kleinsteLetter, Math.hypot(item.transform[0]!, item.transform[1]!));
      }
    }
    const boom = (await pagina.getStructTree()) as StructNode | null;
    const tekstVan = (node: StructNode): string => (node.type === 'content' ? (perId.get(node.id!) ?? '') : (node.children ?? []).map(tekstVan).join(' '));
    const loop = (node: StructNode) => {
      if (node.type === 'content') {
        const t = perId.get(node.id!);
        if (t) delen.push(t);
        return;
      }
      if (node.role && /^H[1-6]$/.test(node.role)) koppen.push({ soort: node.role, tekst: tekstVan(node).replace(/\s+/g, ' ').trim() });
      for (const k of node.children ?? []) loop(k);
    };
    if (boom) loop(boom);
    pagina.cleanup();
  }
  await doc.destroy();
  return { tekst: delen.join('\n'), koppen, ongemarkeerd, artefacten, kleinsteLetter };
}
