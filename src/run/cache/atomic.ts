import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` whole or not at all: a temporary file beside it, then rename(2) over it. `bytes` may
 * come in chunks, made as they are written, so a large file is never held whole in memory.
 */
export async function writeAtomically(file: string, bytes: Uint8Array | Iterable<Uint8Array>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await writeFile(tmp, bytes); // an iterable is written chunk by chunk, each taken as the last is written
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
