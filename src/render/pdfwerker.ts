/** A worker thread of pdfparallel.ts: renders the documents it is sent, one at a time, and sends the bytes back. */
import { parentPort } from 'node:worker_threads';
import type { Document } from '../docmodel/document.ts';
import { schrijfPdf } from './pdf.ts';

const poort = parentPort;
if (poort) {
  let rij = Promise.resolve();
  poort.on('message', (m: { id: number; document: Document }) => {
    rij = rij.then(async () => {
      try {
        const pdf = await schrijfPdf(m.document);
        const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        poort.postMessage({ id: m.id, bytes });
      } catch (e) {
        poort.postMessage({ id: m.id, fout: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    });
  });
}
