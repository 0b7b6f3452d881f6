import { bodyLines, mark, type Dateline, type ExtractRule, type Line } from '../core/state.js';
import { findDates, formatDate } from '../core/dates.js';
import { namesOnly } from '../core/names.js';
import { isNumbered, splitList } from '../core/text.js';
import { charLength } from '../../../text/chars.js';

const DATE_LABELS = [
  '发布时间',
  '发布日期',
  '发表时间',
  '发表日期',
  '发稿时间',
  '出版时间',
  '出版日期',
  '刊登时间',
  '刊发时间',
  '上线时间',
  '录入时间',
  '添加时间',
  '建立时间',
  '创建时间',
  '更新时间',
  '更新日期',
  '最后更新',
  '最新更新',
  '上传时间',
  '发布于',
  '发表于',
  '发布',
  '时间',
  '日期',
];
/** Date labels that may name an event's time as well (会议 时间：…), not only the page's. */
const PLAIN_DATE_LABELS = ['时间', '日期'];
const SOURCE_LABELS = ['文章来源', '信息来源', '新闻来源', '稿件来源', '内容来源', '来源于', '来源', '稿源', '出处'];
const AUTHOR_LABELS = ['作者', '记者', '撰文', '发布人', '发布者'];
const EDITOR_LABELS = ['责任编辑', '责编', '编辑'];
const COUNT_LABELS = [
  '阅读量',
  '阅读数',
  '阅读次数',
  '阅读',
  '浏览次数',
  '浏览量',
  '浏览',
  '点击数',
  '点击量',
  '点击次数',
  '点击',
  '人气',
  '访问量',
  '访问统计',
  '评论',
];
/** Labels whose value says nothing this rule keeps (来自北京 is a place, 来自: 网络 no outlet; the section). */
const IGNORED_LABELS = ['来自', '所属分类', '所属栏目', '分类', '栏目'];

/** Labels that end many other words (生效日期, 会议时间): a label only when no Han character is glued before. */
const SUFFIX_LABELS = ['时间', '日期', '发布', '阅读', '浏览', '点击', '评论'];

const LABEL_LIST = [...DATE_LABELS, ...SOURCE_LABELS, ...AUTHOR_LABELS, ...EDITOR_LABELS, ...COUNT_LABELS, ...IGNORED_LABELS].sort(
  (a, b) => b.length - a.length,
);
/** `label：` anywhere; a label without its colon only at the start of a segment (发表于2019-03-14, 来源某某网). */
const FIELD = new RegExp(
  `(?:(?<label>${LABEL_LIST.filter((l) => !SUFFIX_LABELS.includes(l)).join('|')}|(?<![\\p{Script=Han}])(?:${SUFFIX_LABELS.join('|')}))\\s*[:：]\\s*|(?<=^|[\\s|｜丨\\]】]|\\u0000)(?<bare>${LABEL_LIST.join('|')})(?=\\s*\\S))`,
  'gu',
);
/** A line that is nothing but a label (its value is on the next line: `来源：` / `山西日报`). */
const BARE_LABEL = new RegExp(`^(?:${LABEL_LIST.join('|')})\\s*[:：]$`, 'u');

/** Separators between the fields of a dateline. */
const SEPARATOR = /[\s|｜丨@·•,，/／\\[\]【】()（）<>《》:：\u0000-]+/u;
/** Tokens a dateline carries besides its fields: counters, weekdays, 原创, times of day, zones. */
const FILLER =
  /^(?:\d+(?:次|人|条|篇)?(?:阅读|浏览|评论|参与|点击)?|(?:阅读|浏览|评论|点击|人气|收藏|分享|赞)\d*|星期[一二三四五六日天]|周[一二三四五六日]|原创|转载|整理|独家|来源|次|(?:北京|香港|台北|东京|京港台)时间|[AaPp][Mm]|上午|下午)$/u;
/** Widget words: a token with one of them is a control (点此收藏本文), not a name. */
const WIDGET = /点击|收藏|分享|打印|评论|阅读|关注|订阅|下载|登录|注册|举报|返回|关闭|字体|字号/u;
/** A bare name beside the date: an outlet, a department or a person (某某中学 2016-04-12, 某某网 2020-06-18 10:20). */
const NAME = /^(?:\p{Script=Han}[\p{Script=Han}A-Za-z0-9·._-]{0,7}|[A-Za-z][A-Za-z0-9·._-]{0,15})$/u;
/** `由小海张贴`, `记者王小明／台北报导`: a poster or reporter named inside the line. */
const POSTED_BY = /由\s*(?<name>[^\s@]{1,12}?)\s*(?:张贴|发表|发布)/u;
const REPORTER = /记者\s*(?<name>\p{Script=Han}{2,4}?)\s*[／/]\s*\p{Script=Han}{1,10}?(?:报导|报道)/u;
/** A dispatch tag such as `花莲县12日电` next to the date: where the story was filed, not a name. */
const DISPATCH = /^\p{Script=Han}{1,8}?\d{1,2}日电$/u;

/** Page widgets a scraper glues after a value: `国际在线 参与互动（0）` (an ideographic space between), `新华网 【字体：大 中 小】`. */
const WIDGET_TAIL = /\s*(?:参与互动|我要评论|发表评论|评论|分享到?|收藏|打印|字[号体]|[【[]).*$|\s*[（(]\d+[）)]$/u;

/** A source value without the widgets after it. */
export function withoutWidgets(value: string): string {
  return value.replace(WIDGET_TAIL, '').trim();
}

/** Part of a date (至5月20日, 3月): the line holds a span or a second date, not a name. */
const DATE_PART = /\d\s*[年月日]/u;
/** A word ending like a field's label (生效日期, 会议时间) is no name. */
const LABEL_WORD = /(?:日期|时间|来源|作者|编辑|地点)$/u;

const has = (list: readonly string[], label: string): boolean => list.includes(label);

/** The text with `[from, to)` blanked out (NUL, so the positions of everything else stay put). */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + '\u0000'.repeat(to - from) + text.slice(to);
}

/** A value's end: the next label, a wide gap or a bar. */
function valueEnd(text: string, start: number, next: number): number {
  const rest = text.slice(start, next);
  const stop = /\s{2,}|[|｜丨\u0000]|\s(?=[【[])/u.exec(rest);
  return stop ? start + stop.index : next;
}

function assign(parsed: Dateline, label: string, value: string): boolean {
  const clean = value.replace(/[\s\u0000】\]）)；;，,|-]+$/u, '').replace(/^[\s\u0000【[（(]+/u, '');
  if (has(DATE_LABELS, label)) return clean === '' || FILLER.test(clean);
  if (has(IGNORED_LABELS, label)) return charLength(clean) <= 12;
  if (has(COUNT_LABELS, label)) {
    const count = /^(\d[\d,]*)\s*(?:次|人)?$/u.exec(clean);
    if (count) parsed.views ??= Number(count[1]!.replace(/,/gu, ''));
    return count !== null || clean === '';
  }
  if (clean === '') return true;
  if (has(SOURCE_LABELS, label)) {
    const source = withoutWidgets(clean);
    if (charLength(source) > 30 || /[。！？；]/u.test(source)) return false;
    if (source) parsed.source ??= source;
    return true;
  }
  const names = splitList(clean);
  if (names.length === 0 || names.some((n) => charLength(n) > 12)) return false;
  if (has(EDITOR_LABELS, label)) parsed.editors = [...(parsed.editors ?? []), ...names];
  else parsed.authors = [...(parsed.authors ?? []), ...names];
  return true;
}

/** Names left beside the date once fields and fillers are gone: a person is an author, anything else the source. */
function assignNames(parsed: Dateline, rest: string): boolean {
  const tokens = rest.split(SEPARATOR).filter((t) => t.length > 0 && !FILLER.test(t) && !WIDGET.test(t) && !DISPATCH.test(t));
  if (tokens.length > 2 || !tokens.every((t) => NAME.test(t) && !LABEL_WORD.test(t) && !DATE_PART.test(t))) return false;
  for (const token of tokens) {
    if (namesOnly(token)) parsed.authors = [...(parsed.authors ?? []), token];
    else parsed.source ??= token;
  }
  return true;
}

/** Nothing but separators and fillers left. */
function emptyRest(rest: string): boolean {
  return rest.split(SEPARATOR).every((t) => t.length === 0 || FILLER.test(t));
}

/** Takes `由X张贴` and `记者X／Y报导` out of the line, recording X as an author. */
function takePosters(parsed: Dateline, text: string): string {
  let rest = text;
  for (const re of [POSTED_BY, REPORTER]) {
    const m = re.exec(rest);
    if (!m) continue;
    parsed.authors = [...(parsed.authors ?? []), m.groups!.name!];
    rest = blank(rest, m.index, m.index + m[0].length);
  }
  return rest;
}

/**
 * Parses a line made only of dateline fields: a date in any common shape, `label：value` fields
 * (来源, 作者, 阅读 …, glued or spaced), counters, and at most two bare names beside the date
 * (`某某中学 2016-04-12`, `原创 江南晚报 2020-06-18 16:20:05`). Null when anything else is on the line.
 */
export function parseDateline(text: string): Dateline | null {
  // A wide gap lays out a table's columns (项目      108年9月30日), not a dateline's fields.
  if (charLength(text) > 120 || /[。！？]/u.test(text) || isNumbered(text) || /\s{6,}/u.test(text)) return null;
  const parsed: Dateline = {};
  let rest = text;
  const dates = findDates(text);
  if (dates[0]) parsed.date = formatDate(dates[0].parts);
  for (const d of dates) rest = blank(rest, d.index, d.index + d.length);
  rest = takePosters(parsed, rest);
  const labels = [...rest.matchAll(FIELD)];
  if (dates.length === 0 && labels.length === 0 && parsed.authors === undefined) return null;
  // A name right before 发表于 is the poster (someone 发表于 2006-3-8).
  const posted = /(?<name>[\p{Script=Han}A-Za-z0-9_.-]{2,16})\s*发表于/u.exec(rest);
  if (posted && !labels.some((l) => l.index < posted.index + posted.groups!.name!.length && l.index >= posted.index)) {
    parsed.authors = [posted.groups!.name!];
    rest = blank(rest, posted.index, posted.index + posted.groups!.name!.length);
  }
  let masked = rest;
  for (let i = 0; i < labels.length; i++) {
    const m = labels[i]!;
    const label = (m.groups!.label ?? m.groups!.bare)!;
    // A label without its colon reads as one only beside a date or before a Latin or digit value
    // (来源某某网, 发表于2019-03-14): 信息来源于某处 is a sentence.
    if (m.groups!.bare && dates.length === 0 && /^\p{Script=Han}/u.test(rest.slice(m.index + m[0].length))) return null;
    const start = m.index + m[0].length;
    const end = valueEnd(rest, start, labels[i + 1]?.index ?? rest.length);
    if (!assign(parsed, label, rest.slice(start, end))) return null;
    masked = blank(masked, m.index, end);
  }
  // Bare names count only beside a date (某某中学 2016-04-12); without one they are just words.
  if (dates.length > 0 ? !assignNames(parsed, masked) : !emptyRest(masked)) return null;
  // A line of editors only is a credit (credits reads it); a counter needs its colon to stand alone.
  const plain = labels.map((l) => (l.groups!.label ?? l.groups!.bare)!);
  if (
    parsed.date !== undefined &&
    plain.length > 0 &&
    plain.every((l) => has(PLAIN_DATE_LABELS, l)) &&
    parsed.source === undefined &&
    parsed.authors === undefined
  )
    parsed.eventLike = true;
  const stated =
    parsed.date !== undefined ||
    parsed.source !== undefined ||
    parsed.authors !== undefined ||
    (parsed.views !== undefined && labels.some((l) => l.groups!.label !== undefined));
  return stated ? parsed : null;
}

/**
 * A short line led by a dateline label whose value no shape here reads (`发布时间：05-06 09:30`): still
 * the dateline. Not a bare 时间：/日期： (a notice's `时间：每天上午9:00至12:00` is its text).
 */
const LABELLED_LINE = new RegExp(
  `^(?:${[...DATE_LABELS.filter((l) => !PLAIN_DATE_LABELS.includes(l)), ...SOURCE_LABELS, ...AUTHOR_LABELS, ...COUNT_LABELS].join('|')})\\s*[:：]`,
  'u',
);
const LABELLED_MAX = 40;

/** `来源：` alone on a line, its value on the next (`来源：` / `山西日报`): the two read as one dateline. */
function labelAndValue(line: Line, next: Line | undefined): Dateline | null {
  if (!next || !BARE_LABEL.test(line.text) || BARE_LABEL.test(next.text) || charLength(next.text) > 40) return null;
  return parseDateline(`${line.text}${next.text}`);
}

/**
 * Datelines: date, source, authors and views stated on one line or on a label line and its value.
 * Each is taken out of the body and recorded; `page-date` later picks the one that is the article's.
 */
export const dateline: ExtractRule = {
  name: 'dateline',
  description:
    'lines of date/source/author/views fields (any date shape, labels glued or on their own line) are recorded and leave the body',
  run(state) {
    const lines = bodyLines(state);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // The value under another label (1.原公告日期： / 108/05/09) belongs to that label's form.
      if (i > 0 && /[：:]$/u.test(lines[i - 1]!.text) && !BARE_LABEL.test(lines[i - 1]!.text)) continue;
      const pair = labelAndValue(line, lines[i + 1]);
      const parsed =
        pair ?? parseDateline(line.text) ?? (LABELLED_LINE.test(line.text) && charLength(line.text) <= LABELLED_MAX ? {} : null);
      if (!parsed) continue;
      const taken = pair ? [line, lines[i + 1]!] : [line];
      for (const l of taken) mark(l, 'meta', this.name);
      state.datelines.push({ lines: taken, parsed });
      if (pair) i++;
    }
  },
};
