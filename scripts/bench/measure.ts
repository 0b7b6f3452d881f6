// One measured run of a command: wall time from our own clock; peak resident memory and CPU time
// from GNU time (wait4's rusage of the child). Threads count in both. A subprocess the build waits
// for (a peer tool's helper) adds its CPU time, and its own peak RSS counts only if it is the
// largest: ru_maxrss is the peak of the largest process in the tree, not the sum.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sampleTreeRss } from './tree-rss.js';

export const GNU_TIME = '/usr/bin/time';

export interface Command {
  cmd: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as a finished build (parkpress exits 1 when some input has an error). */
  okCodes?: number[];
}

export interface Sample {
  ms: number;
  maxRssMiB: number;
  /** Peak of the summed RSS of the build and every process it started, sampled every 100 ms (Linux). */
  treeRssMiB: number;
  /** User + system CPU milliseconds of the build and the subprocesses it waited for. */
  cpuMs: number;
  code: number;
  /** Last lines of stdout+stderr, kept for failures and for parsing a tool's own report. */
  output: string;
}

/** GNU time's format: exit status, peak RSS in KiB, user and system CPU seconds. */
const TIME_FORMAT = '%x %M %U %S';

/** Parses the TIME_FORMAT line GNU time writes last (after any "Command exited with ..." notice). */
export function parseTimeOutput(text: string): { code: number; maxRssKiB: number; cpuMs: number } {
  const line = text.trim().split('\n').pop() ?? '';
  const m = /^(-?\d+) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(line.trim());
  if (!m) throw new Error(`unexpected GNU time output: ${JSON.stringify(text.slice(-200))}`);
  return { code: Number(m[1]), maxRssKiB: Number(m[2]), cpuMs: Math.round((Number(m[3]) + Number(m[4])) * 1000) };
}

/** Keeps only the tail of a chatty tool's output. */
const OUTPUT_LIMIT = 64 * 1024;

export async function measure(c: Command): Promise<Sample> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-time-'));
  const timeFile = path.join(tmp, 'time.txt');
  try {
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };
    const start = performance.now();
    let treePeak = 0;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(GNU_TIME, ['-f', TIME_FORMAT, '-o', timeFile, c.cmd, ...c.args], {
        cwd: c.cwd,
        env: c.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const sampler = child.pid !== undefined ? sampleTreeRss(child.pid) : undefined;
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('exit', () => {
        treePeak = sampler?.stop() ?? 0;
      });
      child.on('close', () => resolve());
    });
    const ms = performance.now() - start;
    const { code, maxRssKiB, cpuMs } = parseTimeOutput(await readFile(timeFile, 'utf8'));
    // The sampler can miss the very end; the largest single process is a floor for the tree.
    const maxRssMiB = maxRssKiB / 1024;
    return { ms, maxRssMiB, treeRssMiB: Math.max(treePeak / 2 ** 20, maxRssMiB), cpuMs, code, output };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export function isOk(c: Command, s: Sample): boolean {
  return (c.okCodes ?? [0]).includes(s.code);
}

/** Median (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
