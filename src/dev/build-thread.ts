// A dev builder on a thread of its own (build-worker.ts), so a build never holds up the server.
import { Worker } from 'node:worker_threads';
import type { BuildResult } from '../run/builder.js';
import type { Config, WriteReport } from '../model/index.js';
import type { DevBuilder, PreviewReport } from './preview.js';

/** What the thread is asked: a build of the changed paths (undefined: everything), or a preview. */
type Request = { kind: 'build'; changed?: string[]; touched?: readonly string[] | 'all' } | { kind: 'preview'; changed: string[] };
export type BuildRequest = Request & { id: number };

/** A thrown error as it crosses threads: what problemFromThrown reads of it (a template's file and line). */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  path?: unknown;
  file?: unknown;
  lineno?: unknown;
  colno?: unknown;
}

export type BuildReply = { id: number; value: BuildResult | WriteReport | undefined } | { id: number; error: WireError };

export function toWire(err: unknown): WireError {
  const e = err instanceof Error ? err : new Error(String(err));
  const { path, file, lineno, colno } = e as Error & Omit<WireError, 'name' | 'message' | 'stack'>;
  return { name: e.name, message: e.message, stack: e.stack, path, file, lineno, colno };
}

function fromWire(wire: WireError): Error {
  const { name, message, stack, ...where } = wire;
  return Object.assign(new Error(message), { name, stack }, where);
}

const WORKER_URL = new URL('./build-worker.js', import.meta.url);

/**
 * `withPreview(createBuilder(config, { inPlace: true }), config)` run in a worker thread: the
 * builder, its per-file results and what its last build knew live there, and so does the write
 * stage's memory of what it wrote. Requests are answered in order; the thread keeps the process
 * alive only while it has one. `script` is the worker's module (tests give their own).
 */
export function threadBuilder(config: Config, script: URL = WORKER_URL): DevBuilder {
  const worker = new Worker(script, { workerData: { config } });
  worker.unref();
  const waiting = new Map<number, { resolve: (v: BuildReply) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let stopped: Error | undefined;

  worker.on('message', (reply: BuildReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    w?.resolve(reply);
  });
  const fail = (err: Error) => {
    stopped ??= err;
    for (const w of waiting.values()) w.reject(stopped);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the build thread stopped (exit code ${code})`)));

  async function ask(request: Request): Promise<unknown> {
    if (stopped) throw stopped;
    const id = nextId++;
    const reply = await new Promise<BuildReply>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id } satisfies BuildRequest);
    });
    if ('error' in reply) throw fromWire(reply.error);
    return reply.value;
  }

  return {
    build: (changed, touched) => ask({ kind: 'build', changed, touched }) as Promise<BuildResult>,
    preview: (changed) => ask({ kind: 'preview', changed }) as Promise<PreviewReport | undefined>,
    async close() {
      stopped ??= new Error('the build thread was closed');
      await worker.terminate();
    },
  };
}
