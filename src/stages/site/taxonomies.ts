import { type Article, articleKeywords, type Config, pathKey, type Term } from '../../model/index.js';
import { compareCodeUnits } from '../../text/compare.js';

/** `2024-03` for a dated article; null when undated. */
export function articleMonth(a: Article): string | null {
  return a.date && /^\d{4}-\d{2}/.test(a.date) ? a.date.slice(0, 7) : null;
}

/**
 * One taxonomy: each distinct name -> Term with the articles under it, in the given (latest-first)
 * order. Terms are sorted by article count, then name, so the biggest topics come first and the
 * order is stable. Two names with the same key (case or punctuation variants) share one page.
 */
export function taxonomy(latestFirst: Article[], names: (a: Article) => (string | null)[], base: string): Term[] {
  const byKey = new Map<string, Term>();
  for (const a of latestFirst) {
    for (const raw of new Set(names(a))) {
      const name = raw?.trim();
      if (!name) continue;
      const key = pathKey(name);
      let term = byKey.get(key);
      if (!term) byKey.set(key, (term = { name, key, url: `/${base}/${key}/`, slugs: [] }));
      // Names of one article that share a key arrive together: checking the last slug is enough.
      if (term.slugs.at(-1) !== a.slug) term.slugs.push(a.slug);
    }
  }
  return [...byKey.values()].sort(compareTerms);
}

/** Terms with the most articles first, then by key: the order of every taxonomy but months. */
export function compareTerms(x: Term, y: Term): number {
  return y.slugs.length - x.slugs.length || compareCodeUnits(x.key, y.key);
}

/** Months newest first. */
export function compareMonths(x: Term, y: Term): number {
  return compareCodeUnits(y.key, x.key);
}

/** The fewest shown articles a keyword needs for its own page (`config.keywords.minArticles`, default 2). */
export function keywordMinArticles(config: Config): number {
  return config.keywords?.minArticles ?? 2;
}

/**
 * Terms sorted by `taxonomy` (most articles first) -> those with at least `min` articles, which
 * get pages, and the rest, in the same order.
 */
export function splitByCount(terms: Term[], min: number): { paged: Term[]; thin: Term[] } {
  // The first term with fewer than `min`, by binary search: a big site has tens of thousands of
  // keywords, and dev's preview splits them again on every save.
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]!.slugs.length < min) hi = mid;
    else lo = mid + 1;
  }
  return lo === terms.length ? { paged: terms, thin: [] } : { paged: terms.slice(0, lo), thin: terms.slice(lo) };
}

/** Month archive terms, newest month first: key `2024-03`, name 2024年3月, URL /archive/2024/03/. */
export function monthTaxonomy(latestFirst: Article[]): Term[] {
  return taxonomy(latestFirst, (a) => [articleMonth(a)], 'archive')
    .map((t) => {
      const [y, m] = t.key.split('-');
      return { ...t, name: `${y}年${Number(m)}月`, url: `/archive/${y}/${m}/` };
    })
    .sort(compareMonths);
}

/** The taxonomies of a site. */
export type TaxonomyName = 'keywords' | 'parks' | 'sources' | 'sections' | 'months';

/**
 * The terms (name, key, URL) one article is filed under in each taxonomy, named and keyed exactly
 * as `taxonomy` and `monthTaxonomy` do for the whole site (the first name of a key wins).
 */
export function articleTerms(a: Article): Record<TaxonomyName, Pick<Term, 'name' | 'key' | 'url'>[]> {
  const of = (names: (string | null)[], base: string) => {
    const byKey = new Map<string, Pick<Term, 'name' | 'key' | 'url'>>();
    for (const raw of names) {
      const name = raw?.trim();
      if (!name) continue;
      const key = pathKey(name);
      if (!byKey.has(key)) byKey.set(key, { name, key, url: `/${base}/${key}/` });
    }
    return [...byKey.values()];
  };
  const month = articleMonth(a);
  const [y, m] = month?.split('-') ?? [];
  return {
    keywords: of(articleKeywords(a), 'keywords'),
    parks: of(a.parks, 'parks'),
    sources: of([a.source], 'sources'),
    sections: of([a.category], 'sections'),
    months: month ? [{ name: `${y}年${Number(m)}月`, key: month, url: `/archive/${y}/${m}/` }] : [],
  };
}
