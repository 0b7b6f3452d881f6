import { Worker } from 'node:worker_threads';
import type { FileResult } from '../per-file/process.js';
import type { Config } from '../../model/index.js';

/** A file sent to a worker, with its share of the site template (run/per-file/template.ts). */
export interface PoolTask {
  id: number;
  file: string;
  share: number[];
}
/** A worker's answer: the file's result, or the message of what processFile threw. */
export type PoolReply = { id: number; result: FileResult } | { id: number; error: string };

/** Runs processFile for many files on worker threads. */
export interface FilePool {
  /** Number of workers. */
  readonly size: number;
  /**
   * Processes one file (absolute path) with its template share on the least busy worker; rejects
   * when the stages throw or the worker dies.
   */
  run(file: string, share?: number[]): Promise<FileResult>;
  /** Ends the workers; pending files are rejected. */
  close(): Promise<void>;
}

/**
 * Below this many files to process the build stays in one thread. A worker pays its own start-up
 * (module graph, opencc, jieba and its tag table) that one thread pays only once, and saves about
 * half of each file's time: the trade is worth it from some hundreds of files (docs/build.md).
 * dev rebuilds of a few files never start workers.
 */
export const MIN_FILES_FOR_WORKERS = 600;

/** Workers to start for a batch of `files`: none (in this thread) for one job or a small batch. */
export function workersFor(files: number, jobs: number, from = MIN_FILES_FOR_WORKERS): number {
  return jobs > 1 && files >= from ? jobs : 0;
}

/** Files a worker holds at once: it starts the next as soon as it has sent one, without a round trip to this thread. */
export const TASKS_PER_WORKER = 2;

interface Task {
  id: number;
  file: string;
  share: number[];
  resolve: (r: FileResult) => void;
  reject: (e: Error) => void;
  /** Held by a worker that died: it runs again once, alone, so a crash is pinned on the file that caused it. */
  retried?: boolean;
}

interface Slot {
  worker: Worker;
  held: Map<number, Task>;
}

const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * A worker's young generation, MiB (well below V8's default). A file's garbage is short-lived and
 * small, so a smaller nursery costs little CPU, while each worker's heap is part of the build's
 * peak: the workers and the main thread's growing results peak together at the end of the stage
 * (docs/memory.md).
 */
const WORKER_YOUNG_MB = 8;

/**
 * `size` workers, each running load -> normalize -> extract -> terms on up to TASKS_PER_WORKER
 * files in turn. A worker that dies (a crash in native code, running out of memory) is replaced,
 * and the files it held run again, each alone on a worker: a file fails only when its worker dies
 * while it runs alone, so one bad file never fails the file queued behind it. Only a worker holding
 * files keeps the process alive: an idle open pool never does. `script` is the worker's module (tests give their own).
 */
export function createFilePool(config: Config, size: number, script: URL = WORKER_URL): FilePool {
  let nextId = 0;
  let closed = false;
  const queue: Task[] = [];
  const slots = new Set<Slot>();

  function start(): void {
    const slot: Slot = {
      worker: new Worker(script, { workerData: { config }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }),
      held: new Map(),
    };
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
      slot.worker.postMessage({ id: task.id, file: task.file, share: task.share } satisfies PoolTask);
    }
  }

  return {
    size,
    run(file, share = []) {
      if (closed) return Promise.reject(new Error('the file pool is closed'));
      return new Promise<FileResult>((resolve, reject) => {
        queue.push({ id: nextId++, file, share, resolve, reject });
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
