import { termsOf } from '../pipeline/terms.js';
import type { Article, Config, RelatedIndex, TermCounts } from '../types.js';

/** Body terms kept per article for the `terms` index: its most distinctive words by TF-IDF. */
const TERMS_PER_ARTICLE = 50;

/**
 * Postings walked per term: the articles where the term weighs most. A term filed under more
 * articles than this still links each article to the ones where it matters most, while the work
 * per article stays bounded, so related grows about linearly with the site instead of N².
 */
const MAX_POSTINGS = 200;

/** Terms are numbered per index, so a site of 100,000 articles keeps arrays of numbers, not maps of strings. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  /** The id of a term already numbered. */
  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/** The terms of one article for one index: term ids (ascending) and their frequencies. */
interface Bag { ids: Int32Array; tfs: Float64Array }

/** Numbers the terms (distinct within one article) and orders them by id; no pair object per term. */
function bagOf({ terms, counts }: TermCounts, vocab: Vocabulary): Bag {
  const ids = Int32Array.from(terms, (t) => vocab.id(t));
  const order = Array.from(ids.keys()).sort((x, y) => ids[x]! - ids[y]!);
  return { ids: Int32Array.from(order, (k) => ids[k]!), tfs: Float64Array.from(order, (k) => counts[k]!) };
}

/** Distinct, trimmed, non-empty values, each counted once. */
function once(values: string[]): TermCounts {
  const terms = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return { terms, counts: terms.map(() => 1) };
}

/** The terms one index sees in an article, as counts; body terms come from the per-file stage's segmentation. */
function indexCounts(name: RelatedIndex['name'], a: Article): TermCounts {
  switch (name) {
    case 'keywords':
      return once([...a.keywords, ...a.computedKeywords]);
    case 'parks':
      return once(a.parks.length ? a.parks : a.park ? [a.park] : []);
    case 'terms':
      return termsOf(a).words;
  }
}

function documentFrequency(bags: Bag[]): Int32Array {
  let size = 0;
  for (const bag of bags) if (bag.ids.length) size = Math.max(size, bag.ids[bag.ids.length - 1]! + 1);
  const df = new Int32Array(size);
  for (const bag of bags) for (const id of bag.ids) df[id]!++;
  return df;
}

/**
 * Keeps an article's TERMS_PER_ARTICLE highest TF-IDF terms (ties by code point, for determinism),
 * `df` and `n` counting the article itself. Words found in no other article are passed over: they
 * cannot link to anything, and on a small site they would fill every slot and leave an article with
 * no related at all.
 */
function topTerms({ ids, tfs }: Bag, vocab: Vocabulary, df: (id: number) => number, n: number): Bag {
  const scored: [number, number, number][] = [];
  ids.forEach((id, k) => {
    if (df(id) > 1) scored.push([id, tfs[k]!, (1 + Math.log(tfs[k]!)) * Math.log((n + 1) / df(id))]);
  });
  const term = (id: number): string => vocab.terms[id]!;
  scored.sort((a, b) => b[2] - a[2] || (term(a[0]) < term(b[0]) ? -1 : term(a[0]) > term(b[0]) ? 1 : 0));
  const kept = scored.slice(0, TERMS_PER_ARTICLE).sort((a, b) => a[0] - b[0]);
  return { ids: Int32Array.from(kept, (s) => s[0]), tfs: Float64Array.from(kept, (s) => s[1]) };
}

/** The articles filed under one term with the term's weight in each, heaviest first. */
interface Postings { docs: Int32Array; weights: Float64Array }

/** One article's unit vector for one index: its terms' weights and, per term, the term's postings. */
interface Vector { weights: Float64Array; postings: Postings[] }

/**
 * One weighted index as built over the whole site, kept so `dev` can find the related articles of
 * one new article against it (`relatedFor`) without rebuilding it.
 */
interface IndexModel {
  name: RelatedIndex['name'];
  weight: number;
  vocab: Vocabulary;
  /** Articles indexed. */
  n: number;
  /** `terms` only: document frequency over whole bodies, which chooses each article's top terms. */
  bodyDf?: Int32Array;
  /** Document frequency over the indexed bags. */
  df: Int32Array;
  /** Postings by term id. */
  postings: Postings[];
  vectors: Vector[];
}

/** The related indices of one site, in latest-first article order. */
export interface RelatedModel {
  slugs: string[];
  indices: IndexModel[];
  config: Config['related'];
}

/** The bags of one index over all articles (terms: each article's top terms). Body counts become bags one article at a time. */
function indexBags(name: RelatedIndex['name'], articles: Article[], vocab: Vocabulary): { bags: Bag[]; bodyDf?: Int32Array } {
  const bags = articles.map((a) => bagOf(indexCounts(name, a), vocab));
  if (name !== 'terms') return { bags };
  const bodyDf = documentFrequency(bags);
  return { bags: bags.map((b) => topTerms(b, vocab, (id) => bodyDf[id]!, bags.length)), bodyDf };
}

/**
 * A term no other article has cannot link anything: leaving it out keeps an index that can
 * never match (a park no other article names) from diluting the indices that can. Terms in more
 * than `maxShare` of the articles (高新区 in a zone-news site) say nothing about topic.
 */
function useful(df: number, n: number, maxShare: number): boolean {
  return df > 1 && (df <= 2 || df <= maxShare * n);
}

/** An article's kept terms with TF-IDF weights normalised to a unit vector. */
function unitWeights(bag: Bag, df: (id: number) => number, n: number, maxShare: number): [number, number][] {
  const { kept, norm } = weighted(bag, df, n, maxShare);
  return kept.map(([id, w]) => [id, w / (norm || 1)]);
}

/** An article's kept terms with TF-IDF weights, and the length of that vector. */
function weighted({ ids, tfs }: Bag, df: (id: number) => number, n: number, maxShare: number): { kept: [number, number][]; norm: number } {
  const kept: [number, number][] = [];
  ids.forEach((id, k) => { if (useful(df(id), n, maxShare)) kept.push([id, (1 + Math.log(tfs[k]!)) * Math.log((n + 1) / df(id))]); });
  return { kept, norm: Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) };
}

/**
 * Inverted index for one weighted index, with TF-IDF weights normalised per article so the dot
 * product of two articles is their cosine similarity over the terms they share with the site.
 */
function invertedIndex(bags: Bag[], maxShare: number): Pick<IndexModel, 'df' | 'postings' | 'vectors'> {
  const n = bags.length;
  const df = documentFrequency(bags);
  const lists: { doc: number; w: number }[][] = Array.from({ length: df.length }, () => []);
  const units = bags.map((bag, doc) => {
    const { kept, norm } = weighted(bag, (id) => df[id]!, n, maxShare);
    const unit = kept.map(([id, w]): [number, number] => [id, w / (norm || 1)]);
    for (const [id, w] of unit) lists[id]!.push({ doc, w });
    // A term only this article has links nothing in this site, but it links a new article that
    // shares it (dev's `relatedFor`): it is filed with the weight it would have with two articles.
    // Vectors never include it, so the related lists of this site are unaffected.
    bag.ids.forEach((id, k) => {
      if (df[id] !== 1) return;
      const w = (1 + Math.log(bag.tfs[k]!)) * Math.log((n + 2) / 2);
      lists[id]!.push({ doc, w: w / Math.sqrt(norm * norm + w * w) });
    });
    return unit;
  });
  const postings = lists.map((list) => {
    const top = list.sort((x, y) => y.w - x.w || x.doc - y.doc).slice(0, MAX_POSTINGS);
    return { docs: Int32Array.from(top, (p) => p.doc), weights: Float64Array.from(top, (p) => p.w) };
  });
  const vectors = units.map((u) => ({ weights: Float64Array.from(u, (p) => p[1]), postings: u.map(([id]) => postings[id]!) }));
  return { df, postings, vectors };
}

/**
 * Scores every article sharing a term with one article's vectors (one per index, empty when it has
 * no terms there) and returns the best `count` doc numbers above the threshold, best first.
 * score(a, b) = Σ weightᵢ · cosineᵢ(a, b) / Σ weightᵢ over the indices in which `a` has terms.
 */
function bestMatches(mine: { weight: number; vector: Vector }[], scores: Float64Array, skip: (doc: number) => boolean, related: Config['related']): number[] {
  const touched: number[] = [];
  const present = mine.filter(({ vector }) => vector.weights.length > 0);
  const total = present.reduce((s, i) => s + i.weight, 0);
  for (const { weight, vector } of present) {
    const scale = weight / total;
    for (let t = 0; t < vector.weights.length; t++) {
      const { docs, weights } = vector.postings[t]!;
      const wa = scale * vector.weights[t]!;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k]!;
        if (skip(doc)) continue;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += wa * weights[k]!;
      }
    }
  }
  const picked = best(touched, related.count, (x, y) => scores[y]! - scores[x]! || x - y, (d) => scores[d]! >= related.threshold);
  for (const d of touched) scores[d] = 0;
  return picked;
}

/**
 * 相关阅读 for every article, like Hugo's related content: an article with no stated keywords or
 * park is compared on what it has, not penalised for what it lacks. Only articles sharing at least
 * one indexed term are ever scored (inverted index, at most MAX_POSTINGS per term), so the cost
 * grows with the site, not with its square. `articles` must be in latest-first order: equal
 * scores prefer the newer article, then the earlier slug. `keep` receives the indices (for `dev`).
 */
export function relatedArticles(articles: Article[], config: Config, keep?: (model: RelatedModel) => void): Map<string, string[]> {
  const maxShare = config.related.maxShare ?? 0.5;
  const built: IndexModel[] = config.related.indices.filter((i) => i.weight > 0).map((i) => {
    const vocab = new Vocabulary();
    const { bags, bodyDf } = indexBags(i.name, articles, vocab);
    return { name: i.name, weight: i.weight, vocab, n: articles.length, bodyDf, ...invertedIndex(bags, maxShare) };
  });
  const scores = new Float64Array(articles.length);
  const result = new Map<string, string[]>();
  articles.forEach((article, a) => {
    const mine = built.map(({ weight, vectors }) => ({ weight, vector: vectors[a]! }));
    result.set(article.slug, bestMatches(mine, scores, (doc) => doc === a, config.related).map((d) => articles[d]!.slug));
  });
  keep?.({ slugs: articles.map((a) => a.slug), indices: built, config: config.related });
  return result;
}

/**
 * 相关阅读 of one article that is not in `model` (new, or changed since), scored against the
 * indexed articles as if it had been indexed with them (document frequencies count it once more);
 * the other articles keep their weights. Slugs in `exclude` (removed or replaced) are never picked.
 */
export function relatedFor(model: RelatedModel, article: Article, exclude: ReadonlySet<string>): string[] {
  const maxShare = model.config.maxShare ?? 0.5;
  const mine = model.indices.map((index) => {
    const { vocab, bodyDf } = index;
    const n = index.n + 1;
    const known = new Map<number, number>();
    const { terms, counts } = indexCounts(index.name, article);
    terms.forEach((term, k) => {
      const id = vocab.find(term);
      if (id !== undefined) known.set(id, counts[k]!); // a term no indexed article has cannot link anything
    });
    let bag = bagOfIds(known);
    if (bodyDf) bag = topTerms(bag, vocab, (id) => (bodyDf[id] ?? 0) + 1, n);
    const unit = unitWeights(bag, (id) => (index.df[id] ?? 0) + 1, n, maxShare);
    const vector = { weights: Float64Array.from(unit, (p) => p[1]), postings: unit.map(([id]) => index.postings[id]!) };
    return { weight: index.weight, vector };
  });
  const skip = (doc: number): boolean => exclude.has(model.slugs[doc]!);
  return bestMatches(mine, new Float64Array(model.slugs.length), skip, model.config).map((d) => model.slugs[d]!);
}

function bagOfIds(counts: Map<number, number>): Bag {
  const pairs = [...counts].sort((a, b) => a[0] - b[0]);
  return { ids: Int32Array.from(pairs, (p) => p[0]), tfs: Float64Array.from(pairs, (p) => p[1]) };
}

/**
 * The first `count` items passing `keep` in `order` (a total order), without sorting them all: an
 * article with a big site behind it touches thousands of others but shows only a handful.
 */
function best<T>(items: readonly T[], count: number, order: (x: T, y: T) => number, keep: (item: T) => boolean): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (!keep(item)) continue;
    if (top.length === count && (count === 0 || order(item, top[count - 1]!) >= 0)) continue;
    let i = top.length === count ? count - 1 : top.length;
    while (i > 0 && order(item, top[i - 1]!) < 0) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = item;
  }
  return top;
}
