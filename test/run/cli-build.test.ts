import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { acquireLock } from '../../src/stages/write/lock.js';
import { runParkpress, sampleSite, treeHashes } from './site-fixture.js';

test('parkpress build publishes the samples, never writes into content/, and a rebuild rewrites only what changed', async () => {
  const root = await sampleSite();
  const content = path.join(root, 'content');
  const dist = path.join(root, 'dist');
  const before = await treeHashes(content);
  const r = await runParkpress(['build'], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^built 5 articles, \d+ pages, \d+ warnings?, 0 errors in \d+\.\d\d s/m);
  assert.deepEqual(await treeHashes(content), before, 'content/ is byte-identical after the build');
  assert.match(await readFile(path.join(dist, 'index.html'), 'utf8'), /<html lang="zh-CN"/);
  const files = [...(await treeHashes(dist)).keys()];
  assert.ok(files.filter((p) => p.endsWith('.html')).length >= 6, files.join(' '));

  // Nothing changed: every file keeps its mtime.
  const past = new Date('2001-01-01T00:00:00Z');
  for (const f of files) await utimes(path.join(dist, f), past, past);
  const again = await runParkpress(['build'], root);
  assert.match(again.stdout, new RegExp(`\\(0 written, ${files.length} unchanged, 0 removed\\)`));
  for (const f of files) assert.equal((await stat(path.join(dist, f))).mtimeMs, past.getTime(), f);

  // One article edited: only the pages that show it are rewritten.
  const [first] = [...before.keys()];
  const file = path.join(content, first!);
  await writeFile(file, `${await readFile(file, 'utf8')}\n补充一段新的正文，说明园区的最新进展。\n`);
  const edited = await runParkpress(['build'], root);
  const written = Number(/\((\d+) written/.exec(edited.stdout)?.[1]);
  assert.ok(written >= 1 && written < files.length, edited.stdout);
  assert.ok((await stat(path.join(dist, 'robots.txt'))).mtimeMs === past.getTime(), 'an unrelated file kept its mtime');
});

test('output is byte-identical whatever TZ, LANG, file mtimes and creation order', async () => {
  const one = await sampleSite();
  const two = await sampleSite();
  const names = (await readdir(path.join(two, 'content'))).sort();
  // Re-create the second copy's files in reverse order with other mtimes, as a fresh clone would.
  for (const [i, name] of names.reverse().entries()) {
    const file = path.join(two, 'content', name);
    const bytes = await readFile(file);
    await rm(file);
    await writeFile(file, bytes);
    await utimes(file, new Date(2030, 0, 1 + i), new Date(2030, 0, 1 + i));
  }
  const a = await runParkpress(['build'], one, { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
  // --strict as well: the samples have mojibake warnings, so it exits 1, yet writes the same site.
  const b = await runParkpress(['build', '--strict'], two, { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
  assert.equal(a.code, 0, a.stderr);
  assert.match(b.stderr, /warning/);
  assert.equal(b.code, 1, b.stderr);
  assert.deepEqual(await treeHashes(path.join(two, 'dist')), await treeHashes(path.join(one, 'dist')));
});

test('a second build waits for the first to finish writing', async () => {
  const root = await sampleSite();
  const release = await acquireLock(path.join(root, 'dist'), 1000);
  const started = performance.now();
  const build = runParkpress(['build'], root);
  await new Promise((r) => setTimeout(r, 1500));
  await release();
  const r = await build;
  assert.equal(r.code, 0, r.stderr);
  assert.ok(performance.now() - started >= 1500);
  assert.ok((await stat(path.join(root, 'dist', 'index.html'))).isFile());
});
