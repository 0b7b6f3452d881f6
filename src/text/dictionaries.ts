// jieba's dictionary files, read when needed and not kept. The package's own `dict.js` reads both
// files on import and holds them for the life of the thread: once in each file worker and
// once in the main thread, for bytes that are only parsed once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const packageDir = path.dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.js'));

/** The bytes of one of jieba's dictionary files: `dict.txt` (words, frequencies, tags) or `idf.txt`. */
export function jiebaFile(name: 'dict.txt' | 'idf.txt'): Buffer {
  return readFileSync(path.join(packageDir, name));
}
