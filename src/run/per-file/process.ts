// The per-file stages, the one place build, check, dev and ingest run them, so they never disagree about an article.
import { diagnostic, type Article, type ArticleFacts, type Config, type Diagnostic, type FileStamp } from '../../model/index.js';
import type { PagePairs } from '../../stages/extract/core/template.js';
import { extract, type ExtractOptions } from '../../stages/extract/index.js';
import { loadSource, loadSourceSync, type StampedLoad } from '../../stages/load/index.js';
import { normalize } from '../../stages/normalize/index.js';
import { originalLines } from '../../stages/normalize/original.js';
import { articleFacts } from './facts.js';

/** What the per-file stages made of one input file. */
export interface FileResult {
  /** Path relative to the content dir (POSIX), as used in diagnostics. */
  file: string;
  /** Absent when the file was skipped; its diagnostics say why. */
  article?: Article;
  /** What later stages read of the article alone; present with `article`. */
  facts?: ArticleFacts;
  /**
   * The page's line pairs, which the site template counts (absent when the file could not be
   * loaded). Set by the builder's FileResults, which read them before processing (the template
   * must be known first); the per-file stages do not make them again.
   */
  pairs?: PagePairs;
  /** All diagnostics for the file (also copied into article.diagnostics when there is one). */
  diagnostics: Diagnostic[];
  /** Stat and sha256 of the bytes this was made from (see StampedLoad); absent when they were not read. */
  stamp?: FileStamp;
}

/**
 * load -> normalize -> extract for one file, then the article's facts (model/facts.ts). `extractOptions`
 * carry what is known beyond the file (its share of the site template).
 */
export async function processFile(
  absPath: string,
  contentDir: string,
  config: Config,
  extractOptions: ExtractOptions = {},
): Promise<FileResult> {
  return fromLoaded(absPath, await loadSource(absPath, contentDir, config.limits), extractOptions, keepsOriginals(config));
}

/** processFile with blocking reads, for worker threads (see loadSourceSync). */
export function processFileSync(absPath: string, contentDir: string, config: Config, extractOptions: ExtractOptions = {}): FileResult {
  return fromLoaded(absPath, loadSourceSync(absPath, contentDir, config.limits), extractOptions, keepsOriginals(config));
}

/**
 * Whether articles keep a traditional original's own lines (Article.originalLines): only the
 * traditional edition shows them, and without it they would be made, sent from the worker, held
 * by every stage and cached for nothing (a second copy of every traditional body).
 */
export function keepsOriginals(config: Pick<Config, 'traditional'>): boolean {
  return config.traditional?.enabled === true;
}

/** normalize -> extract -> facts for a loaded file. */
function fromLoaded(absPath: string, loaded: StampedLoad, extractOptions: ExtractOptions, keepOriginal: boolean): FileResult {
  const { source, stamp } = loaded;
  const stamped = stamp ? { stamp } : {};
  if (!source) {
    const file = loaded.diagnostics[0]?.file ?? absPath;
    return { file, diagnostics: loaded.diagnostics, ...stamped };
  }
  const normalized = normalize(source.body, source.relPath, { firstLine: source.bodyStartLine, keepOriginal });
  const article = extract(source, normalized, extractOptions);
  const diagnostics = [...loaded.diagnostics, ...article.diagnostics];
  if (article.body.trim() === '') {
    // An empty, blank or furniture-only file would publish a page with no title and no text.
    diagnostics.push(noText(source.relPath));
    return { file: source.relPath, diagnostics, ...stamped };
  }
  const original =
    normalized.original === undefined
      ? {}
      : { originalLines: originalLines(normalized.original, normalized.originalSimplified!, article.body) };
  return {
    file: source.relPath,
    article: { ...article, ...original, diagnostics },
    facts: articleFacts(article),
    diagnostics,
    ...stamped,
  };
}

function noText(file: string): Diagnostic {
  const message = 'no article text: the file is empty or blank, or everything in it was taken for page furniture; it is not published';
  return diagnostic(file, 'pipeline/no-text', 'error', message);
}
