import { jiebaFile } from './dictionaries.js';
import { KEYWORD_STOP_WORDS } from './stopwords.js';
import { charLength } from './chars.js';
import { TagTable } from './tag-table.js';

/**
 * Parts of speech that can name what a story is about: nouns, place and person names, organisations,
 * other proper nouns, verbal nouns (建设, 招商), idioms/abbreviations, and Latin words (5G, AI).
 */
const CONTENT_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'vn', 'l', 'j', 'eng']);
/** Tags of the two halves of a compound term (产业+集群, 项目+建设): nouns and verbal nouns. */
const COMPOUND_TAGS = new Set(['n', 'nz', 'vn']);

const isHan = (w: string): boolean => /^\p{Script=Han}+$/u.test(w);

function isTerm(word: string, tag: string): boolean {
  if (!CONTENT_TAGS.has(tag) || KEYWORD_STOP_WORDS.has(word)) return false;
  const len = charLength(word);
  return tag === 'eng' ? len >= 2 && !/^\d+$/u.test(word) : len >= 2 && isHan(word);
}

/**
 * Whether `words[i]` is the tail of a number written with thousands separators, which jieba cuts
 * at the comma (`2,000ml` -> 2 / , / 000ml; `2,790MHz` -> 790MHz): three digits, then anything but
 * a digit, right after a comma that follows a digit. The fragment names no topic; model numbers
 * (`0050ETF`, `4000mAh`) do not follow `<digit>,` and stay.
 */
function isNumberTail(words: readonly string[], i: number): boolean {
  const comma = words[i - 1];
  return (comma === ',' || comma === '，') && /\d$/.test(words[i - 2] ?? '') && /^\d{3}(?!\d)/.test(words[i]!);
}

let dictionaryTags: TagTable | undefined;

/** Word -> part-of-speech tag for every word of jieba's dictionary (~350,000), made once per thread that tags long texts. */
function tagTable(): TagTable {
  dictionaryTags ??= TagTable.parse(new TextDecoder().decode(jiebaFile('dict.txt')));
  return dictionaryTags;
}

/**
 * jieba's tag for a word it cut, exactly as its `tag()` assigns it (checked word for word on the
 * bench corpus): the dictionary's tag, else by the word's ASCII letters and digits:
 * none `x`, digits only `m`, else `eng`. Cutting and looking tags up here is cheaper than `tag()`,
 * which builds an object per word across the native boundary.
 */
export function tagOf(word: string): string {
  const tag = tagTable().get(word);
  if (tag !== undefined) return tag;
  let alnum = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      alnum++;
      digits++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) alnum++;
  }
  return alnum === 0 ? 'x' : alnum === digits ? 'm' : 'eng';
}

/** The tag keyword terms read of a word: tagOf for two or more characters; '' for one character, never a term or a compound half. */
export function termTag(word: string): string {
  return word.length < 2 ? '' : tagOf(word);
}

/**
 * Candidate keyword terms of a cut text, each given to `emit` in order, with repeats (term frequency
 * matters): content words, and compounds of two adjacent two-character nouns, which editors'
 * keywords often are (项目建设, 产业集群) while jieba cuts them in two. TF-IDF then decides whether
 * the compound or its parts count. `tagAt(i)` is `words[i]`'s termTag, asked once per word, in order.
 */
export function eachKeywordTerm(words: readonly string[], tagAt: (i: number) => string, emit: (term: string) => void): void {
  let tag = words.length > 0 ? tagAt(0) : '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const nextTag = next === undefined ? '' : tagAt(i + 1);
    if (tag !== '' && isTerm(word, tag) && !isNumberTail(words, i)) emit(word);
    if (next !== undefined && COMPOUND_TAGS.has(tag) && COMPOUND_TAGS.has(nextTag) && isCompoundHalf(word) && isCompoundHalf(next)) {
      const compound = word + next;
      if (isHan(compound) && !KEYWORD_STOP_WORDS.has(compound)) emit(compound);
    }
    tag = nextTag;
  }
}

/** Two characters (a surrogate pair is one). */
const isCompoundHalf = (word: string): boolean => word.length <= 4 && charLength(word) === 2;
