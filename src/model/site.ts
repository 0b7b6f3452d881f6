// The site model: what the site stage computes once per build and render only reads.

import type { Article } from './article.js';
import type { Config } from './config.js';
import type { Diagnostic } from './diagnostic.js';

/** A taxonomy term (one keyword, park, source, section or month) and the articles filed under it. */
export interface Term {
  name: string;
  /** URL-safe key used in the term page path. */
  key: string;
  url: string;
  /** Slugs of the articles under this term, latest first. */
  slugs: string[];
}

/** The whole site model, computed once per build; render only reads it. */
export interface Site {
  config: Config;
  /** Articles shown on the site, latest first (dated before undated, then stable by slug). */
  articles: Article[];
  bySlug: Map<string, Article>;
  /** URL of each article by slug. */
  urls: Map<string, string>;
  /** 相关阅读: for each slug, the slugs of the most similar articles (never itself). */
  related: Map<string, string[]>;
  /** 排行: slugs by views, then the fallback when views are unknown (stages/site/ranking.ts, docs/theme.md). */
  ranking: string[];
  /** 最新: slugs by date, newest first. */
  latest: string[];
  /** Terms with a page, biggest first (months newest first); keywords below the page threshold are in `thinKeywords`. */
  taxonomies: {
    keywords: Term[];
    parks: Term[];
    sources: Term[];
    /** 栏目: the category an article's page states (its breadcrumb) or the editor sets; empty when none does. */
    sections: Term[];
    months: Term[];
  };
  /**
   * Keywords carried by fewer than `config.keywords.minArticles` shown articles (see
   * `keywordMinArticles`): they get no page and are not in `taxonomies.keywords`; kept, sorted the
   * same way, so a dev preview can tell when an edit lifts one to the threshold. Absent: none.
   */
  thinKeywords?: Term[];
  /** Near-duplicate groups: the kept slug and the files of the copies not shown. */
  duplicates: { kept: string; dropped: string[] }[];
  /** Site-level diagnostics (URL collisions, duplicates ...). */
  diagnostics: Diagnostic[];
}
