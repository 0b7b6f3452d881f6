import path from 'node:path';
import { madePage, type Page, type WriteReport } from '../../model/index.js';
import { forgetManifest, listFiles, liveBuildDir, writeNewBuild, type ThreadOptions } from './atomic.js';
import { manifestName, readManifest, untouchedKeys } from './manifest.js';
import type { PageSource } from './bytes.js';
import { patchInPlace, updateInPlace, type Written } from './in-place.js';
import { acquireLock } from './lock.js';
import { assertOwnOutput } from './ownership.js';
import { assertWritablePages } from './paths.js';
import { MIN_PAGES_FOR_WRITER_THREAD } from './thread.js';

export { LockError } from './lock.js';
export { ForeignOutputError, assertOwnOutput } from './ownership.js';

export interface WriteOptions {
  /** How long to wait for another build holding the output lock (ms). Default 60 s. */
  lockTimeoutMs?: number;
  /**
   * For `dev`: after the first write, update the live build in place, writing only pages
   * whose bytes changed since this process last wrote them (each page atomically, not the
   * site as a whole). Builds for publishing leave this off.
   */
  inPlace?: boolean;
  /**
   * The user's consent to replace an output folder (or link) parkpress did not make, and so
   * delete what it holds (`build --replace-out`). Without it such a folder is refused (ownership.ts).
   */
  replaceForeign?: boolean;
  /** When the writer thread takes over and how much it may have queued (defaults: thread.ts); tests lower them. */
  thread?: Partial<ThreadOptions>;
  /**
   * Pages the caller knows are coming, at least (the builder: one per article). When they reach
   * the writer thread's threshold the thread takes them from the first page on, so the main thread
   * never spends its time on the file-system calls of the first thousands.
   */
  expectedPages?: number;
  /**
   * With `inPlace`, for dev's twin builders (dev/twins.ts), which share one live build: the pages
   * the other one changed there since this one last wrote, compared by reading them. Given (even
   * empty), a writer with no memory of the live build reads every file in it instead of writing a
   * new build, so the twins keep updating one folder in place; 'all': every file is read.
   */
  touched?: readonly string[] | 'all';
}

/** For in-place writers: the build folder this process last wrote and what it holds. */
const remembered = new Map<string, { dir: string; written: Written }>();

/**
 * write: pages -> outDir, atomically, touching only what changed (see atomic.ts for how).
 * Pages are written as they stream in and then dropped, so memory does not grow with the site.
 * An unsafe page path fails the write before the site changes; a lock keeps two builds apart; an
 * output folder parkpress did not make is refused (ForeignOutputError) unless `replaceForeign`.
 */
export async function writeSite(pages: PageSource, outDir: string, options: WriteOptions = {}): Promise<WriteReport> {
  const out = path.resolve(outDir);
  // Before the lock: taking it creates `<out>.lock`, and a foreign folder of that name must stay as it is.
  assertOwnOutput(out, options.replaceForeign);
  const release = await acquireLock(out, options.lockTimeoutMs ?? 60_000);
  try {
    if (!options.inPlace) {
      const { report, dir } = await writeNewBuild(pages, out, writerThreadOptions(options));
      return { ...report, dir };
    }
    return await writeInPlace(await collect(pages), out, options.touched);
  } finally {
    await release();
  }
}

/** The writer thread's options, taking every page when at least its threshold of them are expected. */
export function writerThreadOptions({ thread, expectedPages = 0 }: WriteOptions): Partial<ThreadOptions> {
  return expectedPages >= (thread?.from ?? MIN_PAGES_FOR_WRITER_THREAD) ? { ...thread, from: 0 } : { ...thread };
}

/**
 * `dev`: compares with what this process wrote last, so it keeps every page's content anyway;
 * the stream is collected and checked whole, so a bad page changes nothing of the live site.
 */
async function writeInPlace(pages: Page[], out: string, touched: WriteOptions['touched']): Promise<WriteReport> {
  assertWritablePages(pages);
  const live = await liveBuildDir(out);
  // Only trust memory while the live build is still the one this process wrote.
  const last = sharedRecord(remembered.get(out), live, touched);
  remembered.delete(out); // until a write succeeds
  if (last && last.dir === live) {
    const update = tryUpdateInPlace(pages, last.dir, last.written);
    if (update) {
      if (update.report.written + update.report.removed > 0) await forgetManifest(last.dir);
      remembered.set(out, { dir: last.dir, written: update.written });
      return update.report;
    }
  }
  const { report, dir } = await writeNewBuild(pages, out);
  remembered.set(out, { dir, written: new Map(pages.map((p) => [p.path, p.content])) });
  return report;
}

/**
 * What this writer knows of the live build `live`: its own memory, with the pages another writer
 * `touched` marked unknown; with `touched` given and no memory of it, every file in it unknown.
 */
function sharedRecord(
  last: { dir: string; written: Written } | undefined,
  live: string | undefined,
  touched: WriteOptions['touched'],
): { dir: string; written: Written } | undefined {
  if (!touched || live === undefined) return last;
  if (last?.dir !== live || touched === 'all') return { dir: live, written: new Map(listFiles(live).map((p) => [p, undefined])) };
  for (const p of touched) last.written.set(p, undefined);
  return last;
}

/** Pages to write in place, all made (the builder gives an in-place build no page keys). */
async function collect(pages: PageSource): Promise<Page[]> {
  const all: Page[] = [];
  for await (const page of pages) all.push(madePage(page));
  return all;
}

/**
 * Page path -> key of the live build's pages under `outDir` that are still the files it wrote (its
 * manifest says so, one lstat each): what a new build may keep without rendering (render/keys.ts).
 * Empty without a live build or its manifest. Read without the lock: should another build switch
 * the live build meanwhile, the writer refuses a kept page its new live build lacks (fill.ts).
 */
export async function livePageKeys(outDir: string): Promise<Map<string, string>> {
  const live = await liveBuildDir(path.resolve(outDir));
  if (live === undefined) return new Map();
  const manifest = readManifest(path.join(path.dirname(live), manifestName(path.basename(live))));
  return manifest ? untouchedKeys(live, manifest) : new Map();
}

/**
 * For `dev`: writes `pages` and removes `removed` in the live build this process wrote in place,
 * touching nothing else (a preview of one change before the full rebuild). Undefined, with
 * nothing touched, when there is no such build to patch; the full rebuild then does it all.
 *
 * It takes no output lock, on purpose: dev previews a save while its other builder writes the next
 * build (dev/twins.ts), which holds the lock for seconds on a large site. Every page is renamed into
 * place whole, and a build holding the lock writes a new folder and switches to it, so at worst a
 * patch lands in a folder being replaced, and dev previews that change again on the new one.
 */
export async function patchSite(pages: Page[], removed: string[], outDir: string): Promise<WriteReport | undefined> {
  assertWritablePages(pages);
  const out = path.resolve(outDir);
  const last = remembered.get(out);
  if (!last || last.dir !== (await liveBuildDir(out))) return undefined;
  try {
    const report = patchInPlace(pages, removed, last.dir, last.written);
    if (report.written + report.removed > 0) await forgetManifest(last.dir);
    return report;
  } catch (err) {
    remembered.delete(out); // half patched: the next write starts a new build
    throw err;
  }
}

/** An update that hits the unexpected (a page where a folder now is ...) is redone as a new build. */
function tryUpdateInPlace(pages: Page[], dir: string, before: Written): ReturnType<typeof updateInPlace> | undefined {
  try {
    return updateInPlace(pages, dir, before);
  } catch {
    return undefined;
  }
}
