// A file-pool worker for tests: the fake stages' processFile, plus a file reading CRASH that kills
// the worker thread outright (as a crash in native code or running out of memory would), and one
// reading FLAKY that does so the first time only (it leaves FLAKY.crashed beside it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolReply, PoolTask } from '../../src/run/workers/pool.js';
import type { Config } from '../../src/model/index.js';
import { fakeStages } from './fake-stages.js';

const { config } = workerData as { config: Config };
const stages = fakeStages();

parentPort!.on('message', async ({ id, file }: PoolTask) => {
  const text = readFileSync(file, 'utf8');
  if (text.startsWith('CRASH')) process.exit(3);
  if (text.startsWith('FLAKY') && !existsSync(`${file}.crashed`)) {
    writeFileSync(`${file}.crashed`, '');
    process.exit(4);
  }
  let reply: PoolReply;
  try {
    reply = { id, result: await stages.processFile(file, config.contentDir, config) };
  } catch (err) {
    reply = { id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
