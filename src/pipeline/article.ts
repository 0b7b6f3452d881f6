import { loadSource } from '../load/index.js';
import { normalize } from '../normalize/index.js';
import { extract } from '../extract/index.js';
import { articleTerms } from './terms.js';
import type { Article, Config, Diagnostic } from '../types.js';

/** What the per-file stages made of one input file. */
export interface FileResult {
  /** Path relative to the content dir (POSIX), as used in diagnostics. */
  file: string;
  /** Absent when the file was skipped; its diagnostics say why. */
  article?: Article;
  /** All diagnostics for the file (also copied into article.diagnostics when there is one). */
  diagnostics: Diagnostic[];
}

/**
 * load -> normalize -> extract for one file, then the article's term counts (its one segmentation). The one place build, check, dev and ingest
 * run the per-file stages, so they can never disagree about an article.
 */
export async function processFile(absPath: string, contentDir: string, config: Config): Promise<FileResult> {
  const loaded = await loadSource(absPath, contentDir, config.limits);
  const { source } = loaded;
  if (!source) {
    const file = loaded.diagnostics[0]?.file ?? absPath;
    return { file, diagnostics: loaded.diagnostics };
  }
  const normalized = normalize(source.body, source.relPath, { firstLine: source.bodyStartLine });
  const article = extract(source, normalized);
  const diagnostics = [...loaded.diagnostics, ...article.diagnostics];
  if (article.body.trim() === '') {
    // An empty, blank or furniture-only file would publish a page with no title and no text.
    diagnostics.push(noText(source.relPath));
    return { file: source.relPath, diagnostics };
  }
  return { file: source.relPath, article: { ...article, diagnostics, terms: articleTerms(article) }, diagnostics };
}

function noText(file: string): Diagnostic {
  const message = 'no article text: the file is empty or blank, or everything in it was taken for page furniture; it is not published';
  return { file, line: 0, column: 0, severity: 'error', rule: 'pipeline/no-text', message };
}
