// Runs chokidar in a worker thread for watchInputs (watch.ts). chokidar learns which file was
// added to a folder by listing and stat-ing the whole folder, twice per saved file (the write's
// second event lands in its 1 s re-read throttle and re-reads once more at the end): on a large
// folder that is event-loop time the quick preview would otherwise wait for (scripts/bench-watch.ts
// measures it). Here it runs beside the preview; libuv's thread pool, where its lstat calls run, is still shared.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { FSWatcher, watch } from 'chokidar';
import { isIgnoredPath, type WatchWorkerData, type WatchWorkerMessage } from './watch-protocol.js';

/**
 * The file a raw fs.watch event names: `name` inside the watched folder, or the watched file itself
 * (a file's own watcher reports its base name).
 */
function rawEventPath(watched: string, name: string): string {
  if (path.basename(watched) === name) {
    try {
      if (!statSync(watched).isDirectory()) return watched;
    } catch {
      return watched; // gone: it was the file
    }
  }
  return path.join(watched, name);
}

/** Resolves on the watcher's `ready` event. */
function ready(watcher: FSWatcher): Promise<void> {
  return new Promise((resolve) => watcher.once('ready', () => resolve()));
}

/**
 * chokidar watches a path that does not exist yet through its parent folder, and sees it created
 * there; but it sets that up only after `ready` (and a missing path in the same call makes `ready`
 * come early). So folders that exist are watched first, and the missing ones are added after, and
 * waited for until their parent shows among the watched entries.
 */
async function addMissing(watcher: FSWatcher, missing: string[]): Promise<void> {
  if (missing.length === 0) return;
  watcher.add(missing);
  const covered = () => {
    const watched = watcher.getWatched();
    return missing.every((r) => watched[path.dirname(path.dirname(r))]?.includes(path.basename(path.dirname(r))));
  };
  for (let tries = 0; tries < 200 && !covered(); tries++) await new Promise((r) => setTimeout(r, 10));
}

/**
 * chokidar's options, chosen for the per-save cost (none removes the folder re-read itself):
 * - `ignored` is a function (chokidar 4+ has no globs) and is called for every entry of every
 *   re-read, so it only compares strings (paths reach it absolute, as the roots are);
 * - `ignoreInitial`: the first build reads every file itself;
 * - `atomic: false` and no `awaitWriteFinish`: the Settler on dev's side already turns delete +
 *   re-create into one change and waits for complete files (100 ms, not chokidar's 2 s default),
 *   so chokidar's 100 ms unlink delay would only add timers;
 * - `alwaysStat: false`: events carry no stats (dev stats the file itself).
 * `attach` gets each watcher as soon as it exists, so no event or error goes unheard while
 * starting. Exported for scripts/bench-watch.ts.
 */
export async function startWatchers(roots: string[], files: Set<string>, attach: (watcher: FSWatcher) => void): Promise<FSWatcher[]> {
  // chokidar hands `ignored` paths with forward slashes; only Windows needs them back in its form.
  const native = path.sep === '/' ? (file: string) => file : (file: string) => path.resolve(file);
  const common = { ignoreInitial: true, atomic: false, awaitWriteFinish: false, alwaysStat: false } as const;
  const main = new FSWatcher({ ...common, ignored: (file: string) => isIgnoredPath(roots, native(file)) });
  attach(main);
  const existing = roots.filter((r) => existsSync(r));
  if (existing.length > 0) {
    main.add(existing);
    await ready(main);
  }
  await addMissing(
    main,
    roots.filter((r) => !existing.includes(r)),
  );
  const watchers = [main];
  if (files.size > 0) {
    // chokidar misses later changes to a watched file that did not exist at the start; watching
    // its folder one level deep, with everything else in it ignored, sees creation, change and removal.
    const parents = new Set([...files].map((f) => path.dirname(f)));
    const parentWatcher = watch([...parents], {
      ...common,
      depth: 0,
      ignored: (file: string) => !parents.has(native(file)) && !files.has(native(file)),
    });
    attach(parentWatcher);
    await ready(parentWatcher);
    watchers.push(parentWatcher);
  }
  return watchers;
}

async function run(port: NonNullable<typeof parentPort>, data: WatchWorkerData): Promise<void> {
  const post = (message: WatchWorkerMessage) => port.postMessage(message);
  const { roots } = data;
  const onPath = (file: string) => post({ kind: 'path', file });
  const watchers = await startWatchers(roots, new Set(data.files), (watcher) => {
    // Folder events are left out: chokidar reports every file added or removed inside them anyway.
    watcher.on('all', (event, file) => {
      if (event === 'add' || event === 'change' || event === 'unlink') onPath(path.resolve(file));
    });
    watcher.on('error', (err) => post({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
  });
  // Raw fs.watch events name the file at once, before chokidar's re-read of the folder: they
  // start dev's completeness check; chokidar's own events follow and catch anything they missed.
  watchers[0]!.on('raw', (_event, name, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!name || !watched) return;
    const file = path.resolve(rawEventPath(watched, name));
    if (roots.some((r) => file.startsWith(r + path.sep)) && !isIgnoredPath(roots, file)) onPath(file);
  });
  post({ kind: 'ready' });
}

if (parentPort) await run(parentPort, workerData as WatchWorkerData);
