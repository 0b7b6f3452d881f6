import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { livePageKeys, writeSite } from '../../../src/stages/write/index.js';
import type { OutputPage, Page } from '../../../src/model/index.js';
import { sha256 } from '../../../src/text/hash.js';
import { tempDir } from '../../run/temp-dir.js';
import { pagesDigest, sitePages, treeDigest } from './kill-site.js';

/** The writer thread from the first page, from the 150th, or never (see thread.test.ts). */
const THREADS = {
  thread: { from: 0, batchBytes: 8 * 1024, inFlightBytes: 32 * 1024 },
  handover: { from: 150, batchBytes: 8 * 1024, inFlightBytes: 32 * 1024 },
  main: { from: Infinity },
};

/** Site A's pages, each keyed by a digest of its bytes (as render keys a page by what it is made from). */
function keyed(pages: Page[]): Page[] {
  return pages.map((p) => ({ ...p, key: sha256(`key of ${String(p.content)}`) }));
}

/** B's pages, where a page B shares with the keyed A comes as a KeptPage (render did not make it again). */
function keptWhereUnchanged(a: Page[], b: Page[]): OutputPage[] {
  const before = new Map(a.map((p) => [p.path, p]));
  return keyed(b).map((p) => (before.get(p.path)?.key === p.key ? { path: p.path, content: null, key: p.key! } : p));
}

for (const [mode, thread] of Object.entries(THREADS)) {
  test(`kept pages are the live build's files, linked, and their keys carry over (${mode})`, async () => {
    const out = path.join(await tempDir('pp-kept-'), 'dist');
    const a = keyed(sitePages('A'));
    await writeSite(a, out, { thread });
    const keys = await livePageKeys(out);
    assert.equal(keys.size, a.length);
    assert.equal(keys.get(a[0]!.path), a[0]!.key);
    const inode = (await stat(path.join(out, a[0]!.path))).ino;

    const b = keptWhereUnchanged(a, sitePages('B'));
    const kept = b.filter((p) => p.content === null).length;
    assert.ok(kept > 100 && kept < b.length, `${kept} of ${b.length} kept`);
    const report = await writeSite(b, out, { thread });
    assert.equal(report.kept, kept);
    assert.equal(await treeDigest(await realpath(out)), pagesDigest(sitePages('B')), 'the same site as writing every page');
    const first = b.find((p) => p.content === null)!;
    assert.equal((await livePageKeys(out)).get(first.path), first.key, 'a kept page keeps its key for the next build');
    if (first.path === a[0]!.path) assert.equal((await stat(path.join(out, first.path))).ino, inode);
  });

  test(`a kept page the live build no longer holds as keyed fails the write and leaves the site as it was (${mode})`, async () => {
    const out = path.join(await tempDir('pp-kept-'), 'dist');
    const a = keyed(sitePages('A'));
    await writeSite(a, out, { thread });
    const live = await realpath(out);
    const victim = a[200]!;
    // Edited by hand after render read the keys: the writer has no bytes to put there instead.
    await writeFile(path.join(live, victim.path), '<p>手改</p>');
    const pages = keptWhereUnchanged(a, a);
    await assert.rejects(writeSite(pages, out, { thread }), new RegExp(`${victim.path.replaceAll('/', '\\/')} in the live build changed`));
    assert.equal(await realpath(out), live, 'the live build is still the same folder');
    assert.equal(await readFile(path.join(out, victim.path), 'utf8'), '<p>手改</p>');
    assert.equal((await livePageKeys(out)).has(victim.path), false, 'livePageKeys no longer offers the edited page');
  });
}

test('pages without a key are compared by their bytes as before, and offer no key to keep', async () => {
  const out = path.join(await tempDir('pp-kept-'), 'dist');
  await writeSite(sitePages('A'), out);
  assert.equal((await livePageKeys(out)).size, 0);
  const report = await writeSite(sitePages('A'), out);
  assert.equal(report.written, 0);
  assert.equal(report.kept, 0);
});
