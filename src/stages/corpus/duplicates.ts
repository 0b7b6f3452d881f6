import { diagnostic, type Article, type Config, type Diagnostic } from '../../model/index.js';
import { compareCodeUnits } from '../../text/compare.js';

/** Shingle length in characters: long enough that shared shingles mean shared sentences. */
const SHINGLE = 8;
/** Winnowing window: every run of this many shingles contributes at least one fingerprint. */
const WINDOW = 8;
/**
 * Fingerprints found in more articles than this are boilerplate (disclaimers, form templates), not
 * evidence of copying; a story is rarely syndicated more often within one site.
 */
const COMMON_FINGERPRINT = 8;
/**
 * Share of the shorter article's distinctive fingerprints found in the other, above which the two are
 * the same story (syndicated, lightly edited, or the same text in the other script, which normalize
 * has already converted) and the site shows one. Chosen on tw-news: from here up, pairs are the same
 * story; below, mostly one publisher's template texts.
 */
export const DUPLICATE_CONTAINMENT = 0.6;
/** Lower bound for reporting (not hiding) two articles that share long passages, like a story and its update. */
export const SHARED_CONTAINMENT = 0.15;
/** Fingerprints two texts must share to count at all (~8 fingerprints ≈ 40 characters of shared text). */
const MIN_SHARED = 8;
/** Fingerprints to report shared passages (~40 ≈ 200 characters). */
const MIN_SHARED_PASSAGES = 40;

/** The text reduced to Han letters and digits, so layout and punctuation do not matter. */
function letters(body: string): string {
  return body.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

/** What near-duplicate detection compares of an article body (made once per body: ArticleFacts.fingerprints). */
export function bodyFingerprints(body: string): Uint32Array {
  return fingerprints(letters(body));
}

/** FNV-1a of `s[start..end)`: a deterministic 32-bit hash, the same on every machine and run. */
function fnv(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Shingle hashes in text order, hashed in place (no substring per shingle). */
function shingleSequence(text: string): Uint32Array {
  const out = new Uint32Array(Math.max(text.length - SHINGLE + 1, 0));
  for (let i = 0; i < out.length; i++) out[i] = fnv(text, i, i + SHINGLE);
  return out;
}

/**
 * Winnowing (Schleimer et al., the fingerprinting in MOSS): the least shingle hash of every window,
 * each distinct hash once, ascending. Any passage of at least WINDOW + SHINGLE - 1 characters shared
 * by two texts yields a shared fingerprint. A typed array, not a Set: the corpus holds every
 * article's fingerprints at once, and most hashes would be boxed numbers in a Set.
 */
export function fingerprints(text: string): Uint32Array {
  const seq = shingleSequence(text);
  const windows = Math.max(seq.length - WINDOW + 1, seq.length > 0 ? 1 : 0);
  const least = new Uint32Array(windows);
  for (let i = 0; i < windows; i++) {
    const end = Math.min(i + WINDOW, seq.length);
    let min = seq[i]!;
    for (let j = i + 1; j < end; j++) if (seq[j]! < min) min = seq[j]!;
    least[i] = min;
  }
  least.sort();
  let distinct = 0;
  for (let i = 0; i < least.length; i++) if (i === 0 || least[i] !== least[i - 1]) least[distinct++] = least[i]!;
  return least.slice(0, distinct);
}

export interface Overlap {
  a: number;
  b: number;
  shared: number;
  containment: number;
}

/**
 * Every (fingerprint, article) pair as one number `fingerprint * n + article`, sorted: each
 * fingerprint's articles are then one ascending run. This is the inverted index as one flat array
 * (exact: 2^32 * 100,000 articles is far below 2^53), a tenth of the memory of a Map of arrays.
 */
function postingKeys(prints: readonly Uint32Array[]): Float64Array {
  const n = prints.length;
  const keys = new Float64Array(prints.reduce((s, p) => s + p.length, 0));
  let k = 0;
  prints.forEach((set, i) => {
    for (const f of set) keys[k++] = f * n + i;
  });
  return keys.sort();
}

/**
 * Pairs of articles sharing distinctive fingerprints, found through an inverted index (no all-pairs
 * comparison). Fingerprints in more than COMMON_FINGERPRINT articles are boilerplate and ignored,
 * also in the denominator: a shared disclaimer does not make two stories the same.
 * Shared counts are tallied one article at a time in a reused array (no map keyed by pair: pair
 * numbers a·n+b outgrow small integers past ~46,000 articles and every update then allocates).
 */
export function overlaps(prints: readonly Uint32Array[]): Overlap[] {
  const n = prints.length;
  const keys = postingKeys(prints);
  // Exact integer arithmetic on doubles (a float division could round up to the next fingerprint).
  const fingerprintOf = (x: number): number => (keys[x]! - (keys[x]! % n)) / n;
  const articleOf = (x: number): number => keys[x]! % n;
  const runEnd = (start: number): number => {
    let end = start + 1;
    while (end < keys.length && fingerprintOf(end) === fingerprintOf(start)) end++;
    return end;
  };
  // Each article's distinctive runs (where its fingerprint's run starts), grouped by article.
  const distinctive = new Int32Array(n);
  for (let start = 0, end; start < keys.length; start = end) {
    end = runEnd(start);
    if (end - start <= COMMON_FINGERPRINT) for (let x = start; x < end; x++) distinctive[articleOf(x)]!++;
  }
  const first = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) first[a + 1] = first[a]! + distinctive[a]!;
  const runsOf = new Int32Array(first[n]!);
  const fill = first.slice(0, n);
  for (let start = 0, end; start < keys.length; start = end) {
    end = runEnd(start);
    if (end - start <= COMMON_FINGERPRINT) for (let x = start; x < end; x++) runsOf[fill[articleOf(x)]!++] = start;
  }
  const counts = new Int32Array(n);
  const out: Overlap[] = [];
  for (let a = 0; a < n; a++) {
    // A run lists its articles in ascending order: the partners after `a` give the pairs (a, b > a).
    const touched: number[] = [];
    for (let r = first[a]!; r < first[a + 1]!; r++) {
      for (let x = runsOf[r]!, end = runEnd(x); x < end; x++) {
        const b = articleOf(x);
        if (b <= a) continue;
        if (counts[b] === 0) touched.push(b);
        counts[b]!++;
      }
    }
    for (const b of touched.sort((x, y) => x - y)) {
      const shared = counts[b]!;
      counts[b] = 0;
      if (shared >= MIN_SHARED) out.push({ a, b, shared, containment: shared / Math.min(distinctive[a]!, distinctive[b]!) });
    }
  }
  return out;
}

/**
 * Which article each near-duplicate is folded into. Articles are visited in keep order: one is
 * dropped only when it is a near-duplicate of an article already kept, never through a chain
 * (A ~ A+B ~ B must not fold two different stories A and B into one because a third text quotes both).
 * Returns kept index -> dropped indices, each list in keep order, groups in keep order of the kept one.
 */
function foldInto(order: readonly number[], edges: readonly Overlap[]): Map<number, number[]> {
  const rank = new Map(order.map((i, r) => [i, r]));
  const neighbours = new Map<number, number[]>();
  for (const { a, b } of edges) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = neighbours.get(x);
      if (list) list.push(y);
      else neighbours.set(x, [y]);
    }
  }
  const groups = new Map<number, number[]>();
  for (const i of order) {
    const near = neighbours.get(i);
    if (!near) continue;
    let into: number | undefined;
    for (const k of near) if (groups.has(k) && (into === undefined || rank.get(k)! < rank.get(into)!)) into = k;
    if (into === undefined) groups.set(i, []);
    else groups.get(into)!.push(i);
  }
  for (const [k, dropped] of groups) if (dropped.length === 0) groups.delete(k);
  return groups;
}

/** Orders a group so the copy the site shows comes first. */
export function keptFirst(keep: Config['duplicates']['keep']): (a: Article, b: Article) => number {
  const byFile = (a: Article, b: Article): number => compareCodeUnits(a.file, b.file);
  if (keep === 'first-file') return byFile;
  if (keep === 'longest') return (a, b) => b.body.length - a.body.length || byFile(a, b);
  // earliest: dated before undated (an undated copy cannot show it came first); by day, then file.
  return (a, b) => {
    const da = a.date?.slice(0, 10);
    const db = b.date?.slice(0, 10);
    if (da && db && da !== db) return da < db ? -1 : 1;
    if (da && !db) return -1;
    if (db && !da) return 1;
    return byFile(a, b);
  };
}

export interface DuplicateGroup {
  kept: Article;
  dropped: Article[];
}
export interface SharedPassages {
  a: Article;
  b: Article;
  containment: number;
}

export interface DuplicateReport {
  /** Same story: the site shows `kept` only. */
  groups: DuplicateGroup[];
  /** Long shared passages below the duplicate threshold: reported, both shown. */
  shared: SharedPassages[];
}

/** Near-duplicates and shared passages across the corpus; `fingerprints[i]` are those of `articles[i]`'s body. */
export function findDuplicates(
  articles: readonly Article[],
  fingerprints: readonly Uint32Array[],
  keep: Config['duplicates']['keep'],
): DuplicateReport {
  const found = overlaps(fingerprints);
  const same = found.filter((o) => o.containment >= DUPLICATE_CONTAINMENT);
  const shared = found
    .filter((o) => o.containment < DUPLICATE_CONTAINMENT && o.containment >= SHARED_CONTAINMENT && o.shared >= MIN_SHARED_PASSAGES)
    .map((o) => ({ a: articles[o.a]!, b: articles[o.b]!, containment: o.containment }));
  const order = articles.map((_, i) => i).sort((x, y) => keptFirst(keep)(articles[x]!, articles[y]!));
  const dupGroups = [...foldInto(order, same)].map(([k, dropped]) => ({ kept: articles[k]!, dropped: dropped.map((i) => articles[i]!) }));
  return { groups: dupGroups, shared };
}

export function duplicateDiagnostic(dropped: Article, kept: Article, keep: string): Diagnostic {
  return diagnostic(
    dropped.file,
    'corpus/near-duplicate',
    'info',
    `near-duplicate of ${kept.file}; the site shows that copy (duplicates.keep: ${keep})`,
  );
}

export function sharedDiagnostic(article: Article, other: Article, containment: number): Diagnostic {
  const share = Math.round(containment * 100);
  return diagnostic(
    article.file,
    'corpus/shared-passages',
    'info',
    `shares long passages with ${other.file} (${share}% of the shorter text); both are published`,
  );
}
