import { loadSource } from '../load/index.js';
import { normalize } from '../normalize/index.js';
import { extract } from '../extract/index.js';
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
 * load -> normalize -> extract for one file. The one place build, check, dev and ingest
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
  return { file: source.relPath, article: { ...article, diagnostics }, diagnostics };
}
