// Shape tests on single lines of normalized (simplified, full-width) Chinese text.
import { charLength, hanCount } from '../../../text/chars.js';

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
  return /^[-*·•▪►]\s*\S/u.test(s) && charLength(s) <= 60;
}

/** Strips surrounding full-width or ASCII brackets: （记者 张三） -> 记者 张三. */
export function unbracket(s: string): string | null {
  const m = /^[（(【\[]\s*(.*?)\s*[）)】\]]$/u.exec(s);
  return m ? m[1]! : null;
}

/** Splits a list of names or terms written with spaces, 、，,；; or / between them. */
export function splitList(s: string): string[] {
  return s.split(/[\s、，,；;/|]+/u).map((x) => x.trim()).filter((x) => x.length > 0);
}

/** A headline: heading-shaped up to 60 characters; it may carry ！ or ？ at the end, but not 。. */
export function isTitleLike(s: string): boolean {
  // A numbered line (1.事实发生日：…, （一）…) is an item of a form or list, not a headline.
  if (/^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])/u.test(s)) return false;
  return isHeadingLike(s.replace(/[！？!?]+$/u, ''), 60);
}
