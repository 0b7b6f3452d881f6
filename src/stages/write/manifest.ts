import { lstatSync, readFileSync, writeFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';

/**
 * What a build folder held when it was written: for each file, a hash of its bytes and the
 * file's identity on disk (size, mtime in ns, inode). Kept beside the build folder (never
 * inside it, so it is not published). The next build compares a new page's hash with the entry
 * instead of reading the old file, and trusts the old file only while lstat still shows the
 * recorded size, mtime and inode — the check git's index and rsync rely on. A file edited or
 * replaced since (by hand, by `dev` updating in place) fails it and is compared byte by byte.
 * A page's key (render/keys.ts) lets the next build keep the file without even rendering the page.
 */
export interface ManifestEntry {
  /** sha256 of the bytes, hex. */
  hash: string;
  size: number;
  /** mtime in nanoseconds, as a decimal string (exact; ms floats are not). */
  mtimeNs: string;
  /** Inode number, as a decimal string. */
  ino: string;
  /** The page's key, when render gave one. */
  key?: string;
}

export type Manifest = Map<string, ManifestEntry>;

/** First line of a manifest file; a different format (or a damaged file) is ignored. */
const HEADER = 'parkpress-build-manifest 2';
/** The key column of a page render gave no key. */
const NO_KEY = '-';

/** Name of the manifest file of build folder `id` inside the builds folder. */
export function manifestName(id: string): string {
  return `${id}.manifest`;
}

/** True when a file's lstat still shows what `entry` recorded: untouched since it was written. */
export function unchangedSince(info: BigIntStats, entry: ManifestEntry): boolean {
  return Number(info.size) === entry.size && info.mtimeNs.toString() === entry.mtimeNs && info.ino.toString() === entry.ino;
}

/** The entry of a file with bytes of `hash` (made from `key`, when given), from its stat. */
export function identity(info: BigIntStats, hash: string, key?: string): ManifestEntry {
  const entry: ManifestEntry = { hash, size: Number(info.size), mtimeNs: info.mtimeNs.toString(), ino: info.ino.toString() };
  if (key !== undefined) entry.key = key;
  return entry;
}

/**
 * Starts the manifest `file`; the writer appends one line per file (manifestLine) as it goes, so it
 * never holds the whole manifest. A build killed meanwhile leaves a manifest cut short beside a
 * half build: the next build removes both, and would ignore such a manifest anyway.
 */
export function startManifest(file: string): void {
  writeFileSync(file, `${HEADER}\n`);
}

/**
 * `path \t hash \t size \t mtimeNs \t ino \t key \n`, key `-` when there is none. Page paths
 * never hold tabs or newlines (write/paths.ts refuses control characters), so no quoting is needed.
 */
export function manifestLine(p: string, e: ManifestEntry): string {
  return `${p}\t${e.hash}\t${e.size}\t${e.mtimeNs}\t${e.ino}\t${e.key ?? NO_KEY}\n`;
}

/** The manifest in `file`, or undefined when it is missing, of another format or damaged. */
export function readManifest(file: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  if (lines[0] !== HEADER || lines.at(-1) !== '') return undefined; // foreign, or cut short
  const manifest: Manifest = new Map();
  for (const line of lines.slice(1, -1)) {
    const [p, hash, size, mtimeNs, ino, key, extra] = line.split('\t');
    if (
      !p ||
      !hash ||
      !/^[0-9a-f]{64}$/.test(hash) ||
      !/^\d+$/.test(size ?? '') ||
      !/^\d+$/.test(mtimeNs ?? '') ||
      !/^\d+$/.test(ino ?? '') ||
      (key !== NO_KEY && !/^[0-9a-f]{64}$/.test(key ?? '')) ||
      extra !== undefined
    )
      return undefined;
    const entry: ManifestEntry = { hash, size: Number(size), mtimeNs: mtimeNs!, ino: ino! };
    if (key !== NO_KEY) entry.key = key!;
    manifest.set(p, entry);
  }
  return manifest;
}

/** The lstat of `file` when it is a file untouched since `entry` was recorded, else undefined. */
export function untouchedSince(file: string, entry: ManifestEntry): BigIntStats | undefined {
  const info = lstatSync(file, { bigint: true, throwIfNoEntry: false });
  return info?.isFile() && unchangedSince(info, entry) ? info : undefined;
}

/**
 * Page path -> key of each keyed file of build folder `dir` (described by `manifest`) that lstat
 * shows untouched since it was written: the pages the next build may keep without making them.
 */
export function untouchedKeys(dir: string, manifest: Manifest): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [p, entry] of manifest) if (entry.key !== undefined && untouchedSince(path.join(dir, p), entry)) keys.set(p, entry.key);
  return keys;
}
