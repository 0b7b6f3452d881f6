import type { Article, Config, RelatedIndex } from '../../model/index.js';
import type { TermCounts } from '../../text/terms.js';
import { compareCodeUnits } from '../../text/compare.js';

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
interface Bag {
  ids: Int32Array;
  tfs: Float64Array;
}

/** Numbers the terms (distinct within one article) and orders them by id; no pair object per term. */
function bagOf({ terms, counts }: TermCounts, vocab: Vocabulary): Bag {
  const ids = Int32Array.from(terms, (t) => vocab.id(t));
  const order = Uint32Array.from(ids.keys()).sort((x, y) => ids[x]! - ids[y]!);
  return { ids: ids.map((_, k) => ids[order[k]!]!), tfs: Float64Array.from(order, (k) => counts[k]!) };
}

/** Distinct, trimmed, non-empty values, each counted once. */
function once(values: string[]): TermCounts {
  const terms = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return { terms, counts: new Uint16Array(terms.length).fill(1) };
}

/** The terms one index sees in an article, as counts; `words` are its body words (ArticleFacts.terms.words). */
function indexCounts(name: RelatedIndex['name'], a: Article, words: TermCounts): TermCounts {
  switch (name) {
    case 'keywords':
      return once([...a.keywords, ...a.computedKeywords]);
    case 'parks':
      return once(a.parks);
    case 'terms':
      return words;
  }
}

function documentFrequency(bags: Bag[]): Int32Array {
  let size = 0;
  for (const bag of bags) if (bag.ids.length) size = Math.max(size, bag.ids[bag.ids.length - 1]! + 1);
  const df = new Int32Array(size);
  for (const bag of bags) for (const id of bag.ids) df[id]!++;
  return df;
}

/** Articles per term over counts whose terms are distinct per article; numbers the terms in `vocab` as bagOf would. */
function countedFrequency(all: TermCounts[], vocab: Vocabulary): Int32Array {
  let df = new Int32Array(1024);
  for (const { terms } of all) {
    for (const t of terms) {
      const id = vocab.id(t);
      if (id >= df.length) {
        const grown = new Int32Array(df.length * 2);
        grown.set(df);
        df = grown;
      }
      df[id]!++;
    }
  }
  return df.slice(0, vocab.terms.length);
}

/**
 * Keeps an article's TERMS_PER_ARTICLE highest TF-IDF terms (ties by code point, for determinism),
 * `df` and `n` counting the article itself. Words found in no other article are passed over: they
 * cannot link to anything, and on a small site they would fill every slot and leave an article with
 * no related at all. Scores live in one typed array per call, not an object per term.
 */
function topTerms({ ids, tfs }: Bag, vocab: Vocabulary, df: (id: number) => number, n: number): Bag {
  const scores = new Float64Array(ids.length);
  const candidates: number[] = [];
  ids.forEach((id, k) => {
    if (df(id) <= 1) return;
    scores[k] = (1 + Math.log(tfs[k]!)) * Math.log((n + 1) / df(id));
    candidates.push(k);
  });
  const term = (k: number): string => vocab.terms[ids[k]!]!;
  const better = (x: number, y: number): number => scores[y]! - scores[x]! || compareCodeUnits(term(x), term(y));
  const top = candidates.length > TERMS_PER_ARTICLE ? candidates.sort(better).slice(0, TERMS_PER_ARTICLE) : candidates;
  const kept = top.sort((x, y) => x - y); // bag positions ascending: term ids ascending
  return { ids: Int32Array.from(kept, (k) => ids[k]!), tfs: Float64Array.from(kept, (k) => tfs[k]!) };
}

/**
 * The articles filed under one term with the term's weight in each, heaviest first; `evident`: 1
 * where the term, shared with that article, is evidence for it (a stated keyword, a headlined page).
 */
interface Postings {
  docs: Int32Array;
  weights: Float64Array;
  evident: Uint8Array;
}

/**
 * One article's unit vector for one index: its terms' weights, per term the term's postings and
 * the evidence it gives when an article shares it (0: none, see termEvidence).
 */
interface Vector {
  weights: Float64Array;
  postings: Postings[];
  evidence: Float64Array;
}

/** What term `id` of article `doc` proves when another article shares it (0: nothing; see termEvidence). */
type Evidence = (doc: number, id: number) => number;

/**
 * The evidence an item needs to be shown on a site of `n` articles: three times the IDF of a word
 * only two articles share, so one word, however rare, is never enough.
 */
function evidenceNeeded(n: number): number {
  return 3 * Math.log((n + 1) / 2);
}

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
  /** `terms` only: document frequency over whole bodies, which chooses each article's top terms and weighs their evidence. */
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
  /** Evidence needed for an item, on this site. */
  needed: number;
}

/** A page whose headline parkpress made up from its first words: a filing or form, or a page that lost its title. */
const headlineless = (a: Article): boolean => a.provenance.title === 'computed';

/**
 * What `term` of article `a` in index `name` proves when another article shares it. An item is
 * shown only with the evidence `needed`, so the score (which orders) never shows a match on its
 * own: a park is enough alone; a keyword is when an editor stated it, while computed keywords rank
 * but prove nothing (a story's computed keyword can be any ordinary word it repeats: 轮值, 检测,
 * 旅行社); a body term adds its IDF. A page without a headline of its own (a filing or form, whose
 * first words stand in for a title) shares its template's words with every filing like it, so its
 * body terms prove nothing either.
 */
function termEvidence(name: RelatedIndex['name'], a: Article, term: string, idf: () => number, needed: number): number {
  switch (name) {
    case 'parks':
      return needed;
    case 'keywords':
      return a.keywords.some((k) => k.trim() === term) ? needed : 0;
    case 'terms':
      return headlineless(a) ? 0 : idf();
  }
}

/**
 * The bags of one index over all articles (terms: each article's top terms). Body document
 * frequencies are counted first, so an article's whole bag lives only while its top terms are picked.
 */
function indexBags(
  name: RelatedIndex['name'],
  articles: Article[],
  words: readonly TermCounts[],
  vocab: Vocabulary,
): { bags: Bag[]; bodyDf?: Int32Array } {
  const counts = articles.map((a, i) => indexCounts(name, a, words[i]!));
  if (name !== 'terms') return { bags: counts.map((c) => bagOf(c, vocab)) };
  const bodyDf = countedFrequency(counts, vocab);
  const df = (id: number): number => bodyDf[id]!;
  return { bags: counts.map((c) => topTerms(bagOf(c, vocab), vocab, df, counts.length)), bodyDf };
}

/**
 * A term no other article has cannot link anything: leaving it out keeps an index that can
 * never match (a park no other article names) from diluting the indices that can. Terms in more
 * than `maxShare` of the articles (高新区 in a zone-news site) say nothing about topic.
 */
function useful(df: number, n: number, maxShare: number): boolean {
  return df > 1 && (df <= 2 || df <= maxShare * n);
}

/** An article's useful terms (ids ascending) with TF-IDF weights and the vector's length; `single`: bag positions of terms only it has. */
interface Weighted {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
  single: number[];
}

function weighted({ ids, tfs }: Bag, df: (id: number) => number, n: number, maxShare: number): Weighted {
  const kept: number[] = [];
  const single: number[] = [];
  ids.forEach((id, k) => {
    if (useful(df(id), n, maxShare)) kept.push(k);
    else if (df(id) === 1) single.push(k);
  });
  const weights = Float64Array.from(kept, (k) => (1 + Math.log(tfs[k]!)) * Math.log((n + 1) / df(ids[k]!)));
  let sum = 0;
  for (const w of weights) sum += w * w;
  return { ids: Int32Array.from(kept, (k) => ids[k]!), weights, norm: Math.sqrt(sum), single };
}

/** An article's useful terms with TF-IDF weights normalised to a unit vector. */
function unitWeights(bag: Bag, df: (id: number) => number, n: number, maxShare: number): { ids: Int32Array; weights: Float64Array } {
  const { ids, weights, norm } = weighted(bag, df, n, maxShare);
  return { ids, weights: weights.map((w) => w / (norm || 1)) };
}

const NO_POSTINGS: Postings = { docs: new Int32Array(0), weights: new Float64Array(0), evident: new Uint8Array(0) };

/** Calls `add` for every (term, article, weight, evident) entry of an index, in article order. */
type Entries = (add: (id: number, doc: number, w: number, evident: boolean) => void) => void;

/**
 * Every term's postings, the entries kept as flat arrays grouped by term (counted, then filled
 * in article order) instead of an object per entry; each term keeps its MAX_POSTINGS heaviest,
 * ties to the earlier article.
 */
function postingLists(terms: number, entries: Entries): Postings[] {
  const start = new Int32Array(terms + 1);
  entries((id) => {
    start[id + 1]!++;
  });
  for (let id = 0; id < terms; id++) start[id + 1]! += start[id]!;
  const docs = new Int32Array(start[terms]!);
  const weights = new Float64Array(start[terms]!);
  const evident = new Uint8Array(start[terms]!);
  const next = start.slice(0, terms);
  entries((id, doc, w, e) => {
    const at = next[id]!++;
    docs[at] = doc;
    weights[at] = w;
    evident[at] = e ? 1 : 0;
  });
  return Array.from({ length: terms }, (_, id) => {
    const from = start[id]!;
    const to = start[id + 1]!;
    if (from === to) return NO_POSTINGS;
    const order = Array.from({ length: to - from }, (_, k) => from + k)
      .sort((x, y) => weights[y]! - weights[x]! || docs[x]! - docs[y]!)
      .slice(0, MAX_POSTINGS);
    return {
      docs: Int32Array.from(order, (k) => docs[k]!),
      weights: Float64Array.from(order, (k) => weights[k]!),
      evident: Uint8Array.from(order, (k) => evident[k]!),
    };
  });
}

/**
 * Inverted index for one weighted index, with TF-IDF weights normalised per article so the dot
 * product of two articles is their cosine similarity over the terms they share with the site.
 */
function invertedIndex(bags: Bag[], maxShare: number, evidence: Evidence): Pick<IndexModel, 'df' | 'postings' | 'vectors'> {
  const n = bags.length;
  const df = documentFrequency(bags);
  const all = bags.map((bag) => weighted(bag, (id) => df[id]!, n, maxShare));
  // Once per (article, term): the postings flag it and the article's vector carries it.
  const proofs = all.map(({ ids }, doc) => Float64Array.from(ids, (id) => evidence(doc, id)));
  const postings = postingLists(df.length, (add) =>
    all.forEach(({ ids, weights, norm, single }, doc) => {
      ids.forEach((id, k) => add(id, doc, weights[k]! / (norm || 1), proofs[doc]![k]! > 0));
      // A term only this article has links nothing in this site, but it links a new article that
      // shares it (dev's `relatedFor`): it is filed with the weight it would have with two articles.
      // Vectors never include it, so the related lists of this site are unaffected.
      const { ids: bagIds, tfs } = bags[doc]!;
      for (const k of single) {
        const w = (1 + Math.log(tfs[k]!)) * Math.log((n + 2) / 2);
        add(bagIds[k]!, doc, w / Math.sqrt(norm * norm + w * w), evidence(doc, bagIds[k]!) > 0);
      }
    }),
  );
  const vectors = all.map(({ ids, weights, norm }, doc) => ({
    weights: weights.map((w) => w / (norm || 1)),
    postings: Array.from(ids, (id) => postings[id]!),
    evidence: proofs[doc]!,
  }));
  return { df, postings, vectors };
}

/**
 * Scores every article sharing a term with one article's vectors (one per index, empty when it has
 * no terms there) and returns the best `count` doc numbers above the threshold and with the
 * evidence `needed`, best first. score(a, b) = Σ weightᵢ · cosineᵢ(a, b) / Σ weightᵢ over the
 * indices in which `a` has terms; evidence(a, b) = Σ what each shared term proves (termEvidence).
 */
function bestMatches(
  mine: { weight: number; vector: Vector }[],
  tally: { scores: Float64Array; evidence: Float64Array },
  skip: (doc: number) => boolean,
  related: Config['related'],
  needed: number,
): number[] {
  const { scores, evidence } = tally;
  const touched: number[] = [];
  const present = mine.filter(({ vector }) => vector.weights.length > 0);
  const total = present.reduce((s, i) => s + i.weight, 0);
  for (const { weight, vector } of present) {
    const scale = weight / total;
    for (let t = 0; t < vector.weights.length; t++) {
      const { docs, weights, evident } = vector.postings[t]!;
      const wa = scale * vector.weights[t]!;
      const proves = vector.evidence[t]!;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k]!;
        if (skip(doc)) continue;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += wa * weights[k]!;
        if (evident[k]) evidence[doc] += proves;
      }
    }
  }
  const picked = best(
    touched,
    related.count,
    (x, y) => scores[y]! - scores[x]! || x - y,
    (d) => scores[d]! >= related.threshold && evidence[d]! >= needed,
  );
  for (const d of touched) scores[d] = evidence[d] = 0;
  return picked;
}

/**
 * 相关阅读 for every article, like Hugo's related content: an article with no stated keywords or
 * park is compared on what it has, not penalised for what it lacks. Only articles sharing at least
 * one indexed term are ever scored (inverted index, at most MAX_POSTINGS per term), so the cost
 * grows with the site, not with its square. `articles` must be in latest-first order: equal
 * scores prefer the newer article, then the earlier slug; `words[i]` are `articles[i]`'s body words.
 * `keep` receives the indices (for `dev`).
 */
export function relatedArticles(
  articles: Article[],
  words: readonly TermCounts[],
  config: Config,
  keep?: (model: RelatedModel) => void,
): Map<string, string[]> {
  const maxShare = config.related.maxShare ?? 0.5;
  const n = articles.length;
  const needed = evidenceNeeded(n);
  const built: IndexModel[] = config.related.indices
    .filter((i) => i.weight > 0)
    .map((i) => {
      const vocab = new Vocabulary();
      const { bags, bodyDf } = indexBags(i.name, articles, words, vocab);
      const idf = (id: number) => (): number => Math.log((n + 1) / bodyDf![id]!);
      const of = (doc: number, id: number): number => termEvidence(i.name, articles[doc]!, vocab.terms[id]!, idf(id), needed);
      return { name: i.name, weight: i.weight, vocab, n, bodyDf, ...invertedIndex(bags, maxShare, of) };
    });
  const tally = { scores: new Float64Array(n), evidence: new Float64Array(n) };
  const result = new Map<string, string[]>();
  articles.forEach((article, a) => {
    const mine = built.map(({ weight, vectors }) => ({ weight, vector: vectors[a]! }));
    result.set(
      article.slug,
      bestMatches(mine, tally, (doc) => doc === a, config.related, needed).map((d) => articles[d]!.slug),
    );
  });
  keep?.({ slugs: articles.map((a) => a.slug), indices: built, config: config.related, needed });
  return result;
}

/**
 * 相关阅读 of one article that is not in `model` (new, or changed since), scored against the
 * indexed articles as if it had been indexed with them (document frequencies count it once more);
 * the other articles keep their weights. Slugs in `exclude` (removed or replaced) are never picked.
 */
export function relatedFor(model: RelatedModel, article: Article, words: TermCounts, exclude: ReadonlySet<string>): string[] {
  const maxShare = model.config.maxShare ?? 0.5;
  const mine = model.indices.map((index) => {
    const { vocab, bodyDf } = index;
    const n = index.n + 1;
    const known = new Map<number, number>();
    const { terms, counts } = indexCounts(index.name, article, words);
    terms.forEach((term, k) => {
      const id = vocab.find(term);
      if (id !== undefined) known.set(id, counts[k]!); // a term no indexed article has cannot link anything
    });
    let bag = bagOfIds(known);
    if (bodyDf) bag = topTerms(bag, vocab, (id) => (bodyDf[id] ?? 0) + 1, n);
    const unit = unitWeights(bag, (id) => (index.df[id] ?? 0) + 1, n, maxShare);
    const idf = (id: number) => (): number => Math.log((n + 1) / ((bodyDf?.[id] ?? 0) + 1));
    const vector = {
      weights: unit.weights,
      postings: Array.from(unit.ids, (id) => index.postings[id]!),
      evidence: Float64Array.from(unit.ids, (id) => termEvidence(index.name, article, vocab.terms[id]!, idf(id), model.needed)),
    };
    return { weight: index.weight, vector };
  });
  const skip = (doc: number): boolean => exclude.has(model.slugs[doc]!);
  const size = model.slugs.length;
  const tally = { scores: new Float64Array(size), evidence: new Float64Array(size) };
  return bestMatches(mine, tally, skip, model.config, model.needed).map((d) => model.slugs[d]!);
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
