import { readFileSync, statSync, type Stats } from 'node:fs';
import { sha256 } from '../../text/hash.js';
import { compareCodeUnits } from '../../text/compare.js';

/** What identifies one input file's bytes: stat fields, cheap to compare, and the sha256 of the bytes. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** Changes on every write and every metadata change, and cannot be set back (unlike mtime). */
  ctimeMs: number;
  ino: number;
  /** sha256 hex of the bytes. */
  hash: string;
}

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

/** The stamp of `bytes`, read after `info` was taken from the same file. */
export function stampOf(info: Stats, bytes: Buffer): FileStamp {
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, hash: sha256(bytes) };
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
