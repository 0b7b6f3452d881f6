// An input file as load reads it and normalize cleans it.

import type { Diagnostic } from './diagnostic.js';

/** Encodings the loader recognises. `utf-8-bom` is UTF-8 that started with a BOM. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Front-matter as an editor wrote it, before validation (values are untrusted). */
export type RawFrontMatter = Record<string, unknown>;

/** A decoded input file. Produced by load; never written back. */
export interface SourceFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the content dir, POSIX separators (`2024/a.txt`). Used in messages and as identity. */
  relPath: string;
  /** Detected encoding of the bytes. */
  encoding: Encoding;
  /** Size of the raw file in bytes. */
  bytes: number;
  /** sha256 hex of the raw bytes: the cache key and a stable identity for the text. */
  hash: string;
  /** Front-matter written by an editor (empty object when the file has none). */
  frontMatter: RawFrontMatter;
  /** Decoded text after the front-matter block: BOM stripped, newlines normalised to \n. */
  body: string;
  /** 1-based line of the original file where `body` starts (1 when there is no front-matter). */
  bodyStartLine: number;
  /** 1-based line of each top-level front-matter key (absent for sources not read from a file). */
  frontMatterLines?: Record<string, number>;
}

export interface LoadResult {
  /** Absent when the file had to be skipped (binary, undecodable, unreadable...). */
  source?: SourceFile;
  diagnostics: Diagnostic[];
}

/** BCP 47 script tags as used in front-matter `original_script`. */
export type Script = 'zh-Hans' | 'zh-Hant';

export interface NormalizeResult {
  /** Simplified, annotation-free, punctuation-normalised text; lines separated by \n. */
  text: string;
  /** Script detected in the input before conversion. */
  originalScript: Script;
  /** How many pinyin annotations like `鎮(zhèn)` were removed. */
  annotationsRemoved: number;
  /**
   * lineMap[i] is the 1-based line in the *input* text of normalized line i (0-based index),
   * so later stages can report diagnostics at original positions.
   */
  lineMap: number[];
  /** Damage (mojibake) and other findings; `file` is filled in by the caller's file name. */
  diagnostics: Diagnostic[];
}

/** What identifies one input file's bytes: stat fields, cheap to compare, and the sha256 of the bytes. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** Changes on every write and every metadata change, and cannot be set back (unlike mtime). */
  ctimeMs: number;
  ino: number;
  /** sha256 hex of the bytes. */
  hash: string;
}
