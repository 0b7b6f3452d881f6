import { bodyLines, mark, setField, type ExtractRule } from '../core/state.js';
import { charLength } from '../../../text/chars.js';

const LABEL = /^(?:当前位置|您的位置|您所在的位置|你的位置|你所在的位置|所在位置|位置)\s*[:：]\s*/u;
const SEPARATOR = /\s*(?:->|-->|>>|>|＞|›|»|→|\/|\\)\s*/u;
const HOME = /^(?:首页|主页|网站首页|返回首页)$/u;
/** Crumbs naming the page itself, not its section. */
const SELF = /^(?:正文|内容|详情|正文内容|阅读|文章)$/u;

/** Parses `当前位置: 首页 -> 财经` / `首页 > 新闻中心 > 园区动态`; null when the line is not a breadcrumb. */
export function parseBreadcrumb(text: string): string[] | null {
  const labelled = LABEL.test(text);
  const crumbs = text.replace(LABEL, '').split(SEPARATOR).map((c) => c.trim()).filter((c) => c.length > 0);
  if (!labelled && (crumbs.length < 2 || !HOME.test(crumbs[0]!))) return null;
  if (crumbs.some((c) => charLength(c) > 20)) return null;
  return crumbs;
}

/** Breadcrumbs: removed from the body; the last crumb before the headline is the category. */
export const breadcrumb: ExtractRule = {
  name: 'breadcrumb',
  description: 'a breadcrumb line (首页 > 新闻 > 财经) leaves the body; its last crumb is the category',
  run(state) {
    for (const line of bodyLines(state)) {
      const crumbs = parseBreadcrumb(line.text);
      if (!crumbs) continue;
      mark(line, 'meta', this.name);
      const category = crumbs.filter((c) => !HOME.test(c) && !SELF.test(c)).at(-1);
      if (category) setField(state, 'category', category);
    }
  },
};
