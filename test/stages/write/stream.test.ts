import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readFile, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { writeSite } from '../../../src/stages/write/index.js';
import type { Page } from '../../../src/model/index.js';
import { tempDir } from '../../run/temp-dir.js';
import { pagesDigest, sitePages, treeDigest } from './kill-site.js';

async function* stream(pages: Page[], after?: (i: number) => Promise<void> | void): AsyncGenerator<Page> {
  for (const [i, page] of pages.entries()) {
    yield page;
    await after?.(i);
  }
}

/** Reports the calls of one sync fs function while `run` runs (the writer imports it by name, hence the ESM sync). */
async function counting<T>(name: 'mkdirSync' | 'readFileSync', run: () => Promise<T>, onCall: (arg: string) => void): Promise<T> {
  const original = fs[name] as (...args: unknown[]) => unknown;
  (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    onCall(String(args[0]));
    return original(...args);
  };
  syncBuiltinESMExports();
  try {
    return await run();
  } finally {
    (fs as unknown as Record<string, unknown>)[name] = original;
    syncBuiltinESMExports();
  }
}

test('pages are written as the stream delivers them, before it ends', async () => {
  const out = path.join(await tempDir('pp-stream-'), 'dist');
  const pages = sitePages('A');
  const seenOnDisk: boolean[] = [];
  await writeSite(
    stream(pages, async (i) => {
      if (i % 100 !== 0) return;
      const [build] = (await readdir(`${out}.builds`)).filter((n) => !n.endsWith('.manifest'));
      seenOnDisk.push(
        await stat(path.join(`${out}.builds`, build!, pages[i]!.path)).then(
          () => true,
          () => false,
        ),
      );
    }),
    out,
  );
  assert.equal(seenOnDisk.length, Math.ceil(pages.length / 100));
  assert.ok(seenOnDisk.every(Boolean), 'each sampled page was on disk while the stream went on');
  assert.equal(await treeDigest(out), pagesDigest(pages));
});

test('a stream that fails midway leaves the previous site live and no half build behind', async () => {
  const out = path.join(await tempDir('pp-stream-'), 'dist');
  await writeSite(sitePages('A'), out);
  const live = await realpath(out);
  const failing = stream(sitePages('B'), (i) => {
    if (i === 150) throw new Error('render broke');
  });
  await assert.rejects(writeSite(failing, out), /render broke/);
  assert.equal(await realpath(out), live);
  assert.equal(await treeDigest(out), pagesDigest(sitePages('A')));
  assert.deepEqual((await readdir(`${out}.builds`)).sort(), [path.basename(live), `${path.basename(live)}.manifest`]);
  // An unsafe path late in the stream is refused the same way.
  await assert.rejects(writeSite(stream([...sitePages('B'), { path: '../escape.html', content: 'x' }]), out), /unsafe output paths/);
  assert.equal(await treeDigest(out), pagesDigest(sitePages('A')));
  assert.equal((await writeSite(sitePages('B'), out, { lockTimeoutMs: 0 })).removed > 0, true, 'lock released after the failures');
});

test('each folder is made once, however many pages it holds', async () => {
  const out = path.join(await tempDir('pp-stream-'), 'dist');
  const pages = sitePages('A'); // 400 pages in 17 folders below articles/
  const folders = new Set(
    pages.flatMap((p) =>
      p.path
        .split('/')
        .slice(0, -1)
        .map((_, i, a) => a.slice(0, i + 1).join('/')),
    ),
  );
  const made: string[] = [];
  await counting(
    'mkdirSync',
    () => writeSite(stream(pages), out),
    (dir) => made.push(dir),
  );
  const inBuild = made.filter((d) => d.includes(`${path.basename(out)}.builds${path.sep}`));
  assert.equal(inBuild.length, folders.size, 'one mkdir per folder');
  assert.equal(new Set(inBuild).size, inBuild.length);
});

test('a rebuild finds unchanged pages from the manifest without reading the previous files', async () => {
  const out = path.join(await tempDir('pp-stream-'), 'dist');
  await writeSite(sitePages('A'), out);
  const read: string[] = [];
  const result = await counting(
    'readFileSync',
    () => writeSite(stream(sitePages('B')), out),
    (f) => read.push(f),
  );
  assert.deepEqual(
    read.filter((f) => !f.endsWith('.manifest')),
    [],
    'no page of the previous build read',
  );
  const changed = sitePages('B').filter((p) => !sitePages('A').some((a) => a.path === p.path && a.content === p.content));
  assert.equal(result.written, changed.length);
  assert.equal(result.unchanged, sitePages('B').length - changed.length);
  assert.equal(await treeDigest(out), pagesDigest(sitePages('B')));
});

test('a page edited by hand in the live build is rewritten, though the manifest says it is unchanged', async () => {
  const out = path.join(await tempDir('pp-stream-'), 'dist');
  const pages = sitePages('A');
  await writeSite(pages, out);
  const victim = pages[3]!;
  const original = await readFile(path.join(out, victim.path), 'utf8');
  await writeFile(path.join(out, victim.path), original.replace('原文', '篡改')); // same size, new bytes and mtime
  const report = await writeSite(pages, out);
  assert.equal(report.written, 1);
  assert.deepEqual(report.paths, [victim.path]);
  assert.equal(await readFile(path.join(out, victim.path), 'utf8'), original);
});

test('a damaged or missing manifest only makes the writer compare bytes', async () => {
  const out = path.join(await tempDir('pp-stream-'), 'dist');
  const pages = sitePages('A');
  await writeSite(pages, out);
  const manifest = `${await realpath(out)}.manifest`;
  await writeFile(manifest, (await readFile(manifest, 'utf8')).slice(0, 500)); // cut short
  const cut = await writeSite(pages, out);
  assert.deepEqual([cut.written, cut.unchanged], [0, pages.length]);
  await fs.promises.rm(`${await realpath(out)}.manifest`);
  const missing = await writeSite(sitePages('B'), out);
  assert.equal(missing.written + missing.unchanged, sitePages('B').length);
  assert.equal(await treeDigest(out), pagesDigest(sitePages('B')));
});

test('a build changed in place by dev loses its manifest; the next build is still exact', async () => {
  const out = path.join(await tempDir('pp-stream-'), 'dist');
  await writeSite(sitePages('A'), out, { inPlace: true });
  const live = await realpath(out);
  assert.ok(fs.existsSync(`${live}.manifest`));
  await writeSite(sitePages('B'), out, { inPlace: true });
  assert.equal(await realpath(out), live, 'updated in place');
  assert.ok(!fs.existsSync(`${live}.manifest`), 'the manifest no longer describes the folder');
  const rebuilt = await writeSite(stream(sitePages('A')), out);
  assert.equal(rebuilt.written + rebuilt.unchanged, sitePages('A').length);
  assert.equal(await treeDigest(out), pagesDigest(sitePages('A')));
});
