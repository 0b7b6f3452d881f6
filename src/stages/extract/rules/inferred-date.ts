import { setField, type ExtractRule, type ExtractState } from '../core/state.js';
import { formatDate, validDate, type DateParts } from '../core/dates.js';

// A wrong date is worse than none: a page is dated from its text only when the text says which
// day it was written (an edition line, a dispatch with its full date, 今天（3月20日）), or, for an
// article file (its headline on the first line: no page around it), when the story's latest event
// falls in the year the text calls its own.

const Y = '((?:19|20)\\d{2})';
const MD = '(\\d{1,2})月(\\d{1,2})日';

/** A print edition: `（2021年06月08日 03版）`, `2022年2月13日第3版`. */
const EDITION = new RegExp(`${Y}年${MD}\\s*(?:第\\s*\\d{1,2}\\s*版|[A-Z]?\\d{1,2}\\s*版)`, 'u');
/** A dispatch with its full date: `新华社北京2022年2月13日电`, `本报讯（2022年3月1日讯）`. */
const DISPATCH = new RegExp(`(?:社|网|台|报)\\p{Script=Han}{0,8}?${Y}年${MD}(?:电|讯)`, 'u');
/** A dispatch with its month and day: `新华社北京3月20日电`, `江南网5月8日讯`, `某某网9月30日消息`. */
const DISPATCH_DAY = new RegExp(`(?:社|网|台|报|之家)\\p{Script=Han}{0,8}?${MD}(?:电|讯|消息)`, 'u');
/** The text names today: `今天（9月23日）`, `9月23日（今天）`, `今天是9月23日`, with or without its year. */
const TODAY: readonly RegExp[] = [
  new RegExp(`(?:今天|今日)\\s*[（(]\\s*(?:${Y}年)?${MD}\\s*[）)]`, 'u'),
  new RegExp(`(?:${Y}年)?${MD}\\s*[（(]\\s*(?:今天|今日)\\s*[）)]`, 'u'),
  new RegExp(`(?:今天|今日)是\\s*(?:${Y}年)?${MD}`, 'u'),
];

/**
 * A year the text may call its own: `2021年，`, `2021年度`, `2021年全区…`; not part of a full date,
 * a span, a start (以来) or a founding (1974年创刊).
 */
const BARE_YEAR =
  /(?<![到至—–~\-\d])((?:19|20)\d{2})年(?!\d{1,2}月)(?!底前|前|以前|以后|后|以来|来|代|间|创刊|创办|成立|出生|生人|建成|始建|建立|开业|问世)/gu;
/** The text speaks of its present year: 今年, 本年度, 年内. */
const THIS_YEAR = /今年|本年度|年内/u;
/** Words that make a year a target or a plan rather than the story's present. */
const FUTURE = /(?:预计|计划|力争|争取|目标|将于|将在|到|至|展望)\s*$/u;
/** A story event opening its sentence: `11月21日，…`, `2月26日下午，…`. */
const EVENT = new RegExp(`(?:^|[。！？\\n])\\s*${MD}(?:上午|下午|晚上|晚间|早上|凌晨|中午|傍晚|晚)?[，,]`, 'gu');

function parts(y: number, mo: number, d: number): DateParts | null {
  const p = { y, mo, d };
  return validDate(p) ? p : null;
}

/**
 * The text's own year: the one bare year it names, targets aside (到2035年, 预计2026年); null when it
 * names none, or several (a text weighing 2024 against 2030 does not say which is its own).
 */
export function currentYear(text: string): number | null {
  const years = new Set<number>();
  for (const m of text.matchAll(BARE_YEAR)) {
    if (!FUTURE.test(text.slice(Math.max(0, m.index - 6), m.index))) years.add(+m[1]!);
  }
  return years.size === 1 ? [...years][0]! : null;
}

/** The day the text says it was written (edition, dispatch with its date, today named); null otherwise. */
export function statedDay(text: string): DateParts | null {
  for (const re of [EDITION, DISPATCH]) {
    const m = re.exec(text);
    if (m) return parts(+m[1]!, +m[2]!, +m[3]!);
  }
  const dispatch = DISPATCH_DAY.exec(text);
  const year = currentYear(text);
  if (dispatch && year !== null) return parts(year, +dispatch[1]!, +dispatch[2]!);
  for (const re of TODAY) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = m.slice(1).filter((g) => g !== undefined);
    const year = mo === undefined ? null : y !== undefined && d !== undefined ? +y : currentYear(text);
    const [month, day] = d === undefined ? [y, mo] : [mo, d];
    if (year !== null) return parts(year, +month!, +day!);
  }
  return null;
}

/**
 * The latest event opening a sentence (11月21日，…) in the text's own year: the text speaks of its
 * present year (今年) and names it (the latest bare year); null without both.
 */
export function latestEvent(text: string): DateParts | null {
  const year = THIS_YEAR.test(text) ? currentYear(text) : null;
  if (year === null) return null;
  let best: DateParts | null = null;
  for (const m of text.matchAll(EVENT)) {
    const p = parts(year, +m[1]!, +m[2]!);
    if (p && (!best || p.mo * 100 + p.d > best.mo * 100 + best.d)) best = p;
  }
  return best;
}

/**
 * The date a page that states none was written, from its text: the day it names (edition line,
 * dispatch with its date or its day, today named); for an article file, else the latest event of
 * its own year.
 */
export function inferDate(text: string, articleFile: boolean): string | null {
  const day = statedDay(text) ?? (articleFile ? latestEvent(text) : null);
  return day ? formatDate(day) : null;
}

function articleText(state: ExtractState): string {
  return state.lines
    .filter((l) => l.role === 'body' || l.role === 'heading' || l.role === 'note' || l.role === 'title')
    .map((l) => l.text)
    .join('\n');
}

/** An article file: its headline is the first line (a page dump has the site's chrome above it). */
function isArticleFile(state: ExtractState): boolean {
  return state.lines[0]?.role === 'title';
}

/** Date when the page gives none: inferred from the text (see inferDate) and marked `inferred`. */
export const inferredDate: ExtractRule = {
  name: 'inferred-date',
  description:
    'a page without a dateline is dated from its text only when it names its day, or (an article file) by its latest event in its own year',
  run(state) {
    if (state.fields.date !== undefined) return;
    const date = inferDate(articleText(state), isArticleFile(state));
    if (date) setField(state, 'date', date, 'inferred');
  },
};
