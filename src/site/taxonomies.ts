import type { Article, Term } from '../types.js';
import { compareText, pathKey } from './urls.js';

/** Keywords an article is filed under: the stated ones, or the computed ones when the page states none. */
export function articleKeywords(a: Article): string[] {
  return a.keywords.length ? a.keywords : a.computedKeywords;
}

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
  return [...byKey.values()].sort((x, y) => y.slugs.length - x.slugs.length || compareText(x.key, y.key));
}

/** Month archive terms, newest month first: key `2024-03`, name 2024年3月, URL /archive/2024/03/. */
export function monthTaxonomy(latestFirst: Article[]): Term[] {
  return taxonomy(latestFirst, (a) => [articleMonth(a)], 'archive')
    .map((t) => {
      const [y, m] = t.key.split('-');
      return { ...t, name: `${y}年${Number(m)}月`, url: `/archive/${y}/${m}/` };
    })
    .sort((x, y) => compareText(y.key, x.key));
}
