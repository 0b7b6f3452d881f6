// The per-file cache: what load -> normalize -> extract made of each input file, kept on disk between
// builds in one pack file, so an unchanged file skips the per-file stages.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { DefaultDeserializer, serialize } from 'node:v8';
import { keepsOriginals, type FileResult } from '../per-file/process.js';
import type { Config, FileStamp } from '../../model/index.js';
import { writeAtomically } from './atomic.js';
import { codeFingerprint } from './fingerprint.js';
import { sha256 } from '../../text/hash.js';
import { canonicalJson, stampFile } from './stamp.js';

/** Bumped whenever the pack's layout or what a result holds changes: an older pack is then never read. */
export const FORMAT = 7;
export const PACK_FILE = 'files.v8';

/** What the builder asks of a cache: stamps for inputs, results by content, fresh results to keep. */
export interface BuildCache {
  /** Stat + sha256 of an input file (undefined: unreadable), reusing a known hash when provably unchanged. */
  stamp(absPath: string): FileStamp | undefined;
  /** Whether a result for `relPath` is stored (from any bytes): files it is not stamped before processing. */
  has(relPath: string): boolean;
  /**
   * The stored result for `relPath` when it was made from bytes with this sha256, and the signature
   * of the template share it was made with (see run/per-file/template.ts): the caller decides
   * whether that share still holds; the result's line pairs are the page's either way.
   */
  lookup(relPath: string, hash: string): Stored | undefined;
  /**
   * Keeps a fresh result made from bytes whose hash it carries: an article, or a file refused with
   * diagnostics (binary, undecodable, empty) after its bytes were read, which the same bytes refuse
   * again. `bytesHash` is their sha256 when processing read them (FileResult.stamp); a result with
   * neither (unreadable file, a worker that crashed) is made again next time. `signature`: of the
   * template share it was made with ('' for none).
   */
  store(result: FileResult, bytesHash: string | undefined, signature: string): void;
}

export interface FileCache extends BuildCache {
  /** Lookups since opening that found a result / found none (files the cache holds nothing for are not looked up). */
  readonly hits: number;
  readonly misses: number;
  /** Drops entries for files not in `present` and writes the pack, if anything changed. Returns ms spent (0: nothing to write). */
  save(present: Iterable<string>): Promise<number>;
  /**
   * Lets go of every result held, once saved: the builder keeps its own copies (terms re-interned),
   * which a one-off build trims after each stage, while these would stay whole to the end.
   * Only `hits` and `misses` are meaningful afterwards.
   */
  release(): void;
}

export interface OpenOptions {
  /** Identity of the code (default: codeFingerprint()); tests pass their own. */
  fingerprint?: string;
  /** Stamps of the last build's inputs and when they were taken, to skip re-reading unchanged files. */
  known?: { stampedAt: number; stamps: ReadonlyMap<string, FileStamp> };
  /** Told why a cache file was not used (shown with --verbose). */
  note?: (line: string) => void;
}

/** A result as the cache keeps it: with the template share it was made with. */
export interface Stored {
  result: FileResult;
  signature: string;
}

interface Entry extends Stored {
  hash: string;
}

/** What a pack says about itself; read first, so a pack of other code or settings is never deserialised whole. */
export interface PackHeader {
  format: number;
  key: string;
  /** Entries in the frames after the header (a shorter pack is damaged). */
  entries: number;
}

export type PackEntry = [rel: string, hash: string, signature: string, result: FileResult];

/** The first bytes of a pack of this layout; anything else (older packs included) is another version's. */
const MAGIC = Buffer.from('parkpack');

/** Entries per frame: small enough that no frame is a large buffer, large enough that framing costs nothing. */
const ENTRIES_PER_FRAME = 256;

/**
 * A pack file: MAGIC, then frames, each a 32-bit little-endian length and one v8-serialised value:
 * the header, then the entries in groups. Made and read a frame at a time, so neither saving nor
 * loading holds the whole pack's bytes (hundreds of MB on a large site) at once.
 */
export function* packFrames(header: Omit<PackHeader, 'entries'>, entries: PackEntry[]): Generator<Uint8Array> {
  yield MAGIC;
  yield* frame({ ...header, entries: entries.length });
  for (let i = 0; i < entries.length; i += ENTRIES_PER_FRAME) yield* frame(entries.slice(i, i + ENTRIES_PER_FRAME));
}

/** A frame as its length and its body, not copied into one buffer (the pack's bytes are garbage once written). */
function* frame(value: unknown): Generator<Uint8Array> {
  const body = serialize(value);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  yield length;
  yield body;
}

const readHostObject = (DefaultDeserializer.prototype as unknown as { _readHostObject(this: DefaultDeserializer): unknown })
  ._readHostObject;

/**
 * v8's deserializer makes each typed array (fingerprints, term counts, line pairs) a view of the
 * bytes it reads when they are aligned; the pack is read frame after frame into one reused buffer,
 * so every view is copied out of it, or the next frame would overwrite it.
 */
class CopyingDeserializer extends DefaultDeserializer {
  /** Node's hook for host objects (typed arrays, Buffers, DataViews); not in its type declarations. */
  _readHostObject(): unknown {
    const value = readHostObject.call(this);
    return ArrayBuffer.isView(value) ? ownCopy(value) : value;
  }
}

/**
 * A view of the same type over its own copy of the bytes. Not `slice()`: a Buffer's slice is a
 * view of the same memory, and a DataView has none.
 */
function ownCopy(view: ArrayBufferView): ArrayBufferView {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
  if (view instanceof DataView) return new DataView(bytes);
  if (Buffer.isBuffer(view)) return Buffer.from(bytes);
  return new (view.constructor as new (buffer: ArrayBuffer) => ArrayBufferView)(bytes);
}

function deserializeCopying(bytes: Buffer): unknown {
  const reader = new CopyingDeserializer(bytes);
  reader.readHeader();
  return reader.readValue();
}

/** The pack is not of this layout (another parkpress version made it). */
export class ForeignPack extends Error {}

/**
 * Reads a pack's header, and its entries only when `wanted` accepts the header. Throws ForeignPack
 * on another layout, a plain Error on damaged or truncated bytes, and fs errors as they come.
 */
export async function readPackFile(
  file: string,
  wanted: (header: PackHeader) => boolean,
): Promise<{ header: PackHeader; entries?: PackEntry[] }> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    let at = 0;
    // One buffer for every frame: deserialising copies what it makes, so the bytes read are not
    // left behind as garbage outside the heap, frame after frame.
    let buf = Buffer.alloc(64 * 1024);
    const take = async (n: number): Promise<Buffer> => {
      if (at + n > size) throw new Error(`truncated at byte ${at} of ${size}`);
      if (n > buf.length) buf = Buffer.alloc(Math.max(n, 2 * buf.length));
      for (let got = 0; got < n;) got += (await handle.read(buf, got, n - got, at + got)).bytesRead;
      at += n;
      return buf.subarray(0, n);
    };
    const next = async (): Promise<unknown> => deserializeCopying(await take((await take(4)).readUInt32LE(0)));
    if (size < MAGIC.length || !(await take(MAGIC.length)).equals(MAGIC)) throw new ForeignPack('not a pack of this layout');
    const header = (await next()) as PackHeader;
    if (!wanted(header)) return { header };
    const entries: PackEntry[] = [];
    while (at < size) entries.push(...((await next()) as PackEntry[]));
    if (entries.length !== header.entries) throw new Error(`${entries.length} entries where the header says ${header.entries}`);
    return { header, entries };
  } finally {
    await handle.close();
  }
}

/**
 * The config values processFile reads (see test/cache/files.test.ts, which watches it read), plus
 * the content folder (results carry paths relative to it). Any other key may change freely.
 */
export function perFileConfig(config: Config): unknown {
  return { contentDir: config.contentDir, limits: config.limits, traditional: { enabled: keepsOriginals(config) } };
}

/** Which results a pack can serve: the code, and the config values per-file processing reads. */
export function packKey(config: Config, fingerprint = codeFingerprint()): string {
  return sha256(`${FORMAT}\n${fingerprint}\n${canonicalJson(perFileConfig(config))}`);
}

/**
 * Opens `cacheDir/files.v8`. A missing, unreadable, corrupt or foreign (other version or config)
 * pack is never an error: the cache starts empty and the build makes every result afresh.
 */
export async function openFileCache(cacheDir: string, config: Config, options: OpenOptions = {}): Promise<FileCache> {
  const file = path.join(cacheDir, PACK_FILE);
  const key = packKey(config, options.fingerprint);
  const entries = await readPack(file, key, options.note ?? (() => {}));
  let dirty = false;
  let hits = 0;
  let misses = 0;
  return {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    stamp(absPath) {
      return stampFile(absPath, options.known?.stamps.get(absPath), options.known?.stampedAt);
    },
    has(relPath) {
      return entries.has(relPath);
    },
    lookup(relPath, hash) {
      const entry = entries.get(relPath);
      if (entry?.hash === hash) {
        hits++;
        return entry;
      }
      misses++;
      return undefined;
    },
    store(result, bytesHash, signature) {
      const hash = bytesHash ?? result.article?.hash;
      if (hash === undefined) return;
      entries.set(result.file, { hash, signature, result });
      dirty = true;
    },
    release() {
      entries.clear();
    },
    async save(present) {
      const keep = new Set(present);
      for (const rel of entries.keys()) {
        if (!keep.has(rel)) {
          entries.delete(rel);
          dirty = true;
        }
      }
      if (!dirty) return 0;
      const start = performance.now();
      await writeAtomically(
        file,
        packFrames(
          { format: FORMAT, key },
          [...entries].map(([rel, e]): PackEntry => [rel, e.hash, e.signature, e.result]),
        ),
      );
      dirty = false;
      return performance.now() - start;
    },
  };
}

async function readPack(file: string, key: string, note: (line: string) => void): Promise<Map<string, Entry>> {
  let entries: PackEntry[] | undefined;
  try {
    ({ entries } = await readPackFile(file, (h) => h?.format === FORMAT && h.key === key));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new Map();
    if (!(err instanceof ForeignPack)) {
      const problem = code ? `cannot read ${file}` : `${file} is damaged`;
      note(`cache: ${problem} (${(err as Error).message}); building without it`);
      return new Map();
    }
  }
  if (!Array.isArray(entries)) {
    note(`cache: ${file} was made by another parkpress version or with other settings; building without it`);
    return new Map();
  }
  return new Map(entries.map(([rel, hash, signature, result]) => [rel, { hash, signature, result }]));
}
