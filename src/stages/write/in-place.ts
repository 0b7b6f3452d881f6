import { mkdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Page, WriteReport } from '../../model/index.js';
import { bytesOf, contentBytes } from './bytes.js';

/**
 * What one process last wrote into a build folder: page path -> content as given; undefined: a
 * file there this writer did not write last (another dev builder did), compared by reading it.
 */
export type Written = Map<string, Page['content'] | undefined>;

/**
 * Updates a live build folder in place, touching only pages whose bytes differ from `before`
 * (what this process wrote last time, so nothing is read back from disk). Each changed page is
 * written to a temp file and renamed over the old one, so a reader never sees half a page.
 * Work is proportional to the change, which `dev` needs on large sites; the whole-site switch
 * of a normal build is not atomic this way, which is why only `dev` uses it.
 */
export function updateInPlace(pages: Page[], dir: string, before: Written): { report: WriteReport; written: Written } {
  const after: Written = new Map();
  const paths: string[] = [];
  let unchanged = 0;
  const folders = new Set<string>();
  for (const page of pages) {
    after.set(page.path, page.content);
    const old = known(before, page.path, dir);
    if (old !== undefined && sameContent(old, page.content)) {
      unchanged++;
      continue;
    }
    writePage(page, dir, folders);
    paths.push(page.path);
  }
  const written = paths.length;
  for (const old of before.keys()) {
    if (after.has(old)) continue;
    removeFile(path.join(dir, old), dir);
    paths.push(old);
  }
  const report = { written, unchanged, removed: paths.length - written, paths: paths.sort() };
  return { report, written: after };
}

/**
 * Writes some pages and removes others in a live build folder, leaving every other page alone
 * (a dev preview of one change), and records it in `written` so the next full update compares
 * against what is really on disk. Returns the paths whose bytes changed.
 */
export function patchInPlace(pages: Page[], removed: string[], dir: string, written: Written): WriteReport {
  const paths: string[] = [];
  let unchanged = 0;
  for (const page of pages) {
    const old = known(written, page.path, dir);
    if (old !== undefined && sameContent(old, page.content)) {
      unchanged++;
      continue;
    }
    writePage(page, dir, new Set());
    written.set(page.path, page.content);
    paths.push(page.path);
  }
  const count = paths.length;
  for (const old of removed) {
    if (!written.delete(old)) continue;
    removeFile(path.join(dir, old), dir);
    paths.push(old);
  }
  return { written: count, unchanged, removed: paths.length - count, paths: paths.sort() };
}

/** The bytes a page has in `dir` by the record, read from the file when the record does not know them. */
function known(written: Written, page: string, dir: string): Page['content'] | undefined {
  if (!written.has(page)) return undefined;
  const content = written.get(page);
  if (content !== undefined) return content;
  try {
    return readFileSync(path.join(dir, page));
  } catch {
    return undefined; // gone: written again
  }
}

/**
 * Temp file renamed over the page, so a reader never sees half a page. `made` holds the folders
 * this update has made sure of: most pages of a big update share few, so each is made once.
 */
function writePage(page: Page, dir: string, made: Set<string>): void {
  const target = path.join(dir, page.path);
  const folder = path.dirname(target);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  const temp = `${target}.tmp-${process.pid}-${threadId}`; // dev previews in one thread while another builds
  writeFileSync(temp, bytesOf(page));
  renameSync(temp, target);
}

/** Compared as given: encoding ten thousand strings to bytes would cost more than the writes. */
function sameContent(a: Page['content'], b: Page['content']): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return contentBytes(a).equals(contentBytes(b));
}

/** Deletes a stale page and the folders it leaves empty (up to the build folder). */
function removeFile(file: string, root: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (let dir = path.dirname(file); dir !== root && dir.startsWith(root); dir = path.dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (or gone): stop climbing
    }
  }
}
