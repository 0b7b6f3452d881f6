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
