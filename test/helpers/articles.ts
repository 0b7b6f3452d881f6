import { createHash } from 'node:crypto';
import type { Article, Config } from '../../src/model/index.js';
import { factsOf } from '../../src/run/per-file/facts.js';
import { enrichCorpus, type Enriched } from '../../src/stages/corpus/index.js';

/**
 * A valid Article with sensible empty fields; tests set only what they are about.
 * The hash and default slug derive from `file`, as extract derives them from the input.
 */
export function makeArticle(fields: Partial<Article> & { file: string }): Article {
  const hash = createHash('sha256').update(fields.file).digest('hex');
  return {
    hash,
    slug: hash.slice(0, 10),
    title: fields.file,
    date: null,
    keywords: [],
    computedKeywords: [],
    source: null,
    park: fields.parks?.[0] ?? null,
    parks: fields.park ? [fields.park] : [],
    category: null,
    series: null,
    authors: [],
    editors: [],
    views: null,
    originalScript: 'zh-Hans',
    encoding: 'utf-8',
    pinyinAnnotated: false,
    subheadings: [],
    captions: [],
    summary: '',
    body: '',
    provenance: {},
    diagnostics: [],
    ...fields,
  };
}

/** The corpus step over articles made in a test, with the facts the per-file stage would give them. */
export function enrich(articles: Article[], config: Config): Enriched {
  return enrichCorpus(articles, factsOf(articles), config);
}
