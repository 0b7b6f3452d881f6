// Per-file facts (model/facts.ts): made where the article is made, interned where results gather.
import type { Article, ArticleFacts } from '../../model/index.js';
import { bodyFingerprints } from '../../stages/corpus/duplicates.js';
import { bodyMinutes } from '../../text/reading.js';
import { articleTerms, type ArticleTerms } from '../../text/terms.js';

/**
 * What later stages read of this article alone, made in the per-file stage so it runs on the file
 * workers and is cached with the article: term counts (corpus keywords, related), fingerprints
 * (near-duplicates) and reading time (render).
 */
export function articleFacts(article: Pick<Article, 'title' | 'body' | 'parks'>): ArticleFacts {
  return { terms: articleTerms(article), fingerprints: bodyFingerprints(article.body), readingMinutes: bodyMinutes(article.body) };
}

/** Facts of articles made outside the per-file stage (tests, scripts), by file. */
export function factsOf(articles: readonly Article[]): Map<string, ArticleFacts> {
  return new Map(articles.map((a) => [a.file, articleFacts(a)]));
}

/**
 * One copy of each term string for all articles: terms arrive as fresh strings from jieba, from a
 * worker's message or from the disk cache, and a large site holds millions of them. The arrays are
 * rewritten in place, so a result the disk cache also holds shares them instead of keeping a
 * second copy; they are fresh per result, never shared with another article.
 */
export function internTerms(terms: ArticleTerms, table: Map<string, string>): ArticleTerms {
  const one = (list: string[]): void => {
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      const known = table.get(t);
      if (known === undefined) table.set(t, t);
      else list[i] = known;
    }
  };
  one(terms.words.terms);
  one(terms.keywords.terms);
  return terms;
}
