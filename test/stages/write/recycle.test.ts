import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, realpath, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeSite } from '../../../src/stages/write/index.js';
import type { Page, WriteReport } from '../../../src/model/index.js';
import { tempDir } from '../../run/temp-dir.js';
import { pagesDigest, sitePages, treeDigest } from './kill-site.js';

/** The writer thread from the first page, from the 150th, or never (see thread.test.ts). */
const THREADS = {
  thread: { from: 0, batchBytes: 8 * 1024, inFlightBytes: 32 * 1024 },
  handover: { from: 150, batchBytes: 8 * 1024, inFlightBytes: 32 * 1024 },
  main: { from: Infinity },
};

/** A third version of the site: A's pages again, some dropped, some changed, one added in a new folder. */
function versionC(): Page[] {
  const pages = sitePages('A')
    .filter((_, i) => i % 7 !== 3)
    .map((p, i) => (i % 5 === 0 ? { ...p, content: `${String(p.content)}<p>再改</p>` } : p));
  return [...pages, { path: 'extra/index.html', content: '<p>加</p>' }];
}

/** Every entry below `dir` (folders too), as sorted POSIX paths. */
async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The files and folders a complete write of `pages` leaves, sorted. */
function expectedEntries(pages: Page[]): string[] {
  const all = new Set<string>();
  for (const p of pages) {
    all.add(p.path);
    for (let i = p.path.indexOf('/'); i !== -1; i = p.path.indexOf('/', i + 1)) all.add(p.path.slice(0, i));
  }
  return [...all].sort();
}

function reportOf(r: WriteReport): Pick<WriteReport, 'written' | 'unchanged' | 'removed' | 'paths'> {
  return { written: r.written, unchanged: r.unchanged, removed: r.removed, paths: r.paths };
}

/** The spare build: the one folder in the builds folder that is not the live one. */
async function spareOf(out: string): Promise<string> {
  const live = path.basename(await realpath(out));
  const others = (await readdir(`${out}.builds`)).filter((n) => n !== live && n !== `${live}.manifest`);
  assert.equal(others.length, 1, `one spare beside the live build, not ${others.join(', ')}`);
  return path.join(`${out}.builds`, others[0]!);
}

for (const [mode, thread] of Object.entries(THREADS)) {
  test(`the superseded build is kept as the spare and recycled into the next one (${mode})`, async () => {
    const out = path.join(await tempDir('pp-recycle-'), 'dist');
    await writeSite(sitePages('A'), out, { thread });
    await writeSite(sitePages('B'), out, { thread });
    const spare = await spareOf(out);
    assert.equal(await treeDigest(spare), pagesDigest(sitePages('A')), 'the spare is the superseded build, whole');
    const liveB = await realpath(out);
    const keptInode = (await stat(path.join(liveB, 'articles/1/1/index.html'))).ino; // the same in A, B and C

    // The same third write once recycling the spare and once without one: nothing may differ but speed.
    const twin = path.join(await tempDir('pp-recycle-'), 'dist');
    await writeSite(sitePages('A'), twin, { thread });
    await writeSite(sitePages('B'), twin, { thread });
    await rm(await spareOf(twin), { recursive: true });
    const fresh = await writeSite(versionC(), twin, { thread });

    const recycled = await writeSite(versionC(), out, { thread });
    assert.deepEqual(reportOf(recycled), reportOf(fresh), 'the report does not depend on the spare');
    assert.equal(await treeDigest(out), pagesDigest(versionC()));
    assert.deepEqual(await entries(out), expectedEntries(versionC()), 'no file or folder of the spare is left over');
    assert.deepEqual([...recycled.listing!.paths].sort(), [...fresh.listing!.paths].sort(), 'the listing names the same entries');
    assert.equal((await stat(path.join(out, 'articles/1/1/index.html'))).ino, keptInode, 'an unchanged page is still the same file');
    assert.equal(path.dirname(await spareOf(out)), `${out}.builds`);
    assert.equal(await realpath(await spareOf(out)), liveB, 'B is now the spare');
    assert.equal(await treeDigest(liveB), pagesDigest(sitePages('B')), 'recycling A never touched the files B shares with it');
  });
}

test('a spare changed by hand is checked file by file: nothing it holds is trusted or followed', async () => {
  const root = await tempDir('pp-recycle-');
  const out = path.join(root, 'dist');
  await writeSite(sitePages('A'), out);
  await writeSite(sitePages('B'), out);
  const spare = await spareOf(out);
  // A page B shares with A replaced by another file with other bytes (same size): not B's file any more.
  const shared = 'articles/1/1/index.html';
  const original = await readFile(path.join(spare, shared), 'utf8');
  await unlink(path.join(spare, shared));
  await writeFile(path.join(spare, shared), original.replace('原文', '假文'));
  // A file where C needs a folder, a folder where C needs a file, a stray file and a link out of the build.
  await rm(path.join(spare, 'articles/2'), { recursive: true });
  await writeFile(path.join(spare, 'articles/2'), 'in the way');
  await mkdir(path.join(spare, 'index.html'), { recursive: false }).catch(async () => {
    await unlink(path.join(spare, 'index.html'));
    await mkdir(path.join(spare, 'index.html'));
  });
  await writeFile(path.join(spare, 'index.html', 'inside'), 'x');
  await writeFile(path.join(spare, 'stray.html'), 'stray');
  const outside = path.join(root, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'keep.txt'), 'keep');
  await symlink(outside, path.join(spare, 'link'));

  await writeSite(versionC(), out);
  assert.equal(await treeDigest(out), pagesDigest(versionC()));
  assert.deepEqual(await entries(out), expectedEntries(versionC()));
  assert.equal(await readFile(path.join(outside, 'keep.txt'), 'utf8'), 'keep', 'a link in the spare is removed, never followed');
});
