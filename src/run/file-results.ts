// The per-file stage's results for the input files of a builder, kept between its builds.
import { defaultJobs } from '../config/defaults.js';
import { diagnostic, type Config, type FileStamp } from '../model/index.js';
import { sourcePath } from '../stages/load/source-path.js';
import type { BuildCache } from './cache/files.js';
import { stampFile } from './cache/stamp.js';
import { eachLimited } from './concurrency.js';
import { internTerms } from './per-file/facts.js';
import type { FileResult } from './per-file/process.js';
import type { Stages } from './stages.js';
import { workersFor, type FilePool } from './workers/pool.js';

/** Input files processed at once: reading overlaps with the CPU-bound stages. */
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
}

/**
 * Each input file's result, by absolute path: taken from the disk cache, or made by the per-file
 * stages on worker threads (a large batch) or in this thread, and made again only when the file's
 * bytes change. A file whose processing throws gets an error result; the rest go on.
 */
export class FileResults {
  private readonly entries = new Map<string, Entry>();
  /** One string per distinct term across the site (see internTerms). */
  private readonly termStrings = new Map<string, string>();

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
    const taken = this.fromDiskCache(files);
    let done = 0;
    let processed = 0;
    const pool = this.openPool(files.filter((f) => !this.entries.has(f) || changed?.has(f)).length);
    try {
      await eachLimited(files, Math.max(FILE_CONCURRENCY, 2 * (pool?.size ?? 0)), async (file) => {
        const entry = this.entries.get(file);
        if (!entry && !taken.has(file)) {
          // Nothing to compare with: processing stamps the bytes it reads, so this thread reads nothing.
          this.entries.set(file, await this.processAndKeep(file, pool));
          processed++;
        } else if (!(entry && changed && !changed.has(file) && entry.stamp !== undefined)) {
          if (await this.refresh(file, taken.has(file) ? taken.get(file) : stampFile(file), pool)) processed++;
        }
        this.options.onProgress?.(++done, files.length);
      });
    } finally {
      await pool?.close();
    }
    return processed;
  }

  /** The result for a file `update` was given. */
  result(file: string): FileResult {
    return this.entries.get(file)!.result;
  }

  /** The stamp of the bytes a file's result was made from. */
  stamp(file: string): FileStamp | undefined {
    return this.entries.get(file)?.stamp;
  }

  /** One input through the results (processed again when its bytes changed); undefined when it cannot be read (gone). */
  async one(file: string): Promise<FileResult | undefined> {
    const stamp = stampFile(file);
    if (stamp === undefined) return undefined;
    await this.refresh(file, stamp, undefined);
    return this.result(file);
  }

  /** Lets go of every result's facts (a one-off build, once the corpus step has read them). */
  releaseFacts(): void {
    for (const entry of this.entries.values()) if (entry.result.facts) entry.result = { ...entry.result, facts: undefined };
  }

  /**
   * Takes the disk cache's results for files held nowhere yet, before any file is processed (so
   * only the misses are left to process). Returns the stamps it took meanwhile (of files the disk
   * cache knows: the others are stamped as they are processed).
   */
  private fromDiskCache(files: string[]): Map<string, FileStamp | undefined> {
    const taken = new Map<string, FileStamp | undefined>();
    const cache = this.options.cache;
    if (!cache) return taken;
    for (const file of files) {
      const rel = sourcePath(this.config.contentDir, file);
      if (this.entries.has(file) || !cache.has(rel)) continue;
      const stamp = cache.stamp(file);
      taken.set(file, stamp);
      const result = stamp && cache.lookup(rel, stamp.hash);
      if (result) this.entries.set(file, { stamp, result: this.interned(result) });
    }
    return taken;
  }

  /** Processes the file again unless its result was made from the same bytes; true when it did. */
  private async refresh(file: string, stamp: FileStamp | undefined, pool: FilePool | undefined): Promise<boolean> {
    const entry = this.entries.get(file);
    if (entry && stamp !== undefined && entry.stamp?.hash === stamp.hash) return false;
    this.entries.set(file, await this.processAndKeep(file, pool, stamp));
    return true;
  }

  /**
   * Processes one file and offers the result to the disk cache. Its stamp is the one processing
   * took of the bytes it read, else `before` (taken before processing; undefined: read it again next time).
   */
  private async processAndKeep(file: string, pool: FilePool | undefined, before?: FileStamp): Promise<Entry> {
    const { stamp, ...result } = await this.safeProcess(file, pool);
    this.options.cache?.store(result, stamp?.hash);
    return { stamp: stamp ?? before, result };
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

  private async safeProcess(file: string, pool: FilePool | undefined): Promise<FileResult> {
    try {
      return this.interned(await (pool ? pool.run(file) : this.stages.processFile(file, this.config.contentDir, this.config)));
    } catch (err) {
      const rel = sourcePath(this.config.contentDir, file);
      const message = `internal error while processing this file (${(err as Error).message}); the rest of the site was built`;
      return { file: rel, diagnostics: [diagnostic(rel, 'build/internal', 'error', message)] };
    }
  }
}
