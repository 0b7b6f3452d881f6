import { setField, type ExtractRule, type ExtractState } from '../state.js';
import { formatDate, validDate, type DateParts } from '../dates.js';

/** A date something starts or ends on (2009年1月1日起, …实施, …前) is not when the story was written. */
const EVENT = '\\s*(?:起|前|以前|之前|开始|实施|施行|生效|到期|截止|止)';
const EVENT_DATE = new RegExp(`(?:19|20)\\d{2}年\\d{1,2}月\\d{1,2}日(?=${EVENT})`, 'gu');
const FULL = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/gu;
const MONTH_DAY = new RegExp(`(?<!年|\\d)(\\d{1,2})月(\\d{1,2})日(?!${EVENT})`, 'gu');
/** A year the story is set in; not a target (到2025年, 至2035年), a span (2017—2022年) or a starting point (2011年11月以来). */
const YEAR = /(?<![到至—–~\-\d])((?:19|20)\d{2})年(?!底前|前|以前|以后|后|(?:\d{1,2}月)?(?:以来|来))/gu;

function key(p: DateParts): number {
  return p.y * 10000 + p.mo * 100 + p.d;
}

function articleText(state: ExtractState): string {
  return state.lines.filter((l) => l.role === 'body' || l.role === 'heading' || l.role === 'note' || l.role === 'title').map((l) => l.text).join('\n');
}

/**
 * The date a page that states none was written, from its text: the latest full date, or a later
 * month-day (11月21日) in the latest year the text establishes (2021年度, 2021年). Never the file time.
 */
export function inferDate(text: string): string | null {
  const story = text.replace(EVENT_DATE, '');
  const full: DateParts[] = [...story.matchAll(FULL)].map((m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]! })).filter(validDate);
  const years = [...story.matchAll(YEAR)].map((m) => +m[1]!);
  const year = years.length > 0 ? Math.max(...years) : undefined;
  const partial: DateParts[] = year === undefined ? [] :
    [...story.matchAll(MONTH_DAY)].map((m) => ({ y: year, mo: +m[1]!, d: +m[2]! })).filter(validDate);
  const best = [...full, ...partial].sort((a, b) => key(b) - key(a))[0];
  return best ? formatDate(best) : null;
}

/** Date when the page gives none: inferred from the text and marked `inferred`. */
export const inferredDate: ExtractRule = {
  name: 'inferred-date',
  description: 'a date inferred from the text when the page states none',
  run(state) {
    if (state.fields.date !== undefined) return;
    const date = inferDate(articleText(state));
    if (date) setField(state, 'date', date, 'inferred');
  },
};
