// Whether a computed keyword is worth showing as a site-wide topic (the home page's 热门关键词).
import { charLength } from './chars.js';
import { jiebaFile } from './dictionaries.js';

/**
 * jieba's general IDF below which a dictionary word is ordinary Chinese (事实 6.3, 变动 6.5, 姓名 7.16, 董事会
 * 6.7, 股价 5.7) rather than a topic (芯片 9.0, 关税 7.6, 疫情 8.1): it is common in any text.
 */
export const ORDINARY_IDF = 7.25;

/** Names of people, places, organisations and other proper nouns: topics however common. */
const PROPER_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz']);

/** A filler an editor or a form leaves for a missing value: xx, XXX, ○○, 某某, ？？. */
export function isPlaceholder(word: string): boolean {
  return /^(?:([A-Za-z])\1+|[○〇□＊*?？某]+)$/u.test(word);
}

/** What jieba's general tables say of a word: its IDF and its dictionary tag (null: not there). */
export interface GeneralWord {
  idf: number | null;
  tag: string | null;
}

const known = new Map<string, GeneralWord>();

/** `value` of each `word` of a jieba table whose rows are `word … value`, for the words in `wanted`. */
function lookUp(file: 'dict.txt' | 'idf.txt', wanted: ReadonlySet<string>, set: (word: string, value: string) => void): void {
  for (const row of new TextDecoder().decode(jiebaFile(file)).split('\n')) {
    const word = row.slice(0, row.indexOf(' '));
    if (word !== '' && wanted.has(word)) set(word, row.slice(row.lastIndexOf(' ') + 1).trim());
  }
}

/**
 * jieba's general IDF and tag of each word, read by one pass over each table for the words not
 * asked before; only those are kept (a few hundred), never the whole tables (hundreds of
 * thousands of strings) beside the build.
 */
export function generalWords(words: Iterable<string>): Map<string, GeneralWord> {
  const all = [...words];
  const wanted = new Set(all.filter((w) => !known.has(w)));
  if (wanted.size > 0) {
    for (const w of wanted) known.set(w, { idf: null, tag: null });
    lookUp('idf.txt', wanted, (w, v) => (known.get(w)!.idf = Number(v)));
    lookUp('dict.txt', wanted, (w, v) => (known.get(w)!.tag = v));
  }
  return new Map(all.map((w) => [w, known.get(w)!]));
}

/**
 * Whether a computed keyword names a topic: two characters or more, no placeholder, and either a
 * proper noun, a word jieba's general table does not know (a compound such as 人员变动, a name),
 * or one rare enough in general text (general IDF at least ORDINARY_IDF). `general` from generalWords.
 */
export function isTopicKeyword(word: string, general: GeneralWord): boolean {
  if (charLength(word) < 2 || isPlaceholder(word)) return false;
  if ((general.tag !== null && PROPER_TAGS.has(general.tag)) || general.idf === null) return true;
  return general.idf >= ORDINARY_IDF;
}
