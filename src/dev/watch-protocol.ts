// What dev's watcher (watch.ts) and its worker thread (watch-worker.ts) share: messages and which paths are input.
import path from 'node:path';

/** What the worker is started with. */
export interface WatchWorkerData {
  /** Folders, absolute. */
  roots: string[];
  /** Single files (the config), absolute. */
  files: string[];
}

/** Worker -> dev: something happened to `file`; ready; or failed. */
export type WatchWorkerMessage = { kind: 'path'; file: string } | { kind: 'ready' } | { kind: 'error'; message: string };

/**
 * Names that are never site input: dot-files and dot-folders (`.raw/` originals kept by ingest,
 * `.git`, editors' swap files `.x.swp`, `.#x` locks), backups `x~`, autosaves `#x#`, node_modules.
 * Only the part below a watched root is looked at, so a project living under a dot-folder still works.
 * chokidar calls this for every entry each time it re-reads a folder: string work only.
 */
export function isIgnoredPath(roots: readonly string[], file: string): boolean {
  const root = roots.find((r) => file.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  if (root === undefined) return false; // a root itself, or outside them
  const rel = file.slice(root.endsWith(path.sep) ? root.length : root.length + 1);
  return rel
    .split(path.sep)
    .some((part) => part.startsWith('.') || part.endsWith('~') || (part.startsWith('#') && part.endsWith('#')) || part === 'node_modules');
}
