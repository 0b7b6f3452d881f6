// The writer thread (see thread.ts): fills the build folder with the pages the main thread sends
// while it renders the next ones.
import { parentPort, workerData } from 'node:worker_threads';
import { BuildFiller } from './fill.js';
import { readManifest } from './manifest.js';
import { wireError, type FromWriter, type ToWriter, type WriterData } from './thread.js';

const { state, previousManifest } = workerData as WriterData;
const filler = new BuildFiller(state, previousManifest === undefined ? undefined : readManifest(previousManifest));
/** After an error nothing more is written: the main thread discards the build. */
let failed = false;

function reply(msg: FromWriter, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(msg, transfer);
}

parentPort!.on('message', (msg: ToWriter) => {
  if (failed) return;
  try {
    if (msg.type === 'pages') {
      const bytes = new Uint8Array(msg.buffer);
      const kept = new Set(msg.kept);
      msg.paths.forEach((p, i) => {
        if (kept.has(i)) filler.keep(p, msg.keys[i]!);
        else filler.put(p, bytes.subarray(i === 0 ? 0 : msg.ends[i - 1], msg.ends[i]), msg.keys[i]);
      });
      reply({ type: 'written', bytes: msg.ends.at(-1) ?? 0, buffer: msg.buffer }, [msg.buffer]);
    } else {
      const filled = filler.finish();
      reply({ type: 'finished', filled }, [filled.stats.buffer as ArrayBuffer]);
    }
  } catch (err) {
    failed = true;
    reply({ type: 'failed', error: wireError(err) });
  }
});
