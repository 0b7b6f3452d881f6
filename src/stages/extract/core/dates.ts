// Dates as Chinese pages write them, to ISO 8601 in China Standard Time (+08:00).
// Pure string arithmetic: no Date objects, so no dependence on the machine's time zone.

/** Matches one date (and optional time) in the forms pages use; groups: y, mo, d, h, mi, s. */
export const DATE_PATTERN =
  /(?<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?<mo>\d{1,2})\s*(?:[-/.月])\s*(?<d>\d{1,2})\s*日?(?:\s*(?<h>\d{1,2})\s*[:：时]\s*(?<mi>\d{2})(?:\s*[:：分]\s*(?<s>\d{2}))?)?/u;

export interface DateParts { y: number; mo: number; d: number; h?: number; mi?: number; s?: number }

export function validDate({ y, mo, d, h, mi, s }: DateParts): boolean {
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

/** The first valid date in `text`, with where it was found. */
export function findDate(text: string): { parts: DateParts; index: number; length: number } | null {
  const re = new RegExp(DATE_PATTERN.source, 'gu');
  for (const m of text.matchAll(re)) {
    const g = m.groups!;
    const parts: DateParts = { y: +g.y!, mo: +g.mo!, d: +g.d! };
    if (g.h !== undefined) {
      parts.h = +g.h;
      parts.mi = +g.mi!;
      if (g.s !== undefined) parts.s = +g.s;
    }
    if (validDate(parts)) return { parts, index: m.index, length: m[0].length };
  }
  return null;
}

/** Parses an editor-written date (ISO-like, 2024年3月20日, with or without time); null when invalid. */
export function parseDateString(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/u.exec(text.trim());
  if (iso) return text.trim();
  const found = findDate(text);
  if (!found || found.length < text.trim().length - 2) return null;
  return formatDate(found.parts);
}
