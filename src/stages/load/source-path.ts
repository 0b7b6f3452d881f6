import path from 'node:path';

/** POSIX path of `file` relative to the content dir: an article's identity in messages and caches. */
export function sourcePath(contentDir: string, file: string): string {
  return path.relative(path.resolve(contentDir), path.resolve(file)).split(path.sep).join('/');
}
