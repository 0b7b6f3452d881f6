import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstat, mkdir, readFile, readdir, realpath, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ForeignOutputError, LockError, writeSite } from '../../../src/stages/write/index.js';
import { acquireLock } from '../../../src/stages/write/lock.js';
import type { Page, WriteReport } from '../../../src/model/index.js';
import { tempDir as makeTemp } from '../../run/temp-dir.js';

/** The counts of a report (its `paths` are checked where they matter). */
const counts = ({ written, unchanged, removed }: WriteReport) => ({ written, unchanged, removed });

async function tempDir(): Promise<string> {
  return makeTemp('pp-write-');
}

const site: Page[] = [
  { path: 'index.html', content: '<h1>首页</h1>' },
  { path: 'articles/a/index.html', content: '<p>甲</p>' },
  { path: 'articles/b/index.html', content: '<p>乙</p>' },
  { path: 'style.css', content: new Uint8Array([0x62, 0x6f, 0x64, 0x79]) },
];

const past = new Date('2001-02-03T04:05:06Z');

test('writes every page under outDir and nothing else', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  const report = await writeSite(site, out);
  assert.deepEqual(counts(report), { written: 4, unchanged: 0, removed: 0 });
  assert.equal(await readFile(path.join(out, 'articles/a/index.html'), 'utf8'), '<p>甲</p>');
  assert.equal(await readFile(path.join(out, 'style.css'), 'utf8'), 'body');
  assert.deepEqual((await readdir(root)).sort(), ['dist', 'dist.builds'], 'lock released, no temp folders left');
  const live = path.basename(await realpath(out));
  assert.deepEqual(
    (await readdir(path.join(root, 'dist.builds'))).sort(),
    [live, `${live}.manifest`],
    'only the live build and its manifest are kept',
  );
});

test('unchanged files keep their mtime, changed ones are rewritten, stale ones removed', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  await writeSite(site, out);
  for (const p of site) await utimes(path.join(out, p.path), past, past);
  const next: Page[] = [
    site[0]!,
    { path: 'articles/a/index.html', content: '<p>甲 改</p>' },
    site[3]!,
    { path: 'articles/c/index.html', content: '<p>丙</p>' },
  ];
  const report = await writeSite(next, out);
  assert.deepEqual(counts(report), { written: 2, unchanged: 2, removed: 1 });
  assert.deepEqual(report.paths, ['articles/a/index.html', 'articles/b/index.html', 'articles/c/index.html'], 'written and removed');
  assert.equal((await stat(path.join(out, 'index.html'))).mtimeMs, past.getTime());
  assert.equal((await stat(path.join(out, 'style.css'))).mtimeMs, past.getTime());
  assert.notEqual((await stat(path.join(out, 'articles/a/index.html'))).mtimeMs, past.getTime());
  await assert.rejects(stat(path.join(out, 'articles/b/index.html')), { code: 'ENOENT' });
  assert.equal(await readFile(path.join(out, 'articles/c/index.html'), 'utf8'), '<p>丙</p>');
});

test('a plain folder parkpress did not make is replaced only with consent, its stale files removed', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  await mkdir(path.join(out, 'old'), { recursive: true });
  await writeFile(path.join(out, 'old/page.html'), 'stale');
  await writeFile(path.join(out, 'index.html'), '<h1>首页</h1>');
  await utimes(path.join(out, 'index.html'), past, past);
  await assert.rejects(writeSite(site, out), ForeignOutputError);
  assert.deepEqual((await readdir(root)).sort(), ['dist'], 'refused before anything was written');
  const report = await writeSite(site, out, { replaceForeign: true });
  assert.deepEqual(counts(report), { written: 3, unchanged: 1, removed: 1 });
  assert.ok((await lstat(out)).isSymbolicLink());
  assert.equal((await stat(path.join(out, 'index.html'))).mtimeMs, past.getTime());
  await assert.rejects(stat(path.join(out, 'old/page.html')), { code: 'ENOENT' });
});

test('refuses page paths that would escape or clobber, leaving nothing behind', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  for (const bad of [
    '../evil.html',
    '/etc/passwd',
    'a/../../b',
    'a\u0000b',
    'a\\b.html',
    'a//b',
    'con:x',
    `${'园'.repeat(86)}/index.html`,
  ]) {
    await assert.rejects(writeSite([{ path: bad, content: 'x' }], out), /unsafe output paths/, bad);
  }
  await assert.rejects(writeSite([site[0]!, site[0]!], out), /produced twice/);
  await assert.rejects(
    writeSite(
      [
        { path: 'a', content: '' },
        { path: 'a/b', content: '' },
      ],
      out,
    ),
    /both a file and a folder/,
  );
  assert.deepEqual(await readdir(root), []);
});

test('a second writer waits for the lock, or refuses with a clear message', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  const release = await acquireLock(out, 1000);
  await assert.rejects(writeSite(site, out, { lockTimeoutMs: 300 }), (err: unknown) => {
    assert.ok(err instanceof LockError);
    assert.match(err.message, new RegExp(`another parkpress build \\(pid ${process.pid} .*is writing .*dist`));
    assert.match(err.message, /delete .*dist\.lock/);
    return true;
  });
  const waiting = writeSite(site, out, { lockTimeoutMs: 5000 });
  setTimeout(() => void release(), 200);
  assert.equal((await waiting).written, 4);
});

test('a lock left by a process that no longer runs is taken over', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  await mkdir(`${out}.lock`);
  await writeFile(path.join(`${out}.lock`, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), started: 'x' }));
  assert.equal((await writeSite(site, out, { lockTimeoutMs: 0 })).written, 4);
  await rm(root, { recursive: true });
});

test('in place (dev): only changed pages are written, the rest keep their inode, stale pages go', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  assert.deepEqual(counts(await writeSite(site, out, { inPlace: true })), { written: 4, unchanged: 0, removed: 0 });
  const liveBefore = await realpath(out);
  for (const p of site) await utimes(path.join(out, p.path), past, past);
  const next: Page[] = [site[0]!, { path: 'articles/a/index.html', content: '<p>甲 改</p>' }, site[3]!];
  const update = await writeSite(next, out, { inPlace: true });
  assert.deepEqual(counts(update), { written: 1, unchanged: 2, removed: 1 });
  assert.deepEqual(update.paths, ['articles/a/index.html', 'articles/b/index.html']);
  assert.equal(await realpath(out), liveBefore, 'same build folder, updated in place');
  assert.equal((await stat(path.join(out, 'index.html'))).mtimeMs, past.getTime());
  assert.equal(await readFile(path.join(out, 'articles/a/index.html'), 'utf8'), '<p>甲 改</p>');
  await assert.rejects(stat(path.join(out, 'articles/b')), { code: 'ENOENT' }, 'emptied folder removed');
  assert.deepEqual(await readdir(path.join(out, 'articles/a')), ['index.html'], 'no temp file left');
});

test('in place with `touched` (dev twins): pages another writer changed are compared by reading them; a writer new to the live build reads it instead of writing a new one', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  await writeSite(site, out, { inPlace: true });
  const live = await realpath(out);
  // Another writer (the other dev builder) changed a page this one remembers otherwise.
  await writeFile(path.join(out, 'articles/a/index.html'), '<p>by the other writer</p>');
  const untold = await writeSite(site, out, { inPlace: true, touched: [] });
  assert.equal(untold.written, 0, 'not told: memory says the page is unchanged');
  const told = await writeSite(site, out, { inPlace: true, touched: ['articles/a/index.html'] });
  assert.deepEqual(told.paths, ['articles/a/index.html']);
  assert.equal(await readFile(path.join(out, 'articles/a/index.html'), 'utf8'), site[1]!.content as string);

  // A writer that never wrote this build ('all' forgets what it knows): it reads every file.
  await writeFile(path.join(out, 'index.html'), 'changed by hand');
  await writeFile(path.join(out, 'stray.html'), 'not a page');
  const adopted = await writeSite(site, out, { inPlace: true, touched: 'all' });
  assert.deepEqual(adopted.paths, ['index.html', 'stray.html']);
  assert.equal(adopted.unchanged, site.length - 1);
  assert.equal(await realpath(out), live, 'the same build folder, updated in place');
});

test('in place falls back to a whole new build when another process switched the output', async () => {
  const root = await tempDir();
  const out = path.join(root, 'dist');
  await writeSite(site, out, { inPlace: true });
  await writeSite(site.slice(0, 2), out); // "another build" switches in a new folder
  const r = await writeSite(site, out, { inPlace: true });
  assert.deepEqual(counts(r), { written: 2, unchanged: 2, removed: 0 });
  assert.equal(await readFile(path.join(out, 'style.css'), 'utf8'), 'body');
});
