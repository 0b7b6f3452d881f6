import { readFileSync, writeFileSync, type BigIntStats } from 'node:fs';

/**
 * What a build folder held when it was written: for each file, a hash of its bytes and the
 * file's identity on disk (size, mtime in ns, inode). Kept beside the build folder (never
 * inside it, so it is not published). The next build compares a new page's hash with the entry
 * instead of reading the old file, and trusts the old file only while lstat still shows the
 * recorded size, mtime and inode — the check git's index and rsync rely on. A file edited or
 * replaced since (by hand, by `dev` updating in place) fails it and is compared byte by byte.
 */
export interface ManifestEntry {
  /** sha256 of the bytes, hex. */
  hash: string;
  size: number;
  /** mtime in nanoseconds, as a decimal string (exact; ms floats are not). */
  mtimeNs: string;
  /** Inode number, as a decimal string. */
  ino: string;
}

export type Manifest = Map<string, ManifestEntry>;

/** First line of a manifest file; a different format (or a damaged file) is ignored. */
const HEADER = 'parkpress-build-manifest 1';

/** Name of the manifest file of build folder `id` inside the builds folder. */
export function manifestName(id: string): string {
  return `${id}.manifest`;
}

/** True when a file's lstat still shows what `entry` recorded: untouched since it was written. */
export function unchangedSince(info: BigIntStats, entry: ManifestEntry): boolean {
  return Number(info.size) === entry.size && info.mtimeNs.toString() === entry.mtimeNs && info.ino.toString() === entry.ino;
}

/** The entry of a file with bytes of `hash`, from its stat. */
export function identity(info: BigIntStats, hash: string): ManifestEntry {
  return { hash, size: Number(info.size), mtimeNs: info.mtimeNs.toString(), ino: info.ino.toString() };
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
 * `path \t hash \t size \t mtimeNs \t ino \n`. Page paths never hold tabs or newlines
 * (write/paths.ts refuses control characters), so no quoting is needed.
 */
export function manifestLine(p: string, e: ManifestEntry): string {
  return `${p}\t${e.hash}\t${e.size}\t${e.mtimeNs}\t${e.ino}\n`;
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
    const [p, hash, size, mtimeNs, ino, extra] = line.split('\t');
    if (
      !p ||
      !hash ||
      !/^[0-9a-f]{64}$/.test(hash) ||
      !/^\d+$/.test(size ?? '') ||
      !/^\d+$/.test(mtimeNs ?? '') ||
      !/^\d+$/.test(ino ?? '') ||
      extra !== undefined
    )
      return undefined;
    manifest.set(p, { hash, size: Number(size), mtimeNs: mtimeNs!, ino: ino! });
  }
  return manifest;
}
