// `parkpress init [dir]`: starts a site of one's own, outside this repository. Writes the files of
// files.ts and nothing else; refuses, writing nothing, when any of them (or another config file,
// which would make two) is already there.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILES } from '../config/read.js';
import { SITE_FILES } from './files.js';

/** A file `init` would write is already there: nothing was written. */
export class InitConflict extends Error {
  constructor(readonly existing: string[]) {
    super(`already there: ${existing.join(', ')}`);
    this.name = 'InitConflict';
  }
}

/** Writes the new site into `dir` (made if missing); returns the files written, as absolute paths. */
export async function initSite(dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  const existing = conflicts(root);
  if (existing.length > 0) throw new InitConflict(existing);
  const written: string[] = [];
  for (const [rel, text] of SITE_FILES) {
    const file = path.join(root, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    // 'wx': a file that appeared since the check is still never overwritten.
    await writeFile(file, text, { flag: 'wx' });
    written.push(file);
  }
  return written;
}

/** The files in `root` that init would overwrite or that would clash with its config, sorted. */
function conflicts(root: string): string[] {
  const names = new Set([...SITE_FILES.keys(), ...CONFIG_FILES]);
  return [...names].filter((rel) => existsSync(path.join(root, ...rel.split('/')))).sort();
}
