// One pdfmake renderer in a worker thread: a Document in, PDF bytes out.
// Plain JavaScript, because a worker does not inherit the TypeScript loader of
// the thread that started it; it registers tsx itself, then loads pdf.ts.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { schrijfPdf } = await import('./pdf.ts');

parentPort.on('message', async ({ nr, doc }) => {
  try {
    parentPort.postMessage({ nr, pdf: await schrijfPdf(doc) });
  } catch (e) {
    parentPort.postMessage({ nr, fout: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
parentPort.postMessage({ klaar: true });
