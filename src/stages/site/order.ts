import type { Article, Config } from '../../model/index.js';
import { compareCodeUnits } from '../../text/compare.js';

/** Milliseconds since the epoch for an article date (date-only values count as 00:00 +08:00); NaN when undated. */
export function dateValue(date: string | null): number {
  if (!date) return Number.NaN;
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00+08:00` : date);
}

/** Latest first; undated after dated; ties broken by slug (the order of `sortLatest`, for placing one article). */
export function compareLatest(a: Article, b: Article): number {
  return byDateThenSlug(dateValue(a.date), a.slug, dateValue(b.date), b.slug);
}

function byDateThenSlug(da: number, sa: string, db: number, sb: string): number {
  const ua = Number.isNaN(da);
  const ub = Number.isNaN(db);
  if (ua !== ub) return ua ? 1 : -1;
  if (!ua && da !== db) return db - da;
  return compareCodeUnits(sa, sb);
}

/**
 * Latest first; undated after dated; ties broken by slug so the order never depends on input order.
 * Each date is parsed once, not once per comparison (a big site sorts with millions of comparisons).
 */
export function sortLatest(articles: readonly Article[]): Article[] {
  const keyed = articles.map((article) => ({ article, date: dateValue(article.date) }));
  keyed.sort((a, b) => byDateThenSlug(a.date, a.article.slug, b.date, b.article.slug));
  return keyed.map((k) => k.article);
}

/**
 * 排行: articles ordered by views, most first, recent articles before older ones.
 * Recent means within `ranking.windowDays` of the newest article's date (not the wall clock, so a
 * rebuild of the same content gives the same ranking); undated articles count as recent. Older
 * articles follow in the same order, so a small or quiet site still fills the sidebar.
 * Fallback when views are unknown: those articles follow the ones with views, newest first,
 * so with no view data at all the ranking equals the latest list.
 */
export function rankArticles(latestFirst: Article[], views: (a: Article) => number | null, config: Config): Article[] {
  const dates = latestFirst.map((a) => dateValue(a.date));
  const newest = dates.find((v) => !Number.isNaN(v));
  const from = newest === undefined ? -Infinity : newest - config.ranking.windowDays * 86_400_000;
  // Keyed once per article; `position` (the latest-first index) breaks ties.
  const keyed = latestFirst.map((article, position) => ({
    article, position, recent: Number.isNaN(dates[position]!) || dates[position]! >= from, views: views(article) ?? -1,
  }));
  keyed.sort((a, b) => {
    if (a.recent !== b.recent) return a.recent ? -1 : 1;
    return a.views !== b.views ? b.views - a.views : a.position - b.position;
  });
  return keyed.map((k) => k.article);
}

/** The order of `rankArticles` as a comparator (so one article can be placed into an existing ranking). */
export function rankingOrder(latestFirst: Article[], views: (a: Article) => number | null, config: Config): (a: Article, b: Article) => number {
  const newest = newestDate(latestFirst);
  const from = newest === undefined ? -Infinity : newest - config.ranking.windowDays * 86_400_000;
  const position = new Map(latestFirst.map((a, i) => [a.slug, i]));
  const recent = (a: Article): boolean => { const d = dateValue(a.date); return Number.isNaN(d) || d >= from; };
  return (a, b) => {
    const ra = recent(a);
    if (ra !== recent(b)) return ra ? -1 : 1;
    const va = views(a) ?? -1;
    const vb = views(b) ?? -1;
    return va !== vb ? vb - va : position.get(a.slug)! - position.get(b.slug)!;
  };
}

/** The newest article date (ms) of a latest-first list; undefined when none is dated. */
export function newestDate(latestFirst: Article[]): number | undefined {
  return latestFirst.map((a) => dateValue(a.date)).find((v) => !Number.isNaN(v));
}
