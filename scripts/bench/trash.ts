// Old outputs are moved aside while the bench runs and deleted only at its end. On ext4 without a
// journal (this benchmark machine's disk), a new inode is found only past every inode freed in the
// last minutes (the kernel's recently_deleted check), so deleting a 50,000-entry output just before
// a timed build made that build's file creation several times slower: a cost of the bench's own
// cleanup, landing on whichever tool ran next (docs/bench.md has the measurements).
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let moved = 0;

function trashDir(workspace: string): string {
  return path.join(workspace, 'trash');
}

/** Moves `target` (if it exists) into the workspace's trash, out of every tool's way. */
export async function setAside(workspace: string, target: string): Promise<void> {
  const trash = trashDir(workspace);
  await mkdir(trash, { recursive: true });
  await rename(target, path.join(trash, `${process.pid}-${++moved}-${path.basename(target)}`)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

/** Deletes what was set aside (at the bench's start, what a killed run left; at its end, this run's). */
export async function emptyTrash(workspace: string): Promise<void> {
  await rm(trashDir(workspace), { recursive: true, force: true });
}
