import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readlink, readdir, realpath, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { Page, WriteReport } from '../types.js';
import { bytesOf } from './bytes.js';

/** Tells apart builds made by one process within one millisecond (dev rebuilds). */
let sequence = 0;

/**
 * `out` is a symbolic link to a complete build in `<out>.builds/<id>/`. A new build is
 * assembled in a fresh folder there, then the link is replaced with rename(2), which is atomic:
 * a reader or a SIGKILL at any moment sees the previous complete site or the new one. Files
 * whose bytes did not change are hard-linked from the previous build, so their mtime stays and
 * a sync to static hosting uploads only what changed. Older builds are removed afterwards.
 * The caller holds the output lock. Returns the report and the new build folder.
 */
export async function writeNewBuild(pages: Page[], out: string): Promise<{ report: WriteReport; dir: string }> {
  const buildsDir = `${out}.builds`;
  await mkdir(buildsDir, { recursive: true });
  await removeOtherBuilds(buildsDir, await liveBuildName(out));
  const previous = await adoptPrevious(out, buildsDir);
  const id = `${Date.now().toString(36)}-${process.pid}-${++sequence}`;
  const next = path.join(buildsDir, id);
  await mkdir(next);
  const { written, unchanged } = fillBuild(pages, next, previous);
  const wanted = new Set(pages.map((p) => p.path));
  const removed = previous ? listFiles(previous).filter((f) => !wanted.has(f)) : [];
  await switchLink(out, path.relative(path.dirname(out), next), buildsDir);
  await removeOtherBuilds(buildsDir, id);
  const paths = [...written, ...removed].sort();
  return { report: { written: written.length, unchanged, removed: removed.length, paths }, dir: next };
}

/** The build folder `out` links to, if it is a link. */
export async function liveBuildDir(out: string): Promise<string | undefined> {
  const target = await readlink(out).catch(() => undefined);
  return target === undefined ? undefined : path.resolve(path.dirname(out), target);
}

async function liveBuildName(out: string): Promise<string | undefined> {
  const dir = await liveBuildDir(out);
  return dir === undefined ? undefined : path.basename(dir);
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

/**
 * Fills the new build folder. Synchronous calls on purpose: for thousands of small files they
 * are several times faster than promise-based fs (no thread-pool round trip per call), and the
 * build has nothing else to do meanwhile.
 */
function fillBuild(pages: Page[], dir: string, previous: string | undefined): { written: string[]; unchanged: number } {
  for (const folder of foldersOf(pages)) mkdirSync(path.join(dir, folder));
  const written: string[] = [];
  let unchanged = 0;
  for (const page of pages) {
    const bytes = bytesOf(page);
    const target = path.join(dir, page.path);
    const old = previous ? path.join(previous, page.path) : undefined;
    if (old && sameBytes(old, bytes) && tryLink(old, target)) {
      unchanged++;
    } else {
      writeFileSync(target, bytes);
      written.push(page.path);
    }
  }
  return { written, unchanged };
}

/** Every folder the pages need, parents before children. */
function foldersOf(pages: Page[]): string[] {
  const folders = new Set<string>();
  for (const page of pages) {
    const parts = page.path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders].sort();
}

function sameBytes(file: string, bytes: Buffer): boolean {
  const info = lstatSync(file, { throwIfNoEntry: false });
  if (!info?.isFile() || info.size !== bytes.byteLength) return false;
  return bytes.equals(readFileSync(file));
}

/** Hard link keeps the old inode, hence its mtime. False where links are not possible. */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
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
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
