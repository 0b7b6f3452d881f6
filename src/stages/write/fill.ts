import {
  appendFileSync,
  closeSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import path from 'node:path';
import { removeTree } from './remove.js';
import { identity, manifestLine, startManifest, unchangedSince, untouchedSince, type Manifest, type ManifestEntry } from './manifest.js';
import { sha256 } from '../../text/hash.js';

/** Numbers kept per listed file or folder: mode, size, mtimeMs, ctimeMs, ino (see BuildListing). */
export const LISTING_FIELDS = 5;

/** Manifest lines are appended in runs of this many (one write each). */
const MANIFEST_RUN = 512;

/**
 * Where a filler stands: enough to carry on in another thread (the writer thread takes over from
 * the main thread once a stream proves long). Plain data, so it survives a postMessage. Only
 * numbers are kept per page: page paths are the caller's (it checked them, in this order).
 */
export interface FillerState {
  dir: string;
  previous: string | undefined;
  /** The new build's manifest, appended to as pages are put. */
  manifestFile: string;
  /** Pages put so far. */
  pages: number;
  /** Arrival numbers of the pages written (the others were linked from the previous build). */
  written: number[];
  /** Pages kept from the previous build without being made (KeptPage). */
  kept: number;
  /** LISTING_FIELDS numbers per page, in arrival order; ctimeMs NaN where the file was linked. */
  stats: Float64Array;
  /** Folders made so far (POSIX, relative to `dir`), parents first. */
  folders: string[];
  /**
   * When `dir` is a spare build renamed into place (atomic.ts), what it held that no page has
   * claimed yet, by path: listed by whichever thread puts the first page ('unlisted' until then).
   */
  recycled?: Recycled | 'unlisted';
}

/** The entries of a recycled build folder not yet claimed by a page or its folders: path -> kind. */
export type Recycled = Map<string, 'file' | 'folder' | 'other'>;

/** What a filled build holds, once its manifest is complete. */
export interface Filled {
  /** Arrival numbers of the pages written. */
  written: number[];
  /** Pages linked from the previous build. */
  unchanged: number;
  /** Of those, the pages render did not make again. */
  kept: number;
  /** The folders made, parents first. */
  folders: string[];
  /**
   * LISTING_FIELDS numbers for the build folder itself, then each of `folders`, then each page in
   * arrival order (see BuildListing).
   */
  stats: Float64Array;
}

/**
 * Fills a new build folder one page at a time: makes each folder once, when the first page inside
 * it arrives; hard-links a page from the previous build when its bytes are unchanged (the previous
 * manifest says which without reading the old file), else writes it. Synchronous calls on purpose:
 * for thousands of small files they are several times faster than promise-based fs (no thread-pool
 * round trip per call). Each file's identity goes straight into the manifest file and the listing
 * numbers, so neither needs a second look at the files. Runs in the main thread or in the writer
 * thread (thread.ts).
 */
export class BuildFiller {
  private readonly made: Set<string>;
  private stats: Float64Array;
  /** Manifest lines not appended yet. */
  private lines: string[] = [];

  constructor(
    private readonly state: FillerState,
    private readonly manifest: Manifest | undefined,
  ) {
    this.made = new Set(state.folders);
    this.stats = state.stats;
  }

  /**
   * A filler for build folder `dir`, empty or (`recycled`) a spare build to turn into the new one;
   * its manifest goes to `manifestFile`.
   */
  static start(
    dir: string,
    previous: string | undefined,
    manifest: Manifest | undefined,
    manifestFile: string,
    recycled = false,
  ): BuildFiller {
    startManifest(manifestFile);
    const stats = new Float64Array(1024 * LISTING_FIELDS);
    const state: FillerState = { dir, previous, manifestFile, pages: 0, written: [], kept: 0, stats, folders: [] };
    if (recycled) state.recycled = 'unlisted';
    return new BuildFiller(state, manifest);
  }

  get pages(): number {
    return this.state.pages;
  }

  /** The state to carry on from elsewhere; this filler is not used afterwards. */
  handOver(): FillerState {
    this.appendLines();
    return { ...this.state, stats: this.stats.subarray(0, this.state.pages * LISTING_FIELDS), folders: [...this.made] };
  }

  /** Puts page `p` (a checked path) with `bytes` (made from `key`, when given) into the build. */
  put(p: string, bytes: Uint8Array, key?: string): void {
    const { previous } = this.state;
    this.makeFolders(p);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const hash = sha256(buffer);
    const old = previous ? reusable(path.join(previous, p), buffer, hash, this.manifest?.get(p), this.manifest !== undefined) : undefined;
    this.place(p, hash, key, old, buffer);
  }

  /**
   * Puts page `p` as the previous build's file, which render did not make again because its key is
   * `key`. Throws when that file is not, or no longer, the one made from `key` (another build
   * switched the live build since render read its keys, or someone edited it since): there are no
   * bytes to write instead, and the build is discarded.
   */
  keep(p: string, key: string): void {
    const { previous } = this.state;
    const entry = this.manifest?.get(p);
    const file = previous !== undefined && entry?.key === key ? path.join(previous, p) : undefined;
    const info = file !== undefined ? untouchedSince(file, entry!) : undefined;
    if (!info) throw new Error(`write: ${p} in the live build changed while this build ran (another build, or an edit); build again`);
    this.makeFolders(p);
    this.place(p, entry!.hash, key, { file: file!, info }, undefined);
    this.state.kept++;
  }

  /** Puts page `p` with bytes of `hash`: the previous build's `old` file when it holds them, else `bytes` (or, kept, a copy of old's). */
  private place(p: string, hash: string, key: string | undefined, old: OldFile | undefined, bytes: Buffer | undefined): void {
    const target = path.join(this.state.dir, p);
    const there = this.claim(p);
    // A recycled file that is the previous build's very file (one inode) already holds the bytes.
    const kept = there === 'file' && old !== undefined && sameFile(target, old.info);
    if (there === 'folder') this.dropRecycled(p);
    if (there !== undefined && !kept) removeTree(target); // never written into: its inode may be the live site's
    const linked = kept || (old !== undefined && tryLink(old.file, target));
    // A hard link shares the old file's inode and mtime.
    const info = linked ? old!.info : writeFile(target, bytes ?? readFileSync(old!.file));
    if (!linked) this.state.written.push(this.state.pages);
    // A linked file's ctime changed with the link (the snapshot stats it again: run/cache/output.ts).
    this.record(info, linked ? NaN : msOf(info.ctimeNs));
    this.lines.push(manifestLine(p, identity(info, hash, key)));
    if (this.lines.length >= MANIFEST_RUN) this.appendLines();
  }

  /** Completes the manifest and lists the folders, by one lstat each now that nothing more goes into them. */
  finish(): Filled {
    this.appendLines();
    this.removeUnclaimed();
    const folders = [...this.made];
    const stats = new Float64Array((1 + folders.length + this.state.pages) * LISTING_FIELDS);
    ['', ...folders].forEach((f, i) => stats.set(folderFields(path.join(this.state.dir, f)), i * LISTING_FIELDS));
    stats.set(this.stats.subarray(0, this.state.pages * LISTING_FIELDS), (1 + folders.length) * LISTING_FIELDS);
    const { written, pages, kept } = this.state;
    return { written, unchanged: pages - written.length, kept, folders, stats };
  }

  private record(info: BigIntStats, ctimeMs: number): void {
    const at = this.state.pages++ * LISTING_FIELDS;
    if (at + LISTING_FIELDS > this.stats.length) {
      const grown = new Float64Array(Math.max(this.stats.length * 2, 1024 * LISTING_FIELDS));
      grown.set(this.stats);
      this.stats = grown;
    }
    this.stats.set([Number(info.mode), Number(info.size), msOf(info.mtimeNs), ctimeMs, Number(info.ino)], at);
  }

  private appendLines(): void {
    if (this.lines.length === 0) return;
    appendFileSync(this.state.manifestFile, this.lines.join(''));
    this.lines = [];
  }

  /** Makes the folders of `file` that do not exist yet, parents first (a recycled one is kept). */
  private makeFolders(file: string): void {
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) {
      const folder = file.slice(0, i);
      if (this.made.has(folder)) continue;
      const there = this.claim(folder);
      if (there !== 'folder') {
        if (there !== undefined) removeTree(path.join(this.state.dir, folder));
        mkdirSync(path.join(this.state.dir, folder));
      }
      this.made.add(folder);
    }
  }

  /** What a recycled build held at `p` (now claimed: finish leaves it), if anything. */
  private claim(p: string): 'file' | 'folder' | 'other' | undefined {
    if (this.state.recycled === undefined) return undefined;
    if (this.state.recycled === 'unlisted') this.state.recycled = listEntries(this.state.dir);
    const kind = this.state.recycled.get(p);
    if (kind !== undefined) this.state.recycled.delete(p);
    return kind;
  }

  /** Forgets what the recycled build held below folder `p`, which a page replaces. */
  private dropRecycled(p: string): void {
    const recycled = this.state.recycled as Recycled;
    for (const q of recycled.keys()) if (q.startsWith(`${p}/`)) recycled.delete(q);
  }

  /**
   * Removes what the recycled build held that no page of this one claimed. Everything below an
   * unclaimed folder is unclaimed too (a page there would have claimed it), so it goes whole.
   */
  private removeUnclaimed(): void {
    const { recycled, dir } = this.state;
    if (recycled === undefined) return;
    if (recycled === 'unlisted') {
      // No page came: the build is empty.
      for (const name of readdirSync(dir)) removeTree(path.join(dir, name));
    } else {
      for (const p of recycled.keys()) removeTree(path.join(dir, p));
    }
    this.state.recycled = undefined;
  }
}

/** Every entry below `dir` by POSIX path, with its kind (links and the like are 'other', never followed). */
function listEntries(dir: string): Recycled {
  const entries: Recycled = new Map();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    entries.set(p, e.isDirectory() ? 'folder' : e.isFile() ? 'file' : 'other');
  }
  return entries;
}

/** True when `file` is the very file (device and inode) `info` describes. */
function sameFile(file: string, info: BigIntStats): boolean {
  const now = lstatSync(file, { bigint: true, throwIfNoEntry: false });
  return now !== undefined && now.isFile() && now.ino === info.ino && now.dev === info.dev;
}

/** A file of the previous build, with its lstat. */
interface OldFile {
  file: string;
  info: BigIntStats;
}

/**
 * The previous build's `old` file, with its lstat, when it holds exactly `bytes`. With a manifest:
 * a different or missing hash answers at once; a matching one is trusted only while the file is
 * untouched since (one lstat), else the bytes are compared. Without a manifest the old file is read.
 */
function reusable(old: string, bytes: Buffer, hash: string, entry: ManifestEntry | undefined, hasManifest: boolean): OldFile | undefined {
  if (hasManifest && (entry?.hash !== hash || entry.size !== bytes.byteLength)) return undefined;
  const info = lstatSync(old, { bigint: true, throwIfNoEntry: false });
  if (!info?.isFile() || Number(info.size) !== bytes.byteLength) return undefined;
  if (entry && unchangedSince(info, entry)) return { file: old, info };
  return bytes.equals(readFileSync(old)) ? { file: old, info } : undefined;
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
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

function folderFields(folder: string): number[] {
  const info = lstatSync(folder);
  return [info.mode, info.size, info.mtimeMs, info.ctimeMs, info.ino];
}

/**
 * Milliseconds as Node's Stats computes them (seconds * 1e3 + nanoseconds / 1e6, in doubles), so
 * the up-to-date check can compare a plain lstat's numbers with `===`.
 */
function msOf(ns: bigint): number {
  return Number(ns / 1_000_000_000n) * 1e3 + Number(ns % 1_000_000_000n) / 1e6;
}
