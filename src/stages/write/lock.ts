import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Two builds writing one output folder at once: the later one waited too long. */
export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
}

interface Owner {
  pid: number;
  host: string;
  started: string;
}

/** A lock folder with no owner file yet is fresh for this long (its creator is about to write it). */
const OWNERLESS_GRACE_MS = 5_000;
const POLL_MS = 100;

/**
 * Takes `<outDir>.lock`, waiting up to `timeoutMs` for another build to finish. The lock folder is
 * made complete (owner file inside) under a temporary name and renamed into place: rename is
 * atomic and fails onto a non-empty folder, so a build killed at any moment never leaves a lock
 * without an owner.
 * A lock left by a process that no longer runs on this host (a killed build) is taken over.
 * Returns the release function.
 */
export async function acquireLock(outDir: string, timeoutMs: number): Promise<() => Promise<void>> {
  const lockDir = `${outDir}.lock`;
  const deadline = Date.now() + timeoutMs;
  await mkdir(path.dirname(lockDir), { recursive: true });
  for (;;) {
    if (await tryTake(lockDir)) {
      await removeDrafts(lockDir);
      return () => discard(lockDir);
    }
    const owner = await readOwner(lockDir);
    if (await isStale(lockDir, owner)) {
      await discard(lockDir);
      continue;
    }
    if (Date.now() >= deadline) throw new LockError(busyMessage(outDir, lockDir, owner, timeoutMs));
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** One attempt at taking the lock; false when another build holds it. */
async function tryTake(lockDir: string): Promise<boolean> {
  const draft = await mkdtemp(`${lockDir}.new-`);
  try {
    const owner: Owner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
    await writeFile(path.join(draft, 'owner.json'), JSON.stringify(owner));
    await rename(draft, lockDir);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Taken by another build (ENOTEMPTY/EEXIST), or our draft was swept by the holder (ENOENT).
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR' && code !== 'ENOENT') throw err;
    return false;
  } finally {
    await rm(draft, { recursive: true, force: true });
  }
}

/**
 * Removes a lock folder by first renaming it away (atomic), so the name is free at once. Removing
 * it in place would empty it first, and a waiter's rename can land on the empty folder meanwhile.
 */
async function discard(lockDir: string): Promise<void> {
  const away = `${lockDir}.old-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  try {
    await rename(lockDir, away);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // already gone
    throw err;
  }
  await rm(away, { recursive: true, force: true });
}

/** Drafts and discarded locks left by killed builds (`.new-*`, `.old-*`); the lock holder sweeps them. */
async function removeDrafts(lockDir: string): Promise<void> {
  const base = path.basename(lockDir);
  const names = await readdir(path.dirname(lockDir)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(`${base}.new-`) || n.startsWith(`${base}.old-`))
      // Best effort: another build may be removing the same leftover at this moment.
      .map((n) => rm(path.join(path.dirname(lockDir), n), { recursive: true, force: true }).catch(() => undefined)),
  );
}

async function readOwner(lockDir: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(path.join(lockDir, 'owner.json'), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

async function isStale(lockDir: string, owner: Owner | undefined): Promise<boolean> {
  if (!owner) {
    const info = await stat(lockDir).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > OWNERLESS_GRACE_MS;
  }
  return owner.host === os.hostname() && !isRunning(owner.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busyMessage(outDir: string, lockDir: string, owner: Owner | undefined, timeoutMs: number): string {
  const who = owner ? `pid ${owner.pid} on ${owner.host}, started ${owner.started}` : 'unknown process';
  return (
    `another parkpress build (${who}) is writing ${outDir}; gave up after waiting ${Math.round(timeoutMs / 1000)} s. ` +
    `If no build is running, delete ${lockDir}`
  );
}
