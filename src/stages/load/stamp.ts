import type { Stats } from 'node:fs';
import type { FileStamp } from '../../model/index.js';
import { sha256 } from '../../text/hash.js';

/** The stamp of `bytes`, read after `info` was taken from the same file. */
export function stampOf(info: Stats, bytes: Buffer): FileStamp {
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, hash: sha256(bytes) };
}
