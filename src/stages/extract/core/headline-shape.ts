// The shape of a headline: what a line must look like to be taken for one (the title rule then
// weighs the evidence for each such line).

import { charLength, hanCount } from '../../../text/chars.js';
import { isListItem, isTableRow, isTitleLike } from './text.js';
import { isHeaderCredit } from './bylines.js';
import type { Line } from './state.js';

/**
 * A column or source label in brackets opens a headline whatever its ending or mix of scripts:
 * `【生意经】为披萨而活 Gino Pizza Napoletana`, `【某某投顾】大盘利空已反应殆尽。`
 */
const LABELLED = /^[【[][^】\]]{1,12}[】\]]\s*\S/u;
/** `标题_站点名`, `标题 | 频道 | 站点名`, `标题 - 站点名`: a page title with the site's name after a separator. */
const SITE_SUFFIX = /^(?<head>.+?)\s*(?:_|\s[|｜]\s|\s[-–—]\s)\s*(?<tail>[^_|｜]{1,24}(?:\s*(?:_|\s[|｜]\s|\s[-–—]\s)\s*[^_|｜]{1,24})*)$/u;
/** The last word of a site's or channel's name. */
const SITE_WORD = /(?:网|报|台|社|新闻|日报|晚报|时报|在线|频道|门户|政府|官网|中心|平台|客户端|\.com|\.cn|\.net|\.org|COM|CN)$/iu;
/** A short value after a colon (…：不适用, …：NA): a form's field, not a headline's second half. */
const SHORT_VALUE = /[：:]\s*\S{0,4}$/u;
/** A subtitle: `——热烈祝贺大会开幕` under the headline. */
export const SUBTITLE = /^(?:——|--|－－)/u;
/** A note of the original headline (原标题：…), a link home (…首页), a form's row of fields (申报人：… 申报时间：…). */
const NOT_HEADLINE = /^(?:本文)?原(?:标)?题\s*[:：为]|首页$|[:：].*\s\S{1,6}[:：]/u;
/** A web address: a line with one is a site's name or a link, not a headline. */
const URL = /(?:https?:\/\/|www\.)|\.(?:com|cn|net|org)\b/iu;

/**
 * Headline-shaped: short, not closed like a sentence (no 。), mostly Chinese; or led by a 【label】;
 * or a long official headline whose first 60 characters read as one.
 */
export function isHeadline(text: string): boolean {
  if (/。/u.test(text) && !LABELLED.test(text)) return false;
  // A headline cut short by the page (…他只提了一个要求…) is still one; so is a short one of figures (1985年, 5G时代).
  return (
    isTitleLike(text.replace(/…+$/u, '')) ||
    /^(?=.*\p{Script=Han})[\p{Script=Han}A-Za-z0-9]{4,8}$/u.test(text) ||
    (LABELLED.test(text) && charLength(text) <= 60) ||
    (charLength(text) > 60 && charLength(text) <= 90 && isTitleLike(shortened(text)))
  );
}

/** The first 60 characters, so a long (official) headline is judged by the same shape test. */
function shortened(text: string): string {
  return [...text].slice(0, 60).join('');
}

/** A headline with the site's name after a separator is cut before it (`标题_某某网` -> `标题`). */
export function withoutSiteName(text: string): string {
  const m = SITE_SUFFIX.exec(text);
  if (!m) return text;
  const parts = m.groups!.tail!.split(/\s*(?:_|\s[|｜]\s|\s[-–—]\s)\s*/u);
  return SITE_WORD.test(parts.at(-1)!.trim()) && isTitleLike(m.groups!.head!) ? m.groups!.head! : text;
}

/** Brackets opened and closed in a line match: a fragment of a wrapped line (…代理人）：发言人) does not. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if ('（(【[《“「'.includes(ch)) depth++;
    else if ('）)】]》”」'.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

/** A line the title rule weighs: a headline-shaped body line that is none of the other kinds of short line. */
export function isCandidate(line: Line): boolean {
  const t = line.text;
  if (line.role !== 'body' || line.template || !isHeadline(t) || hanCount(t) < 1) return false;
  // Other short lines: a list entry, a byline, a subtitle, a link, an original-headline note, a
  // sentence with commas, a menu row of bars, a wrapped line's fragment, a form's field, a table row.
  return (
    !isListItem(t) &&
    !isHeaderCredit(t) &&
    !SUBTITLE.test(t) &&
    !URL.test(t) &&
    !NOT_HEADLINE.test(t) &&
    !(charLength(t) > 40 && /，/u.test(t)) &&
    t.split(/\s*[|｜丨]\s*/u).length < 3 &&
    balanced(t) &&
    !SHORT_VALUE.test(t) &&
    !isTableRow(t)
  );
}
