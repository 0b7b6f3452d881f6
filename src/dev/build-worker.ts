// Worker thread of threadBuilder (build-thread.ts): one dev builder, answering one request at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createBuilder, type BuildResult } from '../run/builder.js';
import { openFileCache, type FileCache } from '../run/cache/files.js';
import type { Config } from '../model/index.js';
import { processFile } from '../run/per-file/process.js';
import { sourcePath } from '../stages/load/source-path.js';
import { toWire, type BuildReply, type BuildRequest } from './build-thread.js';
import { withPreview, type DevBuilder } from './preview.js';

const { config } = workerData as { config: Config };
const port = parentPort!;
let builder: DevBuilder | undefined;
let queue = Promise.resolve();
let warm = false;

port.on('message', (request: BuildRequest) => {
  queue = queue.then(() => answer(request));
});

/**
 * The builder, made at the first request and with the disk cache of per-file results
 * (run/cache/files.ts): its first build reads the pack and saves it. So the second twin's first
 * build, which starts once the first twin's is done, finds every file processed; so does a dev
 * started after a `build`. Later builds process a few saved files each and do not save it again.
 */
async function makeBuilder(): Promise<DevBuilder> {
  const cache = config.cacheDir === undefined ? undefined : await openFileCache(config.cacheDir, config).catch(() => undefined);
  const saveOnce = async (files: string[], pack: FileCache): Promise<void> => {
    await pack.save(files.map((f) => sourcePath(config.contentDir, f))).catch(() => 0); // a cache not written only costs time
    pack.release();
  };
  let saved = false;
  const onFilesDone = cache
    ? async (files: string[]) => {
        if (saved) return;
        saved = true;
        await saveOnce(files, cache);
      }
    : undefined;
  return withPreview(createBuilder(config, { quiet: true, inPlace: true, cache, onFilesDone }), config);
}

async function answer(request: BuildRequest): Promise<void> {
  let reply: BuildReply;
  let inputs: string[] = [];
  try {
    builder ??= await makeBuilder();
    if (request.kind === 'build') {
      const result = await builder.build(request.changed, request.touched);
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
