// Worker thread of the file pool (./pool.ts): runs the per-file stages for the files it is sent,
// one at a time and with blocking reads (the thread has nothing else to do meanwhile).
import { parentPort, workerData } from 'node:worker_threads';
import { processFileSync } from '../per-file/process.js';
import { TemplateShares } from '../per-file/template.js';
import type { Config } from '../../model/index.js';
import type { PoolReply, PoolTask } from './pool.js';

const { config } = workerData as { config: Config };
const port = parentPort!;

port.on('message', ({ id, file, share }: PoolTask) => {
  let reply: PoolReply;
  try {
    reply = { id, result: processFileSync(file, config.contentDir, config, TemplateShares.options(share)) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
