import { bodyLines, mark, type ExtractRule, type Line } from '../core/state.js';
import { charLength } from '../../../text/chars.js';
import { endsSentence, isHeadingLike, isListItem } from '../core/text.js';

/** Headings sites put above lists of links to other stories. */
const LIST_HEADING = /^[【\[]?\s*(?:您可能也感兴趣|你可能也感兴趣|您可能感兴趣|猜你喜欢|为您推荐|为你推荐|推荐阅读|延伸阅读|相关阅读|相关新闻|相关文章|相关链接|今日热点|热点新闻|热门文章|热门推荐|排行|排行榜|点击排行|热门排行|阅读排行|最近更新|最新更新|最新文章|最新新闻|最新资讯|今日要闻|要闻|热点推荐|图片新闻|精彩推荐|更多|更多新闻|上一篇|下一篇)\s*[】\]]?\s*(?:[:：].*)?(?:更多\s*>*)?$/u;

/** One entry of a link list: a list item or a short headline-like line (headlines may end in ！ or ？). */
function isLinkLike(text: string): boolean {
  if (isListItem(text)) return true;
  if (charLength(text) > 50 || /[。；;：:，,]$/u.test(text)) return false;
  return isHeadingLike(text.replace(/[！？!?…]+$/u, ''), 50) || /^更多\s*>*$/u.test(text);
}

/** Marks the lines from `start` while they look like link-list entries. */
function markRun(lines: Line[], start: number, rule: string): number {
  let i = start;
  while (i < lines.length && (isLinkLike(lines[i]!.text) || LIST_HEADING.test(lines[i]!.text))) {
    mark(lines[i]!, 'furniture', rule);
    i++;
  }
  return i;
}

/** Runs of at least `min` consecutive list items (`- headline`), whatever heads them. */
function markListRuns(lines: Line[], min: number, rule: string): void {
  for (let i = 0; i < lines.length; ) {
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
  description: 'headed lists of other stories (相关新闻, 排行, 最近更新 …) and runs of - items leave the body',
  run(state) {
    const lines = bodyLines(state);
    for (let i = 0; i < lines.length; i++) {
      if (!LIST_HEADING.test(lines[i]!.text)) continue;
      mark(lines[i]!, 'furniture', this.name);
      i = markRun(lines, i + 1, this.name) - 1;
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
  description: 'a run of headline-shaped lines closing the page, after the prose, leaves the body',
  run(state) {
    const remaining = bodyLines(state);
    let tail = remaining.length;
    while (tail > 0 && isLinkLike(remaining[tail - 1]!.text)) tail--;
    // Only after prose: a page of short lines (a filing, a table) is content, not a link list.
    const prose = remaining.slice(0, tail).some((l) => endsSentence(l.text));
    if (prose && remaining.length - tail >= 3) for (const l of remaining.slice(tail)) mark(l, 'furniture', this.name);
  },
};
