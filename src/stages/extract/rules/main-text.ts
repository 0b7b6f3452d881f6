import { mark, type ExtractRule, type ExtractState, type Line } from '../core/state.js';
import { isNumbered, isProse, isTableRow } from '../core/text.js';
import { isClosingCredit } from './credits.js';
import { namesOnly } from '../core/names.js';
import { isFramed } from './site-template.js';
import { isHeaderCredit } from '../core/bylines.js';
import { charLength } from '../../../text/chars.js';

/** A line ending in a colon: a label whose value follows. */
const LABEL_END = /[：:]$/u;
/** What a short line of the page's own is worth when the site's template is known (see site-template). */
const OWN_LINE = 1;
/** What a short line (menu entry, link, widget, label) costs the article around it. */
const SHORT = 12;
/** What a line costs that closes an article on most pages (link-list heading, 关键词, 责任编辑, footer). */
const CLOSING = 80;
/** What page chrome inside the article costs (a share button, a font-size control). */
const CHROME = 4;

/** Rules whose lines come after an article, not inside it. */
const CLOSERS = new Set(['link-lists', 'footer', 'disclaimer', 'keywords-line', 'breadcrumb', 'comments']);
/** 责任编辑/责编/编辑 lines close an article (credits reads them later). */
const EDITOR_LINE = /^[【[(（]?\s*(?:责任编辑|责编|编辑|主编|审核|校对)\s*[:：]/u;
/** An end mark: `- THE END -`, `——完——`, `（全文完）`. */
const END_MARK = /^[\s\-—=～~*（(【[]*(?:THE\s+END|END|全文完|完)[\s\-—=～~*）)】\]]*$/iu;
/** Once the article has this much text, the first line that closes articles ends it: it does not resume after. */
const SETTLED = 120;
/** Lines that open the text under a headline: a section number (一、, 1., （一）) or a label ending in ：. */
const OPENER = /^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])|[：:]$/u;

/**
 * The article's first line: a paragraph, a numbered section or a line ending in ：; on a page whose
 * template is known, any line of its own (a table's first cell) that is not a byline.
 */
export function opensArticle(line: Line, templated: boolean): boolean {
  if (line.role === 'note') return true;
  if (line.role !== 'body') return false;
  if (templated) return !line.template && !isHeaderCredit(line.text);
  return isProse(line.text) || OPENER.test(line.text);
}

/**
 * `label：value` with words on both sides (事实发生日：2024/05/20, 地 点：D101), or a label whose value
 * follows on the next line (6.还款之：): a field of a form or table, data. Menus never have them.
 */
const FORM_FIELD = /^[^：:]{2,20}[：:]\s*\S{2,}|^\S.+[：:]$/u;

/**
 * A line's worth to the article around it: running text counts its length, a form field, a
 * numbered item or a table row half of it (filings and notices are made of them; menus never are), everything
 * else costs.
 */
export function lineWeight(line: Line, templated: boolean, previous?: Line): number {
  const n = charLength(line.text);
  // The value under a label (6.还款之： / 无): data of a form, like the label.
  if (line.role === 'body' && !line.template && previous?.role === 'body' && LABEL_END.test(previous.text) && !isProse(line.text)) {
    return Math.max(OWN_LINE, n / 2);
  }
  if (line.role === 'note') return n;
  if (isCloser(line) || (templated && line.template && line.role !== 'body')) return -CLOSING;
  // On a page framed by the template, a template line between the page's own is neutral (recurring content or inline chrome).
  if (templated && line.template && line.role === 'body') return 0;
  // On a framed page the template is the chrome: a short widget line of its own (a table's row number) costs little.
  if (line.role !== 'body') return templated ? -OWN_LINE : -CHROME;
  if (isProse(line.text)) return n;
  // With the template known, a short line of the page's own is its text (a table cell).
  if (templated) return OWN_LINE;
  return FORM_FIELD.test(line.text) || isNumbered(line.text) || isTableRow(line.text) ? n / 2 : -SHORT;
}

/** A line that closes articles: a link-list heading, 关键词, 责任编辑, an end mark, comment chrome, the footer. */
export function isCloser(line: Line): boolean {
  if (line.role === 'body') return EDITOR_LINE.test(line.text) || END_MARK.test(line.text);
  return CLOSERS.has(line.by ?? '');
}

/**
 * The end of the article that starts at `first`: the line where the running sum of line weights is
 * highest (基于行块分布: text is dense, menus, link lists and comments are runs of short lines). Once
 * the article is SETTLED, the first closer ends the search: a feed of stories with their summaries
 * or a long comment thread after it must not pass for more of the article.
 */
export function articleEnd(lines: readonly Line[], first: number, templated: boolean): number {
  let sum = 0;
  let best = -Infinity;
  let end = first;
  let text = 0;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    if (text >= SETTLED && isCloser(line)) break;
    sum += lineWeight(line, templated, lines[i - 1]);
    if ((line.role === 'body' || line.role === 'note') && isProse(line.text)) text += charLength(line.text);
    if (sum > best) {
      best = sum;
      end = i;
    }
  }
  return end;
}

/** How far after a headline's one-line summary its dateline may still come (the header goes on). */
const LATE_HEADER = 12;

/**
 * A one-line summary or picture caption under the headline, then the dated dateline: the header
 * goes on past the summary, and the article starts after the dateline (标题 / 一句话摘要。 / 字号 /
 * 2018年9月16日). A byline without a date there leaves the caption to the article.
 */
function pastLateHeader(state: ExtractState, first: number, templated: boolean): number {
  const lines = state.lines;
  const dated = new Set(state.datelines.filter((c) => c.parsed.date !== undefined).flatMap((c) => c.lines));
  for (let i = first + 1, seen = 0; i < lines.length && seen < LATE_HEADER; i++) {
    const line = lines[i]!;
    if (dated.has(line)) {
      const next = lines.findIndex((l, j) => j > i && opensArticle(l, templated));
      return next < 0 ? first : next;
    }
    if (line.role === 'body' && isProse(line.text)) return first;
    if (line.role !== 'furniture') seen++;
  }
  return first;
}

/** Without a headline, this many body lines right above the text stay with it. */
const KEPT_ABOVE = 2;

/** The first line of the article moved up over the body lines right above it (KEPT_ABOVE at most). */
function keptAbove(lines: readonly Line[], first: number): number {
  let start = first;
  while (start > 0 && first - start < KEPT_ABOVE && lines[start - 1]!.role === 'body') start--;
  return start;
}

/** An editors' label whose names are on the next line (责任编辑： / 张三). */
const EDITOR_LABEL_ONLY = /^[【[(（]?\s*(?:责任编辑|责编|编辑)\s*[:：]\s*$/u;

/** How many lines after the text may hold its credits (a byline, 关键词, 责编). */
const CREDITS_WINDOW = 4;

/** The article's end moved past the bylines, editors' credits and （完） that close it (credits reads them). */
function withClosingCredits(lines: readonly Line[], last: number): number {
  let end = last;
  for (let i = last + 1; i < lines.length && i <= last + CREDITS_WINDOW; i++) {
    const line = lines[i]!;
    if (line.role === 'body' && isClosingCredit(line.text)) end = i;
    else if (line.role === 'body' && i === end + 1 && EDITOR_LABEL_ONLY.test(lines[end]!.text) && namesOnly(line.text)) end = i;
    else if (line.role === 'body') break;
  }
  return end;
}

/**
 * Main text by shape: the article starts at the first paragraph (or numbered section) under the
 * headline and ends where the text stops outweighing what follows it; body lines before the headline
 * (menus, banners) and after the end (link lists, comments, footers) are furniture. An editor's note
 * above the headline stays. The lines between headline and article are left to `header-block`.
 */
export const mainText: ExtractRule = {
  name: 'main-text',
  description:
    'the article is the dense run of text under the headline; menus above it and lists, comments and footers after it leave the body',
  run(state) {
    const lines = state.lines;
    const templated = isFramed(lines);
    const head = lines.findIndex((l) => l.role === 'title');
    let first = lines.findIndex((l, i) => i > head && opensArticle(l, templated));
    if (first < 0) first = lines.length;
    else first = pastLateHeader(state, first, templated);
    let last = first < lines.length ? articleEnd(lines, first, templated) : lines.length - 1;
    last = withClosingCredits(lines, last);
    state.article = { first, last };
    lines.forEach((line, i) => {
      if (line.role === 'body' && (i < head || i > last)) mark(line, 'furniture', this.name);
      else if (line.role === 'note' && i > last) mark(line, 'furniture', this.name);
    });
    // No headline found: the lines right above the text may be it, in a shape the title rule did not
    // take (WeWork决定撤回IPO); they stay for the stand-in title.
    if (head < 0) state.article.first = keptAbove(lines, first);
  },
};
