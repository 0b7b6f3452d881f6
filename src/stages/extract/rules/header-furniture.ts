import { bodyLines, mark, type ExtractRule, type Line } from '../core/state.js';
import { endsSentence, isProse } from '../core/text.js';
import { isFramed } from './site-template.js';
import { charLength } from '../../../text/chars.js';

/** Lines that are page chrome wherever they appear. */
const CHROME: readonly RegExp[] = [
  /^\S+\.(?:jpe?g|png|gif|webp|bmp)$/iu, // an image's file name left by the scraper
  /^(?:听新闻|朗读|语音播报|播放|暂停)$/u,
  /^\d{1,4}$/u, // stray counters (likes, comment counts, image indices)
  /^分享到[:：]?/u,
  /^(?:分享|分享至|转发到)\s*[:：]$/u,
  /^(?:您好|你好|欢迎您?)[，,！!]?.{0,20}(?:登录|注册|退出)/u, // login greetings
  /^(?:登录|登入|注册)(?:\s*[|｜/]\s*(?:登录|登入|注册))*$/u,
  /登[录入].{0,12}(?:立即|免费)?注册|^(?:立即|免费)注册/u,
  /^(?:扫一扫|扫码)/u,
  /^[^\p{L}\p{N}]+$/u, // lone symbols: ╳, ▲, ……
  /^(?:立即下载|下载APP|打开APP|下载客户端)$/iu,
  /^.{0,12}(?:APP|客户端).{0,12}$/iu, // 某某新闻APP看新闻抽好礼
  // share buttons, one platform a line: 微信 / 微博 / QQ空间 / Facebook / 复制链接
  /^(?:分享(?:到|至)?\s*[:：]?\s*)?(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|Qzone|微信好友|朋友圈|人人网?|豆瓣|空间|Facebook|Twitter|Line|Weibo|Google\+|Plurk|WhatsApp|Telegram|复制链接|复制连结|复制网址|分享|转发)$/iu,
  /^(?:用|以|透过|通过)?\s*(?:LINE|Line|微信|Facebook|FB|E-?mail|邮件)\s*(?:传送|分享|转寄|寄给朋友)$/u,
  /年满\s*\d{2}\s*岁|未满\s*\d{2}\s*岁|^(?:我同意|不同意|同意|取消|确定|确认|关闭)$/u, // an age gate's buttons
  /^(?:双击)?自动滚屏$|^(?:返回顶部|回到顶部|全屏阅读|退出全屏)$/u, // page controls
  /^(?:正在|努力)?(?:加载|读取|载入)(?:评论|中|更多)?[.。…]*$|^正在(?:加载|读取|载入).{0,8}$/u, // loading notices
  /按赞加入|加入.{0,12}(?:粉丝团|粉丝专页)|关注.{0,10}(?:公众号|官方微博|粉丝专页)|订阅.{0,8}(?:电子报|频道)/u, // follow-us prompts
  // counters and reactions: 评论(18), 37评论, 1200人参与35评论, 阅读 539, 赞 0, 收藏, 举报, 回复
  /^(?:\d+\s*人参与\s*)?\d*\s*(?:条)?(?:评论|跟帖|赞|点赞|收藏|转发|举报|回复|阅读|浏览|参与|推荐|喜欢|在看)\s*[(（]?\s*\d*\s*[)）]?$/u,
];

/** Vertical menus: at least this many one-word lines in a row (即时 / 热门 / 政治 / 社会 …). */
const MENU_RUN = 5;
const MENU_WORD = /^[\p{Script=Han}A-Za-z0-9]{1,4}$/u;

/** Page controls, alone or several on one line: 【字体：大 中 小】 打印本页 关闭窗口. */
const CONTROL =
  /[【[]?\s*(?:字[体號号级](?:设定|设置|大小)?\s*[:：]?\s*(?:(?:[大中小特]|超大|标准|[AＡ][+-]?)+(?:\s|$|(?=[】\]]))\s*)*|[大中小]字型|友善列印|列印|打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|收藏|纠错|复制链接|加入收藏)\s*[】\]]?/gu;

function isControls(text: string): boolean {
  return /^[\s|｜丨]*$/u.test(text.replace(CONTROL, ''));
}

/** A navigation menu: several short words separated by spaces or bars, no sentence. */
function isMenu(text: string): boolean {
  if (endsSentence(text)) return false;
  const items = text.split(/\s*[|｜丨]\s*|\s{1,}/u).filter((x) => x.length > 0);
  return items.length >= 5 && items.every((x) => charLength(x) <= 6 && /^\p{Script=Han}+$/u.test(x));
}

/** Chrome is short: a line of running text is never a button, however its words read. */
const CHROME_MAX = 40;

export function isChrome(line: Line): boolean {
  const short = charLength(line.text) <= CHROME_MAX && !isProse(line.text);
  return (short && CHROME.some((re) => re.test(line.text))) || isControls(line.text) || isMenu(line.text);
}

/** Header furniture: image file names, 听新闻, stray numbers and symbols, font-size and print controls, menus (one line or one word per line), greetings, app prompts. */
export const headerFurniture: ExtractRule = {
  name: 'header-furniture',
  description:
    'page chrome anywhere: image file names, 听新闻, stray numbers and symbols, font/print controls, share rows, greetings, app prompts, menus',
  run(state) {
    const lines = bodyLines(state);
    for (const line of lines) if (isChrome(line)) mark(line, 'furniture', this.name);
    // On a page framed by its site's template, menus are template; short lines of its own are a table.
    if (isFramed(state.lines)) return;
    for (let i = 0; i < lines.length;) {
      let j = i;
      while (j < lines.length && MENU_WORD.test(lines[j]!.text)) j++;
      if (j - i >= MENU_RUN) for (let k = i; k < j; k++) mark(lines[k]!, 'furniture', this.name);
      i = Math.max(j, i + 1);
    }
  },
};
