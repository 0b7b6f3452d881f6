import type { TaggedWord } from '@node-rs/jieba';
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
