import { existsSync } from 'node:fs';
import path from 'node:path';
import { Settler } from './settle.js';
import { TreeWatcher } from './tree-watch.js';

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
 * Watches inputs (TreeWatcher: one fs.watch per folder) and hands over batches of changed paths,
 * each once it is complete on disk (Settler).
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
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, timing.batchMs);
  };
  const settler = new Settler(timing, note);
  const onPath = (file: string) => settler.touch(file);

  const existing = roots.filter((r) => existsSync(r));
  const watchers = [new TreeWatcher({ ignored: (file) => isIgnoredPath(roots, file), onPath, onError: options.onError })];
  for (const root of existing) watchers[0]!.add(root);
  // Single files (the config) and folders that do not exist yet are watched through their parent
  // folder, so creating them later or replacing them (editors save by renaming a temp file over the
  // original) is seen too; the rest of the parent folder is ignored.
  const files = new Set((options.files ?? []).map((f) => path.resolve(f)));
  const missing = roots.filter((r) => !existing.includes(r));
  const parents = new Set([...files, ...missing].map((f) => path.dirname(f)));
  if (parents.size > 0) {
    const wanted = (file: string): boolean => parents.has(file) || files.has(file) ||
      missing.some((r) => file === r || (file.startsWith(r + path.sep) && !isIgnoredPath(roots, file)));
    const parentWatcher = new TreeWatcher({ ignored: (file) => !wanted(file), onPath, onError: options.onError });
    for (const parent of parents) parentWatcher.add(parent);
    watchers.push(parentWatcher);
  }

  return {
    async close() {
      if (timer) clearTimeout(timer);
      settler.close();
      for (const w of watchers) w.close();
    },
  };
}
