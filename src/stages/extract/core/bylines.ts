// Header bylines: the lines under a headline that name who wrote the story and for which outlet.

import { namesOnly } from './names.js';
import { charLength } from '../../../text/chars.js';

/** The name of a news outlet or a site: ends in 报, 网, 社, 台, 新闻, 日报, 客户端 … (新华社, 中国青年报, 人民网). */
export const OUTLET = /^[\p{Script=Han}A-Za-z·-]{1,8}(?:报|网|社|台|新闻|日报|晚报|时报|周刊|杂志|频道|客户端|新闻网|电视台|广播电台)$/u;
/** `记者 张三`, `本报记者 张三 李四`, `文/张三`, `作者：张三`: the label of a byline. */
const BYLINE = /^(?:本报|本台|本网)?(?:实习生|特约记者|见习记者|记者|通讯员|作者|文|撰文|执笔)\s*[:：/／]?\s*/u;
/** `江南新闻记者 王小明`: an outlet's name before 记者. */
const OUTLET_REPORTER = /^\p{Script=Han}{0,8}?(?:记者|实习生|通讯员)\s*/u;

/** The people a header line names: `张三`, `张三 李四`, `记者 张三`, `本报实习生 张三 李四`; null otherwise. */
export function headerNames(text: string): string[] | null {
  return namesOnly(text.replace(BYLINE, '').replace(OUTLET_REPORTER, ''));
}

/** `王小明/江南晚报`: a reporter and the outlet on one line; null otherwise. */
export function authorAndOutlet(text: string): [string[], string] | null {
  const m = /^(?<who>[^/／]{2,12})\s*[/／]\s*(?<outlet>[^/／]{2,16})$/u.exec(text);
  if (!m) return null;
  const names = namesOnly(m.groups!.who!);
  return names && OUTLET.test(m.groups!.outlet!) ? [names, m.groups!.outlet!] : null;
}

/** Verbs of page widgets (关注新华网, 下载某某客户端): a line with one is a control, not an outlet's name. */
const WIDGET = /关注|订阅|下载|分享|收藏|点击|打开|登录|注册|扫码|播报|返回/u;

/** An outlet's name alone on a line (新华社, 中国青年报). */
export function isOutletName(text: string): boolean {
  return charLength(text) <= 16 && OUTLET.test(text) && !WIDGET.test(text);
}

/** `地方中心／综合报导`, `执笔/某某、某某`, `文/某某`: a desk's or writers' credit, whatever the names. */
const DESK = /^\p{Script=Han}{2,8}\s*[／/]\s*(?:综合)?(?:报导|报道)$|^(?:记者|作者|文|撰文|执笔|编译|整理)\s*[:：/／]\s*\S/u;

/** A line of the header that credits people or an outlet rather than saying anything. */
export function isHeaderCredit(text: string): boolean {
  return headerNames(text) !== null || authorAndOutlet(text) !== null || isOutletName(text) || DESK.test(text);
}
