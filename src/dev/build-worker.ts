// Worker thread of threadBuilder (build-thread.ts): one dev builder, answering one request at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createBuilder, type BuildResult } from '../run/builder.js';
import type { Config } from '../model/index.js';
import { processFile } from '../run/per-file/process.js';
import { toWire, type BuildReply, type BuildRequest } from './build-thread.js';
import { withPreview } from './preview.js';

const { config } = workerData as { config: Config };
const port = parentPort!;
const builder = withPreview(createBuilder(config, { quiet: true, inPlace: true }), config);
let queue = Promise.resolve();
let warm = false;

port.on('message', (request: BuildRequest) => {
  queue = queue.then(() => answer(request));
});

async function answer(request: BuildRequest): Promise<void> {
  let reply: BuildReply;
  let inputs: string[] = [];
  try {
    if (request.kind === 'build') {
      const result = await builder.build(request.changed);
      inputs = [...(result.inputs?.keys() ?? [])];
      reply = { id: request.id, value: slim(result) };
    } else {
      reply = { id: request.id, value: await builder.preview!(request.changed) };
    }
  } catch (err) {
    reply = { id: request.id, error: toWire(err) };
  }
  port.postMessage(reply);
  if (!warm && inputs.length > 0) await warmUp(inputs[0]!);
}

/**
 * A first build on a large site runs the per-file stages on pool threads, so this thread has not
 * loaded opencc and the normalize tables yet: one file through them now, after answering, spares
 * the first preview that wait.
 */
async function warmUp(file: string): Promise<void> {
  warm = true;
  await processFile(file, config.contentDir, config).catch(() => undefined);
}

/** What dev reads of a build: the stamps of every input and the listing of every output file stay here. */
function slim(result: BuildResult): BuildResult {
  const { listing: _listing, ...report } = result.report;
  return { ...result, inputs: undefined, report };
}
