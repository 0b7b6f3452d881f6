import { lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Removes `target` and everything below it (a superseded or half-written build, a stray file);
 * a missing target is fine. Every rebuild removes the previous build, as many files as the
 * site has, so this is lean: synchronous calls (no thread-pool round trip per file, as with
 * fs/promises `rm`), and readdir's entry types decide file or folder (no lstat per entry, no
 * failed rmdir per folder). Symbolic links are unlinked, never followed.
 */
export function removeTree(target: string): void {
  // lstat, not readdir straight away: readdir would follow a link (a killed build's `.link-*`)
  // into the folder it points at.
  const info = lstatSync(target, { throwIfNoEntry: false });
  if (!info) return;
  if (info.isDirectory()) removeFolder(target);
  else unlinkMissingOk(target);
}

/** Below the top, entry types from readdir (never following links) say what each entry is. */
function removeFolder(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) removeFolder(child);
    else unlinkMissingOk(child);
  }
  rmdirSync(dir);
}

function unlinkMissingOk(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
