// Search query logic, shared by the search page (search.js) and the node tests: tokenization (the
// same rules as src/search/tokens.ts), shard lookup, AND-intersection, ranking, phrase checks and
// snippets. Plain ES module, no dependencies, no DOM.

/** One CJK run or one Latin/digit run (after folding). Kept identical to src/search/tokens.ts. */
const RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)|[\p{Script=Latin}\p{Nd}]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** The index format this code reads (src/search/assemble.ts INDEX_VERSION). */
export const INDEX_VERSION = 3;

/** NFKC (fullwidth -> ASCII) then lowercase. */
export function fold(text) {
  return text.normalize('NFKC').toLowerCase();
}

/** Tokens in reading order: CJK runs as overlapping bigrams (a lone character as itself), other runs as words. */
export function tokenize(text) {
  const out = [];
  for (const m of fold(text).matchAll(RUN)) {
    if (!m[1]) {
      out.push(m[0]);
      continue;
    }
    const chars = SURROGATE.test(m[1]) ? Array.from(m[1]) : m[1];
    if (chars.length === 1) out.push(m[1]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/** 32-bit FNV-1a over UTF-16 code units (src/search/hash.ts). */
export function fnv1a(token) {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** What a query asks for: its distinct tokens, and its runs (the phrases a page must contain). */
export function parseQuery(query) {
  const runs = [...new Set([...fold(query).matchAll(RUN)].map((m) => m[0]))];
  return { tokens: [...new Set(tokenize(query))], runs };
}

/**
 * Opens an index folder. `load(path, version)` resolves to the parsed JSON of a file of the folder
 * (`index.json`, then `shards/<n>.json` and `docs/<n>.json` with the manifest's id as version).
 */
export async function openIndex(load) {
  const manifest = await load('index.json');
  if (!manifest || manifest.version !== INDEX_VERSION) throw new Error(`search index version ${manifest && manifest.version} is not ${INDEX_VERSION}`);
  const files = new Map();
  const file = (path) => {
    if (!files.has(path)) files.set(path, load(path, manifest.id));
    return files.get(path);
  };
  const shards = new Map();
  const shard = (n) => {
    if (!shards.has(n)) shards.set(n, file(`shards/${n}.json`).then(readShard));
    return shards.get(n);
  };
  const postings = async (token) => postingsOf(await shard(fnv1a(token) & (manifest.shards - 1)), token);
  return {
    manifest,
    /** Document numbers holding every token of the query, best first. */
    async find(query) {
      const { tokens } = parseQuery(query);
      if (tokens.length === 0) return [];
      return rank(await Promise.all(tokens.map(postings)));
    },
    /** The edition's query table (script.json); an index without one converts nothing. */
    async script() {
      return manifest.script ? file(manifest.script) : NO_TABLE;
    },
    /** Documents ({ n, url, title, date, text, terms }) of the given numbers, in that order: one small file each. */
    async docs(numbers) {
      const docs = await Promise.all(numbers.map((n) => file(`docs/${n}.json`)));
      return numbers.map((n, i) => ({ n, ...docs[i] }));
    },
  };
}

const NO_TABLE = { from: '', to: '', words: [] };
/** Regional forms tried beside the query at most: each is one more lookup. */
const MAX_FORMS = 4;

/**
 * The query in the index's script: each character the table lists (typed in the other script, or
 * another standard's 臺 on the tw edition) becomes the one the index holds; the rest stays as typed.
 */
export function toIndexScript(query, table) {
  const from = Array.from(table.from);
  const to = Array.from(table.to);
  const map = new Map(from.map((ch, i) => [ch, to[i]]));
  return Array.from(fold(query), (ch) => map.get(ch) || ch).join('');
}

/** The query and, for each regional word it holds (芯片), the query with the other form (晶片). */
export function queryForms(query, table) {
  const forms = [query];
  for (const [a, b] of table.words) {
    for (const [word, other] of [[a, b], [b, a]]) {
      if (forms.length >= MAX_FORMS) return forms;
      const form = forms[0].includes(word) ? forms[0].split(word).join(other) : null;
      if (form && !forms.includes(form)) forms.push(form);
    }
  }
  return forms;
}

/**
 * Searches the index for what the reader typed: the query is put into the index's script, then it
 * and its regional forms are looked up; hits of the query itself come first, then those only a
 * regional form finds. Each hit carries, per form that found it, the runs its page must contain
 * (`alternatives`): a page saying 人工智慧 also holds the bigrams of 人工智能 and is kept for that form.
 */
export async function search(index, typed) {
  const table = await index.script().catch(() => NO_TABLE);
  const query = toIndexScript(typed, table);
  const forms = queryForms(query, table);
  const found = await Promise.all(forms.map((f) => index.find(f)));
  const hits = new Map();
  found.forEach((numbers, i) => {
    const { runs } = parseQuery(forms[i]);
    for (const n of numbers) {
      if (!hits.has(n)) hits.set(n, { n, alternatives: [] });
      hits.get(n).alternatives.push(runs);
    }
  });
  return { query, forms, hits: [...hits.values()], table };
}

/** The first of a hit's alternatives the text holds as written, or null. */
export function matchingRuns(text, alternatives) {
  return alternatives.find((runs) => containsRuns(text, runs)) || null;
}

/**
 * The query as the other edition's index would hold it (the table read backwards), for the link a
 * page with no results offers; the first listed character wins where several map to one.
 */
export function toOtherScript(query, table) {
  const from = Array.from(table.from);
  const to = Array.from(table.to);
  const map = new Map();
  to.forEach((ch, i) => map.has(ch) || map.set(ch, from[i]));
  return Array.from(query, (ch) => map.get(ch) || ch).join('');
}

/** Digits of the shards' varints (src/stages/search/byte-writer.ts POSTING_DIGITS). */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_.~+*';
const DIGIT_VALUE = new Map(Array.from(DIGITS, (ch, i) => [ch.charCodeAt(0), i]));
const NO_POSTINGS = { docs: [], weights: [] };

/**
 * A shard as written by src/stages/search/assemble.ts: `b`, the two-unit tokens packed in one
 * sorted string; `w`, the other tokens, sorted; `p`, their posting lists, comma-separated, those of
 * `b` first.
 */
export function readShard(raw) {
  return { packed: raw.b, others: raw.w, lists: raw.p.split(',') };
}

/** The postings of a token in a read shard (none when the shard does not hold it). */
export function postingsOf(shard, token) {
  if (token.length === 2) {
    let lo = 0;
    let hi = shard.packed.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const key = shard.packed.slice(2 * mid, 2 * mid + 2);
      if (key === token) return decodePostings(shard.lists[mid]);
      if (key < token) lo = mid + 1;
      else hi = mid;
    }
    return NO_POSTINGS;
  }
  const at = shard.others.indexOf(token);
  return at < 0 ? NO_POSTINGS : decodePostings(shard.lists[shard.packed.length / 2 + at]);
}

/** A posting list (varints: doc delta, weight, …) -> ascending doc numbers and their weights. */
export function decodePostings(list) {
  const numbers = [];
  for (let i = 0, value = 0, shift = 1; i < list.length; i++) {
    const digit = DIGIT_VALUE.get(list.charCodeAt(i));
    if (digit >= 32) {
      value += (digit - 32) * shift;
      shift *= 32;
    } else {
      numbers.push(value + digit * shift);
      value = 0;
      shift = 1;
    }
  }
  const docs = [];
  const weights = [];
  for (let i = 0, doc = 0; i < numbers.length; i += 2) {
    doc += numbers[i];
    docs.push(doc);
    weights.push(numbers[i + 1]);
  }
  return { docs, weights };
}

/**
 * AND of the tokens' postings, ranked: more query tokens in the title first (the article is about
 * it), then higher summed term frequency, then newer (higher number: documents are numbered oldest first).
 */
export function rank(lists) {
  const sorted = [...lists].sort((a, b) => a.docs.length - b.docs.length);
  const hits = new Map(sorted[0].docs.map((d) => [d, { d, title: 0, tf: 0 }]));
  for (const { docs, weights } of sorted) {
    const seen = new Set();
    for (let i = 0; i < docs.length; i++) {
      const hit = hits.get(docs[i]);
      if (!hit) continue;
      seen.add(docs[i]);
      hit.title += weights[i] & 1;
      hit.tf += weights[i] >> 1;
    }
    for (const d of hits.keys()) if (!seen.has(d)) hits.delete(d);
  }
  return [...hits.values()].sort((a, b) => b.title - a.title || b.tf - a.tf || b.d - a.d).map((h) => h.d);
}

/**
 * True when the text holds every run of the query as written: bigrams only say that each pair of
 * characters occurs somewhere, this drops pages where they are not adjacent.
 */
export function containsRuns(text, runs) {
  const folded = fold(text);
  return runs.every((run) => folded.includes(run));
}

/**
 * The text split into plain and marked segments ({ text, mark }) where a run of the query occurs
 * (compared folded, so fullwidth and case differences still match).
 */
export function highlight(text, runs) {
  const { folded, origin } = foldWithOrigin(text);
  const segments = [];
  let at = 0;
  for (const [start, end] of matches(folded, runs)) {
    const from = origin[start];
    const to = end < origin.length ? origin[end] : text.length;
    if (from > at) segments.push({ text: text.slice(at, from), mark: false });
    segments.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/**
 * About `max` characters of the text around the first hit, highlighted; null when no run occurs.
 * Cut points are moved off surrogate pairs; an ellipsis marks a cut.
 */
export function snippet(text, runs, max = 120) {
  const clean = text.replace(/\s+/g, ' ').trim();
  const { folded, origin } = foldWithOrigin(clean);
  const first = matches(folded, runs)[0];
  if (!first) return null;
  let start = Math.max(0, origin[first[0]] - Math.floor(max / 4));
  if (/[\uDC00-\uDFFF]/.test(clean[start] || '')) start--;
  let end = Math.min(clean.length, start + max);
  if (/[\uDC00-\uDFFF]/.test(clean[end] || '')) end++;
  const segments = highlight(clean.slice(start, end), runs);
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < clean.length) segments.push({ text: '…', mark: false });
  return segments;
}

/** Folded text and, for each of its code units, the index in the original text it came from. */
function foldWithOrigin(text) {
  let folded = '';
  const origin = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  return { folded, origin };
}

/** Non-overlapping [start, end) ranges of the runs in the folded text, left to right, longest run first at a tie. */
function matches(folded, runs) {
  const ordered = [...runs].filter(Boolean).sort((a, b) => b.length - a.length);
  const ranges = [];
  for (let at = 0; at < folded.length;) {
    const run = ordered.find((r) => folded.startsWith(r, at));
    if (run) {
      ranges.push([at, at + run.length]);
      at += run.length;
    } else at++;
  }
  return ranges;
}
