import { addToList, bodyLines, mark, setField, type ExtractRule, type ExtractState } from '../core/state.js';
import { findDate, formatDate } from '../core/dates.js';
import { splitList } from '../core/text.js';
import { charLength } from '../../../text/chars.js';

/** `label：value` fields a dateline carries; the value runs to the next label or a wide gap. */
const FIELD = /(?<label>发布时间|发稿时间|更新时间|时间|日期|文章来源|信息来源|新闻来源|来源|稿源|出处|作者|记者|发布人|发布者|阅读量|阅读数|阅读|浏览次数|浏览量|浏览|点击数|点击量|点击|访问量)\s*[:：]\s*/gu;

const DATE_LABELS = new Set(['发布时间', '发稿时间', '更新时间', '时间', '日期']);
const SOURCE_LABELS = new Set(['文章来源', '信息来源', '新闻来源', '来源', '稿源', '出处']);
const AUTHOR_LABELS = new Set(['作者', '记者', '发布人', '发布者']);

interface Parsed { date?: string; source?: string; authors?: string[]; views?: number }

/**
 * Parses a line made only of dateline fields (`2021-01-27 11:32:00  来源:中国江苏网`,
 * `时间:2024-03-20 18:44 来源:新华网 阅读量:6911`); null when anything else is on the line.
 */
export function parseDateline(text: string): Parsed | null {
  const labels = [...text.matchAll(FIELD)];
  const parsed: Parsed = {};
  let rest = text;
  // A bare date at the start of the line (no label) is the publication date.
  const leading = findDate(text);
  if (leading && leading.index === 0) {
    parsed.date = formatDate(leading.parts);
    rest = rest.slice(0, leading.index) + ' '.repeat(leading.length) + rest.slice(leading.index + leading.length);
  }
  for (let i = 0; i < labels.length; i++) {
    const m = labels[i]!;
    const start = m.index + m[0].length;
    const end = labels[i + 1]?.index ?? text.length;
    const value = text.slice(start, end).trim();
    const label = m.groups!.label!;
    if (!assign(parsed, label, value)) return null;
    rest = rest.slice(0, m.index) + ' '.repeat(end - m.index) + rest.slice(end);
  }
  if (parsed.date === undefined && labels.length === 0) return null;
  return /^[\s|｜丨/·•,，]*$/u.test(rest) ? parsed : null;
}

function assign(parsed: Parsed, label: string, value: string): boolean {
  if (DATE_LABELS.has(label)) {
    const found = findDate(value);
    if (!found || found.index !== 0) return false;
    parsed.date ??= formatDate(found.parts);
    return true;
  }
  if (SOURCE_LABELS.has(label)) {
    const source = value.split(/\s{2,}/u)[0]!.trim();
    if (!source || charLength(source) > 30) return false;
    parsed.source ??= source;
    return true;
  }
  if (AUTHOR_LABELS.has(label)) {
    const names = splitList(value);
    if (names.length === 0 || names.some((n) => charLength(n) > 12)) return false;
    parsed.authors = [...(parsed.authors ?? []), ...names];
    return true;
  }
  const views = /^(\d[\d,]*)\s*(?:次)?$/u.exec(value);
  if (!views) return false;
  parsed.views = Number(views[1]!.replace(/,/gu, ''));
  return true;
}

function apply(state: ExtractState, parsed: Parsed): void {
  if (parsed.date) setField(state, 'date', parsed.date);
  if (parsed.source) setField(state, 'source', parsed.source);
  if (parsed.views !== undefined) setField(state, 'views', parsed.views);
  if (parsed.authors) addToList(state, 'authors', parsed.authors);
}

/** Datelines: date, source, views and authors stated above (or below) the article, on one line or several. */
export const dateline: ExtractRule = {
  name: 'dateline',
  description: 'the page\'s date line (时间, 来源, 作者, 阅读量 on one line or several) becomes date, source, authors and views',
  run(state) {
    for (const line of bodyLines(state)) {
      if (charLength(line.text) > 120) continue;
      const parsed = parseDateline(line.text);
      if (!parsed) continue;
      mark(line, 'meta', this.name);
      apply(state, parsed);
    }
  },
};
