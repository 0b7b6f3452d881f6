import type { Article, NormalizeResult, SourceFile } from '../types.js';

/** extract: normalized text -> Article (front-matter fields, clean markdown body, diagnostics). */
export function extract(source: SourceFile, normalized: NormalizeResult): Article {
  void source; void normalized;
  throw new Error('extract: not implemented');
}
