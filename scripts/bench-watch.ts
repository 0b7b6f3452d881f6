// What chokidar costs per saved file with `parkpress dev`'s watch options (watch-worker.ts), at
// N files in one folder: chokidar re-lists and stats the whole folder on every event. Per save:
// time from the write to chokidar's own `add` event (the raw event arrives within a millisecond or
// two and starts dev's completeness check; see bench-dev for save -> reload), the CPU time spent
// (all threads: chokidar's lstat calls run in libuv's pool) and the event-loop time it kept busy
// (dev runs this in a worker thread, so that is time taken from the worker, not from the preview).
//
//   npm run compile && node lib/scripts/bench-watch.js [N ...] [--saves K]   (defaults: 1000 10000, K = 5)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startWatchers } from '../src/dev/watch-worker.js';
import { median } from './bench/measure.js';

function parseArgs(argv: string[]): { sizes: number[]; saves: number } {
  const sizes: number[] = [];
  let saves = 5;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--saves') saves = Number(argv[++i]);
    else sizes.push(Number(argv[i]));
  }
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(saves >= 1)) throw new Error('usage: bench-watch [N ...] [--saves K]');
  return { sizes: sizes.length > 0 ? sizes : [1000, 10000], saves };
}

async function benchSize(n: number, saves: number): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `parkpress-bench-watch-${n}-`));
  const content = path.join(dir, 'content');
  await mkdir(content);
  const text = '示范区'.repeat(700); // about the size of an article
  for (let start = 0; start < n; start += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, n - start) }, (_, k) =>
        writeFile(path.join(content, `a${String(start + k).padStart(5, '0')}.txt`), text),
      ),
    );
  }
  const [watcher] = await startWatchers([content], new Set(), (w) =>
    w.on('error', (err) => {
      throw err;
    }),
  );
  const addMs: number[] = [];
  const cpuMs: number[] = [];
  const busyMs: number[] = [];
  try {
    for (let k = 0; k < saves; k++) {
      const file = path.join(content, `new${k}.txt`);
      const added = new Promise<void>((resolve) => {
        const on = (p: string) => {
          if (p === file) {
            watcher!.off('add', on);
            resolve();
          }
        };
        watcher!.on('add', on);
      });
      const elu = performance.eventLoopUtilization();
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      await writeFile(file, text);
      await added;
      addMs.push(performance.now() - t0);
      // chokidar re-reads the folder once more after its 1 s throttle when events came during the first read.
      await new Promise((r) => setTimeout(r, 1500));
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
      busyMs.push(performance.eventLoopUtilization(elu).active);
    }
  } finally {
    await watcher!.close();
    await rm(dir, { recursive: true, force: true });
  }
  const f = (ms: number[]) => `${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})`;
  console.log(
    `${n} files: save -> chokidar add ${f(addMs)}; per save: CPU ${f(cpuMs)}, event loop busy ${f(busyMs)} (median, min–max, n=${saves})`,
  );
}

async function main(): Promise<void> {
  const { sizes, saves } = parseArgs(process.argv.slice(2));
  console.log(
    `bench-watch: ${os.cpus().length} CPUs, node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const n of sizes) await benchSize(n, saves);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
