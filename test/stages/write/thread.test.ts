import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BuildFiller } from '../../../src/stages/write/fill.js';
import { writeSite, writerThreadOptions } from '../../../src/stages/write/index.js';
import { MIN_PAGES_FOR_WRITER_THREAD } from '../../../src/stages/write/thread.js';
import { WriterThread } from '../../../src/stages/write/thread.js';
import type { Page } from '../../../src/model/index.js';
import { tempDir } from '../../run/temp-dir.js';
import { pagesDigest, sitePages, treeDigest } from './kill-site.js';

/** The writer thread from the first page, from the 150th (after the main thread wrote 150), or never. */
const THREAD = { from: 0, batchBytes: 8 * 1024, inFlightBytes: 32 * 1024 };
const HANDOVER = { ...THREAD, from: 150 };
const IN_THREAD = { from: Infinity };

async function* stream(pages: Page[], after?: (i: number) => Promise<void> | void): AsyncGenerator<Page> {
  for (const [i, page] of pages.entries()) {
    yield page;
    await after?.(i);
  }
}

/** The live build's manifest without the identities (mtime, inode) that differ from write to write. */
async function manifestOf(out: string): Promise<string[]> {
  return (await readFile(`${await realpath(out)}.manifest`, 'utf8')).split('\n').map((l) => l.split('\t').slice(0, 3).join('\t'));
}

async function buildsIn(out: string): Promise<string[]> {
  return (await readdir(`${out}.builds`)).sort();
}

test('the writer thread writes the same files, manifest and report as the main thread, first build and rebuild', async () => {
  const results = [];
  for (const thread of [IN_THREAD, THREAD, HANDOVER]) {
    const out = path.join(await tempDir('pp-thread-'), 'dist');
    const first = await writeSite(stream(sitePages('A')), out, { thread });
    const firstManifest = await manifestOf(out);
    const second = await writeSite(stream(sitePages('B')), out, { thread });
    results.push({ first, firstManifest, second, manifest: await manifestOf(out), digest: await treeDigest(out) });
  }
  const [main, ...threaded] = results;
  assert.equal(main!.digest, pagesDigest(sitePages('B')));
  assert.ok(main!.second.unchanged > 0 && main!.second.written > 0 && main!.second.removed > 0, 'the rebuild links, writes and removes');
  for (const r of threaded) {
    assert.equal(r.digest, main!.digest);
    assert.deepEqual(r.firstManifest, main!.firstManifest);
    assert.deepEqual(r.manifest, main!.manifest);
    for (const key of ['first', 'second'] as const) {
      const { written, unchanged, removed, paths, listing } = r[key];
      const expected = main![key];
      assert.deepEqual(
        { written, unchanged, removed, paths },
        { written: expected.written, unchanged: expected.unchanged, removed: expected.removed, paths: expected.paths },
      );
      assert.deepEqual([...listing!.paths].sort(), [...expected.listing!.paths].sort(), 'the listing names the same files and folders');
    }
  }
});

test('a page the writer thread cannot write fails the build naming it; the previous build stays live', async () => {
  const out = path.join(await tempDir('pp-thread-'), 'dist');
  await writeSite(sitePages('A'), out);
  const live = await realpath(out);
  const before = await buildsIn(out);
  // A file by hand where the writer will need the folder `new/` (B's last pages): its mkdir fails there.
  const blocked = stream(sitePages('B'), async (i) => {
    if (i !== 0) return;
    const [next] = (await buildsIn(out)).filter((n) => !before.includes(n));
    await writeFile(path.join(`${out}.builds`, next!, 'new'), 'in the way');
  });
  await assert.rejects(writeSite(blocked, out, { thread: THREAD }), (err: NodeJS.ErrnoException) => {
    assert.equal(err.code, 'EEXIST');
    assert.match(err.message, /mkdir '.*dist\.builds\/[^/]+\/new'/);
    return true;
  });
  assert.equal(await realpath(out), live);
  assert.deepEqual(await buildsIn(out), before, 'no half build left behind');
  assert.equal(await treeDigest(out), pagesDigest(sitePages('A')));
  // A render error while the thread writes is handled the same way.
  const failing = stream(sitePages('B'), (i) => {
    if (i === 200) throw new Error('render broke');
  });
  await assert.rejects(writeSite(failing, out, { thread: THREAD }), /render broke/);
  assert.deepEqual(await buildsIn(out), before);
  assert.equal(
    (await writeSite(sitePages('B'), out, { thread: THREAD, lockTimeoutMs: 0 })).written > 0,
    true,
    'lock released after the failures',
  );
  assert.equal(await treeDigest(out), pagesDigest(sitePages('B')));
});

test('the writer thread holds at most inFlightBytes of pages on the way, or one page bigger than that', async () => {
  const dir = await tempDir('pp-thread-');
  const limits = { batchBytes: 4 * 1024, inFlightBytes: 16 * 1024 };
  const manifest = path.join(dir, '..', `${path.basename(dir)}.manifest`);
  const writer = new WriterThread(
    { state: BuildFiller.start(dir, undefined, undefined, manifest).handOver(), previousManifest: undefined },
    limits,
  );
  const pages = sitePages('A');
  for (const page of pages) await writer.put(page.path, page.content);
  assert.ok(writer.peakInFlight > limits.batchBytes, 'several batches were on the way at once');
  assert.ok(writer.peakInFlight <= limits.inFlightBytes, `peak ${writer.peakInFlight} bytes`);
  const big = 'x'.repeat(64 * 1024);
  await writer.put('big.html', big);
  const filled = await writer.finish();
  assert.equal(filled.written.length, pages.length + 1);
  assert.equal(writer.peakInFlight, big.length, 'a page bigger than the bound goes alone');
  assert.equal(await readFile(path.join(dir, 'big.html'), 'utf8'), big);
});

test('the writer thread takes every page from the first when the caller expects at least its threshold of them', () => {
  assert.equal(writerThreadOptions({ expectedPages: MIN_PAGES_FOR_WRITER_THREAD }).from, 0);
  assert.equal(writerThreadOptions({ expectedPages: MIN_PAGES_FOR_WRITER_THREAD - 1 }).from, undefined, 'the default hand-over');
  assert.equal(writerThreadOptions({}).from, undefined);
  assert.equal(writerThreadOptions({ expectedPages: 150, thread: HANDOVER }).from, 0, "a lower threshold of the caller's counts");
  assert.equal(writerThreadOptions({ expectedPages: 149, thread: HANDOVER }).from, 150);
  assert.equal(writerThreadOptions({ expectedPages: 100, thread: IN_THREAD }).from, Infinity, 'never a thread');
});
