import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { watchInputs, type WatchTiming } from '../../src/dev/watch.js';
import { tempSite } from './helpers.js';

const timing: WatchTiming = { stabilityMs: 50, pollMs: 10, batchMs: 10, settleMs: 0 };

/** Polls until `check` holds (file events take a few ms, more on a busy machine). */
async function until(check: () => boolean, what: string, within = 10_000): Promise<void> {
  const deadline = Date.now() + within;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("watch: files in folders created after start, a removed folder's files and a config created later are reported; dot-folders are not", async () => {
  const site = await tempSite();
  const content = path.join(site.root, 'content');
  const config = path.join(site.root, 'parkpress.config.json');
  await mkdir(path.join(content, 'old'));
  await writeFile(path.join(content, 'old', 'a.md'), 'a');
  const seen = new Set<string>();
  const errors: Error[] = [];
  const watcher = await watchInputs({
    dirs: [content],
    files: [config],
    timing,
    onChange: (paths) => paths.forEach((p) => seen.add(p)),
    onError: (err) => errors.push(err),
  });
  try {
    await mkdir(path.join(content, 'new', 'deep'), { recursive: true });
    await writeFile(path.join(content, 'new', 'deep', 'b.md'), 'b');
    await until(() => seen.has(path.join(content, 'new', 'deep', 'b.md')), 'the file in the new folder');
    await writeFile(path.join(content, 'new', 'deep', 'c.md'), 'c');
    await until(() => seen.has(path.join(content, 'new', 'deep', 'c.md')), 'a file added to the new folder later');

    await rm(path.join(content, 'old'), { recursive: true });
    await until(() => seen.has(path.join(content, 'old', 'a.md')), 'the file of the removed folder');

    await writeFile(config, '{}');
    await until(() => seen.has(config), 'the config file created after start');

    await mkdir(path.join(content, '.hidden'));
    await writeFile(path.join(content, '.hidden', 'x.md'), 'x');
    await writeFile(path.join(content, 'new', 'later.md'), 'd');
    await until(() => seen.has(path.join(content, 'new', 'later.md')), 'a file saved after the dot-folder');
    await new Promise((r) => setTimeout(r, 150));
    assert.ok(![...seen].some((f) => f.includes('.hidden')), 'dot-folders are not site input');
    assert.ok(![...seen].some((f) => f.endsWith('new') || f.endsWith('deep')), 'folders are never reported, only files');
    assert.deepEqual(errors, []);
  } finally {
    await watcher.close();
    await site.dispose();
  }
});

test('watch: nothing is reported after close', async () => {
  const site = await tempSite();
  const content = path.join(site.root, 'content');
  const batches: string[][] = [];
  const watcher = await watchInputs({
    dirs: [content],
    timing,
    onChange: (paths) => batches.push(paths),
    onError: (err) => {
      throw err;
    },
  });
  try {
    await writeFile(path.join(content, 'before.md'), 'x');
    await until(() => batches.flat().includes(path.join(content, 'before.md')), 'the file saved before close');
    await watcher.close();
    await writeFile(path.join(content, 'after.md'), 'y');
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!batches.flat().includes(path.join(content, 'after.md')));
  } finally {
    await site.dispose();
  }
});

test('watch: a watched folder that does not exist at start is picked up once created; the rest of its parent is not watched', async () => {
  const site = await tempSite();
  const assets = path.join(site.root, 'assets');
  const seen = new Set<string>();
  const watcher = await watchInputs({
    dirs: [path.join(site.root, 'content'), assets],
    timing,
    onChange: (paths) => paths.forEach((p) => seen.add(p)),
    onError: (err) => {
      throw err;
    },
  });
  try {
    await mkdir(assets);
    await writeFile(path.join(assets, 'site.css'), 'body{}');
    await writeFile(path.join(site.root, 'unrelated.txt'), 'not watched');
    await until(() => seen.has(path.join(assets, 'site.css')), 'the file in the folder created after start');
    await new Promise((r) => setTimeout(r, 150));
    assert.ok(!seen.has(path.join(site.root, 'unrelated.txt')));
  } finally {
    await watcher.close();
    await site.dispose();
  }
});
