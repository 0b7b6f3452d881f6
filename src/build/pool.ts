import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../pipeline/article.js';
import type { Config } from '../types.js';
import type { SiteTemplate } from '../extract/template.js';

/** A file sent to a worker. */
export interface PoolTask { id: number; file: string }
/** A worker's answer: the file's result, or the message of what processFile threw. */
export type PoolReply = { id: number; result: FileResult } | { id: number; error: string };

/** Runs processFile for many files on worker threads. */
export interface FilePool {
  /** Number of workers. */
  readonly size: number;
  /** Processes one file (absolute path) on the least busy worker; rejects when the stages throw or the worker dies. */
  run(file: string): Promise<FileResult>;
  /** Ends the workers; pending files are rejected. */
  close(): Promise<void>;
}

/** More workers than this buy little: the main thread's own work (reading, hashing, collecting) becomes the limit. */
export const MAX_DEFAULT_JOBS = 4;

/**
 * Below this many files to process the build stays in one thread. A worker costs ~0.5 s of CPU to
 * start (its own module graph, opencc, jieba and its tag table) that one thread pays only once, and
 * a file ~1 ms of per-file work: two workers save ~N × 0.5 ms of wall time for ~0.7 s of extra CPU.
 * From 600 files that trade is worth it (see docs/build.md); dev rebuilds of a few files never start workers.
 */
export const MIN_FILES_FOR_WORKERS = 600;

/** Default worker count: the cores this process may use, at most MAX_DEFAULT_JOBS. */
export function defaultJobs(): number {
  return Math.min(availableParallelism(), MAX_DEFAULT_JOBS);
}

/** Workers to start for a batch of `files`: none (in this thread) for one job or a small batch. */
export function workersFor(files: number, jobs: number, from = MIN_FILES_FOR_WORKERS): number {
  return jobs > 1 && files >= from ? jobs : 0;
}

/** Files a worker holds at once: it starts the next as soon as it has sent one, without a round trip to this thread. */
export const TASKS_PER_WORKER = 2;

interface Task {
  id: number;
  file: string;
  resolve: (r: FileResult) => void;
  reject: (e: Error) => void;
  /** Held by a worker that died: it runs again once, alone, so a crash is pinned on the file that caused it. */
  retried?: boolean;
}

interface Slot { worker: Worker; held: Map<number, Task> }

const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * A worker's young generation, MiB (V8's default is ~48). A file's garbage is short-lived and small,
 * so a smaller nursery costs little CPU, while each worker's heap is part of the build's peak: at
 * 10,000 files the two workers and the main thread's growing results peak together at the end of
 * the stage (measured: -20 to -40 MiB of peak RSS for ~+0.3 s of CPU; see docs/memory.md).
 */
const WORKER_YOUNG_MB = 8;

/**
 * `size` workers, each running load -> normalize -> extract -> terms on up to TASKS_PER_WORKER
 * files in turn. A worker that dies (a crash in native code, running out of memory) is replaced,
 * and the files it held run again, each alone on a worker: a file fails only when its worker dies
 * while it runs alone, so one bad file never fails the file queued behind it. Only a worker holding
 * files keeps the process alive: an idle open pool never does. `script` is the worker's module (tests give their own).
 */
export function createFilePool(config: Config, size: number, script: URL = WORKER_URL, template?: SiteTemplate): FilePool {
  // wiring: to be moved by the restructure. The site template goes to each worker as its pair numbers.
  const templatePairs = template ? [...template.pairs] : undefined;
  let nextId = 0;
  let closed = false;
  const queue: Task[] = [];
  const slots = new Set<Slot>();

  function start(): void {
    const slot: Slot = { worker: new Worker(script, { workerData: { config, templatePairs }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }), held: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (reply: PoolReply) => {
      const task = slot.held.get(reply.id);
      if (!task) return;
      slot.held.delete(reply.id);
      if ('error' in reply) task.reject(new Error(reply.error));
      else task.resolve(reply.result);
      feed(slot);
      if (slot.held.size === 0) slot.worker.unref();
    });
    const fail = (err: Error): void => {
      if (!slots.delete(slot)) return;
      const again = [...slot.held.values()].filter((task) => {
        if (task.retried) task.reject(err);
        return !task.retried;
      });
      for (const task of again) task.retried = true;
      queue.unshift(...again);
      slot.held.clear();
      if (!closed && queue.length > 0) start();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`the worker thread stopped (exit code ${code})`)));
    slots.add(slot);
    feed(slot);
  }

  /** Gives the slot queued files up to TASKS_PER_WORKER; a retried file only to an empty slot, and nothing after it. */
  function feed(slot: Slot): void {
    while (slot.held.size < TASKS_PER_WORKER && queue.length > 0) {
      const alone = [...slot.held.values()].some((t) => t.retried);
      if (alone || (queue[0]!.retried && slot.held.size > 0)) return;
      const task = queue.shift()!;
      slot.held.set(task.id, task);
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, file: task.file } satisfies PoolTask);
    }
  }

  return {
    size,
    run(file) {
      if (closed) return Promise.reject(new Error('the file pool is closed'));
      return new Promise<FileResult>((resolve, reject) => {
        queue.push({ id: nextId++, file, resolve, reject });
        // A new worker first, so the first files spread over all of them.
        if (slots.size < size) start();
        else for (const slot of slots) feed(slot);
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the file pool was closed'));
      await Promise.all([...slots].map((s) => s.worker.terminate()));
    },
  };
}
