import type { Article, FieldName } from '../model/index.js';

/**
 * The fields ingest writes, in the order an editor reads them. `computed_keywords` is left out:
 * it is computed over the whole corpus (TF-IDF) and would go stale if frozen into one file.
 */
export const INGEST_FIELDS = [
  'title',
  'date',
  'source',
  'keywords',
  'park',
  'parks',
  'category',
  'series',
  'authors',
  'editors',
  'views',
  'original_script',
  'slug',
  'summary',
] as const satisfies readonly FieldName[];

export type IngestField = (typeof INGEST_FIELDS)[number];

/** The front-matter key that records where each written value came from. */
export const PROVENANCE_KEY = 'provenance';

/** An article's value for a front-matter field, as it is written (null, not absent, when unknown). */
export function fieldValue(article: Article, field: IngestField): unknown {
  switch (field) {
    case 'original_script':
      return article.originalScript;
    default:
      return article[field];
  }
}
