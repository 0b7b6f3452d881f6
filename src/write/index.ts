import { link, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, WriteReport } from '../types.js';
import { acquireLock } from './lock.js';
import { assertWritablePages } from './paths.js';
import { eachLimited } from '../build/concurrency.js';

export { LockError } from './lock.js';

export interface WriteOptions {
  /** How long to wait for another build holding the output lock (ms). */
  lockTimeoutMs?: number;
}

/** Tells apart builds made by one process within one millisecond (dev rebuilds). */
let sequence = 0;

/** Files handled at once: enough to overlap disk I/O without exhausting file descriptors. */
const CONCURRENCY = 16;

/**
 * write: pages -> outDir, atomically, touching only what changed.
 *
 * `outDir` is a symbolic link to a complete build in `<outDir>.builds/<id>/`. A new build is
 * assembled in a fresh folder there, then the link is replaced with rename(2), which is atomic:
 * a reader or a SIGKILL at any moment sees the previous complete site or the new one. Files
 * whose bytes did not change are hard-linked from the previous build, so their mtime stays and
 * a sync to static hosting uploads only what changed. Older builds are removed afterwards.
 */
export async function writeSite(pages: Page[], outDir: string, options: WriteOptions = {}): Promise<WriteReport> {
  assertWritablePages(pages);
  const out = path.resolve(outDir);
  const release = await acquireLock(out, options.lockTimeoutMs ?? 60_000);
  try {
    const buildsDir = `${out}.builds`;
    await mkdir(buildsDir, { recursive: true });
    await removeOtherBuilds(buildsDir, await liveBuildName(out));
    const previous = await adoptPrevious(out, buildsDir);
    const id = `${Date.now().toString(36)}-${process.pid}-${++sequence}`;
    const next = path.join(buildsDir, id);
    await mkdir(next);
    const counts = await fillBuild(pages, next, previous);
    const wanted = new Set(pages.map((p) => p.path));
    const removed = previous ? (await listFiles(previous)).filter((f) => !wanted.has(f)).length : 0;
    await switchLink(out, path.relative(path.dirname(out), next), buildsDir);
    await removeOtherBuilds(buildsDir, id);
    return { ...counts, removed };
  } finally {
    await release();
  }
}

/** Name of the build folder `out` links to, if it is a link. */
async function liveBuildName(out: string): Promise<string | undefined> {
  const target = await readlink(out).catch(() => undefined);
  return target === undefined ? undefined : path.basename(target);
}

/**
 * The folder holding the live site, if any. A plain `outDir` folder (first build with this
 * writer, or one made by hand) is moved into the builds folder so it can be linked from.
 */
async function adoptPrevious(out: string, buildsDir: string): Promise<string | undefined> {
  const info = await lstat(out).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return realpath(out).catch(() => undefined);
  if (!info.isDirectory()) throw new Error(`write: ${out} exists and is not a folder; move it away`);
  const adopted = path.join(buildsDir, `adopted-${process.pid}`);
  await rename(out, adopted);
  return adopted;
}

async function fillBuild(pages: Page[], dir: string, previous: string | undefined): Promise<Omit<WriteReport, 'removed'>> {
  const folders = new Set(pages.map((p) => path.posix.dirname(p.path)).filter((d) => d !== '.'));
  for (const folder of [...folders].sort()) await mkdir(path.join(dir, folder), { recursive: true });
  let written = 0;
  let unchanged = 0;
  await eachLimited(pages, CONCURRENCY, async (page) => {
    const bytes = typeof page.content === 'string' ? Buffer.from(page.content, 'utf8') : page.content;
    const target = path.join(dir, page.path);
    const old = previous ? path.join(previous, page.path) : undefined;
    if (old && (await sameBytes(old, bytes)) && (await tryLink(old, target))) {
      unchanged++;
    } else {
      await writeFile(target, bytes);
      written++;
    }
  });
  return { written, unchanged };
}

async function sameBytes(file: string, bytes: Uint8Array): Promise<boolean> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile() || info.size !== bytes.byteLength) return false;
  return Buffer.from(bytes).equals(await readFile(file));
}

/** Hard link keeps the old inode, hence its mtime. False where links are not possible. */
async function tryLink(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Points `out` at `target` (relative to out's folder) by renaming a fresh link over it. */
async function switchLink(out: string, target: string, buildsDir: string): Promise<void> {
  const tmpLink = path.join(buildsDir, `.link-${process.pid}`);
  await rm(tmpLink, { force: true });
  await symlink(target, tmpLink, 'dir');
  await rename(tmpLink, out);
}

/** Removes superseded and half-written builds (from killed runs); we hold the lock. */
async function removeOtherBuilds(buildsDir: string, keep: string | undefined): Promise<void> {
  for (const name of await readdir(buildsDir)) {
    if (name !== keep) await rm(path.join(buildsDir, name), { recursive: true, force: true });
  }
}

/** Every file below `dir`, POSIX paths relative to it. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else files.push(rel);
  }
  return files;
}
