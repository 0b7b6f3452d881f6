import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import {
  FORMAT,
  openFileCache,
  packFrames,
  packKey,
  perFileConfig,
  readPackFile,
  PACK_FILE,
  type FileCache,
  type PackEntry,
} from '../../../src/run/cache/files.js';
import { writeAtomically } from '../../../src/run/cache/atomic.js';
import { stampFile } from '../../../src/run/cache/stamp.js';
import { createBuilder } from '../../../src/run/builder.js';
import { realStages, type Stages } from '../../../src/run/stages.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { processFile, type FileResult } from '../../../src/run/per-file/process.js';
import type { Config } from '../../../src/model/index.js';
import { projectRoot } from '../../helpers/paths.js';
import { tempDir } from '../temp-dir.js';

/** A site root holding a copy of the sample articles, with its own cache and output folders. */
async function site(): Promise<{ config: Config; content: string }> {
  const root = await tempDir('pp-cache-');
  const content = path.join(root, 'content');
  await cp(path.join(projectRoot, 'content'), content, { recursive: true });
  return { config: { ...defaultConfig(root), search: false }, content };
}

/** Real stages, counting how often processFile runs. */
function counting(): { stages: Stages; processed: string[] } {
  const processed: string[] = [];
  const stages: Stages = {
    ...realStages,
    processFile: (abs, dir, config) => {
      processed.push(path.basename(abs));
      return realStages.processFile(abs, dir, config);
    },
  };
  return { stages, processed };
}

/** One build through a cache opened from disk, saved afterwards, as `parkpress build` does. */
async function buildOnce(config: Config, fingerprint = 'v1') {
  const cache = await openFileCache(config.cacheDir!, config, { fingerprint });
  const { stages, processed } = counting();
  const result = await createBuilder(config, { cache }, stages).build();
  await cache.save([...result.inputs!.keys()].map((f) => path.relative(config.contentDir, f)));
  return { result, processed, hits: cache.hits };
}

test('a second build takes every unchanged file from the disk cache; an edited file is processed again', async () => {
  const { config, content } = await site();
  const first = await buildOnce(config);
  assert.equal(first.processed.length, 5);
  const second = await buildOnce(config);
  assert.deepEqual(second.processed, []);
  assert.equal(second.hits, 5);
  assert.equal(second.result.processed, 0);
  // Diagnostics of cached files are still reported, the same as when they were made.
  assert.deepEqual(second.result.diagnostics, first.result.diagnostics);
  assert.ok(first.result.diagnostics.length > 0, 'the samples have warnings to carry over');

  const [name] = readdirSync(content).sort();
  const file = path.join(content, name!);
  await writeFile(file, `${await readFile(file, 'utf8')}\n补充一段新的正文，说明园区的最新进展。\n`);
  const third = await buildOnce(config);
  assert.deepEqual(third.processed, [name]);
  assert.equal(third.hits, 4);
});

test('a file refused after reading (binary, undecodable) is cached with its diagnostics, not processed again', async () => {
  const { config, content } = await site();
  await cp(path.join(projectRoot, 'test/fixtures/bad/binary.txt'), path.join(content, 'binary.txt'));
  await cp(path.join(projectRoot, 'test/fixtures/bad/invalid-utf8.txt'), path.join(content, 'invalid-utf8.txt'));
  const first = await buildOnce(config);
  assert.equal(first.processed.length, 7);
  const refused = first.result.diagnostics.filter((d) => d.file === 'binary.txt' && d.severity === 'error');
  assert.ok(refused.length > 0, 'the binary file is refused with an error');
  const second = await buildOnce(config);
  assert.deepEqual(second.processed, []);
  assert.equal(second.hits, 7);
  assert.deepEqual(second.result.diagnostics, first.result.diagnostics);
});

test('files the cache holds nothing for are not stamped through it: their stamps come from reading them (line pairs, then processing)', async () => {
  const { config, content } = await site();
  const stamped: string[] = [];
  const watch = (cache: FileCache): FileCache =>
    Object.assign(Object.create(cache) as FileCache, {
      stamp: (abs: string) => (stamped.push(path.basename(abs)), cache.stamp(abs)),
    });
  const cache = await openFileCache(config.cacheDir!, config, { fingerprint: 'v1' });
  const first = await createBuilder(config, { cache: watch(cache) }).build();
  assert.deepEqual(stamped, [], 'an empty cache: nothing to look up');
  const names = readdirSync(content).sort();
  for (const name of names) assert.deepEqual(first.inputs!.get(path.join(content, name)), stampFile(path.join(content, name)), name);
  await cache.save([...first.inputs!.keys()].map((f) => path.relative(config.contentDir, f)));
  const reopened = await openFileCache(config.cacheDir!, config, { fingerprint: 'v1' });
  await createBuilder(config, { cache: watch(reopened) }).build();
  assert.deepEqual(stamped.sort(), names, 'each known file stamped once, to look it up');
  assert.equal(reopened.hits, 5);
});

test('another parkpress version or a change to what per-file processing reads empties the cache', async () => {
  const { config } = await site();
  await buildOnce(config, 'v1');
  assert.equal((await buildOnce(config, 'v2')).processed.length, 5, 'other code: nothing reused');
  assert.equal((await buildOnce(config, 'v2')).processed.length, 0);
  const limits = { ...config, limits: { ...config.limits, maxLines: config.limits.maxLines - 1 } };
  assert.equal((await buildOnce(limits, 'v2')).processed.length, 5, 'other limits: nothing reused');
  const retitled = { ...limits, title: '另一个标题', pageSize: 7 };
  assert.equal((await buildOnce(retitled, 'v2')).processed.length, 0, 'keys per-file processing never reads change nothing');
});

test('a damaged, truncated or foreign cache file is ignored with a note, and the build is the same', async () => {
  const { config } = await site();
  const clean = await buildOnce(config);
  const pack = path.join(config.cacheDir!, PACK_FILE);
  const bytes = await readFile(pack);
  for (const damaged of [Buffer.from('not a cache'), bytes.subarray(0, bytes.length >> 1), Buffer.alloc(0)]) {
    await writeFile(pack, damaged);
    const notes: string[] = [];
    const cache = await openFileCache(config.cacheDir!, config, { fingerprint: 'v1', note: (l) => notes.push(l) });
    const result = await createBuilder(config, { cache }).build();
    assert.equal(cache.hits, 0);
    assert.equal(notes.length, 1, notes.join('\n'));
    assert.match(notes[0]!, /building without it/);
    assert.deepEqual(result.diagnostics, clean.result.diagnostics);
    assert.equal(result.pages, clean.result.pages);
  }
});

test('a pack in the previous format is ignored, not read with the new shape, even under the same key', async () => {
  const { config } = await site();
  await buildOnce(config);
  const file = path.join(config.cacheDir!, PACK_FILE);
  const { header, entries } = await readPackFile(file, () => true);
  assert.equal(header.key, packKey(config, 'v1'));
  // What an earlier format held: results without the per-file facts.
  const old = entries!.map(([rel, hash, , r]): [string, string, FileResult] => [rel, hash, { ...r, facts: undefined }]);
  // Format 2 was one v8 value holding header and entries together.
  await writeFile(file, serialize({ format: 2, key: header.key, entries: old }));
  const notes: string[] = [];
  const cache = await openFileCache(config.cacheDir!, config, { fingerprint: 'v1', note: (l) => notes.push(l) });
  assert.equal(cache.lookup(old[0]![0], old[0]![1]), undefined);
  assert.match(notes.join('\n'), /another parkpress version/);
  const again = await buildOnce(config);
  assert.equal(again.processed.length, 5, 'every file made afresh');
  const saved = await readPackFile(file, () => true);
  assert.equal(saved.header.format, FORMAT);
  assert.ok(
    saved.entries!.every(
      ([, , , r]) => r.facts!.fingerprints instanceof Uint32Array && r.facts!.readingMinutes >= 1 && r.pairs!.pairs.length > 0,
    ),
  );
});

test('a pack of other code is judged by its header alone: its entries are never deserialised', async () => {
  const { config } = await site();
  await buildOnce(config, 'v1');
  const file = path.join(config.cacheDir!, PACK_FILE);
  let read = false;
  const { header, entries } = await readPackFile(file, (h) => {
    read = true;
    return h.key === packKey(config, 'v2');
  });
  assert.ok(read);
  assert.equal(header.key, packKey(config, 'v1'));
  assert.equal(entries, undefined);
  // Damage after the header (the entries) still reads as damaged when they are wanted.
  const bytes = await readFile(file);
  await writeFile(file, bytes.subarray(0, bytes.length - 64));
  await assert.rejects(
    readPackFile(file, () => true),
    /truncated/,
  );
  assert.equal((await readPackFile(file, () => false)).entries, undefined);
});

test('a pack is framed: many entries come back whole and in order, across frames', async () => {
  const { config } = await site();
  await buildOnce(config);
  const file = path.join(config.cacheDir!, PACK_FILE);
  const { header, entries } = await readPackFile(file, () => true);
  // Each entry's typed arrays hold their own numbers: a frame read over another must not change them.
  const many = Array.from({ length: 1000 }, (_, i): PackEntry => {
    const [rel, hash, signature, result] = entries![i % entries!.length]!;
    const facts = { ...result.facts!, fingerprints: Uint32Array.of(i, i + 1, i + 2), readingMinutes: i };
    return [`copy-${i}/${rel}`, hash, signature, { ...result, facts }];
  });
  await writeAtomically(file, packFrames(header, many));
  const back = await readPackFile(file, () => true);
  assert.equal(back.header.entries, 1000);
  assert.deepEqual(back.entries, many);
});

test('a pack read frame by frame gives every kind of byte view its own memory (Buffer and DataView too)', async () => {
  const { config } = await site();
  await buildOnce(config);
  const file = path.join(config.cacheDir!, PACK_FILE);
  const { header, entries } = await readPackFile(file, () => true);
  const [rel, hash, signature, result] = entries![0]!;
  // More entries than one frame holds; each with views whose bytes name the entry.
  const many = Array.from({ length: 600 }, (_, i): PackEntry => {
    const bytes = Buffer.from(`entry ${i}`);
    const views = { bytes, view: new DataView(Uint8Array.of(i % 256, 7).buffer), words: Uint16Array.of(i) };
    return [`copy-${i}/${rel}`, hash, signature, { ...result, views } as FileResult];
  });
  await writeAtomically(file, packFrames(header, many));
  const back = (await readPackFile(file, () => true)).entries!;
  back.forEach(([, , , r], i) => {
    const { bytes, view, words } = (r as unknown as { views: { bytes: Buffer; view: DataView; words: Uint16Array } }).views;
    assert.equal(Buffer.from(bytes).toString(), `entry ${i}`);
    assert.equal(view.getUint8(0), i % 256);
    assert.equal(words[0], i);
  });
});

test('entries of files that no longer exist are dropped when the cache is saved', async () => {
  const { config, content } = await site();
  await buildOnce(config);
  const [gone] = readdirSync(content).sort();
  await rm(path.join(content, gone!));
  await buildOnce(config);
  const { entries } = await readPackFile(path.join(config.cacheDir!, PACK_FILE), () => true);
  assert.deepEqual(entries!.map(([rel]) => rel).sort(), readdirSync(content).sort());
});

test('perFileConfig covers every config key processFile reads', async () => {
  const { config, content } = await site();
  const read = new Set<string>();
  const watched = new Proxy(config, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  for (const name of readdirSync(content)) await processFile(path.join(content, name), content, watched);
  const covered = Object.keys(perFileConfig(config) as object);
  assert.ok(read.size > 0, 'processFile reads the config');
  for (const key of read) assert.ok(covered.includes(key), `processFile reads config.${key}: add it to perFileConfig()`);
});
