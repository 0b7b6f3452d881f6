// Shape tests on single lines of normalized (simplified, full-width) Chinese text.
import { charLength, hanCount, hasHan } from '../../../text/chars.js';

/** Characters that end a sentence or clause: a line ending in one is prose, not a heading. */
const CLOSING = /[。！？；：，、…,.!?;:]$/u;
const CLOSING_BEFORE_QUOTE = /[。！？…!?][”’」』"]$/u;

/** Ends like a sentence (。！？ … possibly inside closing quotes). */
export function endsSentence(s: string): boolean {
  return CLOSING.test(s) || CLOSING_BEFORE_QUOTE.test(s);
}

/**
 * A short line without closing punctuation that is mostly Chinese: the shape of titles and
 * subheadings (and of link-list items, which the trailer rules remove first).
 */
export function isHeadingLike(s: string, maxChars = 40): boolean {
  const n = charLength(s);
  if (n < 4 || n > maxChars) return false;
  if (endsSentence(s)) return false;
  if (/^[-*·•]\s/u.test(s)) return false;
  // Mostly Chinese, though headlines mix in Latin names and figures (P&G, CEO, 750).
  return hanCount(s) >= charLength(s.replace(/\s/gu, '')) / 3;
}

/**
 * A list item as scraped link lists render them (`- title`, `· title`). Numbered lines are left
 * out: filings and announcements number their own paragraphs (1.事实发生日：…).
 */
export function isListItem(s: string): boolean {
  return /^(?:[-*·•▪►]|\d{1,2}\s*·)\s*\S/u.test(s) && charLength(s) <= 60;
}

/** A numbered item: 1. …, 1、…, （1）…, 一、…: a section of the page's own text or a field of its form. */
export function isNumbered(s: string): boolean {
  return /^\s*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/u.test(s);
}

/** Strips surrounding full-width or ASCII brackets: （记者 张三） -> 记者 张三. */
export function unbracket(s: string): string | null {
  const m = /^[（(【[]\s*(.*?)\s*[）)】\]]$/u.exec(s);
  return m ? m[1]! : null;
}

/** Splits a list of names or terms written with spaces, 、，,；; or / between them. */
export function splitList(s: string): string[] {
  return s
    .split(/[\s、，,；;/|]+/u)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** A headline: heading-shaped up to 60 characters; it may carry ！ or ？ at the end, but not 。. */
export function isTitleLike(s: string): boolean {
  // A numbered line (1.事实发生日：…, （一）…) is an item of a form or list, not a headline.
  if (isNumbered(s)) return false;
  return isHeadingLike(s.replace(/[！？!?]+$/u, ''), 60);
}

/** Marks inside running text: a line with one of them is written in sentences. */
const SENTENCE_MARKS = /[。！？；，、：]/u;

/**
 * Running text, the stuff of an article: a line with a full stop, a line ending like a sentence, or
 * a long line written with commas. Menus, link lists, bylines and headlines are none of these.
 */
export function isProse(s: string): boolean {
  const n = charLength(s);
  if (n < 6 || !hasHan(s, 4)) return false;
  if (/。/u.test(s) && n >= 6) return true;
  if (endsSentence(s) && !/[：:…]$/u.test(s) && n >= 8) return true;
  return n >= 40 && SENTENCE_MARKS.test(s);
}

/** The pairs of adjacent Han characters in `s` (the unit of word overlap between a headline and a paragraph). */
export function hanBigrams(s: string): Set<string> {
  const grams = new Set<string>();
  const han = [...s].filter((c) => /\p{Script=Han}/u.test(c));
  for (let i = 0; i + 1 < han.length; i++) grams.add(han[i]! + han[i + 1]!);
  return grams;
}

/** A row of a table laid out with spaces (营业收入      269,558仟元      620,703仟元): cells apart by wide gaps. */
export function isTableRow(s: string): boolean {
  return (s.match(/\S\s{3,}(?=\S)/gu) ?? []).length >= 2;
}
