import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareCodeUnits } from '../../text/compare.js';
import { realPathOutside } from './containment.js';

const SOURCE_EXT = new Set(['.txt', '.md']);

/** Code-unit order: locale-independent, so every machine lists files the same way. */

/**
 * Every `*.txt` / `*.md` file below `contentDir` (absolute paths), sorted by their POSIX relative
 * path in code-unit order. Dot-folders and dot-files are skipped; symlinked directories are followed
 * once but never into a loop (each real directory is visited at most once). A source-named symlink
 * that leads nowhere (dangling, or a loop to itself) is listed anyway, so loading reports it
 * (`load/unreadable`, ENOENT or ELOOP) instead of the article silently missing. A symlinked folder
 * that leads out of the content folder is not walked (it could be `/`) but listed itself, so
 * loading refuses it by name (`load/outside-content`), as it refuses a file link leading out.
 */
export async function discoverSources(contentDir: string): Promise<string[]> {
  const root = path.resolve(contentDir);
  const found: { abs: string; rel: string }[] = [];
  const seenDirs = new Set<string>();

  async function walk(dir: string, rel: string): Promise<void> {
    const real = await realpath(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const kind = entry.isSymbolicLink() ? await symlinkKind(abs) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : null;
      if (kind === 'dir' && entry.isSymbolicLink() && (await realPathOutside(abs, root))) found.push({ abs, rel: childRel });
      else if (kind === 'dir') await walk(abs, childRel);
      else if ((kind === 'file' || kind === 'broken') && SOURCE_EXT.has(path.extname(entry.name).toLowerCase()))
        found.push({ abs, rel: childRel });
    }
  }

  await walk(root, '');
  return found.sort((a, b) => compareCodeUnits(a.rel, b.rel)).map((f) => f.abs);
}

/** What a symlink points at; `broken` when it leads nowhere (dangling, or looping to itself). */
async function symlinkKind(abs: string): Promise<'dir' | 'file' | 'broken' | null> {
  try {
    const s = await stat(abs);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : null;
  } catch {
    return 'broken';
  }
}
