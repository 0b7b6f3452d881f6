import { jieba } from '../extract/jieba.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Parts of speech that can name what a story is about: nouns, place and person names, organisations,
 * other proper nouns, verbal nouns (建设, 招商), idioms/abbreviations, and Latin words (5G, AI).
 */
const CONTENT_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'vn', 'l', 'j', 'eng']);

/** Candidate keyword tokens of a text, in order, with repeats (term frequency matters). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const { word, tag } of jieba().tag(text, true)) {
    if (!CONTENT_TAGS.has(tag) || STOP_WORDS.has(word)) continue;
    const len = [...word].length;
    if (tag === 'eng' ? len < 2 || /^\d+$/u.test(word) : len < 2 || !/^\p{Script=Han}+$/u.test(word)) continue;
    out.push(word);
  }
  return out;
}
