import { termsOf } from '../pipeline/terms.js';
import type { Article, Config, RelatedIndex, TermCounts } from '../types.js';
import { compareText } from './urls.js';

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

function bagOf({ terms, counts }: TermCounts, vocab: Vocabulary): Bag {
  const ids = Int32Array.from(terms, (t) => vocab.id(t));
  // Positions sorted by id (ids are distinct in one bag): no pair object per term for the GC to reap.
  const order: number[] = [];
  for (let k = 0; k < ids.length; k++) order.push(k);
  order.sort((x, y) => ids[x]! - ids[y]!);
  return { ids: Int32Array.from(order, (k) => ids[k]!), tfs: Float64Array.from(order, (k) => counts[k]!) };
}

/** Distinct, trimmed, non-empty values, each counted once. */
function once(values: string[]): TermCounts {
  const terms = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return { terms, counts: terms.map(() => 1) };
}

/** The terms each index sees in an article; body terms come from the per-file stage's segmentation. */
function indexBags(name: RelatedIndex['name'], articles: Article[]): Bag[] {
  const vocab = new Vocabulary();
  switch (name) {
    case 'keywords':
      return articles.map((a) => bagOf(once([...a.keywords, ...a.computedKeywords]), vocab));
    case 'parks':
      return articles.map((a) => bagOf(once(a.parks.length ? a.parks : a.park ? [a.park] : []), vocab));
    case 'terms':
      return topTerms(articles.map((a) => bagOf(termsOf(a).words, vocab)), vocab);
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
 * Keeps each article's TERMS_PER_ARTICLE highest TF-IDF terms (ties by code point, for determinism).
 * Words found in no other article are passed over: they cannot link to anything, and on a small
 * site they would fill every slot and leave an article with no related at all.
 */
function topTerms(bags: Bag[], vocab: Vocabulary): Bag[] {
  const df = documentFrequency(bags);
  const n = bags.length;
  return bags.map(({ ids, tfs }) => {
    // Positions into the bag, scored in place; positions ascend with ids, so sorting them sorts by id.
    const score = new Float64Array(ids.length);
    const candidates: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (df[id]! <= 1) continue;
      score[k] = (1 + Math.log(tfs[k]!)) * Math.log((n + 1) / df[id]!);
      candidates.push(k);
    }
    const term = (k: number): string => vocab.terms[ids[k]!]!;
    candidates.sort((a, b) => score[b]! - score[a]! || compareText(term(a), term(b)));
    const kept = candidates.slice(0, TERMS_PER_ARTICLE).sort((a, b) => a - b);
    return { ids: Int32Array.from(kept, (k) => ids[k]!), tfs: Float64Array.from(kept, (k) => tfs[k]!) };
  });
}

/** The articles filed under one term with the term's weight in each, heaviest first. */
interface Postings { docs: Int32Array; weights: Float64Array }

/** One article's unit vector for one index: its terms' weights and, per term, the term's postings. */
interface Vector { weights: Float64Array; postings: Postings[] }

/**
 * Inverted index for one weighted index, with TF-IDF weights normalised per article so the dot
 * product of two articles is their cosine similarity over the terms they share with the site.
 * Terms in more than `maxShare` of the articles (高新区 in a zone-news site) say nothing about
 * topic and are dropped.
 */
function invertedIndex(bags: Bag[], maxShare: number): Vector[] {
  const n = bags.length;
  const df = documentFrequency(bags);
  // A term no other article has cannot link anything: leaving it out keeps an index that can
  // never match (a park no other article names) from diluting the indices that can.
  const useful = (id: number): boolean => df[id]! > 1 && (df[id]! <= 2 || df[id]! <= maxShare * n);
  const units = bags.map(({ ids, tfs }) => {
    const kept: number[] = [];
    const raw: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (!useful(id)) continue;
      kept.push(id);
      raw.push((1 + Math.log(tfs[k]!)) * Math.log((n + 1) / df[id]!));
    }
    const norm = Math.sqrt(raw.reduce((s, w) => s + w * w, 0)) || 1;
    return { ids: kept, weights: Float64Array.from(raw, (w) => w / norm) };
  });
  const postings = postingLists(units, df, useful);
  return units.map((u) => ({ weights: u.weights, postings: u.ids.map((id) => postings[id]!) }));
}

/**
 * Every useful term's postings, heaviest first (then by article), cut to MAX_POSTINGS. Gathered in
 * two flat arrays, one run per term, instead of an object per posting: a big site has millions.
 */
function postingLists(units: { ids: number[]; weights: Float64Array }[], df: Int32Array, useful: (id: number) => boolean): Postings[] {
  const start = new Int32Array(df.length + 1);
  for (let id = 0; id < df.length; id++) start[id + 1] = start[id]! + (useful(id) ? df[id]! : 0);
  const docs = new Int32Array(start[df.length]!);
  const weights = new Float64Array(docs.length);
  const fill = start.slice(0, df.length);
  units.forEach(({ ids, weights: w }, doc) => {
    ids.forEach((id, k) => {
      const at = fill[id]!++;
      docs[at] = doc;
      weights[at] = w[k]!;
    });
  });
  const out: Postings[] = [];
  for (let id = 0; id < df.length; id++) {
    const run: number[] = [];
    for (let at = start[id]!; at < start[id + 1]!; at++) run.push(at);
    const top = run.sort((x, y) => weights[y]! - weights[x]! || docs[x]! - docs[y]!).slice(0, MAX_POSTINGS);
    out.push({ docs: Int32Array.from(top, (at) => docs[at]!), weights: Float64Array.from(top, (at) => weights[at]!) });
  }
  return out;
}

/**
 * 相关阅读 for every article: score(a, b) = Σ weightᵢ · cosineᵢ(a, b) / Σ weightᵢ, like Hugo's related
 * content, where the sums run over the indices in which `a` has terms: an article with no stated
 * keywords or park is compared on what it has, not penalised for what it lacks. Only articles
 * sharing at least one indexed term are ever scored (inverted index, at most MAX_POSTINGS per
 * term), so the cost grows with the site, not with its square. `articles` must be in
 * latest-first order: equal scores prefer the newer article, then the earlier slug.
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
    const present = built.filter(({ vectors }) => vectors[a]!.weights.length > 0);
    const total = present.reduce((s, i) => s + i.weight, 0);
    for (const { weight, vectors } of present) {
      const scale = weight / total;
      const { weights: mine, postings } = vectors[a]!;
      for (let t = 0; t < mine.length; t++) {
        const { docs, weights } = postings[t]!;
        const wa = scale * mine[t]!;
        for (let k = 0; k < docs.length; k++) {
          const doc = docs[k]!;
          if (doc === a) continue;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc] += wa * weights[k]!;
        }
      }
    }
    const picked = best(touched, count, (x, y) => scores[y]! - scores[x]! || x - y, (d) => scores[d]! >= threshold);
    result.set(article.slug, picked.map((d) => articles[d]!.slug));
    for (const d of touched) scores[d] = 0;
  });
  return result;
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
