import { closeSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, writeSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import type { BuildListing } from '../types.js';
import { identity, unchangedSince, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { sha256 } from '../text/hash.js';

/** Numbers kept per listed file or folder: mode, size, mtimeMs, ctimeMs, ino (see BuildListing). */
export const LISTING_FIELDS = 5;

/**
 * Where a filler stands: enough to carry on in another thread (the writer thread takes over from
 * the main thread once a stream proves long). Plain data, so it survives a postMessage.
 */
export interface FillerState {
  dir: string;
  previous: string | undefined;
  /** Every page path so far, in arrival order, with its manifest entry. */
  entries: Manifest;
  written: string[];
  unchanged: number;
  /** LISTING_FIELDS numbers per entry, in `entries` order; ctimeMs NaN where the file was linked. */
  stats: number[];
  /** Folders made so far (POSIX, relative to `dir`), parents first. */
  folders: string[];
}

/** What a filled build holds, once its manifest is written. */
export interface Filled {
  written: string[];
  unchanged: number;
  listing: BuildListing;
}

/**
 * Fills a new build folder one page at a time: makes each folder once, when the first page inside
 * it arrives; hard-links a page from the previous build when its bytes are unchanged (the previous
 * manifest says which without reading the old file), else writes it. Synchronous calls on purpose:
 * for thousands of small files they are several times faster than promise-based fs (no thread-pool
 * round trip per call). It remembers each file's identity, so the build's manifest and listing
 * need no second look at the files. Runs in the main thread or in the writer thread (thread.ts).
 */
export class BuildFiller {
  private readonly state: FillerState;
  private readonly made: Set<string>;

  constructor(state: FillerState, private readonly manifest: Manifest | undefined) {
    this.state = state;
    this.made = new Set(state.folders);
  }

  static start(dir: string, previous: string | undefined, manifest: Manifest | undefined): BuildFiller {
    return new BuildFiller({ dir, previous, entries: new Map(), written: [], unchanged: 0, stats: [], folders: [] }, manifest);
  }

  get pages(): number {
    return this.state.entries.size;
  }

  /** The state to carry on from elsewhere; this filler is not used afterwards. */
  handOver(): FillerState {
    return { ...this.state, folders: [...this.made] };
  }

  /** Puts page `p` (a checked path) with `bytes` into the build. */
  put(p: string, bytes: Uint8Array): void {
    const { dir, previous, entries, stats } = this.state;
    this.makeFolders(p);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const hash = sha256(buffer);
    const target = path.join(dir, p);
    const old = previous ? reusable(path.join(previous, p), buffer, hash, this.manifest?.get(p), this.manifest !== undefined) : undefined;
    if (old && tryLink(old, target)) {
      this.state.unchanged++;
      entries.set(p, identity(old, hash)); // a hard link shares the old file's inode and mtime
      // The link changed the inode's ctime, and removing the previous build will change it again.
      stats.push(...fileFields(old, NaN));
    } else {
      const info = writeFile(target, buffer);
      entries.set(p, identity(info, hash));
      stats.push(...fileFields(info));
      this.state.written.push(p);
    }
  }

  /**
   * Writes the manifest to `manifestFile` and lists the build: its files as written or linked,
   * and each folder by one lstat now that nothing more goes into it.
   */
  finish(manifestFile: string): Filled {
    const { dir, entries, written, unchanged, stats } = this.state;
    writeManifest(manifestFile, entries);
    const folders = ['', ...this.made];
    const all = new Float64Array((folders.length + entries.size) * LISTING_FIELDS);
    folders.forEach((f, i) => all.set(folderFields(path.join(dir, f)), i * LISTING_FIELDS));
    all.set(stats, folders.length * LISTING_FIELDS);
    return { written, unchanged, listing: { paths: [...folders, ...entries.keys()], stats: all } };
  }

  /** Makes the folders of `file` that do not exist yet, parents first. */
  private makeFolders(file: string): void {
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) {
      const folder = file.slice(0, i);
      if (this.made.has(folder)) continue;
      mkdirSync(path.join(this.state.dir, folder));
      this.made.add(folder);
    }
  }
}

/**
 * The lstat of the previous build's `old` file when it holds exactly `bytes`. With a manifest: a
 * different or missing hash answers at once; a matching one is trusted only while the file is
 * untouched since (one lstat), else the bytes are compared. Without a manifest the old file is read.
 */
function reusable(old: string, bytes: Buffer, hash: string, entry: ManifestEntry | undefined, hasManifest: boolean): (BigIntStats & { file: string }) | undefined {
  if (hasManifest && (entry?.hash !== hash || entry.size !== bytes.byteLength)) return undefined;
  const info = lstatSync(old, { bigint: true, throwIfNoEntry: false });
  if (!info?.isFile() || Number(info.size) !== bytes.byteLength) return undefined;
  if (!(entry && unchangedSince(info, entry)) && !bytes.equals(readFileSync(old))) return undefined;
  return Object.assign(info, { file: old });
}

/** Writes a new file and returns its identity (fstat on the open file: no second path lookup). */
function writeFile(file: string, bytes: Buffer): BigIntStats {
  const fd = openSync(file, 'wx');
  try {
    for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at);
    return fstatSync(fd, { bigint: true });
  } finally {
    closeSync(fd);
  }
}

/** Hard link keeps the old inode, hence its mtime. False where links are not possible. */
function tryLink(old: { file: string }, to: string): boolean {
  try {
    linkSync(old.file, to);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file's listing numbers, as a plain lstat would give them: Node derives mtimeMs from seconds
 * and nanoseconds the same way, so the up-to-date check can compare with `===`.
 */
function fileFields(info: BigIntStats, ctimeMs = msOf(info.ctimeNs)): number[] {
  return [Number(info.mode), Number(info.size), msOf(info.mtimeNs), ctimeMs, Number(info.ino)];
}

function folderFields(folder: string): number[] {
  const info = lstatSync(folder);
  return [info.mode, info.size, info.mtimeMs, info.ctimeMs, info.ino];
}

/** Milliseconds as Node's Stats computes them (seconds * 1e3 + nanoseconds / 1e6, in doubles). */
export function msOf(ns: bigint): number {
  return Number(ns / 1_000_000_000n) * 1e3 + Number(ns % 1_000_000_000n) / 1e6;
}
