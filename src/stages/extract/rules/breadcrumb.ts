import { bodyLines, mark, setField, type ExtractRule } from '../core/state.js';
import { charLength } from '../../../text/chars.js';

const LABEL = /^(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|你的位置|你所在的位置|现在位置|所在位置|位置)\s*[:：]\s*/u;
const SEPARATOR = /\s*(?:->|-->|>>|>|＞|›|»|→|\/|\\|[|｜丨])\s*/u;
const HOME = /^(?:首页|主页|网站首页|返回首页)$/u;
/** Crumbs naming the page itself, not its section. */
const SELF = /^(?:正文|内容|详情|正文内容|阅读|文章|文章详情|新闻详情|详细内容|详情页|内容页|正文页)$/u;

/** A location label and crumbs apart by spaces only. */
const SPACED =
  /^(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|你的位置|你所在的位置|现在位置|所在位置)\s+([^>›»→/|｜:：]+)$/u;
/** An arrow between crumbs: two crumbs are a trail only with one, ending on the page itself (新闻 > 正文). */
const ARROW = /->|>|＞|›|»|→/u;
/** A crumb: a section's short name, no sentence or list in it (`C#/.NET, C++/CLI 培训/咨询` is a menu, not a trail). */
const CRUMB = /^(?=.*[\p{Script=Han}A-Za-z])[^。，！？；：:,]{1,10}$/u;

/**
 * Parses `当前位置: 首页 -> 财经` / `首页 > 新闻中心 > 园区动态`, and without 首页 a trail of three
 * short section names (`资讯 > 社会 > 正文`, `新闻 / 社会 / 焦点`) or `新闻 > 正文`; null otherwise.
 */
export function parseBreadcrumb(text: string): string[] | null {
  const spaced = SPACED.exec(text);
  if (spaced) {
    // `您所在的位置 首页 园区频道 本地新闻`: the label without its colon, the crumbs apart by spaces.
    const crumbs = spaced[1]!.split(/\s+/u);
    return crumbs.length >= 2 && HOME.test(crumbs[0]!) && crumbs.every((c) => CRUMB.test(c)) ? crumbs : null;
  }
  const labelled = LABEL.test(text);
  const crumbs = text
    .replace(LABEL, '')
    .split(SEPARATOR)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  if (crumbs.some((c) => charLength(c) > 20)) return null;
  if (labelled || (crumbs.length >= 2 && HOME.test(crumbs[0]!))) return crumbs;
  // Without a label or 首页, bars separate the entries of a menu (关于我们 | 联系我们), not crumbs.
  if (/[|｜丨]/u.test(text)) return null;
  const trail =
    crumbs.every((c) => CRUMB.test(c)) && (crumbs.length >= 3 || (crumbs.length === 2 && ARROW.test(text) && SELF.test(crumbs[1]!)));
  return trail ? crumbs : null;
}

/** `当前位置：` alone on its line, the crumbs on the next. */
const LABEL_ONLY = /^(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|你的位置|你所在的位置|现在位置|所在位置|位置)\s*[:：]$/u;
/** A line continuing a trail split over lines: `首页` / `> 财经`. */
const CONTINUED = /^\s*(?:->|>>|>|＞|›|»|→)\s*\S/u;

/** Breadcrumbs: removed from the body (also split over lines); the last crumb before the headline is the category. */
export const breadcrumb: ExtractRule = {
  name: 'breadcrumb',
  description: 'breadcrumb lines (当前位置：首页 > …, 首页 > A > B, A > B > 正文) leave the body; the last crumb is the category',
  run(state) {
    const lines = bodyLines(state);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const next = lines[i + 1];
      const split = LABEL_ONLY.test(line.text) && next !== undefined;
      const text = split ? `${line.text}${next.text}` : line.text;
      const crumbs = parseBreadcrumb(text) ?? (CONTINUED.test(text) ? continued(text) : null);
      if (!crumbs) continue;
      mark(line, 'meta', this.name);
      if (split) mark(lines[++i]!, 'meta', this.name);
      const category = sectionOf(crumbs);
      if (category) setField(state, 'category', category);
    }
  },
};

/** The section a trail names: its last crumb that is neither 首页 nor the page itself (正文, 文章详情). */
export function sectionOf(crumbs: readonly string[]): string | undefined {
  return crumbs
    .map((c) => c.trim())
    .filter((c) => c !== '' && !HOME.test(c) && !SELF.test(c))
    .at(-1);
}

/** The crumbs of a continuation line (`> 财经 > 正文`), when every one is a short name. */
function continued(text: string): string[] | null {
  const crumbs = text
    .split(SEPARATOR)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  return crumbs.length > 0 && crumbs.every((c) => CRUMB.test(c)) ? crumbs : null;
}
