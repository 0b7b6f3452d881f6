#!/usr/bin/env node
// Where the writer thread starts to pay: first writes of N generated pages with the writer thread
// from the first page and with none, pages produced by a stream that spends ~0.1 ms of CPU on each
// (render's average at 10,000 articles), so the thread has rendering to overlap with. Reports the
// median wall and CPU (user+sys, this process's threads together) of 5 alternating rounds.
// Usage: npm run compile && node scripts/bench-writer-thread.mjs [N ...]
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeSite } from '../lib/src/stages/write/index.js';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100, 300, 1000, 3000];
const ROUNDS = 5;

/** A page as render would hand it on, after ~0.1 ms of work. */
function page(i) {
  const until = performance.now() + 0.1;
  let h = createHash('sha1');
  while (performance.now() < until) h = createHash('sha1').update(h.digest());
  return {
    path: `keywords/${i % 700}/${i}/index.html`,
    content: `<!doctype html><html lang="zh-CN"><p>第${i}篇</p>${'<p>园区新闻正文。</p>'.repeat(300)}</html>`,
  };
}

async function* pages(n) {
  for (let i = 0; i < n; i++) yield page(i);
}

async function once(n, from, dir) {
  const out = path.join(dir, `dist-${from}`);
  await rm(`${out}.builds`, { recursive: true, force: true });
  await rm(out, { force: true });
  const cpu = process.cpuUsage();
  const start = performance.now();
  await writeSite(pages(n), out, { thread: { from } });
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-writer-'));
try {
  console.log('pages   main thread: wall / cpu ms   writer thread: wall / cpu ms');
  for (const n of sizes) {
    const runs = { main: [], thread: [] };
    for (let r = 0; r < ROUNDS; r++) {
      runs.main.push(await once(n, Infinity, dir));
      runs.thread.push(await once(n, 0, dir));
    }
    const show = (rs) =>
      `${median(rs.map((x) => x.wall))
        .toFixed(0)
        .padStart(6)} / ${median(rs.map((x) => x.cpu))
        .toFixed(0)
        .padStart(6)}`;
    console.log(`${String(n).padStart(5)}   ${show(runs.main)}              ${show(runs.thread)}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
