import { closeSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync, type BigIntStats } from 'node:fs';
import { lstat, mkdir, readlink, readdir, realpath, rename, rm, rmdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { WriteReport } from '../types.js';
import { bytesOf, type PageSource } from './bytes.js';
import { identity, manifestName, readManifest, unchangedSince, writeManifest, type Manifest } from './manifest.js';
import { PathChecker } from './paths.js';
import { removeTree } from './remove.js';
import { sha256 } from '../text/hash.js';

/** Tells apart builds made by one process within one millisecond (dev rebuilds). */
let sequence = 0;

/**
 * `out` is a symbolic link to a complete build in `<out>.builds/<id>/`. A new build is
 * assembled in a fresh folder there as the pages stream in, then the link is replaced with
 * rename(2), which is atomic: a reader or a SIGKILL at any moment sees the previous complete
 * site or the new one, and an error mid-stream (a bad page path, a render failure) leaves the
 * previous site live. Files whose bytes did not change are hard-linked from the previous build,
 * so their mtime stays and a sync to static hosting uploads only what changed; the previous
 * build's manifest (manifest.ts) says which without reading the old files. Older builds are
 * removed afterwards. The caller holds the output lock. Returns the report and the new build folder.
 */
export async function writeNewBuild(pages: PageSource, out: string): Promise<{ report: WriteReport; dir: string }> {
  const buildsDir = `${out}.builds`;
  await mkdir(buildsDir, { recursive: true });
  const live = await liveBuildName(out);
  await removeOtherBuilds(buildsDir, live);
  const previous = await adoptPrevious(out, buildsDir);
  // Only the live build has a manifest; a plain folder adopted from before is compared by reading.
  const manifest = live !== undefined && previous !== undefined && path.basename(previous) === live
    ? readManifest(path.join(buildsDir, manifestName(live)))
    : undefined;
  const id = `${Date.now().toString(36)}-${process.pid}-${++sequence}`;
  const next = path.join(buildsDir, id);
  await mkdir(next);
  let filled: Filled;
  try {
    filled = await fillBuild(pages, next, previous, manifest);
  } catch (err) {
    await discardBuild(next, previous === undefined);
    throw err;
  }
  const { entries, written, unchanged } = filled;
  const before = previous ? (manifest ? [...manifest.keys()] : listFiles(previous)) : [];
  const removed = before.filter((f) => !entries.has(f));
  // Written before the switch: once the link points at the new build, its manifest exists.
  writeManifest(path.join(buildsDir, manifestName(id)), entries);
  await switchLink(out, path.relative(path.dirname(out), next), buildsDir);
  await removeOtherBuilds(buildsDir, id);
  const paths = [...written, ...removed].sort();
  return { report: { written: written.length, unchanged, removed: removed.length, paths }, dir: next };
}

/**
 * Removes a build that failed mid-stream; after a failed first build, the then empty builds
 * folder too, so nothing is left behind. Best effort: the next build sweeps what remains.
 */
async function discardBuild(dir: string, first: boolean): Promise<void> {
  try {
    removeTree(dir);
  } catch {
    // left for the next build's sweep
  }
  if (first) await rmdir(path.dirname(dir)).catch(() => undefined);
}

/**
 * Drops the manifest of build folder `dir` after it was changed in place (`dev`): it no longer
 * describes the folder, so the next new build compares with the files themselves.
 */
export async function forgetManifest(dir: string): Promise<void> {
  await rm(path.join(path.dirname(dir), manifestName(path.basename(dir))), { force: true });
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

interface Filled {
  /** The new build's manifest: every page path, in arrival order. */
  entries: Manifest;
  written: string[];
  unchanged: number;
}

/**
 * Fills the new build folder one page at a time, so only the page at hand is in memory.
 * Synchronous calls on purpose: for thousands of small files they are several times faster than
 * promise-based fs (no thread-pool round trip per call). Each folder is made once, when the
 * first page inside it arrives.
 */
async function fillBuild(pages: PageSource, dir: string, previous: string | undefined, manifest: Manifest | undefined): Promise<Filled> {
  const checker = new PathChecker();
  const folders = new Set<string>();
  const entries: Manifest = new Map();
  const written: string[] = [];
  let unchanged = 0;
  for await (const page of pages) {
    checker.check(page.path);
    makeFolders(dir, page.path, folders);
    const bytes = bytesOf(page);
    const hash = sha256(bytes);
    const target = path.join(dir, page.path);
    const old = previous ? reusable(path.join(previous, page.path), bytes, hash, manifest, page.path) : undefined;
    if (old && tryLink(old.file, target)) {
      unchanged++;
      entries.set(page.path, identity(old.info, hash)); // a hard link shares the old file's inode and mtime
    } else {
      entries.set(page.path, identity(writeFile(target, bytes), hash));
      written.push(page.path);
    }
  }
  return { entries, written, unchanged };
}

/** Makes the folders of `file` (relative to `dir`) that do not exist yet, parents first. */
function makeFolders(dir: string, file: string, made: Set<string>): void {
  for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) {
    const folder = file.slice(0, i);
    if (made.has(folder)) continue;
    mkdirSync(path.join(dir, folder));
    made.add(folder);
  }
}

/**
 * The previous build's `old` file when it holds exactly `bytes`, with its lstat. With a manifest:
 * a different or missing hash answers at once; a matching one is trusted only while the file is
 * untouched since (one lstat), else the bytes are compared. Without a manifest the old file is read.
 */
function reusable(old: string, bytes: Buffer, hash: string, manifest: Manifest | undefined, page: string): { file: string; info: BigIntStats } | undefined {
  const entry = manifest?.get(page);
  if (manifest && (entry?.hash !== hash || entry.size !== bytes.byteLength)) return undefined;
  const info = lstatSync(old, { bigint: true, throwIfNoEntry: false });
  if (!info?.isFile() || Number(info.size) !== bytes.byteLength) return undefined;
  if (entry && unchangedSince(info, entry)) return { file: old, info };
  return bytes.equals(readFileSync(old)) ? { file: old, info } : undefined;
}

/** Writes a new file and returns its identity (fstat on the open file: no second path lookup). */
function writeFile(file: string, bytes: Buffer): BigIntStats {
  const fd = openSync(file, 'wx');
  try {
    for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at);
    return fstatSync(fd, { bigint: true });
  } finally {
    closeSync(fd);
  }
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
  const kept = keep === undefined ? [] : [keep, manifestName(keep)];
  for (const name of await readdir(buildsDir)) {
    if (!kept.includes(name)) removeTree(path.join(buildsDir, name));
  }
}

/** Every file below `dir`, POSIX paths relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
