/**
 * Renders PDFs in worker threads, largest document first. pdfmake lays out a
 * document on one core. One worker starts at once, so that loading tsx,
 * pdfmake and the fonts overlaps with reading and computing the set, and the
 * main thread writes the workbooks while the PDFs are laid out. Large
 * documents get a worker per core, so the tariefbijlage and the other
 * documents are laid out at the same time. A document is rendered from its
 * own data alone, so the bytes do not depend on the thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Blok, Document } from '../docmodel/document.ts';

/** Workers to use: TARIEFBOUW_PDF_WERKERS if set (0 = render in the main thread), else one per core up to 4; none on one core. */
export function standaardAantalWerkers(): number {
  const env = process.env.TARIEFBOUW_PDF_WERKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  const kernen = os.availableParallelism();
  return kernen > 1 ? Math.min(kernen, 4) : 0;
}

/** A rough measure of layout work: table rows and other blocks. */
export function omvang(doc: Document): number {
  return doc.blokken.reduce((n: number, b: Blok) => n + (b.soort === 'tabel' ? b.rijen.length : 1), 0);
}

/**
 * Below this much layout work (the default set has about 1 000) a second worker costs more than it
 * saves: its start-up competes with the first one and with the main thread.
 */
export const GROOT = 2000;

type Antwoord = { klaar: true } | { nr: number; pdf: Uint8Array } | { nr: number; fout: string };

interface Taak {
  nr: number;
  doc: Document;
  gelukt: (pdf: Buffer) => void;
  mislukt: (e: Error) => void;
}

export class PdfWerkers {
  private readonly werkers: Worker[] = [];
  private readonly vrij: Worker[] = [];
  private readonly bezig = new Map<Worker, Taak>();
  private readonly wachtrij: Taak[] = [];
  private fout: Error | undefined;
  private gestopt = false;

  private constructor(private readonly max: number) {
    this.groei(Math.min(max, 1));
  }

  /** Adds workers up to `aantal` in all. */
  private groei(aantal: number): void {
    while (this.werkers.length < aantal) {
      const w = new Worker(new URL('./pdf-werker.mjs', import.meta.url));
      w.on('message', (m: Antwoord) => this.antwoord(w, m));
      w.on('error', (e) => this.stuk(e));
      w.on('exit', (code) => {
        if (!this.gestopt) this.stuk(new Error(`PDF-werker onverwacht gestopt (code ${code})`));
      });
      this.werkers.push(w);
    }
  }

  /**
   * Starts one worker now, so its start-up overlaps with loading and computing the set; `render` adds
   * more, up to `max`, when the documents are large. With `max` 0 the PDFs are rendered in this thread.
   */
  static start(max = standaardAantalWerkers()): PdfWerkers {
    return new PdfWerkers(max);
  }

  /** Renders every document; the PDFs come back in the order of the documents. */
  async render(docs: Document[], klaar?: (doc: Document, pdf: Buffer) => void): Promise<Buffer[]> {
    if (!this.werkers.length) {
      const { schrijfPdf } = await import('./pdf.ts');
      const uit: Buffer[] = [];
      for (const d of docs) {
        uit.push(await schrijfPdf(d));
        klaar?.(d, uit[uit.length - 1]!);
      }
      return uit;
    }
    if (docs.reduce((n, d) => n + omvang(d), 0) > GROOT) this.groei(Math.min(this.max, docs.length));
    const volgorde = docs.map((doc, nr) => ({ doc, nr })).sort((a, b) => omvang(b.doc) - omvang(a.doc) || a.nr - b.nr);
    const beloftes = new Array<Promise<Buffer>>(docs.length);
    for (const { doc, nr } of volgorde) {
      beloftes[nr] = new Promise<Buffer>((gelukt, mislukt) => this.wachtrij.push({ nr, doc, gelukt, mislukt })).then((pdf) => {
        klaar?.(doc, pdf);
        return pdf;
      });
    }
    this.verdeel();
    return Promise.all(beloftes);
  }

  async stop(): Promise<void> {
    this.gestopt = true;
    await Promise.all(this.werkers.map((w) => w.terminate()));
  }

  private antwoord(w: Worker, m: Antwoord): void {
    if ('klaar' in m) {
      this.vrij.push(w);
    } else {
      const taak = this.bezig.get(w)!;
      this.bezig.delete(w);
      this.vrij.push(w);
      if ('fout' in m) taak.mislukt(new Error(m.fout));
      else taak.gelukt(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
    }
    this.verdeel();
  }

  private verdeel(): void {
    if (this.fout) {
      for (const t of this.wachtrij.splice(0)) t.mislukt(this.fout);
      return;
    }
    while (this.vrij.length && this.wachtrij.length) {
      const w = this.vrij.shift()!;
      const taak = this.wachtrij.shift()!;
      this.bezig.set(w, taak);
      w.postMessage({ nr: taak.nr, doc: taak.doc });
    }
  }

  private stuk(e: Error): void {
    this.fout ??= e;
    for (const t of this.bezig.values()) t.mislukt(e);
    this.bezig.clear();
    this.verdeel();
  }
}
