import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = '/usr/bin/chromium';

/** Skip reason when Debian's chromium is missing; CI installs it (.ci/run), so there it is an error. */
export function chromiumMissing(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI) throw new Error(`${CHROMIUM} not found; .ci/run installs Debian's chromium`);
  return `${CHROMIUM} not found (apt-get install chromium)`;
}

/**
 * Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
 * NUL-separated JSON on fds 3 and 4), so no browser download or WebSocket client is needed.
 */
export async function openBrowser(): Promise<{ open(url: string): Promise<Tab>; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'parkpress-chromium-'));
  const child: ChildProcess = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--remote-debugging-pipe',
    `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let buffer = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\0')) !== -1) {
      const message = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buffer = buffer.slice(end + 1);
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter) continue;
      pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    }
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string): Promise<T> => {
    const id = nextId++;
    input.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    return new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async open(url: string): Promise<Tab> {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      return {
        async evaluate<T>(expression: string): Promise<T> {
          const r = await send<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
          return r.result.value;
        },
      };
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
      // Chromium's helper processes may still be writing the profile for a moment after it exits.
      await rm(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    },
  };
}

export interface Tab {
  /** Value of a JavaScript expression in the page (undefined while the page is being replaced). */
  evaluate<T>(expression: string): Promise<T>;
}

/** Polls `expression` in the tab until it is truthy. */
export async function waitFor(tab: Tab, expression: string, within = 10_000): Promise<void> {
  const deadline = Date.now() + within;
  for (;;) {
    const ok = await tab.evaluate<boolean>(`!!(${expression})`).catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
