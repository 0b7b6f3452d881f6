import { bodyLines, mark, type ExtractRule, type ExtractState, type Line } from '../core/state.js';
import { endsSentence, isHeadingLike, isListItem, isNumbered } from '../core/text.js';
import { charLength } from '../../../text/chars.js';

/** Headings sites put above lists of links to other stories. */
const LIST_HEADING =
  /^[【[]?\s*(?:您可能也感兴趣|你可能也感兴趣|您可能感兴趣|猜你喜欢|为您推荐|为你推荐|推荐阅读|延伸阅读|相关阅读|相关新闻|相关文章|相关链接|今日热点|热点新闻|热门文章|热门推荐|排行|排行榜|点击排行|热门排行|阅读排行|最近更新|最新更新|最新文章|最新新闻|最新资讯|今日要闻|要闻|热点推荐|图片新闻|精彩推荐|更多|更多新闻|上一篇|下一篇|阅读排行|评论排行|相关评论|网友评论|发表评论|最新评论|热门评论|精彩评论|全部评论|评论区|我要评论|网友留言|读者评论|相关信息|相关专题|相关推荐|热门排行|作者最新文章|相关搜索|热门搜索|推荐新闻|新闻推荐|相关报道|你可能会喜欢|你可能喜欢|猜你喜欢|大家都在看|看了又看)榜?\s*[】\]]?\s*(?:[(（]?\d+\s*条?[)）]?)?\s*(?:[:：].*)?(?:更多\s*>*)?$/u;

/** One entry of a link list: a list item or a short headline-like line (headlines may end in ！ or ？). */
function isLinkLike(text: string): boolean {
  if (isListItem(text)) return true;
  // A numbered line is an item of the page's own (a filing's 1.事实发生日：…), not a link; nor is a
  // field with a number (自杀防治专线：0800-788995).
  if (isNumbered(text) || /[：:]\s*[\d(（+]/u.test(text)) return false;
  if (charLength(text) > 50 || /[。；;：:，,]$/u.test(text)) return false;
  return isHeadingLike(text.replace(/[！？!?…]+$/u, ''), 50) || /^更多\s*>*$/u.test(text);
}

/** 上一篇/下一篇 head one link (the neighbouring story), not a list. */
const NEIGHBOUR = /^[【[]?\s*(?:上一篇|下一篇)/u;

/**
 * Marks the lines from `start` while they look like link-list entries and follow each other on the
 * page: a dateline, a breadcrumb or a headline between ends the run (the page's own header is no list).
 */
function markRun(state: ExtractState, at: Map<Line, number>, lines: Line[], start: number, limit: number, rule: string): number {
  let i = start;
  while (i < lines.length && i - start < limit && (isLinkLike(lines[i]!.text) || LIST_HEADING.test(lines[i]!.text))) {
    if (i > 0 && !adjacent(state, at.get(lines[i - 1]!)!, at.get(lines[i]!)!)) break;
    mark(lines[i]!, 'furniture', rule);
    i++;
  }
  return i;
}

/** Nothing but furniture stands between two lines on the page. */
function adjacent(state: ExtractState, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (state.lines[i]!.role !== 'furniture') return false;
  return true;
}

/** Runs of at least `min` consecutive list items (`- headline`), whatever heads them. */
function markListRuns(lines: Line[], min: number, rule: string): void {
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && isListItem(lines[j]!.text)) j++;
    if (j - i >= min) for (let k = i; k < j; k++) mark(lines[k]!, 'furniture', rule);
    i = Math.max(j, i + 1);
  }
}

/**
 * Link lists (您可能也感兴趣, 排行, 最近更新, 上一篇 ...): the heading and the run of headline-shaped
 * lines under it; also runs of three or more list items (`- headline`) without a heading.
 */
export const linkLists: ExtractRule = {
  name: 'link-lists',
  description:
    'a link-list heading (相关新闻, 排行, 上一篇 …) and the headline-shaped lines under it, and runs of `- item` lines, leave the body',
  run(state) {
    const lines = bodyLines(state);
    const at = new Map(state.lines.map((l, i) => [l, i]));
    for (let i = 0; i < lines.length; i++) {
      if (!LIST_HEADING.test(lines[i]!.text)) continue;
      mark(lines[i]!, 'furniture', this.name);
      const inline = /[:：]\s*\S/u.test(lines[i]!.text);
      const limit = NEIGHBOUR.test(lines[i]!.text) ? (inline ? 0 : 1) : Infinity;
      i = markRun(state, at, lines, i + 1, limit, this.name) - 1;
    }
    markListRuns(bodyLines(state), 3, this.name);
  },
};

/**
 * A run of three or more headline-shaped lines closing the page is a link list even without a
 * heading (recognised by shape alone). Runs after `credits`, so a closing byline is not counted.
 */
export const trailingLinks: ExtractRule = {
  name: 'trailing-links',
  description: 'a run of three or more headline-shaped lines closing the page, after prose, leaves the body',
  run(state) {
    const remaining = bodyLines(state);
    let tail = remaining.length;
    while (tail > 0 && isLinkLike(remaining[tail - 1]!.text)) tail--;
    // Only after prose: a page of short lines (a filing, a table) is content, not a link list.
    const prose = remaining.slice(0, tail).some((l) => endsSentence(l.text));
    if (prose && remaining.length - tail >= 3) for (const l of remaining.slice(tail)) mark(l, 'furniture', this.name);
  },
};
