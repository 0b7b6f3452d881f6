import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TreeWatcher } from '../../src/dev/tree-watch.js';
import { watchInputs } from '../../src/dev/watch.js';
import { tempSite } from './helpers.js';

/** Polls until `check` holds (file events take a few ms, more on a busy machine). */
async function until(check: () => boolean, what: string, within = 10_000): Promise<void> {
  const deadline = Date.now() + within;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('tree watch: files in a folder created later are reported, and removing or renaming a folder reports every file it held', async () => {
  const site = await tempSite();
  const content = path.join(site.root, 'content');
  await mkdir(path.join(content, 'old'));
  await writeFile(path.join(content, 'old', 'a.md'), 'a');
  const seen = new Set<string>();
  const errors: Error[] = [];
  const watcher = new TreeWatcher({ ignored: (f) => path.basename(f).startsWith('.'), onPath: (f) => seen.add(f), onError: (e) => errors.push(e) });
  try {
    watcher.add(content);
    await mkdir(path.join(content, 'new', 'deep'), { recursive: true });
    await writeFile(path.join(content, 'new', 'deep', 'b.md'), 'b');
    await until(() => seen.has(path.join(content, 'new', 'deep', 'b.md')), 'the file in the new folder');
    await writeFile(path.join(content, 'new', 'deep', 'c.md'), 'c');
    await until(() => seen.has(path.join(content, 'new', 'deep', 'c.md')), 'a file added to the new folder later');

    await rename(path.join(content, 'old'), path.join(content, 'moved'));
    await until(() => seen.has(path.join(content, 'old', 'a.md')) && seen.has(path.join(content, 'moved', 'a.md')), 'both sides of the folder rename');
    seen.clear();
    await rm(path.join(content, 'new'), { recursive: true });
    await until(() => seen.has(path.join(content, 'new', 'deep', 'b.md')) && seen.has(path.join(content, 'new', 'deep', 'c.md')), 'the files of the removed folder');

    await mkdir(path.join(content, '.hidden'));
    await writeFile(path.join(content, '.hidden', 'x.md'), 'x');
    await writeFile(path.join(content, 'moved', 'd.md'), 'd');
    await until(() => seen.has(path.join(content, 'moved', 'd.md')), 'a file in the renamed folder');
    assert.ok(![...seen].some((f) => f.includes('.hidden')), 'ignored folders are not watched');
    assert.deepEqual(errors, []);
  } finally {
    watcher.close();
    await site.dispose();
  }
});

test('tree watch: a watched folder that does not exist yet is picked up once created', async () => {
  const site = await tempSite();
  const publicDir = path.join(site.root, 'assets');
  const batches: string[][] = [];
  const watcher = await watchInputs({
    dirs: [path.join(site.root, 'content'), publicDir],
    timing: { stabilityMs: 50, pollMs: 10, batchMs: 10, settleMs: 0 },
    onChange: (paths) => batches.push(paths),
    onError: (err) => { throw err; },
  });
  try {
    await mkdir(publicDir);
    await writeFile(path.join(publicDir, 'site.css'), 'body{}');
    await writeFile(path.join(site.root, 'unrelated.txt'), 'not watched');
    await until(() => batches.flat().includes(path.join(publicDir, 'site.css')), 'the file in the new folder');
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!batches.flat().includes(path.join(site.root, 'unrelated.txt')), 'the rest of the parent folder is ignored');
  } finally {
    await watcher.close();
    await site.dispose();
  }
});
