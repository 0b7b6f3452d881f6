// One measured run of a command: wall time from our own clock, peak resident memory from GNU time
// (wait4's ru_maxrss of the child: threads count, grandchild processes would not).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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
  code: number;
  /** Last lines of stdout+stderr, kept for failures and for parsing a tool's own report. */
  output: string;
}

/** Parses the `-f '%x %M'` line GNU time writes: exit status and peak RSS in KiB. */
export function parseTimeOutput(text: string): { code: number; maxRssKiB: number } {
  const line = text.trim().split('\n').pop() ?? '';
  const m = /^(-?\d+) (\d+)$/.exec(line.trim());
  if (!m) throw new Error(`unexpected GNU time output: ${JSON.stringify(text.slice(-200))}`);
  return { code: Number(m[1]), maxRssKiB: Number(m[2]) };
}

/** Keeps only the tail of a chatty tool's output. */
const OUTPUT_LIMIT = 64 * 1024;

export async function measure(c: Command): Promise<Sample> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-time-'));
  const timeFile = path.join(tmp, 'time.txt');
  try {
    let output = '';
    const keep = (chunk: Buffer) => { output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT); };
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(GNU_TIME, ['-f', '%x %M', '-o', timeFile, c.cmd, ...c.args], {
        cwd: c.cwd, env: c.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('close', () => resolve());
    });
    const ms = performance.now() - start;
    const { code, maxRssKiB } = parseTimeOutput(await readFile(timeFile, 'utf8'));
    return { ms, maxRssMiB: maxRssKiB / 1024, code, output };
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
