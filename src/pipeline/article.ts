import { loadSource, loadSourceSync, type StampedLoad } from '../load/index.js';
import type { FileStamp } from '../cache/stamp.js';
import { normalize } from '../normalize/index.js';
import { extract, type ExtractOptions } from '../extract/index.js';
import { articleTerms } from './terms.js';
import { bodyFingerprints } from '../corpus/duplicates.js';
import { bodyMinutes } from '../render/text.js';
import type { Article, Config, Diagnostic } from '../types.js';

/** What the per-file stages made of one input file. */
export interface FileResult {
  /** Path relative to the content dir (POSIX), as used in diagnostics. */
  file: string;
  /** Absent when the file was skipped; its diagnostics say why. */
  article?: Article;
  /** All diagnostics for the file (also copied into article.diagnostics when there is one). */
  diagnostics: Diagnostic[];
  /** Stat and sha256 of the bytes this was made from (see StampedLoad); absent when they were not read. */
  stamp?: FileStamp;
}

/**
 * load -> normalize -> extract for one file, then what later steps read of the article alone (bodyFacts). The one place build, check, dev and ingest
 * run the per-file stages, so they can never disagree about an article.
 */
export async function processFile(absPath: string, contentDir: string, config: Config, extractOptions: ExtractOptions = {}): Promise<FileResult> {
  return fromLoaded(absPath, await loadSource(absPath, contentDir, config.limits), extractOptions);
}

/** processFile with blocking reads, for worker threads (see loadSourceSync). */
export function processFileSync(absPath: string, contentDir: string, config: Config, extractOptions: ExtractOptions = {}): FileResult {
  return fromLoaded(absPath, loadSourceSync(absPath, contentDir, config.limits), extractOptions);
}

/** normalize -> extract -> terms for a loaded file. */
function fromLoaded(absPath: string, loaded: StampedLoad, extractOptions: ExtractOptions = {}): FileResult {
  const { source, stamp } = loaded;
  const stamped = stamp ? { stamp } : {};
  if (!source) {
    const file = loaded.diagnostics[0]?.file ?? absPath;
    return { file, diagnostics: loaded.diagnostics, ...stamped };
  }
  const normalized = normalize(source.body, source.relPath, { firstLine: source.bodyStartLine });
  const article = extract(source, normalized, extractOptions);
  const diagnostics = [...loaded.diagnostics, ...article.diagnostics];
  if (article.body.trim() === '') {
    // An empty, blank or furniture-only file would publish a page with no title and no text.
    diagnostics.push(noText(source.relPath));
    return { file: source.relPath, diagnostics, ...stamped };
  }
  return { file: source.relPath, article: { ...article, diagnostics, ...bodyFacts(article) }, diagnostics, ...stamped };
}

/**
 * What later steps read of this article alone, made here so it runs on the file workers and is
 * cached with the result: term counts (corpus keywords, related), fingerprints (near-duplicates)
 * and reading time (render).
 */
function bodyFacts(article: Article): Pick<Article, 'terms' | 'fingerprints' | 'readingMinutes'> {
  return { terms: articleTerms(article), fingerprints: bodyFingerprints(article.body), readingMinutes: bodyMinutes(article.body) };
}

function noText(file: string): Diagnostic {
  const message = 'no article text: the file is empty or blank, or everything in it was taken for page furniture; it is not published';
  return { file, line: 0, column: 0, severity: 'error', rule: 'pipeline/no-text', message };
}
