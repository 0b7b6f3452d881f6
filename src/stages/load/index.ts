import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FrontMatterError, splitFrontMatter } from './frontmatter.js';
import { diagnostic, escapeUnsafe, type Config, type Diagnostic, type FileStamp, type LoadResult } from '../../model/index.js';
import { binaryKind } from './binary.js';
import { realPathOutside, realPathOutsideSync } from './containment.js';
import { decodeBytes, looksLikeText } from './encoding.js';
import { sourcePath } from './source-path.js';
import { stampOf } from './stamp.js';
import { unixNewlines } from '../../text/newlines.js';

export { discoverSources } from './discover.js';

/** A file-level error; the message does not repeat the file name, which every reporter prints before it. */
function fileError(file: string, rule: string, message: string, line = 0): LoadResult {
  return { diagnostics: [diagnostic(file, `load/${rule}`, 'error', message, line > 0 ? { line } : undefined)] };
}

/**
 * load: bytes -> SourceFile (encoding detected, newlines normalised, front-matter split off).
 * Never throws for bad input: a file that cannot be used comes back without `source` and with an
 * error diagnostic naming it.
 */
export async function loadSource(file: string, contentDir: string, limits: Config['limits']): Promise<StampedLoad> {
  const relPath = sourcePath(contentDir, file);
  let stamp: FileStamp;
  let bytes: Buffer;
  const escape = await realPathOutside(file, contentDir);
  if (escape) return outsideContent(relPath, escape);
  try {
    const info = await stat(file);
    if (info.size > limits.maxFileBytes) return oversize(relPath, info.size, limits);
    bytes = await readFile(file);
    stamp = stampOf(info, bytes);
  } catch (err) {
    return unreadable(relPath, err);
  }
  return { ...fromBytes(file, relPath, bytes, stamp.hash, limits), stamp };
}

/**
 * A load result with the stamp (stat, then sha256) of the bytes it was made from, so the builder
 * need not read the file again to know them. No stamp: the bytes were not read (unreadable, oversize).
 */
export interface StampedLoad extends LoadResult {
  stamp?: FileStamp;
}

/**
 * loadSource with blocking reads, for the file workers: a thread with nothing else to do gains
 * nothing from async I/O, and each of its five thread-pool round trips (stat, open, fstat, read,
 * close) leaves the worker idle until the pool thread is scheduled.
 */
export function loadSourceSync(file: string, contentDir: string, limits: Config['limits']): StampedLoad {
  const relPath = sourcePath(contentDir, file);
  let stamp: FileStamp;
  let bytes: Buffer;
  const escape = realPathOutsideSync(file, contentDir);
  if (escape) return outsideContent(relPath, escape);
  try {
    const info = statSync(file);
    if (info.size > limits.maxFileBytes) return oversize(relPath, info.size, limits);
    bytes = readFileSync(file);
    stamp = stampOf(info, bytes);
  } catch (err) {
    return unreadable(relPath, err);
  }
  return { ...fromBytes(file, relPath, bytes, stamp.hash, limits), stamp };
}

/**
 * A symbolic link (or a file in a linked folder) leading out of the content folder: reading it would
 * publish whatever it points at (`ln -s /etc/passwd content/a.txt`), so it is refused unread.
 */
function outsideContent(relPath: string, real: string): LoadResult {
  return fileError(
    relPath,
    'outside-content',
    `This is a link to ${escapeUnsafe(JSON.stringify(real))}, outside the content folder; only files inside it are read, so it was skipped.`,
  );
}

function oversize(relPath: string, size: number, limits: Config['limits']): LoadResult {
  return fileError(
    relPath,
    'oversize',
    `The file is ${size} bytes, above the limit of ${limits.maxFileBytes} (limits.maxFileBytes); skipped.`,
  );
}

function unreadable(relPath: string, err: unknown): LoadResult {
  return fileError(relPath, 'unreadable', `The file cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); skipped.`);
}

/** The bytes of `file` (sha256 `hash`) as a SourceFile, or the diagnostic saying why they cannot be one. */
function fromBytes(file: string, relPath: string, bytes: Buffer, hash: string, limits: Config['limits']): LoadResult {
  const kind = binaryKind(bytes);
  if (kind) return fileError(relPath, 'binary', `The file is not text but ${kind}; skipped.`);

  const decoded = decodeBytes(bytes);
  if (!looksLikeText(decoded.text)) {
    return fileError(relPath, 'undecodable', `The file does not decode as UTF-8, UTF-16, GB18030 or Big5 text; skipped.`);
  }
  const text = unixNewlines(decoded.text);
  const lineCount = text.split('\n').length;
  if (lineCount > limits.maxLines) {
    return fileError(
      relPath,
      'too-many-lines',
      `The file has ${lineCount} lines, above the limit of ${limits.maxLines} (limits.maxLines); skipped.`,
    );
  }

  let split;
  try {
    split = splitFrontMatter(text);
  } catch (err) {
    return fileError(
      relPath,
      'front-matter',
      `The front-matter cannot be read: ${(err as Error).message}; skipped.`,
      err instanceof FrontMatterError ? err.line : 0,
    );
  }

  const diagnostics: Diagnostic[] = [];
  if (decoded.replaced) {
    const line = text.split('\n').findIndex((l) => l.includes('\ufffd')) + 1;
    const message = `${decoded.replaced} invalid UTF-8 byte sequence(s) were replaced by U+FFFD (the first on line ${line}); re-save the file as UTF-8.`;
    diagnostics.push(diagnostic(relPath, 'load/invalid-utf8', 'warning', message, { line }));
  }
  if (decoded.encoding === 'gb18030' || decoded.encoding === 'big5') {
    // A guess, however good, is worth a line in `check`: an editor can re-save the file as UTF-8.
    const message = `Not UTF-8: decoded as ${decoded.encoding === 'big5' ? 'Big5' : 'GB18030'} by the characters it gives; re-save the file as UTF-8 if the text looks wrong.`;
    diagnostics.push(diagnostic(relPath, 'load/legacy-encoding', 'info', message));
  }
  const source = {
    path: path.resolve(file),
    relPath,
    encoding: decoded.encoding,
    bytes: bytes.length,
    hash,
    frontMatter: split.data,
    body: split.body,
    bodyStartLine: split.bodyStartLine,
    frontMatterLines: split.keyLines,
  };
  return { source, diagnostics };
}
