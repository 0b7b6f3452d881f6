/**
 * Spans the punctuation rules must not touch: inline code, markdown image openers and link targets
 * (`![`, `](url)`), URLs (up to the first space, Chinese character or full-width mark), e-mail
 * addresses. They are swapped
 * for a placeholder (a Unicode noncharacter, never in real text) and put back afterwards; the
 * placeholder is not Chinese, so punctuation next to a URL is judged as if next to Latin text.
 */
const PROTECTED =
  /`[^`]*`|!\[|\]\([^()\s]*\)|\b(?:https?|ftp):\/\/[^\s\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”‘’]+|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”‘’]*|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gu;
const MARK = '\ufdd0';
const MARKED = /\ufdd0(\d+)\ufdd1/g;

/** Runs `fn` on `line` with protected spans masked. */
export function withProtectedSpans(line: string, fn: (masked: string) => string): string {
  const saved: string[] = [];
  const masked = line.replace(PROTECTED, (span) => `${MARK}${saved.push(span) - 1}\ufdd1`);
  const out = fn(masked);
  return saved.length === 0 ? out : out.replace(MARKED, (_m, i: string) => saved[Number(i)]!);
}

/** True for a line that opens or closes a fenced code block in markdown. */
export const isFence = (line: string): boolean => /^\s*(```|~~~)/.test(line);
