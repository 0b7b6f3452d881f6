import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../pipeline/article.js';
import type { Config } from '../types.js';

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

interface Task { id: number; file: string; resolve: (r: FileResult) => void; reject: (e: Error) => void }

interface Slot { worker: Worker; task?: Task }

const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * `size` workers, each running load -> normalize -> extract -> terms on one file at a time, so a
 * worker that dies (a crash in native code, running out of memory) fails exactly the file it held;
 * it is replaced for the files still to come. Workers are unref'd: an open pool never keeps the
 * process alive. `script` is the worker's module (tests give their own).
 */
export function createFilePool(config: Config, size: number, script: URL = WORKER_URL): FilePool {
  let nextId = 0;
  let closed = false;
  const queue: Task[] = [];
  const slots = new Set<Slot>();

  function start(): void {
    const slot: Slot = { worker: new Worker(script, { workerData: { config } }) };
    slot.worker.unref();
    slot.worker.on('message', (reply: PoolReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.task = undefined;
      if ('error' in reply) task.reject(new Error(reply.error));
      else task.resolve(reply.result);
      feed(slot);
    });
    const fail = (err: Error): void => {
      if (!slots.delete(slot)) return;
      slot.task?.reject(err);
      slot.task = undefined;
      if (!closed && queue.length > 0) start();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`the worker thread stopped (exit code ${code})`)));
    slots.add(slot);
    feed(slot);
  }

  function feed(slot: Slot): void {
    const task = queue.shift();
    if (!task) return;
    slot.task = task;
    slot.worker.postMessage({ id: task.id, file: task.file } satisfies PoolTask);
  }

  return {
    size,
    run(file) {
      if (closed) return Promise.reject(new Error('the file pool is closed'));
      return new Promise<FileResult>((resolve, reject) => {
        queue.push({ id: nextId++, file, resolve, reject });
        const idle = [...slots].find((s) => !s.task);
        if (idle) feed(idle);
        else if (slots.size < size) start();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the file pool was closed'));
      await Promise.all([...slots].map((s) => s.worker.terminate()));
    },
  };
}
