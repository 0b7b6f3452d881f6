// Worker thread of the file pool (./pool.ts): runs the per-file stages for the files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from '../pipeline/article.js';
import type { Config } from '../types.js';
import type { PoolReply, PoolTask } from './pool.js';

const { config } = workerData as { config: Config };
const port = parentPort!;

port.on('message', async ({ id, file }: PoolTask) => {
  let reply: PoolReply;
  try {
    reply = { id, result: await processFile(file, config.contentDir, config) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
