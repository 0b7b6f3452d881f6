// Worker thread of the file pool (./pool.ts): runs the per-file stages for the files it is sent,
// one at a time and with blocking reads (the thread has nothing else to do meanwhile).
import { parentPort, workerData } from 'node:worker_threads';
import { processFileSync } from '../pipeline/article.js';
import type { Config } from '../types.js';
import { SiteTemplate } from '../extract/template.js';
import type { PoolReply, PoolTask } from './pool.js';

const { config, templatePairs } = workerData as { config: Config; templatePairs?: number[] };
// wiring: to be moved by the restructure. The build's site template (src/build/site-template.ts).
const template = templatePairs ? new SiteTemplate(new Set(templatePairs)) : undefined;
const port = parentPort!;

port.on('message', ({ id, file }: PoolTask) => {
  let reply: PoolReply;
  try {
    reply = { id, result: processFileSync(file, config.contentDir, config, { template }) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
