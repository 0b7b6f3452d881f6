import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Settler } from '../../src/dev/settle.js';
import { tempSite } from './helpers.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A Settler whose reports are collected, with timings wide enough for a busy machine. */
function collecting(stabilityMs: number): { settler: Settler; reports: string[]; settled: () => Promise<void> } {
  const reports: string[] = [];
  const settler = new Settler({ stabilityMs, pollMs: 10 }, (file) => reports.push(file));
  return { settler, reports, settled: () => sleep(stabilityMs * 3) };
}

test('settle: a file written in chunks, with an event per write, is reported once, after the last write', async () => {
  const site = await tempSite();
  const { settler, reports, settled } = collecting(800);
  try {
    const file = path.join(site.root, 'content', 'a.md');
    await writeFile(file, '标题\n');
    settler.touch(file);
    for (let i = 0; i < 5; i++) {
      await sleep(40);
      assert.deepEqual(reports, [], 'nothing while writes keep coming');
      await appendFile(file, '正文。'.repeat(100));
      settler.touch(file);
    }
    await settled();
    assert.deepEqual(reports, [file]);
  } finally {
    settler.close();
    await site.dispose();
  }
});

test('settle: the same change seen again is not reported twice; a new change and a deletion are', async () => {
  const site = await tempSite();
  const { settler, reports, settled } = collecting(50);
  try {
    const file = path.join(site.root, 'content', 'a.md');
    await writeFile(file, '一');
    settler.touch(file);
    await settled();
    settler.touch(file); // a late event for the same save (chokidar after its folder rescan)
    await settled();
    assert.deepEqual(reports, [file]);
    await writeFile(file, '一二');
    settler.touch(file);
    await settled();
    await rm(file);
    settler.touch(file);
    await settled();
    assert.deepEqual(reports, [file, file, file]);
  } finally {
    settler.close();
    await site.dispose();
  }
});

test('settle: folders are never reported', async () => {
  const site = await tempSite();
  const { settler, reports, settled } = collecting(50);
  try {
    const dir = path.join(site.root, 'content', 'sub');
    await mkdir(dir);
    settler.touch(dir);
    await settled();
    assert.deepEqual(reports, []);
  } finally {
    settler.close();
    await site.dispose();
  }
});

test('settle: an early report as soon as a file is non-empty and unchanged from one look to the next, once per content; deletions wait', async () => {
  const site = await tempSite();
  const early: string[] = [];
  const reports: string[] = [];
  // A stability wait far longer than a look: the early report comes first.
  const settler = new Settler(
    { stabilityMs: 2000, pollMs: 10 },
    (f) => reports.push(`settled ${path.basename(f)}`),
    (f) => early.push(path.basename(f)),
  );
  const until = async (done: () => boolean) => {
    while (!done()) await sleep(10);
  };
  try {
    const file = path.join(site.root, 'content', 'a.md');
    const empty = path.join(site.root, 'content', 'empty.md');
    await writeFile(file, '一');
    await writeFile(empty, '');
    settler.touch(file);
    settler.touch(empty);
    await until(() => early.length > 0);
    assert.deepEqual(reports, [], 'early, before the file counts as complete');
    settler.touch(file); // a later event for the same content
    await appendFile(file, '二');
    settler.touch(file);
    await until(() => early.length > 1);
    await until(() => reports.length > 1);
    assert.deepEqual(early, ['a.md', 'a.md'], 'once per content; never for an empty file');
    await rm(file);
    settler.touch(file);
    await until(() => reports.length > 2);
    assert.deepEqual([...reports].sort(), ['settled a.md', 'settled a.md', 'settled empty.md'], 'each file settles; the deletion too');
    assert.deepEqual(early, ['a.md', 'a.md'], 'a deletion is only reported once settled');
  } finally {
    settler.close();
    await site.dispose();
  }
});
