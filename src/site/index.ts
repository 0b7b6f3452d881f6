import type { Article, Config, Site } from '../types.js';

/** site: Article[] -> Site (taxonomies, related, ranking, latest, duplicates), computed once per build. */
export function buildSite(articles: Article[], config: Config): Site {
  void articles; void config;
  throw new Error('site: not implemented');
}
