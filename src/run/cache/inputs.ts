// Every file whose bytes can change a build's output, and their stamps.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { discoverSources } from '../../stages/load/discover.js';
import { PAGEVIEW_FILES } from '../../config/data.js';
import type { Config, FileStamp } from '../../model/index.js';
import { defaultPublicDir, defaultTemplatesDir } from './fingerprint.js';
import { stampFile } from './stamp.js';

/** Stamps of the last build's inputs (absolute paths) and the time before any of them was taken. */
export interface KnownStamps {
  stampedAt: number;
  stamps: ReadonlyMap<string, FileStamp>;
}

/** Content files as the build discovers them: absolute paths. */
export function contentInputs(config: Config): Promise<string[]> {
  return discoverSources(config.contentDir);
}

/**
 * The other inputs: every file in the templates and public folders (the project's and the default
 * theme's), and the page-views files in dataDir. Files that do not exist are simply not listed, so
 * one appearing later changes the list. Code and config are covered by the fingerprint and config hash.
 */
export function otherInputs(config: Config): string[] {
  const dirs = [...new Set([config.templatesDir, defaultTemplatesDir, config.publicDir, defaultPublicDir].map((d) => path.resolve(d)))];
  const files = dirs.flatMap((dir) => filesBelow(dir));
  if (config.dataDir) {
    for (const name of PAGEVIEW_FILES) {
      const file = path.join(config.dataDir, name);
      if (statSync(file, { throwIfNoEntry: false })) files.push(file);
    }
  }
  return [...new Set(files)].sort();
}

/** Stamps `files`, reusing known hashes where the stat proves a file unchanged. */
export function stampAll(files: readonly string[], known?: KnownStamps): Map<string, FileStamp | undefined> {
  return new Map(files.map((f) => [f, stampFile(f, known?.stamps.get(f), known?.stampedAt)]));
}

/** Every file below `dir` (absolute paths), through symbolic links, each real folder once; none when missing. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (folder: string) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const abs = path.join(folder, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(abs, { throwIfNoEntry: false })?.isDirectory());
      if (isDir) walk(abs);
      else out.push(abs);
    }
  };
  walk(dir);
  return out;
}
