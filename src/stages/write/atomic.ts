import { readdirSync } from 'node:fs';
import { lstat, mkdir, readlink, readdir, realpath, rename, rm, rmdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { WriteReport } from '../../model/index.js';
import { bytesOf, type PageSource } from './bytes.js';
import { BuildFiller, type Filled } from './fill.js';
import { manifestName, readManifest, type Manifest } from './manifest.js';
import { PathChecker } from './paths.js';
import { compareCodeUnits } from '../../text/compare.js';
import { removeTree } from './remove.js';
import { DEFAULT_LIMITS, MIN_PAGES_FOR_WRITER_THREAD, WriterThread, type WriterLimits } from './thread.js';

/** Tells apart builds made by one process within one millisecond (dev rebuilds). */
let sequence = 0;

/**
 * `out` is a symbolic link to a complete build in `<out>.builds/<id>/`. A new build is
 * assembled in a fresh folder there as the pages stream in, then the link is replaced with
 * rename(2), which is atomic: a reader or a SIGKILL at any moment sees the previous complete
 * site or the new one, and an error mid-stream (a bad page path, a render failure) leaves the
 * previous site live. Files whose bytes did not change are hard-linked from the previous build,
 * so their mtime stays and a sync to static hosting uploads only what changed; the previous
 * build's manifest (manifest.ts) says which without reading the old files.
 *
 * The superseded build is not removed but kept as the spare: the next build renames it into place
 * and turns it into the new one (fill.ts), keeping its folders and every file that is still the
 * live build's, and removing only what the new build lacks. Removing a whole build and making
 * its tens of thousands of folders again would cost more than rendering the site; on ext4 without
 * a journal, new inodes are even slower to find for minutes after many were freed (docs/bench.md).
 * Any other folder (a half build of a killed run) is removed. The caller holds the output lock.
 * Returns the report and the new build folder.
 */
export async function writeNewBuild(
  pages: PageSource,
  out: string,
  thread: Partial<ThreadOptions> = {},
): Promise<{ report: WriteReport; dir: string }> {
  const buildsDir = `${out}.builds`;
  await mkdir(buildsDir, { recursive: true });
  const live = await liveBuildName(out);
  const spare = live === undefined ? undefined : await spareBuild(buildsDir, live);
  await removeOtherBuilds(buildsDir, live, spare);
  const previousDir = await adoptPrevious(out, buildsDir);
  // Only the live build has a manifest; a plain folder adopted from before is compared by reading.
  const manifestFile =
    live !== undefined && previousDir !== undefined && path.basename(previousDir) === live
      ? path.join(buildsDir, manifestName(live))
      : undefined;
  const manifest = manifestFile === undefined ? undefined : readManifest(manifestFile);
  const previous: Previous = { dir: previousDir, manifest, manifestFile: manifest && manifestFile };
  const id = `${Date.now().toString(36)}-${process.pid}-${++sequence}`;
  const next = path.join(buildsDir, id);
  const recycled = spare !== undefined && (await moveSpare(path.join(buildsDir, spare), next));
  if (!recycled) await mkdir(next);
  let filled: Awaited<ReturnType<typeof fillBuild>>;
  try {
    // The manifest is written before the switch: once the link points at the new build, its manifest exists.
    const manifestFile = path.join(buildsDir, manifestName(id));
    filled = await fillBuild(pages, next, previous, manifestFile, { ...DEFAULT_THREAD, ...thread }, recycled);
  } catch (err) {
    await discardBuild(next, previousDir === undefined);
    throw err;
  }
  const { files, written: writtenAt, unchanged, kept, folders, stats } = filled;
  const paths = [...files];
  const written = writtenAt.map((i) => paths[i]!);
  const listing = { paths: ['', ...folders, ...paths], stats };
  const before = previousDir ? (manifest ? [...manifest.keys()] : listFiles(previousDir)) : [];
  const removed = before.filter((f) => !files.has(f));
  await switchLink(out, path.relative(path.dirname(out), next), buildsDir);
  await removeOtherBuilds(buildsDir, id, previousDir === undefined ? undefined : path.basename(previousDir));
  const changed = [...written, ...removed].sort();
  return { report: { written: written.length, unchanged, kept, removed: removed.length, paths: changed, listing }, dir: next };
}

/** The build the new one is compared with, and its manifest (with the file it came from) when usable. */
interface Previous {
  dir: string | undefined;
  manifest: Manifest | undefined;
  manifestFile: string | undefined;
}

/**
 * Removes a build that failed mid-stream and its partial manifest; after a failed first build,
 * the then empty builds folder too, so nothing is left behind. Best effort: the next build sweeps
 * what remains.
 */
async function discardBuild(dir: string, first: boolean): Promise<void> {
  try {
    removeTree(dir);
    removeTree(path.join(path.dirname(dir), manifestName(path.basename(dir))));
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

/** When the writer thread takes over from the main thread, and its limits (tests lower them). */
export interface ThreadOptions extends WriterLimits {
  /** Pages written in the main thread before the rest goes to the writer thread. */
  from: number;
}

const DEFAULT_THREAD: ThreadOptions = { from: MIN_PAGES_FOR_WRITER_THREAD, ...DEFAULT_LIMITS };

/**
 * Fills the new build folder as the pages stream in, so only the pages at hand are in memory.
 * Each path is checked here, before anything is written. The first `thread.from` pages are
 * written in this thread; a longer stream goes on in the writer thread, so rendering the next
 * pages overlaps with writing these. Returns the fill and every page path, in arrival order.
 */
async function fillBuild(
  pages: PageSource,
  dir: string,
  previous: Previous,
  manifestFile: string,
  thread: ThreadOptions,
  recycled: boolean,
): Promise<Filled & { files: Set<string> }> {
  const checker = new PathChecker();
  const local = BuildFiller.start(dir, previous.dir, previous.manifest, manifestFile, recycled);
  let writer: WriterThread | undefined;
  try {
    for await (const page of pages) {
      checker.check(page.path);
      if (writer) {
        await writer.put(page.path, page.content, page.key);
      } else if (local.pages < thread.from) {
        if (page.content === null) local.keep(page.path, page.key);
        else local.put(page.path, bytesOf(page), page.key);
      } else {
        writer = new WriterThread({ state: local.handOver(), previousManifest: previous.manifestFile }, thread);
        await writer.put(page.path, page.content, page.key);
      }
    }
    const filled = writer ? await writer.finish() : local.finish();
    return { ...filled, files: checker.files };
  } catch (err) {
    await writer?.stop();
    throw err;
  }
}

/** Points `out` at `target` (relative to out's folder) by renaming a fresh link over it. */
async function switchLink(out: string, target: string, buildsDir: string): Promise<void> {
  const tmpLink = path.join(buildsDir, `.link-${process.pid}`);
  await rm(tmpLink, { force: true });
  await symlink(target, tmpLink, 'dir');
  await rename(tmpLink, out);
}

/**
 * Removes every entry of the builds folder but the live build, its manifest and the spare (a
 * spare's manifest goes: the spare is checked file by file when recycled); we hold the lock.
 */
async function removeOtherBuilds(buildsDir: string, live: string | undefined, spare: string | undefined): Promise<void> {
  const kept = [live, live === undefined ? undefined : manifestName(live), spare];
  for (const name of await readdir(buildsDir)) {
    if (!kept.includes(name)) removeTree(path.join(buildsDir, name));
  }
}

/**
 * The build to recycle: a folder of the builds folder other than the live one (the superseded
 * build, or a half one from a killed run: fill.ts trusts none of its files unchecked). The last by
 * name, so the choice does not depend on listing order.
 */
async function spareBuild(buildsDir: string, live: string): Promise<string | undefined> {
  const entries = await readdir(buildsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && e.name !== live)
    .map((e) => e.name)
    .sort(compareCodeUnits)
    .at(-1);
}

/** Renames the spare build to the new build's folder; false when it cannot be (a fresh folder is made instead). */
async function moveSpare(spare: string, next: string): Promise<boolean> {
  try {
    await rename(spare, next);
    return true;
  } catch {
    return false;
  }
}

/** Every file below `dir`, as page paths (`a/b/index.html`). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
