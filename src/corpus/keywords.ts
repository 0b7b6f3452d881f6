import type { Article } from '../types.js';
import { makeIdf } from './idf.js';
import { terms } from './segment.js';
import { zoneForms } from '../extract/rules/parks.js';

export const MIN_KEYWORDS = 3;
export const MAX_KEYWORDS = 8;
/** Words in the headline say more about the story than the same words in the body. */
const TITLE_WEIGHT = 3;
/** A keyword must score at least this share of the best one (beyond the first MIN_KEYWORDS). */
const RELATIVE_FLOOR = 0.35;

/** Non-overlapping occurrences of any of `forms` (longest first) in `text`. */
function mentions(text: string, forms: string[]): number {
  const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return text.match(new RegExp(escaped.join('|'), 'gu'))?.length ?? 0;
}

/** Term counts of one article: title words weighted, park names counted whole in all their forms (jieba splits 镇江/高新区). */
export function termCounts(article: Pick<Article, 'title' | 'body' | 'parks'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (t: string, n: number): void => { counts.set(t, (counts.get(t) ?? 0) + n); };
  for (const t of terms(article.title)) add(t, TITLE_WEIGHT);
  for (const t of terms(article.body)) add(t, 1);
  const text = `${article.title}\n${article.body}`;
  for (const park of article.parks) add(park, mentions(text, zoneForms(park)));
  return counts;
}

/** Document frequency of every term over the corpus. */
export function documentFrequency(all: Iterable<Map<string, number>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const counts of all) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** The 3–8 best TF-IDF terms; ties broken by the term itself so the output is stable. */
export function topKeywords(counts: Map<string, number>, idf: (t: string) => number): string[] {
  const scored = [...counts].map(([t, n]) => ({ t, s: (1 + Math.log(n)) * idf(t) }))
    .sort((a, b) => b.s - a.s || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  const best = scored[0]?.s ?? 0;
  const chosen: string[] = [];
  for (const { t, s } of scored) {
    if (chosen.length >= MAX_KEYWORDS) break;
    if (chosen.length >= MIN_KEYWORDS && s < best * RELATIVE_FLOOR) break;
    // Nested terms: the longer one says more (镇江高新区 over 镇江 or 高新区), and only one is kept.
    const inner = chosen.findIndex((c) => t.includes(c));
    if (inner >= 0) {
      chosen[inner] = t;
      chosen.splice(0, chosen.length, ...chosen.filter((c, i) => i === inner || !t.includes(c)));
      continue;
    }
    if (chosen.some((c) => c.includes(t))) continue;
    chosen.push(t);
  }
  return chosen;
}

/** The corpus statistics keywords were computed with. */
export interface KeywordModel {
  documentFrequency: ReadonlyMap<string, number>;
  documents: number;
}

/**
 * TF-IDF keywords for every article, with an IDF from the whole corpus (stated keywords are not
 * consulted). `keep` receives the document frequencies (for `dev`, see `keywordsWith`).
 */
export function computeKeywords(articles: readonly Article[], keep?: (model: KeywordModel) => void): string[][] {
  const counts = articles.map(termCounts);
  const df = documentFrequency(counts);
  keep?.({ documentFrequency: df, documents: articles.length });
  const idf = makeIdf(df, articles.length);
  return counts.map((c) => topKeywords(c, idf));
}

/** Keywords of one more article with the IDF of an earlier corpus (one file changed in `dev`). */
export function keywordsWith(model: KeywordModel, article: Pick<Article, 'title' | 'body' | 'parks'>): string[] {
  return topKeywords(termCounts(article), makeIdf(model.documentFrequency, model.documents));
}
