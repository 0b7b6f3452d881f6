import type { Article, Config, RelatedIndex } from '../types.js';
import { bodyTermCounts } from './terms.js';

/** Body terms kept per article for the `terms` index: its most distinctive words by TF-IDF. */
const TERMS_PER_ARTICLE = 50;

/**
 * A term filed under more articles than this is skipped: it is too common to tell topics apart,
 * and walking its postings for every article sharing it is what would make related quadratic.
 */
const MAX_POSTINGS = 1000;

/** term -> frequency in one article, for one index. */
type Bag = Map<string, number>;

/** The terms each index sees in an article. */
function indexBags(name: RelatedIndex['name'], articles: Article[]): Bag[] {
  switch (name) {
    case 'keywords':
      return articles.map((a) => countAll([...a.keywords, ...a.computedKeywords]));
    case 'parks':
      return articles.map((a) => countAll(a.parks.length ? a.parks : a.park ? [a.park] : []));
    case 'terms':
      return topTerms(articles.map((a) => bodyTermCounts(`${a.title}\n${a.body}`)));
  }
}

function countAll(values: string[]): Bag {
  const bag: Bag = new Map();
  for (const v of values) {
    const t = v.trim();
    if (t) bag.set(t, 1);
  }
  return bag;
}

function documentFrequency(bags: Bag[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** Keeps each article's TERMS_PER_ARTICLE highest TF-IDF terms (ties by code point, for determinism). */
function topTerms(bags: Bag[]): Bag[] {
  const df = documentFrequency(bags);
  const n = bags.length;
  return bags.map((bag) => {
    const scored = [...bag].map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((n + 1) / df.get(t)!)] as const);
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return new Map(scored.slice(0, TERMS_PER_ARTICLE).map(([t]) => [t, bag.get(t)!]));
  });
}

/** One posting: an article and the weight of the term in its unit-length vector. */
interface Posting { doc: number; w: number }

/**
 * Inverted index for one weighted index: term -> postings, with TF-IDF weights normalised per
 * article so the dot product of two articles is their cosine similarity. Terms in more than
 * `maxShare` of the articles (高新区 in a zone-news site) say nothing about topic and are dropped.
 */
function invertedIndex(bags: Bag[], maxShare: number): { postings: Map<string, Posting[]>; vectors: [string, number][][] } {
  const n = bags.length;
  const df = documentFrequency(bags);
  const tooCommon = (t: string): boolean => df.get(t)! > 2 && (df.get(t)! > maxShare * n || df.get(t)! > MAX_POSTINGS);
  const postings = new Map<string, Posting[]>();
  const vectors = bags.map((bag, doc) => {
    const raw = [...bag].filter(([t]) => !tooCommon(t))
      .map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((n + 1) / df.get(t)!)] as [string, number]);
    const norm = Math.hypot(...raw.map(([, w]) => w)) || 1;
    const unit = raw.map(([t, w]) => [t, w / norm] as [string, number]);
    for (const [t, w] of unit) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push({ doc, w });
    }
    return unit;
  });
  return { postings, vectors };
}

/**
 * 相关阅读 for every article: score(a, b) = Σ weightᵢ · cosineᵢ(a, b) / Σ weightᵢ, like Hugo's related
 * content, where the sums run over the indices in which `a` has terms: an article with no stated
 * keywords or park is compared on what it has, not penalised for what it lacks. Only articles
 * sharing at least one indexed term are ever scored (inverted index), so the cost follows the
 * postings, not N². `articles` must be in latest-first order: equal scores prefer the newer
 * article, then the earlier slug.
 */
export function relatedArticles(articles: Article[], config: Config): Map<string, string[]> {
  const { count, threshold, indices } = config.related;
  const maxShare = config.related.maxShare ?? 0.5;
  const built = indices.filter((i) => i.weight > 0)
    .map((i) => ({ weight: i.weight, ...invertedIndex(indexBags(i.name, articles), maxShare) }));
  const scores = new Float64Array(articles.length);
  const result = new Map<string, string[]>();
  articles.forEach((article, a) => {
    const touched: number[] = [];
    const present = built.filter(({ vectors }) => vectors[a]!.length > 0);
    const total = present.reduce((s, i) => s + i.weight, 0);
    for (const { weight, postings, vectors } of present) {
      const scale = weight / total;
      for (const [t, wa] of vectors[a]!) {
        for (const { doc, w } of postings.get(t)!) {
          if (doc === a) continue;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc] += scale * wa * w;
        }
      }
    }
    const picked = touched.filter((d) => scores[d]! >= threshold)
      .sort((x, y) => scores[y]! - scores[x]! || x - y)
      .slice(0, count);
    result.set(article.slug, picked.map((d) => articles[d]!.slug));
    for (const d of touched) scores[d] = 0;
  });
  return result;
}
