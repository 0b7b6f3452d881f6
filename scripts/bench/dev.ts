// `parkpress dev` as an editor meets it: the server runs on the benchmark site, an article file is
// dropped into content/, and we time from "file complete on disk" to the live-reload event the
// browser would get. The server is a child process (the real CLI), listening on 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DevDrop {
  /** File name inside the content folder. */
  name: string;
  text: string;
}

export interface DevOptions {
  projectRoot: string;
  siteDir: string;
  contentDir: string;
  drops: DevDrop[];
  /** Longest wait for the first build (large N) and for each reload. */
  startTimeoutMs: number;
  reloadTimeoutMs: number;
  log: (line: string) => void;
}

/** The live-reload stream's path, from the dev server's own module (undefined: no dev server yet). */
async function eventsPath(projectRoot: string): Promise<string | undefined> {
  const client = path.join(projectRoot, 'lib', 'src', 'dev', 'client.js');
  if (!existsSync(client)) return undefined;
  const mod = (await import(pathToFileURL(client).href)) as { EVENTS_PATH?: unknown };
  return typeof mod.EVENTS_PATH === 'string' ? mod.EVENTS_PATH : undefined;
}

/** Resolves with the server's URL once it prints one; rejects if it exits first or takes too long. */
function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no server URL after ${timeoutMs} ms: ${output.slice(-300)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /https?:\/\/127\.0\.0\.1:\d+\/?/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parkpress dev exited (${code}) before serving: ${output.trim().split('\n').slice(-5).join(' / ')}`));
    });
  });
}

/** Reload events on the server's event stream, each stamped with its arrival time. */
function listen(url: string): { next(afterMs: number, timeoutMs: number): Promise<number>; close(): void } {
  const times: number[] = [];
  let wake: (() => void) | undefined;
  const req = http.get(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (chunk.includes('event: reload')) {
        times.push(performance.now());
        wake?.();
      }
    });
  });
  req.on('error', () => {});
  return {
    async next(afterMs, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const i = times.findIndex((t) => t >= afterMs);
        if (i >= 0) return times.splice(0, i + 1).pop()!;
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`no reload event within ${timeoutMs} ms`);
        // The timer is cleared once woken: a pending one would keep the bench alive until it fires.
        await new Promise<void>((r) => {
          const timer = setTimeout(r, left);
          wake = () => {
            clearTimeout(timer);
            r();
          };
        });
      }
    },
    close: () => req.destroy(),
  };
}

/** CPU ticks the process has used so far (Linux); undefined elsewhere. */
async function cpuTicks(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[11]) + Number(fields[12]) : undefined;
}

/**
 * The peak resident memory of `parkpress dev` (Linux's VmHWM, every thread) once its rebuilds are
 * done (no CPU used for 2 s, at most `timeoutMs`): a full build by each twin and the saves.
 */
async function peakWhenIdle(pid: number, timeoutMs: number): Promise<number | undefined> {
  const deadline = performance.now() + timeoutMs;
  let last = await cpuTicks(pid);
  while (last !== undefined && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = await cpuTicks(pid);
    if (now === last) break;
    last = now;
  }
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kib = status && /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kib ? Number(kib) * 1024 : undefined;
}

/** Milliseconds from each dropped file to its reload event; undefined when `parkpress dev` does not exist yet. */
export async function measureDevReload(o: DevOptions): Promise<number[] | undefined> {
  const events = await eventsPath(o.projectRoot);
  if (!events) {
    o.log('parkpress dev has no live-reload stream yet: dev reload not measured');
    return undefined;
  }
  const child = spawn(process.execPath, [path.join(o.projectRoot, 'bin', 'parkpress.js'), 'dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: o.siteDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const latencies: number[] = [];
  let stream: ReturnType<typeof listen> | undefined;
  try {
    const url = await waitForUrl(child, o.startTimeoutMs);
    stream = listen(new URL(events, url).href);
    await new Promise((r) => setTimeout(r, 500)); // let the event stream connect
    for (const drop of o.drops) {
      await writeFile(path.join(o.contentDir, drop.name), drop.text);
      const written = performance.now();
      latencies.push((await stream.next(written, o.reloadTimeoutMs)) - written);
      o.log(`dev: ${drop.name} reloaded after ${latencies.at(-1)!.toFixed(0)} ms`);
      await new Promise((r) => setTimeout(r, 300)); // one drop at a time, as an editor saves
    }
    const peak = child.pid === undefined ? undefined : await peakWhenIdle(child.pid, o.reloadTimeoutMs);
    if (peak !== undefined) o.log(`dev: peak resident memory ${(peak / 2 ** 20).toFixed(0)} MiB after its builds and the saves`);
    return latencies;
  } finally {
    stream?.close();
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000); // a server that will not stop
      await exited;
      clearTimeout(force);
    }
    for (const drop of o.drops) await rm(path.join(o.contentDir, drop.name), { force: true });
  }
}
