import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config, Page } from '../../model/index.js';
import { defaultPublicDir } from './environment.js';

/** Static files: the default theme's, then the project's own (same name replaces the default). */
export async function copyPublic(config: Config): Promise<Page[]> {
  const files = new Map<string, string>();
  for (const dir of [defaultPublicDir, config.publicDir]) {
    for (const rel of await listFiles(dir)) files.set(rel, path.join(dir, rel));
  }
  return Promise.all([...files].map(async ([rel, abs]) => ({ path: rel, content: new Uint8Array(await readFile(abs)) })));
}

/** Files under `dir` as sorted POSIX paths; a missing folder has none. */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
