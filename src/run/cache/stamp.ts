import { readFileSync, statSync, type Stats } from 'node:fs';
import type { FileStamp } from '../../model/index.js';
import { stampOf } from '../../stages/load/stamp.js';
import { compareCodeUnits } from '../../text/compare.js';

/**
 * A file changed this soon before its stamp was taken could change again within the same
 * timestamp tick without its stat showing it (git's "racily clean" entries). 2 s covers coarse
 * file-system clocks (FAT) and a little clock skew; such files are compared by content instead.
 */
export const RACY_MS = 2000;

/**
 * The stamp of `file` now; undefined when it cannot be read. When `known` (taken at `stampedAt` or
 * later) has the same stat and is not racy, its hash is reused without reading the file. Stat comes
 * before the read, so a change after the stat shows up as a different stat next time.
 */
export function stampFile(file: string, known?: FileStamp, stampedAt = 0): FileStamp | undefined {
  try {
    const info = statSync(file);
    if (known && provablyUnchanged(info, known, stampedAt)) return known;
    return stampOf(info, readFileSync(file));
  } catch {
    return undefined; // unreadable or gone: processing the file reports it
  }
}

/** Same size, times and inode as `known`, and `known` is older than the racy window before `stampedAt`. */
export function provablyUnchanged(info: Stats, known: FileStamp, stampedAt: number): boolean {
  return (
    info.size === known.size &&
    info.mtimeMs === known.mtimeMs &&
    info.ctimeMs === known.ctimeMs &&
    info.ino === known.ino &&
    Math.max(known.mtimeMs, known.ctimeMs) < stampedAt - RACY_MS
  );
}

/** JSON with object keys sorted at every level: equal values give equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareCodeUnits(a, b)))
      : v,
  );
}
