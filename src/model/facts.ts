// What later stages read of one article alone: made once per file, beside the article, not in it.
import type { ArticleTerms } from '../text/terms.js';

/**
 * Facts of one article's title and body, computed in the per-file stage (on the file workers, and
 * kept in the build cache with the article) and carried beside the articles by the run, so no
 * site-wide stage segments or fingerprints a body again. Valid for that body only: a stage that
 * changes a body (the corpus step removing boilerplate) hands on new facts for it.
 */
export interface ArticleFacts {
  /** Term counts of title and body: computed keywords (corpus) and related articles (site). */
  terms: ArticleTerms;
  /** Near-duplicate fingerprints of the body (corpus). */
  fingerprints: Uint32Array;
  /** Reading time of the body in whole minutes (render). */
  readingMinutes: number;
}

/** Facts of a set of articles, by `Article.file`. */
export type FactsByFile = ReadonlyMap<string, ArticleFacts>;
