import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Settler } from './settle.js';
import type { WatchWorkerData, WatchWorkerMessage } from './watch-protocol.js';

export interface WatchTiming {
  /**
   * A file counts as complete once its size, mtime and inode have not changed for this long, counted
   * from the last write seen (see settle.ts): an editor saving in chunks never triggers a build of
   * half a file, as long as it pauses less than this between chunks. Shorter is faster, longer is
   * safer for slow writers; editors that save in one write or by renaming a temp file are safe at any value.
   */
  stabilityMs: number;
  /** How often a file being written is looked at. */
  pollMs: number;
  /** Changes arriving within this quiet period are handed over together (copying 1,000 files: few batches). */
  batchMs: number;
  /**
   * After a quick preview's reload, the full rebuild waits this long, so open browsers fetch the
   * new page while the server is free (the rebuild keeps the process busy for seconds on a large site).
   */
  settleMs: number;
}

export const defaultTiming: WatchTiming = { stabilityMs: 100, pollMs: 10, batchMs: 25, settleMs: 250 };

export interface WatchOptions {
  /** Folders to watch with everything below them. */
  dirs: string[];
  /** Single files (the config): watched through their folder, so creating one later is seen too. */
  files?: string[];
  timing: WatchTiming;
  /** Absolute paths added, changed or removed since the last call, each complete on disk; never empty. */
  onChange: (paths: string[]) => void;
  /**
   * Absolute paths of files that look complete already (see Settler's `early`): for a quick
   * preview only, since a writer may not be done; each is handed to `onChange` once it is.
   */
  onEarly?: (paths: string[]) => void;
  onError: (err: Error) => void;
}

export interface Watcher {
  close(): Promise<void>;
}

/**
 * Watches inputs with chokidar, in a worker thread (watch-worker.ts says why), and hands over
 * batches of changed paths, each once it is complete on disk (Settler, on this thread, started by
 * the first raw event of a save).
 */
export async function watchInputs(options: WatchOptions): Promise<Watcher> {
  const { timing } = options;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = [...pending].sort();
    pending.clear();
    if (batch.length > 0) options.onChange(batch);
  };
  const note = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, timing.batchMs);
  };
  // Early reports of one look (one poll tick) go together; later ones are merged by their consumer.
  const early = new Set<string>();
  const noteEarly = options.onEarly
    ? (file: string) => {
        if (early.size === 0)
          setImmediate(() => {
            const batch = [...early].sort();
            early.clear();
            if (!closing) options.onEarly!(batch);
          });
        early.add(file);
      }
    : undefined;
  let closing = false;
  const settler = new Settler(timing, note, noteEarly);

  const workerData: WatchWorkerData = {
    roots: options.dirs.map((p) => path.resolve(p)),
    files: (options.files ?? []).map((f) => path.resolve(f)),
  };
  const worker = new Worker(new URL('./watch-worker.js', import.meta.url), { workerData });
  // Before `ready` a failure rejects (dev does not start); after it, it is reported and dev keeps serving.
  let started = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => (started ? options.onError(err) : reject(err));
    worker.on('message', (message: WatchWorkerMessage) => {
      if (message.kind === 'path') settler.touch(message.file);
      else if (message.kind === 'ready') {
        started = true;
        resolve();
      } else fail(new Error(message.message));
    });
    worker.on('error', fail);
    worker.once('exit', (code) => {
      if (!closing) fail(new Error(`the watcher stopped (exit code ${code}): restart dev to see changes again`));
    });
  });

  return {
    async close() {
      closing = true;
      if (timer) clearTimeout(timer);
      settler.close();
      await worker.terminate(); // closes its fs.watch handles with the thread
    },
  };
}
