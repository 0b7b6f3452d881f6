#!/usr/bin/env node
// Measures writeSite: a full first write, a rewrite with nothing changed, a rewrite with 1% of
// the pages changed, two more (back and forth: these recycle the superseded build) and two with
// every page changed, and the same as `dev` does it (in place), on generated pages in a temp
// folder (removed afterwards).
// Usage: npm run compile && node scripts/bench-write.mjs [pages=10000]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeSite } from '../lib/src/stages/write/index.js';

const count = Number(process.argv[2] ?? 10_000);
const pages = (edit, every = '') =>
  Array.from({ length: count }, (_, i) => ({
    path: `articles/${i % 97}/${i}/index.html`,
    content: `<!doctype html><html lang="zh-CN"><p>第${i}篇${edit && i % 100 === 0 ? '（修订）' : ''}${every}</p>${'<p>园区新闻正文。</p>'.repeat(200)}</html>`,
  }));

async function time(label, fn) {
  const start = performance.now();
  const { written, unchanged, removed } = await fn();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms  written ${written}, unchanged ${unchanged}, removed ${removed}`);
  return ms;
}

const original = pages(false);
const edited = pages(true);
const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-write-'));
const out = path.join(dir, 'dist');
try {
  console.log(`${count} pages of ~${Math.round(Buffer.byteLength(original[0].content) / 1024)} KB`);
  const full = await time('first write', () => writeSite(original, out));
  const same = await time('nothing changed', () => writeSite(original, out));
  const some = await time('1% changed', () => writeSite(edited, out));
  await time('1% back (recycled)', () => writeSite(original, out));
  await time('1% again (recycled)', () => writeSite(edited, out));
  // Every page changed (a template edit, or a new article in every page's 最新): nothing to link.
  await time('all changed (recycled)', () => writeSite(pages(true, '甲'), out));
  await time('all again (recycled)', () => writeSite(pages(true, '乙'), out));
  const devOut = path.join(dir, 'dev');
  await time('dev: first write', () => writeSite(original, devOut, { inPlace: true }));
  const dev = await time('dev: 1% changed', () => writeSite(edited, devOut, { inPlace: true }));
  console.log(
    `ratios to the first write: nothing changed ${(same / full).toFixed(2)}, 1% changed ${(some / full).toFixed(2)}, dev 1% changed ${(dev / full).toFixed(2)}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
