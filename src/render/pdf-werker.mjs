// One pdfmake renderer in a worker thread (see pdf-werkers.ts): a Document in, PDF bytes out.
// Plain JavaScript, because a worker does not inherit the TypeScript loader of the thread that
// started it; it registers tsx itself, then loads pdf.ts.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { schrijfPdf } = await import('./pdf.ts');

parentPort.on('message', async ({ doc }) => {
  try {
    parentPort.postMessage({ pdf: await schrijfPdf(doc) });
  } catch (e) {
    parentPort.postMessage({ fout: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
