/** Helpers for PDF tests: poppler tools, and the character map of the embedded font. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A test that needs poppler declares it with metGereedschap('poppler') from test/gereedschap.ts.

function alsBestand(buf: Buffer): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'tariefbouw-pdf-')), 'doc.pdf');
  writeFileSync(f, buf);
  return f;
}

/** Text of every page in reading order (-raw), pages separated by form feeds. */
export function pdfTekst(buf: Buffer): string[] {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', alsBestand(buf), '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\f').slice(0, -1);
}

export function pdfInfo(buf: Buffer): Record<string, string> {
  const uit = execFileSync('pdfinfo', [alsBestand(buf)], { encoding: 'utf8' });
  return Object.fromEntries(uit.split('\n').filter((r) => r.includes(':')).map((r) => [r.slice(0, r.indexOf(':')).trim(), r.slice(r.indexOf(':') + 1).trim()]));
}

export function pdfFonts(buf: Buffer): { naam: string; type: string; emb: string; sub: string; uni: string }[] {
  const regels = execFileSync('pdffonts', [alsBestand(buf)], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return regels.map((r) => {
    const d = r.trim().split(/\s+/);
    // name type(1-2 words) encoding emb sub uni objectid gen
    return { naam: d[0]!, type: d.slice(1, -6).join(' '), emb: d[d.length - 5]!, sub: d[d.length - 4]!, uni: d[d.length - 3]! };
  });
}

export interface Bladwijzer {
  titel: string;
  pagina: number;
  kinderen: Bladwijzer[];
}

/** The bookmark tree (PDF outline), as poppler's pdftohtml reads it. */
export function bladwijzers(buf: Buffer): Bladwijzer[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', alsBestand(buf)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const begin = xml.indexOf('<outline>');
  if (begin < 0) return [];
  const stapel: Bladwijzer[][] = [];
  let huidig: Bladwijzer[] = [];
  const wortel = huidig;
  for (const m of xml.slice(begin).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (m[0] === '<outline>') {
      const ouder = huidig[huidig.length - 1];
      stapel.push(huidig);
      huidig = ouder ? ouder.kinderen : huidig;
    } else if (m[0] === '</outline>') {
      huidig = stapel.pop() ?? wortel;
    } else huidig.push({ titel: m[2]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"), pagina: Number(m[1]), kinderen: [] });
  }
  return wortel;
}

/** Every code point a TrueType font has a glyph for (cmap format 4 and 12). */
export function tekensVanLettertype(bestand: string): Set<number> {
  const b = readFileSync(bestand);
  const n = b.readUInt16BE(4);
  let cmap = 0;
  for (let i = 0; i < n; i++) if (b.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = b.readUInt32BE(12 + 16 * i + 8);
  const uit = new Set<number>();
  const tabellen = b.readUInt16BE(cmap + 2);
  for (let i = 0; i < tabellen; i++) {
    const off = cmap + b.readUInt32BE(cmap + 4 + 8 * i + 4);
    const formaat = b.readUInt16BE(off);
    if (formaat === 4) {
      const segX2 = b.readUInt16BE(off + 6);
      const eind = off + 14;
      const start = eind + segX2 + 2;
      const delta = start + segX2;
      const bereik = delta + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const e = b.readUInt16BE(eind + 2 * s);
        const st = b.readUInt16BE(start + 2 * s);
        const d = b.readInt16BE(delta + 2 * s);
        const r = b.readUInt16BE(bereik + 2 * s);
        for (let c = st; c <= e && c !== 0xffff; c++) {
          const glyf = r === 0 ? (c + d) & 0xffff : b.readUInt16BE(bereik + 2 * s + r + 2 * (c - st));
          if (glyf !== 0) uit.add(c);
        }
      }
    } else if (formaat === 12) {
      const groepen = b.readUInt32BE(off + 12);
      for (let g = 0; g < groepen; g++) {
        const st = b.readUInt32BE(off + 16 + 12 * g);
        const e = b.readUInt32BE(off + 20 + 12 * g);
        for (let c = st; c <= e; c++) uit.add(c);
      }
    }
  }
  return uit;
}

/** All whitespace collapsed to single spaces, for finding text that wraps across lines (a line broken after - or / is joined). */
export function plat(s: string): string {
  return s.replace(/([-/]) *\n\s*/g, '$1').replace(/\s+/g, ' ');
}

/** Text of every page with the layout kept (-layout): a table row stays on one line, also when its cells are stacks. */
export function pdfTekstOpmaak(buf: Buffer): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', alsBestand(buf), '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\f').slice(0, -1);
}
