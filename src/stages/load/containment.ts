import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a path really leads when that is outside the content folder (a symbolic link, or a link
 * to a folder above it, pointing elsewhere), else undefined. Both sides are resolved, so a content
 * folder that is itself a link is fine. A path that cannot be resolved (dangling, a loop) is not
 * judged here: reading it fails and load reports that.
 */
export async function realPathOutside(file: string, contentDir: string): Promise<string | undefined> {
  try {
    return outside(await realpath(file), await realpath(contentDir));
  } catch {
    return undefined;
  }
}

/** realPathOutside with blocking calls, for the file workers (see loadSourceSync). */
export function realPathOutsideSync(file: string, contentDir: string): string | undefined {
  try {
    return outside(realpathSync.native(file), realpathSync.native(contentDir));
  } catch {
    return undefined;
  }
}

function outside(real: string, root: string): string | undefined {
  const rel = path.relative(root, real);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? real : undefined;
}
