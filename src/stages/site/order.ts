import type { Article } from '../../model/index.js';
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
