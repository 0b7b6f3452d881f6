import { type Article, articleKeywords, articleUrl, type Config, type FactsByFile, type Site } from '../../model/index.js';
import { sortLatest } from './order.js';
import { rankArticles } from './ranking.js';
import { relatedArticles, type RelatedModel } from './related.js';
import { keywordMinArticles, monthTaxonomy, splitByCount, taxonomy } from './taxonomies.js';
import { urlKeyDiagnostics, uniqueSlugs } from './urls.js';
import { compareCodeUnits } from '../../text/compare.js';

export interface SiteInputs {
  /**
   * Page views from an analytics file (see `loadPageviews`), keyed by slug, content file path or
   * site URL path without the leading slash; they override `Article.views`.
   */
  pageviews?: Map<string, number>;
  /** Receives the related-articles indices once built (`dev` keeps them to place a new article quickly). */
  keepRelated?: (model: RelatedModel) => void;
  /**
   * The build's year (SOURCE_DATE_EPOCH's, else the clock's, known to the run): 排行's window is
   * never anchored on a date after the following year. Undefined: no date is ruled out.
   */
  year?: number;
}

/**
 * site: Article[] -> Site, computed once per build; render only reads the result. `facts` holds
 * every article's facts by file (related articles read its body words). Near-duplicates
 * (`duplicateOf` set) are left out and listed in `duplicates`.
 */
export function buildSite(articles: Article[], facts: FactsByFile, config: Config, inputs: SiteInputs = {}): Site {
  const { articles: unique, diagnostics: slugDiagnostics } = uniqueSlugs(articles);
  const shown = sortLatest(unique.filter((a) => !a.duplicateOf));
  const withViews = withPageviews(shown, inputs.pageviews);
  const bySlug = new Map(withViews.map((a) => [a.slug, a]));
  const keywords = splitByCount(taxonomy(withViews, articleKeywords, 'keywords'), keywordMinArticles(config));
  const related = relatedArticles(
    withViews,
    withViews.map((a) => facts.get(a.file)!.terms.words),
    config,
    inputs.keepRelated,
  );
  return {
    config,
    articles: withViews,
    bySlug,
    urls: new Map(withViews.map((a) => [a.slug, articleUrl(a.slug, a.date)])),
    related,
    ranking: rankArticles(withViews, { views: (a) => a.views, related, year: inputs.year }, config).map((a) => a.slug),
    latest: withViews.map((a) => a.slug),
    taxonomies: {
      keywords: keywords.paged,
      parks: taxonomy(withViews, (a) => a.parks, 'parks'),
      sources: taxonomy(withViews, (a) => [a.source], 'sources'),
      sections: taxonomy(withViews, (a) => [a.category], 'sections'),
      months: monthTaxonomy(withViews),
    },
    thinKeywords: keywords.thin,
    duplicates: duplicateGroups(unique, bySlug),
    // Reserved names are reported on the articles as they came (their own slugs, not the suffixed ones).
    diagnostics: [...slugDiagnostics, ...urlKeyDiagnostics(articles.filter((a) => !a.duplicateOf))],
  };
}

/**
 * The articles with the views an analytics file gives them (by slug, content file or URL path),
 * which override the views stated on the page; unchanged without one.
 */
export function withPageviews(articles: Article[], pageviews: ReadonlyMap<string, number> | undefined): Article[] {
  if (!pageviews) return articles;
  const views = (a: Article): number | null =>
    pageviews.get(a.slug) ?? pageviews.get(a.file) ?? pageviews.get(pageviewKey(articleUrl(a.slug, a.date))) ?? a.views;
  return articles.map((a) => ({ ...a, views: views(a) }));
}

/** Groups the hidden copies under the slug of the article shown in their place. */
function duplicateGroups(all: Article[], shown: Map<string, Article>): Site['duplicates'] {
  const slugOfFile = new Map([...shown.values()].map((a) => [a.file, a.slug]));
  const groups = new Map<string, string[]>();
  for (const a of all) {
    if (!a.duplicateOf) continue;
    const kept = slugOfFile.get(a.duplicateOf);
    if (kept === undefined) continue;
    const group = groups.get(kept);
    if (group) group.push(a.file);
    else groups.set(kept, [a.file]);
  }
  return [...groups].sort(([x], [y]) => compareCodeUnits(x, y)).map(([kept, dropped]) => ({ kept, dropped: dropped.sort() }));
}

/** Strips a leading `/` difference so `/articles/x/` and `articles/x/` both match; keys are trimmed. */
export function pageviewKey(key: string): string {
  return key.trim().replace(/^\/+/, '');
}
