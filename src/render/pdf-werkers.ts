/**
 * Renders a set of PDFs. pdfmake lays out a document on one core; for large
 * sets the documents are laid out in worker threads, one per core, largest
 * first, so the tariefbijlage and the other documents are made at the same
 * time. Small sets are rendered in this thread: there a worker's start-up
 * (tsx, pdfmake, fonts) costs more than it saves. A document is rendered from
 * its own data alone, so the bytes do not depend on the thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Blok, Document } from '../docmodel/document.ts';
import { schrijfPdf } from './pdf.ts';

/** Workers for large sets: TARIEFBOUW_PDF_WERKERS if set (0 = always this thread), else one per core up to 4; none on one core. */
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
 * From this much layout work on, workers pay off. Measured on 2 cores: the default set (about 1 000 rows)
 * is as fast in one thread; 1 000 products (about 24 000 rows) take 19 s in two workers, 22 s in one thread.
 */
export const GROOT = 2000;

type Antwoord = { pdf: Uint8Array } | { fout: string };

/** One worker thread that renders one document at a time. */
function werker(): { render: (doc: Document) => Promise<Buffer>; stop: () => Promise<number> } {
  const w = new Worker(new URL('./pdf-werker.mjs', import.meta.url));
  let wacht: { gelukt: (b: Buffer) => void; mislukt: (e: Error) => void } | undefined;
  let stuk: Error | undefined;
  const faal = (e: Error) => {
    stuk ??= e;
    wacht?.mislukt(e);
    wacht = undefined;
  };
  w.on('message', (m: Antwoord) => {
    const w2 = wacht;
    wacht = undefined;
    if ('fout' in m) w2?.mislukt(new Error(m.fout));
    else w2?.gelukt(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
  });
  w.on('error', faal);
  w.on('exit', (code) => faal(new Error(`PDF-werker gestopt (code ${code})`)));
  return {
    render: (doc) =>
      new Promise<Buffer>((gelukt, mislukt) => {
        if (stuk) return mislukt(stuk);
        wacht = { gelukt, mislukt };
        w.postMessage({ doc });
      }),
    stop: () => w.terminate(),
  };
}

/** Renders every document; the PDFs come back in the order of the documents. `klaar` hears of each as it is done. */
export async function schrijfPdfs(docs: Document[], klaar: (doc: Document, pdf: Buffer) => void = () => {}, aantal = standaardAantalWerkers()): Promise<Buffer[]> {
  const uit = new Array<Buffer>(docs.length);
  const n = docs.reduce((s, d) => s + omvang(d), 0) > GROOT ? Math.min(aantal, docs.length) : 0;
  if (n === 0) {
    for (const [i, d] of docs.entries()) {
      uit[i] = await schrijfPdf(d);
      klaar(d, uit[i]);
    }
    return uit;
  }
  const wachtrij = docs.map((doc, i) => ({ doc, i })).sort((a, b) => omvang(b.doc) - omvang(a.doc) || a.i - b.i);
  const werkers = Array.from({ length: n }, werker);
  try {
    await Promise.all(
      werkers.map(async (w) => {
        for (let taak = wachtrij.shift(); taak; taak = wachtrij.shift()) {
          uit[taak.i] = await w.render(taak.doc);
          klaar(taak.doc, uit[taak.i]!);
        }
      }),
    );
  } finally {
    await Promise.all(werkers.map((w) => w.stop()));
  }
  return uit;
}
