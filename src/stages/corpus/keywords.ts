import { makeIdf } from './idf.js';
import { toTally, type TermCounts } from '../../text/terms.js';
import { compareCodeUnits } from '../../text/compare.js';

export const MIN_KEYWORDS = 3;
export const MAX_KEYWORDS = 8;
/** A keyword must score at least this share of the best one (beyond the first MIN_KEYWORDS). */
const RELATIVE_FLOOR = 0.35;

/** Document frequency of every term over the corpus. */
export function documentFrequency(all: Iterable<TermCounts>): Map<string, number> {
  const df = new Map<string, number>();
  for (const { terms } of all) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** The 3–8 best TF-IDF terms; ties broken by the term itself so the output is stable. */
export function topKeywords(counts: Map<string, number>, idf: (t: string) => number): string[] {
  const scored = [...counts]
    .map(([t, n]) => ({ t, s: (1 + Math.log(n)) * idf(t) }))
    .sort((a, b) => b.s - a.s || compareCodeUnits(a.t, b.t));
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
 * TF-IDF keywords for every article from its keyword candidates (`counts`, one per article), with an
 * IDF from the whole corpus (stated keywords are not consulted). `keep` receives the document
 * frequencies (for `dev`, see `keywordsWith`).
 */
export function computeKeywords(counts: readonly TermCounts[], keep?: (model: KeywordModel) => void): string[][] {
  const df = documentFrequency(counts);
  keep?.({ documentFrequency: df, documents: counts.length });
  const idf = makeIdf(df, counts.length);
  return counts.map((c) => topKeywords(toTally(c), idf));
}

/** Keywords of one more article with the IDF of an earlier corpus (one file changed in `dev`). */
export function keywordsWith(model: KeywordModel, counts: TermCounts): string[] {
  return topKeywords(toTally(counts), makeIdf(model.documentFrequency, model.documents));
}
