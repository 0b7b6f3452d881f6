import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildCache } from '../cache/files.js';
import { stampFile, type FileStamp } from '../cache/stamp.js';
import { ConfigError, assertSafeFolders } from '../config/index.js';
import type { FileResult } from '../pipeline/article.js';
import { loadPageviews } from '../site/pageviews.js';
import { sourcePath } from '../load/source-path.js';
import type { Article, Config, Diagnostic, Page, WriteReport } from '../types.js';
import { releaseGeneralIdf } from '../corpus/idf.js';
import { internTerms } from '../pipeline/terms.js';
import { patchSite } from '../write/index.js';
import { previewRenderer, type PreviewRenderer } from '../render/preview.js';
import { previewChange, type PreviewBase } from './preview.js';
import { realStages, type Stages } from './stages.js';
import { eachLimited } from './concurrency.js';
import { defaultJobs, workersFor, type FilePool } from './pool.js';
import { buildTemplate, keyOf, type BuildTemplate } from './site-template.js';

export interface BuildOptions {
  /** Print nothing but errors. */
  quiet?: boolean;
  verbose?: boolean;
  /**
   * For `dev`: update the live output in place, writing only pages that changed since this
   * builder's last build, instead of assembling and switching in a whole new build.
   */
  inPlace?: boolean;
  /** Called as input files are processed (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Files to process from which worker threads are started (default MIN_FILES_FOR_WORKERS); fewer run in this thread. */
  workersFrom?: number;
  /** Called when a site-wide stage starts, after the per-file work (for a progress bar). */
  onStage?: (stage: SiteStage) => void;
  /** On-disk cache of per-file results (src/cache/files.ts), consulted before a file is processed. */
  cache?: BuildCache;
  /**
   * Called when every file has been through the per-file stages, before the site-wide ones; the
   * `build` command saves its disk cache here, while the results are whole (see `once`).
   */
  onFilesDone?: (files: string[]) => Promise<void>;
  /**
   * The builder builds once (the `build` command; `dev` builds again and keeps everything): each
   * article's terms, the largest per-article data after the body, are dropped as soon as the site
   * stage has read them; fingerprints, keyword counts and jieba's general IDF table as soon as the
   * corpus stage has.
   * V8 sizes the heap from what is live, so the peaks of site and render fall with them.
   */
  once?: boolean;
}

/** The stages after the per-file ones, in order (`render` writes each page as it is rendered). */
export type SiteStage = 'corpus' | 'site' | 'render';

/** Milliseconds spent in each part of one build. */
export interface Timings {
  discover: number;
  files: number;
  corpus: number;
  site: number;
  render: number;
  write: number;
}

export interface BuildResult {
  articles: number;
  pages: number;
  /** Input files found (articles plus skipped ones). */
  files: number;
  /** Files run through load/normalize/extract this time (the rest came from the cache). */
  processed: number;
  diagnostics: Diagnostic[];
  /** Stamp (stat + sha256) of each input file by absolute path; undefined when it could not be read. */
  inputs?: Map<string, FileStamp | undefined>;
  report: WriteReport;
  ms: number;
  timings: Timings;
}

/** A builder keeps per-file results between builds so `dev` can rebuild only what changed. */
export interface Builder {
  /** Build the site. `changed`: absolute paths of inputs that changed since the last call (undefined: rescan everything). */
  build(changed?: string[]): Promise<BuildResult>;
  /**
   * Only with `inPlace` (dev): shows changed articles at once, before the `build` that must follow
   * (see build/preview.ts). Undefined when the change cannot be previewed; nothing is written then.
   */
  preview?(changed: string[]): Promise<WriteReport | undefined>;
}

interface CacheEntry {
  /** Stat and sha256 of the bytes the result was made from; undefined when they could not be read. */
  stamp: FileStamp | undefined;
  result: FileResult;
  /** wiring: to be moved by the restructure. The file's share of the site template the result was made with. */
  signature?: string;
}

/** Input files processed at once: reading overlaps with the CPU-bound stages. */
const FILE_CONCURRENCY = 8;

/**
 * Composes the stages: discover -> (load -> normalize -> extract per file, cached by path and
 * content hash) -> corpus -> site -> render -> write. A file that fails only adds diagnostics.
 */
export function createBuilder(config: Config, options: BuildOptions = {}, stages: Stages = realStages): Builder {
  assertSafeFolders(config);
  const cache = new Map<string, CacheEntry>();
  const termStrings = new Map<string, string>();
  // wiring: to be moved by the restructure. The site template of the current build
  // (src/build/site-template.ts); a file's share of it is part of its cache key.
  let siteTemplate: BuildTemplate | undefined;
  const signature = (file: string): string => siteTemplate?.signature(file) ?? '';
  const sameTemplate = (entry: CacheEntry, file: string): boolean => (entry.signature ?? '') === signature(file);

  async function processAll(files: string[], changed: Set<string> | undefined): Promise<number> {
    const present = new Set(files);
    for (const cached of [...cache.keys()]) if (!present.has(cached)) cache.delete(cached);
    const taken = fromDiskCache(files);
    let done = 0;
    let processed = 0;
    const pool = openPool(files.filter((f) => !cache.has(f) || changed?.has(f) || !sameTemplate(cache.get(f)!, f)).length);
    try {
      await eachLimited(files, Math.max(FILE_CONCURRENCY, 2 * (pool?.size ?? 0)), async (file) => {
        const entry = cache.get(file);
        if (!entry && !taken.has(file)) {
          // Nothing to compare with: processing stamps the bytes it reads, so this thread reads nothing.
          cache.set(file, await processAndKeep(file, pool));
          processed++;
        } else if (!(entry && changed && !changed.has(file) && entry.stamp !== undefined && sameTemplate(entry, file))) {
          if (await refresh(file, taken.has(file) ? taken.get(file) : stampFile(file), pool)) processed++;
        }
        options.onProgress?.(++done, files.length);
      });
    } finally {
      await pool?.close();
    }
    return processed;
  }

  /**
   * Takes the disk cache's results for files this builder holds none for yet, before any file is
   * processed (so only the misses are left to process). Returns the stamps it took meanwhile (of
   * files the disk cache knows: the others are stamped as they are processed).
   */
  function fromDiskCache(files: string[]): Map<string, FileStamp | undefined> {
    const taken = new Map<string, FileStamp | undefined>();
    if (!options.cache) return taken;
    for (const file of files) {
      const rel = sourcePath(config.contentDir, file);
      if (cache.has(file) || !options.cache.has(rel)) continue;
      const stamp = options.cache.stamp(file);
      taken.set(file, stamp);
      const result = stamp && options.cache.lookup(rel, keyOf(stamp.hash, signature(file)));
      if (result) cache.set(file, { stamp, result: interned(result), signature: signature(file) });
    }
    return taken;
  }

  /** Processes the file again unless its cached result was made from the same bytes; true when it did. */
  async function refresh(file: string, stamp: FileStamp | undefined, pool: FilePool | undefined): Promise<boolean> {
    const entry = cache.get(file);
    if (entry && stamp !== undefined && entry.stamp?.hash === stamp.hash && sameTemplate(entry, file)) return false;
    cache.set(file, await processAndKeep(file, pool, stamp));
    return true;
  }

  /**
   * Processes one file and offers the result to the disk cache. Its stamp is the one processing
   * took of the bytes it read, else `before` (taken before processing; undefined: read it again next time).
   */
  async function processAndKeep(file: string, pool: FilePool | undefined, before?: FileStamp): Promise<CacheEntry> {
    const { stamp, ...result } = await safeProcess(file, pool);
    const bytes = stamp?.hash ?? result.article?.hash;
    options.cache?.store(result, bytes && keyOf(bytes, signature(file)));
    return { stamp: stamp ?? before, result, signature: signature(file) };
  }

  /**
   * Worker threads for a batch big enough to repay their start-up, closed when the batch is done:
   * each holds its own opencc and jieba, memory the later stages need more.
   */
  function openPool(toProcess: number): FilePool | undefined {
    const size = workersFor(toProcess, config.jobs ?? defaultJobs(), options.workersFrom);
    return size > 0 ? stages.filePool?.(config, size, siteTemplate?.template) : undefined;
  }

  /** One string per distinct term across the site, whether the result came from a worker, this thread or the disk cache. */
  function interned(result: FileResult): FileResult {
    const terms = result.article?.terms;
    return terms ? { ...result, article: { ...result.article!, terms: internTerms(terms, termStrings) } } : result;
  }

  async function safeProcess(file: string, pool: FilePool | undefined): Promise<FileResult> {
    try {
      return interned(await (pool ? pool.run(file) : stages.processFile(file, config.contentDir, config, { template: siteTemplate?.template })));
    } catch (err) {
      const rel = sourcePath(config.contentDir, file);
      const message = `internal error while processing this file (${(err as Error).message}); the rest of the site was built`;
      return { file: rel, diagnostics: [{ file: rel, line: 0, column: 0, severity: 'error', rule: 'build/internal', message }] };
    }
  }

  /** With `inPlace`: what the last successful build knew, for `preview`. */
  let last: PreviewBase | undefined;
  /** Kept from build to build while only content changes, so previews do not compile the templates again. */
  let renderer: PreviewRenderer | undefined;

  /** One input through the cache; undefined when it cannot be read (gone). */
  async function processOne(file: string): Promise<FileResult | undefined> {
    const stamp = stampFile(file);
    if (stamp === undefined) return undefined;
    await refresh(file, stamp, undefined);
    return cache.get(file)!.result;
  }

  const preview = async (changed: string[]): Promise<WriteReport | undefined> => last && previewChange(last, changed, config, {
    process: processOne,
    patch: (pages, removed) => patchSite(pages, removed, config.outDir),
  });

  return {
    ...(options.inPlace ? { preview } : {}),
    async build(changed) {
      const start = performance.now();
      const t = stopwatch();
      const kept: Partial<PreviewBase> = {};
      last = undefined; // a build that fails leaves nothing to preview against (its templates may be broken)
      if (!changed || changed.some((f) => !isInside(config.contentDir, f))) renderer = undefined;
      await assertContentDir(config.contentDir);
      const files = [...(await stages.discover(config.contentDir))].sort(compareCodeUnits);
      // wiring: to be moved by the restructure. Every input's lines counted before the per-file stages.
      siteTemplate = await buildTemplate(files, config);
      const discover = t();
      const processed = await processAll(files, changed ? new Set(changed.map((f) => path.resolve(f))) : undefined);
      const filesMs = t();
      await options.onFilesDone?.(files);
      t();
      const results = files.map((f) => cache.get(f)!.result);
      const articles = results.flatMap((r) => (r.article ? [r.article] : [])).sort(byFile);
      options.onStage?.('corpus');
      const enriched = stages.enrichCorpus(articles, config, options.inPlace ? (m) => { kept.corpus = m; } : undefined);
      const corpus = t();
      if (options.once) dropCorpusInputs([articles, enriched]);
      options.onStage?.('site');
      const pageviews = await loadPageviews(config);
      const keepRelated = options.inPlace ? (m: PreviewBase['related']) => { kept.related = m; } : undefined;
      const site = stages.buildSite(enriched, config, { pageviews: pageviews.views, keepRelated });
      const siteMs = t();
      if (options.once) dropTerms([articles, enriched, site.articles]);
      options.onStage?.('render');
      const pages = metered(stages.renderSite(site));
      const report = await stages.writeSite(pages, config.outDir, { inPlace: options.inPlace });
      const { render, write } = pages.split(t());
      if (options.inPlace) renderer ??= previewRenderer(config);
      last = kept.corpus && kept.related && renderer ? { site, corpus: kept.corpus, related: kept.related, render: renderer } : undefined;
      const diagnostics = [...results.flatMap((r) => r.diagnostics), ...pageviews.diagnostics, ...site.diagnostics].sort(compareDiagnostics);
      return {
        articles: site.articles.length,
        pages: pages.count,
        files: files.length,
        processed,
        diagnostics,
        inputs: new Map(files.map((f) => [f, cache.get(f)!.stamp])),
        report,
        ms: performance.now() - start,
        timings: { discover, files: filesMs, corpus, site: siteMs, render, write },
      };
    },
  };
}

/**
 * What only the corpus stage reads: fingerprints (near-duplicates), keyword candidate counts and
 * jieba's general IDF table (computed keywords). The per-file results and the corpus's copies may
 * each hold the same ones, so both let go. Fields are set to undefined, never deleted: `delete`
 * turns an object into a hash table (~1.4 KB per copy: 28 of 131 MiB live at render start at 10,000 articles).
 */
function dropCorpusInputs(lists: Article[][]): void {
  const none = { terms: [], counts: new Uint16Array(0) };
  for (const list of lists) {
    for (const a of list) {
      a.fingerprints = undefined;
      if (a.terms) a.terms = { words: a.terms.words, keywords: none };
    }
  }
  releaseGeneralIdf();
}

/**
 * Terms (their words: related) are read by the site stage last. The per-file results, the corpus's
 * copies and the site's copies may each hold the same ones, so all of them let go.
 */
function dropTerms(lists: Article[][]): void {
  for (const list of lists) for (const a of list) a.terms = undefined;
}

/** A page stream that counts its pages and the time spent producing them. */
interface Metered extends AsyncIterable<Page> {
  count: number;
  /** Splits the wall time of render and write together into each one's part. */
  split(total: number): { render: number; write: number };
}

/**
 * Render and write run interleaved (write pulls each page from render), so render's time is the
 * time spent inside the stream's next() and write's is the rest.
 */
function metered(pages: AsyncIterable<Page>): Metered {
  let rendering = 0;
  const result = {
    count: 0,
    split: (total: number) => ({ render: rendering, write: Math.max(0, total - rendering) }),
    async *[Symbol.asyncIterator]() {
      const it = pages[Symbol.asyncIterator]();
      for (;;) {
        const start = performance.now();
        const next = await it.next();
        rendering += performance.now() - start;
        if (next.done) return;
        result.count++;
        yield next.value;
      }
    },
  };
  return result;
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

async function assertContentDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new ConfigError(`the content folder ${dir} does not exist; put articles there or set contentDir`);
}

/** Milliseconds since the previous call (or creation). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = now - last;
    last = now;
    return ms;
  };
}

/** Locale-independent ordering, so output never depends on LANG or the file system's listing order. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byFile(a: Article, b: Article): number {
  return compareCodeUnits(a.file, b.file);
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column || compareCodeUnits(a.rule, b.rule) || compareCodeUnits(a.message, b.message);
}
