import { eachKeywordTerm, termTag } from './keyword-terms.js';
import { jieba } from './segmenter.js';
import { RELATED_STOP_WORDS } from './stopwords.js';
import { zoneForms } from './zones.js';

/**
 * Terms and their counts as parallel arrays, in order of first occurrence: compact, plain data. The
 * counts are 16-bit (capped at 65,535): 2 bytes each instead of an array slot's 8, for the millions
 * of counts a large site holds.
 */
export interface TermCounts {
  terms: string[];
  counts: Uint16Array;
}

/** An article's term counts for the two uses that segment its text. */
export interface ArticleTerms {
  /** Every word of two or more characters (not numbers or stop words) in title and body, for related articles. */
  words: TermCounts;
  /** Keyword candidates (content nouns, two-noun compounds, park names whole), title words counted 3 times, for computed keywords. */
  keywords: TermCounts;
}

/** What terms are counted from: an article's headline, markdown body and zone names. */
export interface TermSource {
  title: string;
  body: string;
  parks: readonly string[];
}

/** Words in the headline say more about the story than the same words in the body (keywords only). */
export const TITLE_WEIGHT = 3;

/** Markdown markup is never part of a word (related words are cut from the text without it). */
export const MARKUP = /[#>*_`[\]()!|-]/g;

/**
 * The markup characters jieba counts as word characters (its blocks are runs of Han, Latin letters,
 * digits and `+#&._%-`): only they change how the text around them is cut. The others split blocks
 * anyway, into one-character tokens that are never terms, with or without the markup removed.
 */
const MARKUP_IN_WORDS = /[#_-]/;

/**
 * A word worth indexing for related articles: two or more characters, a CJK word or a Latin word,
 * not a number. Every part of speech counts (verbs tell stories apart as well as nouns do).
 */
export function isRelatedTerm(token: string): boolean {
  if (token.length < 2 || RELATED_STOP_WORDS.has(token)) return false;
  if (/\p{Script=Han}/u.test(token)) return !/[\d０-９]/u.test(token);
  return /^[A-Za-z][A-Za-z-]{2,}$/.test(token);
}

type Tally = Map<string, number>;

const add = (tally: Tally, term: string, n: number): void => {
  tally.set(term, (tally.get(term) ?? 0) + n);
};

/** Non-overlapping occurrences of any of `forms` (longest first) in `text`. */
function mentions(text: string, forms: string[]): number {
  const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return text.match(new RegExp(escaped.join('|'), 'gu'))?.length ?? 0;
}

/**
 * One jieba cut of `text`: its keyword candidates (× keywordWeight) into `keywords`, from the text as
 * written (`dt-300` is one term), and its words into `words`, as cut from the text without markup. The
 * two cuts are the same unless the text has `#`, `_` or `-`, whose blocks are then cut again.
 */
function tallyText(text: string, keywordWeight: number, words: Tally, keywords: Tally): void {
  const { cut, tagAt } = cutAndTag(text);
  for (const word of MARKUP_IN_WORDS.test(text) ? withoutMarkup(text, cut) : cut) {
    if (word.length < 2) continue; // never a term, trimmed or not
    const t = word.trim();
    if (isRelatedTerm(t)) add(words, t, 1);
  }
  eachKeywordTerm(cut, tagAt, (t) => add(keywords, t, keywordWeight));
}

/**
 * jieba's blocks (jieba-rs's RE_HAN_DEFAULT): runs of Han, Latin letters, digits and `+#&._%-`, each
 * segmented on its own; what lies between is cut one character (or line break) at a time.
 */
const JIEBA_BLOCK =
  /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2a6df}\u{2a700}-\u{2b73f}\u{2b740}-\u{2b81f}\u{2b820}-\u{2ceaf}\u{2ceb0}-\u{2ebef}\u{2f800}-\u{2fa1f}a-zA-Z0-9+#&._%-]+/gu;

/**
 * The words of two or more characters jieba cuts of `text` with its markup replaced by spaces, from
 * its cut as written (`cut`): only the blocks holding `#`, `_` or `-` are cut again, since blocks are
 * segmented independently and the other markup characters are never in one (they stay as they are,
 * one-character words). The whole text is cut again should a block not start and end on a word of `cut`.
 */
export function withoutMarkup(text: string, cut: readonly string[]): string[] {
  const out: string[] = [];
  let k = 0;
  let at = 0;
  for (const m of text.matchAll(JIEBA_BLOCK)) {
    if (!MARKUP_IN_WORDS.test(m[0])) continue;
    for (; at < m.index && k < cut.length; k++) {
      out.push(cut[k]!);
      at += cut[k]!.length;
    }
    if (at !== m.index) return jieba().cut(text.replace(MARKUP, ' '), true);
    for (const end = m.index + m[0].length; at < end && k < cut.length; k++) at += cut[k]!.length;
    if (at !== m.index + m[0].length) return jieba().cut(text.replace(MARKUP, ' '), true);
    out.push(...jieba().cut(m[0].replace(MARKUP, ' '), true));
  }
  for (; k < cut.length; k++) out.push(cut[k]!);
  return out;
}

/**
 * Texts shorter than this (headlines, the boilerplate sentences the corpus step subtracts) are tagged
 * by jieba's own tag(): the main thread, which segments only those, never loads the tag table.
 */
const SHORT_TEXT = 200;

/** The text's words (jieba's cut) and their tags as keyword terms read them (termTag), by index. */
function cutAndTag(text: string): { cut: string[]; tagAt: (i: number) => string } {
  if (text.length < SHORT_TEXT) {
    const tagged = jieba().tag(text, true);
    return { cut: tagged.map((t) => t.word), tagAt: (i) => (tagged[i]!.word.length < 2 ? '' : tagged[i]!.tag) };
  }
  const cut = jieba().cut(text, true);
  return { cut, tagAt: (i) => termTag(cut[i]!) };
}

/** Park names counted whole in every form they are written in (jieba cuts 镇江/高新区 in two). */
function tallyParks(text: string, parks: readonly string[], keywords: Tally): void {
  for (const park of parks) {
    const n = mentions(text, zoneForms(park));
    if (n > 0) add(keywords, park, n);
  }
}

/** In order of first occurrence (deterministic: the same text gives the same arrays); zero counts left out. */
function toCounts(tally: Tally): TermCounts {
  const terms: string[] = [];
  for (const [t, n] of tally) if (n > 0) terms.push(t);
  const counts = new Uint16Array(terms.length);
  let k = 0;
  for (const n of tally.values()) if (n > 0) counts[k++] = Math.min(n, 0xffff);
  return { terms, counts };
}

/** Term counts as a term -> count map. */
export function toTally(counts: TermCounts): Map<string, number> {
  return new Map(counts.terms.map((t, i) => [t, counts.counts[i]!]));
}

/**
 * The article's term counts from one segmentation of its title and body: what corpus keywords and
 * related both read, so jieba runs over each body once, in the per-file stage.
 */
export function articleTerms(article: TermSource): ArticleTerms {
  const words: Tally = new Map();
  const keywords: Tally = new Map();
  tallyText(article.title, TITLE_WEIGHT, words, keywords);
  tallyText(article.body, 1, words, keywords);
  tallyParks(article.title, article.parks, keywords);
  tallyParks(article.body, article.parks, keywords);
  return { words: toCounts(words), keywords: toCounts(keywords) };
}

/** Term counts of body text alone (e.g. one sentence), as articleTerms counts them. */
export function textTerms(text: string, parks: readonly string[]): ArticleTerms {
  return articleTerms({ title: '', body: text, parks });
}

/**
 * `terms` less the terms of text taken out of the body (boilerplate sentences, few per article),
 * instead of segmenting the whole remaining body again. Counts never go below zero.
 */
export function subtractTerms(terms: ArticleTerms, removed: readonly ArticleTerms[]): ArticleTerms {
  const less = (have: TermCounts, pick: (r: ArticleTerms) => TermCounts): TermCounts => {
    const tally = toTally(have);
    for (const r of removed) {
      const gone = pick(r);
      gone.terms.forEach((t, i) => {
        if (tally.has(t)) tally.set(t, Math.max(0, tally.get(t)! - gone.counts[i]!));
      });
    }
    return toCounts(tally);
  };
  return { words: less(terms.words, (r) => r.words), keywords: less(terms.keywords, (r) => r.keywords) };
}
