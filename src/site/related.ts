import type { Article, Config, RelatedIndex } from '../types.js';
import { bodyTermCounts } from './terms.js';

/** Body terms kept per article for the `terms` index: its most distinctive words by TF-IDF. */
const TERMS_PER_ARTICLE = 50;

/**
 * Postings walked per term: the articles where the term weighs most. A term filed under more
 * articles than this still links each article to the ones where it matters most, while the work
 * per article stays bounded, so related grows about linearly with the site instead of N².
 */
const MAX_POSTINGS = 200;

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

/**
 * Keeps each article's TERMS_PER_ARTICLE highest TF-IDF terms (ties by code point, for determinism).
 * Words found in no other article are passed over: they cannot link to anything, and on a small
 * site they would fill every slot and leave an article with no related at all.
 */
function topTerms(bags: Bag[]): Bag[] {
  const df = documentFrequency(bags);
  const n = bags.length;
  return bags.map((bag) => {
    const scored = [...bag].filter(([t]) => df.get(t)! > 1)
      .map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((n + 1) / df.get(t)!)] as const);
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return new Map(scored.slice(0, TERMS_PER_ARTICLE).map(([t]) => [t, bag.get(t)!]));
  });
}

/** The articles filed under one term with the term's weight in each, heaviest first. */
interface Postings { docs: Int32Array; weights: Float64Array }

/** One indexed term of one article: its weight in the article's unit vector and the term's postings. */
type Entry = { w: number; postings: Postings };

/**
 * Inverted index for one weighted index, with TF-IDF weights normalised per article so the dot
 * product of two articles is their cosine similarity over the terms they share with the site.
 * Terms in more than `maxShare` of the articles (高新区 in a zone-news site) say nothing about
 * topic and are dropped.
 */
function invertedIndex(bags: Bag[], maxShare: number): Entry[][] {
  const n = bags.length;
  const df = documentFrequency(bags);
  // A term no other article has cannot link anything: leaving it out keeps an index that can
  // never match (a park no other article names) from diluting the indices that can.
  const useless = (t: string): boolean => df.get(t)! === 1 || (df.get(t)! > 2 && df.get(t)! > maxShare * n);
  const lists = new Map<string, { doc: number; w: number }[]>();
  const vectors = bags.map((bag, doc) => {
    const raw = [...bag].filter(([t]) => !useless(t))
      .map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((n + 1) / df.get(t)!)] as [string, number]);
    const norm = Math.sqrt(raw.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return raw.map(([t, w]) => {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = []));
      list.push({ doc, w: w / norm });
      return [t, w / norm] as [string, number];
    });
  });
  const postings = new Map<string, Postings>();
  for (const [t, list] of lists) {
    const top = list.sort((x, y) => y.w - x.w || x.doc - y.doc).slice(0, MAX_POSTINGS);
    postings.set(t, { docs: Int32Array.from(top, (p) => p.doc), weights: Float64Array.from(top, (p) => p.w) });
  }
  return vectors.map((v) => v.map(([t, w]) => ({ w, postings: postings.get(t)! })));
}

/**
 * 相关阅读 for every article: score(a, b) = Σ weightᵢ · cosineᵢ(a, b) / Σ weightᵢ, like Hugo's related
 * content, where the sums run over the indices in which `a` has terms: an article with no stated
 * keywords or park is compared on what it has, not penalised for what it lacks. Only articles
 * sharing at least one indexed term are ever scored (inverted index, at most MAX_POSTINGS per
 * term), so the cost grows with the site, not with its square. `articles` must be in latest-first order: equal scores prefer the newer
 * article, then the earlier slug.
 */
export function relatedArticles(articles: Article[], config: Config): Map<string, string[]> {
  const { count, threshold, indices } = config.related;
  const maxShare = config.related.maxShare ?? 0.5;
  const built = indices.filter((i) => i.weight > 0)
    .map((i) => ({ weight: i.weight, vectors: invertedIndex(indexBags(i.name, articles), maxShare) }));
  const scores = new Float64Array(articles.length);
  const result = new Map<string, string[]>();
  articles.forEach((article, a) => {
    const touched: number[] = [];
    const present = built.filter(({ vectors }) => vectors[a]!.length > 0);
    const total = present.reduce((s, i) => s + i.weight, 0);
    for (const { weight, vectors } of present) {
      const scale = weight / total;
      for (const { w: wa, postings: { docs, weights } } of vectors[a]!) {
        for (let k = 0; k < docs.length; k++) {
          const doc = docs[k]!;
          if (doc === a) continue;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc] += scale * wa * weights[k]!;
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
