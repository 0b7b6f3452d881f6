import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runParkpress, sampleSite, treeHashes } from './site-fixture.js';

/** Both editions, so kept pages in the traditional edition's folder are covered too. */
const CONFIG = JSON.stringify({ traditional: { enabled: true } });

/** The sample site with both editions and its first article given one more paragraph. */
async function editedSite(): Promise<{ root: string; edit: () => Promise<void> }> {
  const root = await sampleSite();
  await writeFile(path.join(root, 'parkpress.config.json'), CONFIG);
  const [first] = (await readdir(path.join(root, 'content'))).sort();
  const file = path.join(root, 'content', first!);
  return { root, edit: async () => writeFile(file, `${await readFile(file, 'utf8')}\n补充一段新的正文，说明园区的最新进展。\n`) };
}

/** `build -v` in `root`; returns how many unchanged pages were kept without rendering (the verbose line says). */
async function build(root: string, ...args: string[]): Promise<{ kept: number; unchanged: number }> {
  const r = await runParkpress(['build', '-v', ...args], root);
  assert.equal(r.code, 0, r.stderr);
  const m = /render: (\d+) of (\d+) unchanged pages kept/.exec(r.stderr);
  assert.ok(m, r.stderr);
  return { kept: Number(m[1]), unchanged: Number(m[2]) };
}

test('a rebuild keeps the pages whose inputs did not change without rendering them, and writes the site a full render gives', async () => {
  const site = await editedSite();
  const first = await build(site.root);
  assert.equal(first.kept, 0, 'a first build has nothing to keep');
  const fresh = await editedSite();
  await build(fresh.root, '--force');
  const expected = await treeHashes(path.join(fresh.root, 'dist'));

  // A new static file makes a build run, and changes no rendered page: every rendered page is kept.
  await mkdir(path.join(site.root, 'public'));
  await writeFile(path.join(site.root, 'public', 'humans.txt'), '编辑部\n');
  await mkdir(path.join(fresh.root, 'public'));
  await writeFile(path.join(fresh.root, 'public', 'humans.txt'), '编辑部\n');
  assert.equal((await build(fresh.root, '--force')).kept, 0, '--force renders every page');
  const all = await build(site.root);
  // Every HTML page is made from templates and keyed; feeds, sitemap, search files and static files are not.
  assert.equal(all.kept, [...expected.keys()].filter((p) => p.endsWith('.html')).length);
  assert.ok(all.kept < all.unchanged);
  const withPublic = await treeHashes(path.join(fresh.root, 'dist'));
  assert.deepEqual(await treeHashes(path.join(site.root, 'dist')), withPublic);

  // A page of the live build edited by hand is not kept: the next build makes it again.
  const live = await realpath(path.join(site.root, 'dist'));
  const page = [...withPublic.keys()].find((p) => p.startsWith('zh-hant/articles/') && p.endsWith('/index.html'));
  assert.ok(page, [...withPublic.keys()].join(' '));
  await writeFile(path.join(live, page), '<p>手改</p>');
  const repaired = await build(site.root);
  assert.equal(repaired.kept, all.kept - 1);
  assert.deepEqual(await treeHashes(path.join(site.root, 'dist')), withPublic);

  // An edited article: what it changed is made again, and the site is the one a full render gives.
  await site.edit();
  await fresh.edit();
  await build(site.root);
  await build(fresh.root, '--force');
  assert.deepEqual(await treeHashes(path.join(site.root, 'dist')), await treeHashes(path.join(fresh.root, 'dist')));

  // Anything new in the templates folder may change every page: none is kept.
  await mkdir(path.join(site.root, 'templates'));
  await writeFile(path.join(site.root, 'templates', 'notes.txt'), '主题说明\n');
  assert.equal((await build(site.root)).kept, 0);
});
