// Reading time, counted the CJK way: characters, not space-separated words.
import { charLength } from './chars.js';
import { plainText } from './markdown.js';

/** Runs of Han, kana and hangul characters: each character is read as a unit. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
/** Runs of Latin letters or digits: each is read as one word. */
const LATIN_WORD = /[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*/g;

/** Characters a Chinese reader reads per minute (a common, conservative figure for news text). */
const CJK_CHARS_PER_MINUTE = 400;
const LATIN_WORDS_PER_MINUTE = 200;

/** CJK characters and Latin words of `text`, counted run by run (never a string per character). */
export function readingUnits(text: string): { cjk: number; latin: number } {
  let cjk = 0;
  for (const [run] of text.matchAll(CJK_RUN)) cjk += charLength(run);
  return { cjk, latin: text.replace(CJK_RUN, ' ').match(LATIN_WORD)?.length ?? 0 };
}

/** Whole minutes of reading, at least 1. */
export function readingMinutes(text: string): number {
  const { cjk, latin } = readingUnits(text);
  return Math.max(1, Math.round(cjk / CJK_CHARS_PER_MINUTE + latin / LATIN_WORDS_PER_MINUTE));
}

/** Reading time of a markdown body, counted on its plain text. */
export function bodyMinutes(body: string): number {
  return readingMinutes(plainText(body));
}
