// The CPU floor of the full pipeline: what the two libraries every build must run on every article
// cost alone, without any of parkpress's own work: opencc-js traditional -> simplified (tw -> cn) of
// the whole file, and one jieba cut (HMM on) of the result, each article in turn in one thread. Run
// as its own process (`node lib/scripts/bench/libraries.js <contentDir>`); it prints one JSON line.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { toSimplified } from '../../src/stages/normalize/core/opencc.js';
import { jieba } from '../../src/text/segmenter.js';

export interface LibraryFloor {
  articles: number;
  /** CPU milliseconds of the conversions and the cuts (file reading and library start-up excluded). */
  openccMs: number;
  jiebaMs: number;
}

function measureLibraries(contentDir: string): LibraryFloor {
  const texts = readdirSync(contentDir)
    .sort()
    .map((name) => readFileSync(path.join(contentDir, name), 'utf8'));
  jieba().cut(toSimplified('開始'), true); // start-up (dictionaries) is not per-article work
  let start = process.cpuUsage();
  const simplified = texts.map((t) => toSimplified(t));
  const openccMs = cpuMs(start);
  start = process.cpuUsage();
  for (const t of simplified) jieba().cut(t, true);
  return { articles: texts.length, openccMs, jiebaMs: cpuMs(start) };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return Math.round((user + system) / 1000);
}

const [contentDir] = process.argv.slice(2);
if (!contentDir) {
  console.error('usage: libraries.js <contentDir>');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(measureLibraries(contentDir))}\n`);
}
