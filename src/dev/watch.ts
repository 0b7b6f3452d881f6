import { statSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { Settler } from './settle.js';

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

export const defaultTiming: WatchTiming = { stabilityMs: 100, pollMs: 20, batchMs: 25, settleMs: 250 };

export interface WatchOptions {
  /** Folders to watch with everything below them. */
  dirs: string[];
  /** Single files (the config): watched through their folder, so creating one later is seen too. */
  files?: string[];
  timing: WatchTiming;
  /** Absolute paths added, changed or removed since the last call; never empty. */
  onChange: (paths: string[]) => void;
  onError: (err: Error) => void;
}

export interface Watcher {
  close(): Promise<void>;
}

/**
 * Names that are never site input: dot-files and dot-folders (`.raw/` originals kept by ingest,
 * `.git`, editors' swap files `.x.swp`, `.#x` locks), backups `x~`, autosaves `#x#`, node_modules.
 * Only the part below a watched root is looked at, so a project living under a dot-folder still works.
 */
export function isIgnoredPath(roots: readonly string[], file: string): boolean {
  const root = roots.find((r) => file === r || file.startsWith(r + path.sep));
  if (root === undefined) return false;
  const rel = path.relative(root, file);
  if (rel === '') return false;
  return rel.split(path.sep).some((part) =>
    part.startsWith('.') || part.endsWith('~') || (part.startsWith('#') && part.endsWith('#')) || part === 'node_modules');
}

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

/**
 * Watches inputs with chokidar (no globs: chokidar 4+ dropped them) and hands over batches of
 * changed paths, each once it is complete on disk. chokidar learns which file was added to a
 * folder by listing and stat-ing the whole folder (hundreds of ms at 10,000 articles), so its raw
 * fs.watch events, which name the file at once, start the completeness check early; its own events
 * still follow and catch anything the raw events missed (the Settler reports each change once).
 */
export async function watchInputs(options: WatchOptions): Promise<Watcher> {
  const { timing } = options;
  const roots = options.dirs.map((p) => path.resolve(p));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = [...pending].sort();
    pending.clear();
    if (batch.length > 0) options.onChange(batch);
  };
  const note = (file: string) => {
    pending.add(path.resolve(file));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, timing.batchMs);
  };
  const settler = new Settler(timing, note);

  const onError = (err: unknown) => options.onError(err instanceof Error ? err : new Error(String(err)));
  const watchers: FSWatcher[] = [
    watch(roots, {
      ignoreInitial: true,
      ignored: (file: string) => isIgnoredPath(roots, path.resolve(file)),
    }),
  ];
  const files = new Set((options.files ?? []).map((f) => path.resolve(f)));
  if (files.size > 0) {
    // chokidar misses later changes to a watched file that did not exist at the start; watching
    // its folder one level deep, with everything else in it ignored, sees creation, change and removal.
    const parents = new Set([...files].map((f) => path.dirname(f)));
    watchers.push(watch([...parents], {
      ignoreInitial: true,
      depth: 0,
      ignored: (file: string) => !parents.has(path.resolve(file)) && !files.has(path.resolve(file)),
    }));
  }
  await Promise.all(watchers.map((watcher) => {
    // Folder events are left out: chokidar reports every file added or removed inside them anyway.
    watcher.on('all', (event, file) => {
      if (event === 'add' || event === 'change' || event === 'unlink') settler.touch(path.resolve(file));
    });
    watcher.on('error', onError);
    return new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }));
  watchers[0]!.on('raw', (_event, name, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!name || !watched) return;
    const file = path.resolve(rawEventPath(watched, name));
    if (roots.some((r) => file.startsWith(r + path.sep)) && !isIgnoredPath(roots, file)) settler.touch(file);
  });

  return {
    async close() {
      if (timer) clearTimeout(timer);
      settler.close();
      await Promise.all(watchers.map((w) => w.close()));
    },
  };
}
