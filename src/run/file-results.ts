// The per-file stage's results for the input files of a builder, kept between its builds.
import { defaultJobs } from '../config/defaults.js';
import { diagnostic, type Config, type FileStamp } from '../model/index.js';
import type { PagePairs } from '../stages/extract/core/template.js';
import { sourcePath } from '../stages/load/source-path.js';
import type { BuildCache } from './cache/files.js';
import { stampFile } from './cache/stamp.js';
import { eachLimited } from './concurrency.js';
import { internTerms } from './per-file/facts.js';
import type { FileResult } from './per-file/process.js';
import { readPagePairs, readPagePairsSync, TemplateShares } from './per-file/template.js';
import type { Stages } from './stages.js';
import { workersFor, type FilePool } from './workers/pool.js';

/** Input files read or processed at once: reading overlaps with the CPU-bound stages. */
const FILE_CONCURRENCY = 8;

export interface FileResultsOptions {
  /** On-disk cache of per-file results, consulted before a file is processed. */
  cache?: BuildCache;
  /** Files to process from which worker threads are started (default: the pool's own threshold). */
  workersFrom?: number;
  /** Called as input files are processed (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

interface Entry {
  /** Stat and sha256 of the bytes the result was made from; undefined when they could not be read. */
  stamp: FileStamp | undefined;
  result: FileResult;
  /** The template share the result was made with (TemplateShares.signature). */
  signature: string;
}

/** A file's bytes as this build sees them, and its line pairs when known without processing it. */
interface Seen {
  stamp: FileStamp | undefined;
  /** The entry held is of these bytes. */
  current: boolean;
  pairs?: PagePairs;
}

/**
 * Each input file's result, by absolute path: taken from the disk cache, or made by the per-file
 * stages on worker threads (a large batch) or in this thread. A result is made again when the
 * file's bytes change, or its share of the site template (lines recurring on many of the files) does.
 * A file whose processing throws gets an error result; the rest go on.
 */
export class FileResults {
  private readonly entries = new Map<string, Entry>();
  /** One string per distinct term across the site (see internTerms). */
  private readonly termStrings = new Map<string, string>();
  /** The template of the last update, for files processed one at a time until the next (dev's preview). */
  private template = TemplateShares.of([]);

  constructor(
    private readonly config: Config,
    private readonly stages: Stages,
    private readonly options: FileResultsOptions = {},
  ) {}

  /**
   * Brings the results up to date for `files` (sorted absolute paths) and forgets other files.
   * `changed`: the files that may have changed since the last call (undefined: any of them).
   * Returns how many files were processed.
   */
  async update(files: string[], changed: ReadonlySet<string> | undefined): Promise<number> {
    const present = new Set(files);
    for (const known of [...this.entries.keys()]) if (!present.has(known)) this.entries.delete(known);
    const seen = this.look(files, changed, this.fromDiskCache(files));
    this.template = TemplateShares.of(files.flatMap((f) => seen.get(f)!.pairs ?? []));
    const shares = new Map(files.map((f) => [f, this.template.share(seen.get(f)!.pairs)]));
    const stale = files.filter((f) => !this.upToDate(f, seen.get(f)!, shares.get(f)!));
    let done = files.length - stale.length;
    const pool = this.openPool(stale.length);
    try {
      await eachLimited(stale, Math.max(FILE_CONCURRENCY, 2 * (pool?.size ?? 0)), async (file) => {
        this.entries.set(file, await this.processAndKeep(file, shares.get(file)!, pool, seen.get(file)!));
        this.options.onProgress?.(++done, files.length);
      });
    } finally {
      await pool?.close();
    }
    return stale.length;
  }

  /** The result for a file `update` was given. */
  result(file: string): FileResult {
    return this.entries.get(file)!.result;
  }

  /** The stamp of the bytes a file's result was made from. */
  stamp(file: string): FileStamp | undefined {
    return this.entries.get(file)?.stamp;
  }

  /**
   * One input through the results (processed again when its bytes or its share of the last
   * update's template changed); undefined when it cannot be read (gone).
   */
  async one(file: string): Promise<FileResult | undefined> {
    const stamp = stampFile(file);
    if (stamp === undefined) return undefined;
    const entry = this.entries.get(file);
    const current = entry?.stamp?.hash === stamp.hash;
    const pairs = current ? entry!.result.pairs : await readPagePairs(file, this.config.contentDir, this.config);
    const share = this.template.share(pairs);
    if (!this.upToDate(file, { stamp, current, pairs }, share))
      this.entries.set(file, await this.processAndKeep(file, share, undefined, { stamp, current, pairs }));
    return this.result(file);
  }

  /**
   * Forgets every file's result and the term strings (a one-off build, once the corpus step has
   * read them): the corpus step's articles are new objects, and a body it stripped of boilerplate a
   * new string, so holding the results would keep a second article per file to the end of the build.
   */
  release(): void {
    this.entries.clear();
    this.termStrings.clear();
  }

  /**
   * Takes the disk cache's results for files held nowhere yet (whatever template share they were
   * made with); returns the files it took, whose results are of their bytes now.
   */
  private fromDiskCache(files: string[]): Set<string> {
    const taken = new Set<string>();
    const cache = this.options.cache;
    if (!cache) return taken;
    for (const file of files) {
      const rel = sourcePath(this.config.contentDir, file);
      if (this.entries.has(file) || !cache.has(rel)) continue;
      const stamp = cache.stamp(file);
      const stored = stamp && cache.lookup(rel, stamp.hash);
      if (!stored) continue;
      this.entries.set(file, { stamp, result: this.interned(stored.result), signature: stored.signature });
      taken.add(file);
    }
    return taken;
  }

  /**
   * Each file's bytes now and its line pairs: from the result held when its bytes are the same
   * (files just taken from the disk cache, and files not in `changed`, are not read again), else
   * read from the file, with blocking reads (see readPagePairsSync).
   */
  private look(files: string[], changed: ReadonlySet<string> | undefined, taken: ReadonlySet<string>): Map<string, Seen> {
    const seen = new Map<string, Seen>();
    for (const file of files) {
      const entry = this.entries.get(file);
      const trusted =
        entry !== undefined && (taken.has(file) || (changed !== undefined && !changed.has(file) && entry.stamp !== undefined));
      if (trusted) {
        seen.set(file, { stamp: entry.stamp, current: true, pairs: entry.result.pairs });
        continue;
      }
      const stamp = entry && stampFile(file);
      if (entry && stamp !== undefined && entry.stamp?.hash === stamp.hash) {
        seen.set(file, { stamp, current: true, pairs: entry.result.pairs });
        continue;
      }
      const read = readPagePairsSync(file, this.config.contentDir, this.config);
      seen.set(file, { stamp: read.stamp ?? stamp, current: false, pairs: read.pairs });
    }
    return seen;
  }

  /** The result held for `file` was made from its current bytes and with this template share. */
  private upToDate(file: string, seen: Seen, share: readonly number[]): boolean {
    const entry = this.entries.get(file);
    return seen.current && entry !== undefined && entry.signature === TemplateShares.signature(share);
  }

  /**
   * Processes one file with its template share and offers the result to the disk cache, with the
   * line pairs read before (`before`). Its stamp is the one processing took of the bytes it read,
   * else `before`'s; undefined (read it again next time) when the bytes changed between the two
   * reads, as the pairs are then of other bytes.
   */
  private async processAndKeep(file: string, share: number[], pool: FilePool | undefined, before: Seen): Promise<Entry> {
    const { stamp, ...made } = await this.safeProcess(file, share, pool);
    const result: FileResult = before.pairs ? { ...made, pairs: before.pairs } : made;
    const same = stamp === undefined || stamp.hash === before.stamp?.hash;
    const signature = TemplateShares.signature(share);
    if (same) this.options.cache?.store(result, stamp?.hash, signature);
    return { stamp: same ? (stamp ?? before.stamp) : undefined, result, signature };
  }

  /**
   * Worker threads for a batch big enough to repay their start-up, closed when the batch is done:
   * each holds its own opencc and jieba, memory the later stages need more.
   */
  private openPool(toProcess: number): FilePool | undefined {
    const size = workersFor(toProcess, this.config.jobs ?? defaultJobs(), this.options.workersFrom);
    return size > 0 ? this.stages.filePool?.(this.config, size) : undefined;
  }

  /** One string per distinct term, whether the result came from a worker, this thread or the disk cache. */
  private interned(result: FileResult): FileResult {
    if (result.facts) internTerms(result.facts.terms, this.termStrings);
    return result;
  }

  private async safeProcess(file: string, share: number[], pool: FilePool | undefined): Promise<FileResult> {
    try {
      const made = pool
        ? pool.run(file, share)
        : this.stages.processFile(file, this.config.contentDir, this.config, TemplateShares.options(share));
      return this.interned(await made);
    } catch (err) {
      const rel = sourcePath(this.config.contentDir, file);
      const message = `internal error while processing this file (${(err as Error).message}); the rest of the site was built`;
      return { file: rel, diagnostics: [diagnostic(rel, 'build/internal', 'error', message)] };
    }
  }
}
