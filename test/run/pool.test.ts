// The per-file stages on worker threads: same output as one thread, failures confined to their file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from '../../src/run/builder.js';
import { createFilePool, workersFor, MIN_FILES_FOR_WORKERS, type FilePool } from '../../src/run/workers/pool.js';
import { realStages, type Stages } from '../../src/run/stages.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { processFile } from '../../src/run/per-file/process.js';
import { stampFile } from '../../src/run/cache/stamp.js';
import { bodyMinutes } from '../../src/text/reading.js';
import type { Config } from '../../src/model/index.js';
import { projectRoot } from '../helpers/paths.js';
import { fakeStages } from './fake-stages.js';
import { tempDir } from './temp-dir.js';

/** Every file under `dir` with its bytes, by relative path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [path.relative(dir, f), await readFile(f)] as const)));
}

/** Real stages whose worker pools are counted. */
function countingStages(): Stages & { pools: number[] } {
  const pools: number[] = [];
  return {
    ...realStages,
    pools,
    filePool(config: Config, size: number): FilePool {
      pools.push(size);
      return createFilePool(config, size);
    },
  };
}

test('the sample site is byte-identical built in one thread and on two workers', async () => {
  const out = async (jobs: number) => {
    const config = { ...defaultConfig(projectRoot), outDir: path.join(await tempDir('pp-pool-'), 'dist'), search: false, jobs };
    const stages = countingStages();
    const result = await createBuilder(config, { quiet: true, workersFrom: 1 }, stages).build();
    return { result, stages, files: await tree(config.outDir) };
  };
  const one = await out(1);
  const two = await out(2);
  assert.deepEqual(one.stages.pools, [], 'one job: no workers');
  assert.deepEqual(two.stages.pools, [2]);
  assert.ok(two.result.articles >= 5 && two.files.size > 20);
  assert.deepEqual(two.result.diagnostics, one.result.diagnostics);
  assert.deepEqual([...two.files.keys()].sort(), [...one.files.keys()].sort());
  for (const [name, bytes] of one.files) assert.ok(bytes.equals(two.files.get(name)!), `${name} differs`);
});

test('a stage that throws or a worker that dies fails only its own file; the rest builds', async () => {
  const root = await tempDir('pp-pool-fail-');
  const config = { ...defaultConfig(root), jobs: 2 };
  await mkdir(config.contentDir, { recursive: true });
  const files = { 'a.txt': '甲\n', 'b.txt': 'THROW\n', 'c.txt': 'CRASH\n', 'd.txt': '丁\n', 'e.txt': '戊\n' };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(config.contentDir, name), text);
  const worker = new URL('./failing-worker.js', import.meta.url);
  const stages: Stages = { ...fakeStages(), filePool: (c, size) => createFilePool(c, size, worker) };
  const r = await createBuilder(config, { workersFrom: 1 }, stages).build();
  assert.equal(r.articles, 3);
  const internal = r.diagnostics.filter((d) => d.rule === 'build/internal');
  assert.deepEqual(
    internal.map((d) => d.file),
    ['b.txt', 'c.txt'],
  );
  assert.match(internal[0]!.message, /stage bug/);
  assert.match(internal[1]!.message, /worker thread stopped \(exit code 3\)/);
});

test('files held by a worker that died run again alone: a one-off crash costs nothing, a repeatable one fails its file only', async () => {
  const root = await tempDir('pp-pool-retry-');
  const config = { ...defaultConfig(root), jobs: 1 };
  await mkdir(config.contentDir, { recursive: true });
  const files = { 'a.txt': '甲\n', 'b.txt': 'FLAKY\n', 'c.txt': '丙\n', 'd.txt': 'CRASH\n', 'e.txt': '戊\n', 'f.txt': '己\n' };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(config.contentDir, name), text);
  // One worker holding two files at a time: each crash takes a neighbour down with it.
  const pool = createFilePool(config, 1, new URL('./failing-worker.js', import.meta.url));
  try {
    const names = Object.keys(files);
    const settled = await Promise.allSettled(names.map((n) => pool.run(path.join(config.contentDir, n))));
    const failed = names.filter((_, i) => settled[i]!.status === 'rejected');
    assert.deepEqual(failed, ['d.txt']);
    assert.match(String((settled[3] as PromiseRejectedResult).reason), /exit code 3/);
    const titles = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value.article!.title] : []));
    assert.deepEqual(titles, ['甲', 'FLAKY', '丙', '戊', '己']);
  } finally {
    await pool.close();
  }
});

test('a file gives the same result on a worker as in this thread, the facts kept for later steps included', async () => {
  const config = defaultConfig(projectRoot);
  const names = (await readdir(config.contentDir)).sort();
  const pool = createFilePool(config, 2);
  try {
    for (const name of names) {
      const file = path.join(config.contentDir, name);
      const [here, there] = [await processFile(file, config.contentDir, config), await pool.run(file)];
      assert.ok(there.facts?.fingerprints instanceof Uint32Array && there.facts.fingerprints.length > 0, name);
      assert.equal(there.facts.readingMinutes, bodyMinutes(there.article!.body));
      assert.deepEqual(there.stamp, stampFile(file), 'stamped as the builder would stamp it');
      assert.deepEqual(there, here, name);
    }
  } finally {
    await pool.close();
  }
});

test('workers only for a batch worth their start-up, and only with more than one job', () => {
  assert.equal(workersFor(MIN_FILES_FOR_WORKERS - 1, 4), 0);
  assert.equal(workersFor(MIN_FILES_FOR_WORKERS, 4), 4);
  assert.equal(workersFor(10_000, 1), 0);
  assert.equal(workersFor(3, 2, 1), 2);
});
