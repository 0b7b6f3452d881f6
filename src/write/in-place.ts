import { mkdirSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, WriteReport } from '../types.js';
import { bytesOf } from './bytes.js';

/** What one process last wrote into a build folder: page path -> content as given. */
export type Written = Map<string, Page['content']>;

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
    const old = before.get(page.path);
    if (old !== undefined && sameContent(old, page.content)) {
      unchanged++;
      continue;
    }
    const target = path.join(dir, page.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true }); // once per folder: most pages of a big update share few
      folders.add(folder);
    }
    const temp = `${target}.tmp-${process.pid}`;
    writeFileSync(temp, bytesOf(page));
    renameSync(temp, target);
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

/** Compared as given: encoding ten thousand strings to bytes would cost more than the writes. */
function sameContent(a: Page['content'], b: Page['content']): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
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
