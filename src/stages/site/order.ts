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

/** Where one article stands in 排行: recent articles first, then by views (most first), then by its place in 最新. */
interface RankKey {
  recent: boolean;
  views: number;
  position: number;
}

function compareRankKeys(a: RankKey, b: RankKey): number {
  if (a.recent !== b.recent) return a.recent ? -1 : 1;
  return a.views !== b.views ? b.views - a.views : a.position - b.position;
}

/**
 * Start of the ranking's window: `ranking.windowDays` before the newest article's date (not the
 * wall clock, so a rebuild of the same content gives the same ranking); -Infinity when none is dated.
 */
function windowStart(newest: number | undefined, config: Config): number {
  return newest === undefined ? -Infinity : newest - config.ranking.windowDays * 86_400_000;
}

/** The rank key of an article dated `date` (ms, NaN: undated, which counts as recent). */
function rankKey(date: number, from: number, views: number | null, position: number): RankKey {
  return { recent: Number.isNaN(date) || date >= from, views: views ?? -1, position };
}

/**
 * 排行: articles ordered by views, most first, recent articles before older ones. Older articles
 * follow in the same order, so a small or quiet site still fills the sidebar. Fallback when views
 * are unknown: those articles follow the ones with views, newest first, so with no view data at
 * all the ranking equals the latest list.
 */
export function rankArticles(latestFirst: Article[], views: (a: Article) => number | null, config: Config): Article[] {
  const dates = latestFirst.map((a) => dateValue(a.date));
  const from = windowStart(
    dates.find((v) => !Number.isNaN(v)),
    config,
  );
  // Keyed once per article (a big site sorts with millions of comparisons).
  const keyed = latestFirst.map((article, position) => ({ article, key: rankKey(dates[position]!, from, views(article), position) }));
  keyed.sort((a, b) => compareRankKeys(a.key, b.key));
  return keyed.map((k) => k.article);
}

/** The order of `rankArticles` as a comparator (so one article can be placed into an existing ranking). */
export function rankingOrder(
  latestFirst: Article[],
  views: (a: Article) => number | null,
  config: Config,
): (a: Article, b: Article) => number {
  const from = windowStart(newestDate(latestFirst), config);
  const position = new Map(latestFirst.map((a, i) => [a.slug, i]));
  const key = (a: Article): RankKey => rankKey(dateValue(a.date), from, views(a), position.get(a.slug)!);
  return (a, b) => compareRankKeys(key(a), key(b));
}

/** The newest article date (ms) of a latest-first list; undefined when none is dated. */
export function newestDate(latestFirst: Article[]): number | undefined {
  return latestFirst.map((a) => dateValue(a.date)).find((v) => !Number.isNaN(v));
}
