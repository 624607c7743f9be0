/**
 * Renders several documents to PDF on more than one core: the largest go to a worker thread (pdfwerker.ts),
 * the rest are rendered here at the same time. A document's bytes do not depend on where or after which other
 * document it was rendered (each render starts from its own definition and fonts), so the split changes the
 * time, never the output. Without a compiled worker (the tests run the TypeScript sources) or with one core,
 * or with TARIEFBOUW_WERKERS=1, everything is rendered here, one after the other.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Document } from '../docmodel/document.ts';
import { schrijfPdf } from './pdf.ts';

interface Antwoord {
  id: number;
  bytes?: Uint8Array;
  fout?: string;
}

function werkerBestand(): string | undefined {
  const hier = fileURLToPath(import.meta.url);
  if (path.extname(hier) !== '.js') return undefined;
  const bestand = path.join(path.dirname(hier), 'pdfwerker.js');
  return existsSync(bestand) ? bestand : undefined;
}

function aantalKernen(): number {
  const keuze = Number(process.env.TARIEFBOUW_WERKERS);
  return Number.isInteger(keuze) && keuze >= 1 ? keuze : os.availableParallelism();
}

/**
 * The documents as PDF, in the order given. `klaar` is called as each one is done (so progress can be shown
 * in the order the work finishes).
 */
export async function schrijfPdfs(documenten: Document[], klaar: (d: Document, pdf: Buffer) => void = () => {}): Promise<Buffer[]> {
  const bestand = werkerBestand();
  const kernen = Math.min(aantalKernen(), documenten.length);
  if (!bestand || kernen < 2) {
    const uit: Buffer[] = [];
    for (const d of documenten) {
      const pdf = await schrijfPdf(d);
      klaar(d, pdf);
      uit.push(pdf);
    }
    return uit;
  }

  // Greedy split by size (the length of the document model is a fair measure of layout work): each document,
  // largest first, goes to whichever lane has the least work so far. Lane 0 is this thread.
  const omvang = documenten.map((d) => JSON.stringify(d.blokken).length);
  const volgorde = documenten.map((_, i) => i).sort((a, b) => omvang[b]! - omvang[a]! || a - b);
  const banen: number[][] = Array.from({ length: kernen }, () => []);
  const last = new Array<number>(kernen).fill(0);
  for (const i of volgorde) {
    const baan = last.indexOf(Math.min(...last));
    banen[baan]!.push(i);
    last[baan]! += omvang[i]!;
  }

  const uit = new Array<Buffer>(documenten.length);
  const werkers = banen.slice(1).map((taken) => viaWerker(bestand, taken, documenten, (i, pdf) => {
    uit[i] = pdf;
    klaar(documenten[i]!, pdf);
  }));
  try {
    for (const i of banen[0]!) {
      const pdf = await schrijfPdf(documenten[i]!);
      uit[i] = pdf;
      klaar(documenten[i]!, pdf);
    }
    await Promise.all(werkers);
  } catch (e) {
    await Promise.allSettled(werkers);
    throw e;
  }
  return uit;
}

function viaWerker(bestand: string, taken: number[], documenten: Document[], klaar: (i: number, pdf: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(bestand);
    let open = taken.length;
    let mislukt = false;
    w.on('message', (a: Antwoord) => {
      if (a.fout !== undefined || a.bytes === undefined) {
        mislukt = true;
        void w.terminate();
        reject(new Error(`PDF van ${documenten[a.id]!.naam} in een werkthread mislukt: ${a.fout ?? 'geen bytes'}`));
        return;
      }
      klaar(a.id, Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength));
      if (--open === 0) void w.terminate().then(() => resolve());
    });
    w.on('error', (e) => {
      mislukt = true;
      reject(e);
    });
    w.on('exit', (code) => {
      if (!mislukt && open > 0) reject(new Error(`werkthread voor PDF's stopte met code ${code}`));
    });
    for (const i of taken) w.postMessage({ id: i, document: documenten[i] });
  });
}
