// The builder: the stages in order, from the content folder to the output folder.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, assertSafeFolders } from '../config/index.js';
import {
  compareDiagnostics,
  type Article,
  type ArticleFacts,
  type Config,
  type Diagnostic,
  type FactsByFile,
  type FileStamp,
  type Site,
  type WriteReport,
} from '../model/index.js';
import type { CorpusModel } from '../stages/corpus/index.js';
import { releaseGeneralIdf } from '../stages/corpus/idf.js';
import { assertOwnOutput } from '../stages/write/ownership.js';
import type { RelatedModel } from '../stages/site/related.js';
import { compareCodeUnits } from '../text/compare.js';
import type { BuildCache } from './cache/files.js';
import { renderFingerprint } from './cache/render-fingerprint.js';
import type { PageReuse } from '../stages/render/keys.js';
import { livePageKeys } from '../stages/write/index.js';
import { FileResults } from './file-results.js';
import { PageGuard } from './page-guard.js';
import { loadPageviews } from './pageviews.js';
import type { FileResult } from './per-file/process.js';
import { buildYear, futureDates } from './future-dates.js';
import { realStages, type Stages } from './stages.js';
import { metered, stopwatch, type Timings } from './timings.js';

export interface BuildOptions {
  /** Print nothing but errors. */
  quiet?: boolean;
  verbose?: boolean;
  /**
   * For `dev`: update the live output in place, writing only pages that changed since this
   * builder's last build, instead of assembling and switching in a whole new build; and keep what
   * the last build knew (`lastBuild`) for quick previews.
   */
  inPlace?: boolean;
  /**
   * The user's consent to replace an output folder parkpress did not make (`build --replace-out`);
   * without it the builder refuses such a folder when it is made, before any work.
   */
  replaceOut?: boolean;
  /** Called as input files are processed (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Files to process from which worker threads are started (default MIN_FILES_FOR_WORKERS); fewer run in this thread. */
  workersFrom?: number;
  /** Called when a site-wide stage starts, after the per-file work (for a progress bar). */
  onStage?: (stage: SiteStage) => void;
  /** On-disk cache of per-file results (run/cache/files.ts), consulted before a file is processed. */
  cache?: BuildCache;
  /**
   * Called when every file has been through the per-file stages, before the site-wide ones; the
   * `build` command saves its disk cache here, while the results are whole (see `once`).
   */
  onFilesDone?: (files: string[]) => Promise<void>;
  /**
   * The builder builds once (the `build` command; `dev` builds again and keeps everything): the
   * facts only the corpus step reads (fingerprints, keyword counts, jieba's general IDF table) are
   * let go once it has read them, body words once the site stage has. V8 sizes the heap from what
   * is live, so the peaks of site and render fall with them.
   */
  once?: boolean;
  /**
   * Give each page a key (render/keys.ts), recorded in the build's manifest, and keep each page of
   * the live build whose key is unchanged instead of rendering it again ('keep'); 'remake' renders
   * every page (`build --force`). Not with `inPlace`, whose writer compares every page it made.
   */
  pageKeys?: 'keep' | 'remake';
}

/** The stages after the per-file ones, in order (`render` writes each page as it is rendered). */
export type SiteStage = 'corpus' | 'site' | 'render';

export type { Timings } from './timings.js';

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

/** What the last successful build knew: its site and facts, and the corpus and related models behind them. */
export interface LastBuild {
  site: Site;
  facts: FactsByFile;
  corpus: CorpusModel;
  related: RelatedModel;
  pageviews: ReadonlyMap<string, number>;
  /** The build's year the site was built with (buildYear). */
  year: number;
}

/** A builder keeps per-file results between builds so `dev` can rebuild only what changed. */
export interface Builder {
  /**
   * Build the site. `changed`: absolute paths of inputs that changed since the last call (undefined:
   * rescan everything). `touched`: with `inPlace`, output pages another writer changed since this
   * builder last wrote (see WriteOptions.touched; dev's twin builders).
   */
  build(changed?: string[], touched?: readonly string[] | 'all'): Promise<BuildResult>;
  /** With `inPlace`: what the last build knew; undefined before the first build, after a failed one, or without `inPlace`. */
  lastBuild(): LastBuild | undefined;
  /** One input file through the builder's per-file results; undefined when it cannot be read (gone). */
  processOne(file: string): Promise<FileResult | undefined>;
}

/**
 * Composes the stages: discover -> (load -> normalize -> extract per file, cached by path and
 * content hash) -> corpus -> site -> render -> write. A file that fails only adds diagnostics.
 */
export function createBuilder(config: Config, options: BuildOptions = {}, stages: Stages = realStages): Builder {
  assertSafeFolders(config);
  assertOwnOutput(path.resolve(config.outDir), options.replaceOut);
  const files = new FileResults(config, stages, options);
  let last: LastBuild | undefined;
  return {
    lastBuild: () => last,
    processOne: (file) => files.one(file),
    async build(changed, touched) {
      last = undefined; // a build that fails leaves nothing to preview against (its templates may be broken)
      const { result, kept } = await runBuild(config, options, stages, files, changed, touched);
      if (options.inPlace) last = kept;
      return result;
    },
  };
}

/** One build through every stage; `kept` is what it knew, for `lastBuild`. */
async function runBuild(
  config: Config,
  options: BuildOptions,
  stages: Stages,
  files: FileResults,
  changed: string[] | undefined,
  touched: readonly string[] | 'all' | undefined,
): Promise<{ result: BuildResult; kept?: LastBuild }> {
  const start = performance.now();
  const t = stopwatch();
  await assertContentDir(config.contentDir);
  const inputs = [...(await stages.discover(config.contentDir))].sort(compareCodeUnits);
  const discover = t();
  const processed = await files.update(inputs, changed ? new Set(changed.map((f) => path.resolve(f))) : undefined);
  const filesMs = t();
  // Taken now: a one-off build lets go of the per-file results after the corpus step.
  const stamps = new Map(inputs.map((f) => [f, files.stamp(f)]));
  await options.onFilesDone?.(inputs);
  t();
  const models: Partial<Pick<LastBuild, 'corpus' | 'related'>> = {};
  options.onStage?.('corpus');
  const keepCorpus = options.inPlace ? (m: CorpusModel) => (models.corpus = m) : undefined;
  // Reassigned, never copied to another name: a build lets go of each stage's facts once trimmed.
  let facts: FactsByFile;
  let fileDiagnostics: Diagnostic[];
  let articles: Article[];
  ({
    articles,
    facts,
    diagnostics: fileDiagnostics,
  } = corpusStep(
    inputs.map((f) => files.result(f)),
    config,
    stages,
    keepCorpus,
  ));
  const corpus = t();
  if (options.once) {
    files.release();
    releaseGeneralIdf();
    facts = keepOnly(facts, 'words');
  }
  options.onStage?.('site');
  const pageviews = await loadPageviews(config);
  const keepRelated = options.inPlace ? (m: RelatedModel) => (models.related = m) : undefined;
  const year = buildYear();
  const site = stages.buildSite(articles, facts, config, { pageviews: pageviews.views, keepRelated, year });
  const siteMs = t();
  if (options.once) facts = keepOnly(facts, 'minutes');
  options.onStage?.('render');
  const guard = new PageGuard();
  const pages = metered(guard.filter(stages.renderSite(site, facts, await pageReuse(config, options))));
  const report = await stages.writeSite(pages, config.outDir, {
    inPlace: options.inPlace,
    replaceForeign: options.replaceOut,
    expectedPages: site.articles.length,
    touched,
  });
  const { render, write } = pages.split(t());
  const diagnostics = [...fileDiagnostics, ...pageviews.diagnostics, ...site.diagnostics, ...guard.diagnostics(site)].sort(
    compareDiagnostics,
  );
  const kept =
    models.corpus && models.related
      ? { site, facts, corpus: models.corpus, related: models.related, pageviews: pageviews.views, year }
      : undefined;
  return {
    kept,
    result: {
      articles: site.articles.length,
      pages: pages.count,
      files: inputs.length,
      processed,
      diagnostics,
      inputs: stamps,
      report,
      ms: performance.now() - start,
      timings: { discover, files: filesMs, corpus, site: siteMs, render, write },
    },
  };
}

/**
 * The corpus step over the per-file results: the enriched articles, their facts and every file's
 * diagnostics (dates beyond the build's next year among them). A function of its own so the facts as the files gave them (fingerprints, keyword
 * counts) are garbage once it returns, not held by the build to its end.
 */
function corpusStep(
  results: FileResult[],
  config: Config,
  stages: Stages,
  keep: ((model: CorpusModel) => void) | undefined,
): { articles: Article[]; facts: FactsByFile; diagnostics: Diagnostic[] } {
  const gathered = gather(results);
  const enriched = stages.enrichCorpus(gathered.articles, gathered.facts, config, keep);
  const future = futureDates(gathered.articles, buildYear());
  return { articles: enriched.articles, facts: enriched.facts, diagnostics: [...gathered.diagnostics, ...future] };
}

/** The articles (by file), their facts and every file's diagnostics, from the per-file results. */
function gather(results: FileResult[]): { articles: Article[]; facts: Map<string, ArticleFacts>; diagnostics: Diagnostic[] } {
  const articles: Article[] = [];
  const facts = new Map<string, ArticleFacts>();
  for (const r of results) {
    if (!r.article) continue;
    articles.push(r.article);
    facts.set(r.article.file, r.facts!);
  }
  articles.sort((a, b) => compareCodeUnits(a.file, b.file));
  return { articles, facts, diagnostics: results.flatMap((r) => r.diagnostics) };
}

const NO_COUNTS = { terms: [], counts: new Uint16Array(0) };
const NO_FINGERPRINTS = new Uint32Array(0);

/**
 * A one-off build's facts trimmed to what the stages still to come read, as new objects, so the
 * rest is garbage: after the corpus step only body words (related) and reading time (render) are
 * read, after the site stage only reading time.
 */
function keepOnly(facts: FactsByFile, what: 'words' | 'minutes'): Map<string, ArticleFacts> {
  const trimmed = new Map<string, ArticleFacts>();
  for (const [file, f] of facts) {
    const words = what === 'words' ? f.terms.words : NO_COUNTS;
    trimmed.set(file, { terms: { words, keywords: NO_COUNTS }, fingerprints: NO_FINGERPRINTS, readingMinutes: f.readingMinutes });
  }
  return trimmed;
}

async function assertContentDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new ConfigError(`the content folder ${dir} does not exist; put articles there or set contentDir`);
}

/** The page keys render gives and keeps by (see BuildOptions.pageKeys); undefined: none. */
async function pageReuse(config: Config, options: BuildOptions): Promise<PageReuse | undefined> {
  if (!options.pageKeys || options.inPlace) return undefined;
  const live = options.pageKeys === 'keep' ? await livePageKeys(config.outDir) : new Map<string, string>();
  return { fingerprint: renderFingerprint(config), live };
}
