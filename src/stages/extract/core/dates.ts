// Dates as Chinese pages write them, to ISO 8601 in China Standard Time (+08:00).
// Pure string arithmetic: no Date objects, so no dependence on the machine's time zone.

/** A time after a date (18:44, 18:44:05, 18时44分, ` - 13:48`), with AM/PM when a Western template wrote it. */
const TIME = String.raw`(?:\s*(?:[-–]\s*)?(?<h>\d{1,2})\s*[:：时]\s*(?<mi>\d{2})(?:\s*[:：分]\s*(?<s>\d{2}))?(?:\s*(?<ampm>[AaPp][Mm])(?![A-Za-z]))?)?`;

/** Matches one year-first date (and optional time) in the forms pages use; groups: y, mo, d, h, mi, s. */
export const DATE_PATTERN = new RegExp(
  String.raw`(?<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?<mo>\d{1,2})\s*(?:[-/.月])\s*(?<d>\d{1,2})(?!\d)\s*日?` + TIME,
  'u',
);

/**
 * Year-last dates of Western templates (07/03/2021, 9/21/2003 4:16:08 AM). Day first, as Hong Kong
 * and European pages write it; month first (the US order) only when the second number cannot be a month.
 */
const YEAR_LAST = new RegExp(String.raw`(?<![\d/])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>(?:19|20)\d{2})(?![\d/])` + TIME, 'u');

/** Republic of China (Minguo) years as Taiwan pages write them: 民國105年3月19日, 105年3月19日, 108/11/07. */
const MINGUO = new RegExp(
  String.raw`(?:(?:民国|民國)\s*(?<ry>\d{1,3})|(?<![\d/.])(?<ty>1[0-4]\d))\s*(?:年\s*(?<mo>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|/(?<smo>\d{1,2})/(?<sd>\d{1,2})(?![\d/]))` +
    TIME,
  'u',
);

/** Minguo year 1 is 1912. */
const MINGUO_OFFSET = 1911;

export interface DateParts {
  y: number;
  mo: number;
  d: number;
  h?: number;
  mi?: number;
  s?: number;
}

export function validDate({ y, mo, d, h, mi, s }: DateParts): boolean {
  if (y < 1900 || y > 2100) return false;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return false;
  if (h !== undefined && (h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59)) return false;
  return true;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2024-03-20T18:44:00+08:00`, or `2021-11-21` when no time is known. */
export function formatDate(p: DateParts): string {
  const day = `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
  if (p.h === undefined) return day;
  return `${day}T${pad(p.h)}:${pad(p.mi ?? 0)}:${pad(p.s ?? 0)}+08:00`;
}

export interface FoundDate {
  parts: DateParts;
  index: number;
  length: number;
}

type Groups = Record<string, string | undefined>;

/** Adds the time groups (with AM/PM turned into a 24-hour clock) to a day. */
function withTime(day: DateParts, g: Groups): DateParts {
  if (g.h === undefined) return day;
  let h = +g.h;
  const ampm = g.ampm?.toLowerCase();
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  const parts: DateParts = { ...day, h, mi: +g.mi! };
  if (g.s !== undefined) parts.s = +g.s;
  return parts;
}

function yearFirst(g: Groups): DateParts {
  return withTime({ y: +g.y!, mo: +g.mo!, d: +g.d! }, g);
}

function yearLast(g: Groups): DateParts {
  const a = +g.a!;
  const b = +g.b!;
  return withTime(b > 12 ? { y: +g.y!, mo: a, d: b } : { y: +g.y!, mo: b, d: a }, g);
}

function minguo(g: Groups): DateParts {
  const y = +(g.ry ?? g.ty!) + MINGUO_OFFSET;
  return withTime({ y, mo: +(g.mo ?? g.smo!), d: +(g.d ?? g.sd!) }, g);
}

const SHAPES: readonly [RegExp, (g: Groups) => DateParts][] = [
  [DATE_PATTERN, yearFirst],
  [YEAR_LAST, yearLast],
  [MINGUO, minguo],
];

/** Every valid date in `text`, in order of position (one per place; the year-first shape wins a tie). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const [shape, read] of SHAPES) {
    for (const m of text.matchAll(new RegExp(shape.source, 'gu'))) {
      const parts = read(m.groups as Groups);
      if (!validDate(parts)) continue;
      const at = { parts, index: m.index, length: m[0].length };
      if (!found.some((f) => overlaps(f, at))) found.push(at);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function overlaps(a: FoundDate, b: FoundDate): boolean {
  return a.index < b.index + b.length && b.index < a.index + a.length;
}

/** The first valid date in `text`, with where it was found. */
export function findDate(text: string): FoundDate | null {
  return findDates(text)[0] ?? null;
}

/**
 * An ISO timestamp as an article date: the same checks as every other date shape (no month 13, no
 * hour 25) and a real offset; fractional seconds (what `toISOString()` writes) are dropped, as
 * article dates carry whole seconds and the feeds' date formats take no fraction.
 */
function isoTimestamp(m: RegExpExecArray): string | null {
  const [whole, y, mo, d, h, mi, s, fraction, , offH, offM] = m;
  const parts = { y: +y!, mo: +mo!, d: +d!, h: +h!, mi: +mi!, s: s === undefined ? undefined : +s };
  if (!validDate(parts) || (offH !== undefined && (+offH > 14 || +offM! > 59))) return null;
  return fraction ? whole.trim().replace(fraction, '') : whole.trim();
}

/** Parses an editor-written date (ISO-like, 2024年3月20日, with or without time); null when invalid. */
export function parseDateString(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/u.exec(text.trim());
  if (iso) return isoTimestamp(iso);
  const found = findDate(text);
  if (!found || found.length < text.trim().length - 2) return null;
  return formatDate(found.parts);
}
