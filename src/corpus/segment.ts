import type { TaggedWord } from '@node-rs/jieba';
import { jieba } from '../segment/jieba.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Parts of speech that can name what a story is about: nouns, place and person names, organisations,
 * other proper nouns, verbal nouns (建设, 招商), idioms/abbreviations, and Latin words (5G, AI).
 */
const CONTENT_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'vn', 'l', 'j', 'eng']);
/** Tags of the two halves of a compound term (产业+集群, 项目+建设): nouns and verbal nouns. */
const COMPOUND_TAGS = new Set(['n', 'nz', 'vn']);

const isHan = (w: string): boolean => /^\p{Script=Han}+$/u.test(w);

function isTerm(word: string, tag: string): boolean {
  if (!CONTENT_TAGS.has(tag) || STOP_WORDS.has(word)) return false;
  const len = [...word].length;
  return tag === 'eng' ? len >= 2 && !/^\d+$/u.test(word) : len >= 2 && isHan(word);
}

/** Tags of the words met so far (a word's tag depends on the word alone); '' while unknown. */
const tags = new Map<string, string>();

/**
 * Exactly what jieba's `tag(text, true)` gives, several times cheaper: `tag` builds an object per
 * word across the native boundary, so the text is `cut` and each distinct word tagged once per
 * thread (by tagging it alone). The few dictionary words that jieba keeps whole only in context
 * (its HMM joined them: 台北市长 -> 北市) make this text fall back to `tag`, which teaches their tags.
 */
export function tagCut(text: string): TaggedWord[] {
  const words = jieba().cut(text, true);
  const tagged = words.map((word) => ({ word, tag: tags.get(word) ?? tagAlone(word) }));
  if (!tagged.some((t) => t.tag === '')) return tagged;
  const full = jieba().tag(text, true);
  for (const { word, tag } of full) tags.set(word, tag);
  return full;
}

/** The word's tag from tagging it alone; '' when only its context can tell (a dictionary word jieba splits when alone). */
function tagAlone(word: string): string {
  const alone = jieba().tag(word, true);
  let tag: string;
  if (alone.length === 1 && alone[0]!.word === word) tag = alone[0]!.tag;
  else tag = jieba().cutAll(word).includes(word) ? '' : guessTag(word);
  tags.set(word, tag);
  return tag;
}

/** jieba's tag for a word outside its dictionary (one its HMM joined): by its Latin letters and digits. */
function guessTag(word: string): string {
  let alnum = 0;
  let digits = 0;
  for (const ch of word) {
    if (/[A-Za-z0-9]/.test(ch)) alnum++;
    if (/[0-9]/.test(ch)) digits++;
  }
  return alnum === 0 ? 'x' : alnum === digits ? 'm' : 'eng';
}

/**
 * Candidate keyword terms of a tagged text, in order, with repeats (term frequency matters): content
 * words, and compounds of two adjacent two-character nouns, which editors' keywords often are
 * (项目建设, 产业集群) while jieba cuts them in two. TF-IDF then decides whether the compound or its
 * parts count.
 */
export function keywordTerms(tagged: readonly TaggedWord[]): string[] {
  const out: string[] = [];
  tagged.forEach(({ word, tag }, i) => {
    if (isTerm(word, tag)) out.push(word);
    const next = tagged[i + 1];
    if (!next || !COMPOUND_TAGS.has(tag) || !COMPOUND_TAGS.has(next.tag)) return;
    const compound = word + next.word;
    if ([...word].length === 2 && [...next.word].length === 2 && isHan(compound) && !STOP_WORDS.has(compound)) out.push(compound);
  });
  return out;
}
