import { isChineseContext, isHan } from '../core/hanzi.js';
import { isFence, withProtectedSpans } from '../core/protect.js';
import type { NormalizeRule } from '../core/state.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Nearest character after index `i` that is not a space. */
function nextSolid(s: string, i: number): string | undefined {
  let j = i + 1;
  while (j < s.length && s[j] === ' ') j++;
  return s[j];
}

/** Nearest character before index `i` that is not a space, and where it is. */
function previousSolid(s: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && s[j] === ' ') j--;
  return j;
}

const STOP = /[,:;!?]/g;

/**
 * , : ; ! ? beside Chinese text become full-width. Digits on both sides keep ASCII (1,000; 18:44;
 * 1:1000), so do marks between Latin words (ISO 26262: ...). Only the marks are visited (a line is
 * copied in slices between the marks it turns): most characters of a line are none.
 */
function fullWidthStops(s: string): string {
  const out: string[] = [];
  let done = 0;
  /** Index of the last mark turned: the left neighbour of a mark is read as written out, so `。??` turns both marks in one pass. */
  let turned = -1;
  for (const m of s.matchAll(STOP)) {
    const i = m.index;
    const ch = m[0];
    if ((ch === ',' || ch === ':') && isDigit(s[i - 1]) && isDigit(s[i + 1])) continue;
    const before = previousSolid(s, i);
    const left = before < 0 ? undefined : before === turned ? FULL_WIDTH[s[before]!] : s[before];
    if (!isChineseContext(left) && !isChineseContext(nextSolid(s, i))) continue;
    // Spaces around a turned mark go.
    let end = i;
    while (end > done && s[end - 1] === ' ') end--;
    out.push(s.slice(done, end), FULL_WIDTH[ch]!);
    done = i + 1;
    while (s[done] === ' ') done++;
    turned = i;
  }
  if (done === 0) return s;
  out.push(s.slice(done));
  return out.join('');
}

/**
 * Dots beside Chinese text become the ellipsis character, as many as the source typed: `...` is one
 * `…` (its compatibility form, so a headline keeps its length and matches the page), six dots or
 * `。。。` the Chinese `……`; an ellipsis already typed stays as it is. Spaces around it go.
 */
function ellipsis(s: string): string {
  if (!/\.\.\.|。。。|…/.test(s)) return s;
  let out = '';
  let done = 0;
  for (const m of s.matchAll(/\.{3,}|。{3,}|…+/g)) {
    let start = m.index;
    while (start > done && s[start - 1] === ' ') start--;
    let end = m.index + m[0].length;
    while (end < s.length && s[end] === ' ') end++;
    if (isChineseContext(s[start - 1]) || isChineseContext(s[end])) {
      out += `${s.slice(done, start)}${ellipsisFor(m[0])}`;
      done = end;
    }
  }
  return out + s.slice(done);
}

function ellipsisFor(run: string): string {
  if (run.startsWith('…')) return run;
  return run.startsWith('.') && run.length < 6 ? '…' : '……';
}

/**
 * Matched ASCII parentheses become （ ） when they hold Han text or stand next to it; spaces just
 * inside them go. Parentheses in Latin text (AUTOSAR (Classic)) stay.
 */
function parentheses(s: string): string {
  if (!s.includes('(')) return s;
  const chars = [...s];
  // hanBefore[i]: Han characters in chars[0..i), so "does the pair hold Han?" costs O(1) even when nested.
  const hanBefore = [0];
  chars.forEach((c, i) => hanBefore.push(hanBefore[i]! + (isHan(c) ? 1 : 0)));
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length > 0) {
      const start = open.pop()!;
      const holdsHan = hanBefore[i]! - hanBefore[start + 1]! > 0;
      if (isChineseContext(chars[start - 1]) || isHan(chars[i + 1]) || holdsHan) {
        chars[start] = '（';
        chars[i] = '）';
      }
    }
  }
  // The lookbehind makes each space run match once from its start: linear even on long runs.
  return chars
    .join('')
    .replace(/（ +/g, '（')
    .replace(/(?<! ) +）/g, '）');
}

/** Straight double quotes, paired left to right, become “ ” when the quoted text is Chinese. */
function quotes(s: string): string {
  if (!s.includes('"')) return s;
  return s.replace(/"([^"\n]*)"/g, (whole, inner: string, offset: number) => {
    const chinese = /\p{Script=Han}/u.test(inner) || isHan(s[offset - 1]) || isHan(s[offset + whole.length]);
    return chinese ? `“${inner}”` : whole;
  });
}

/** Full-width stops are never followed by a space (spaces after quotes and brackets are kept: they separate headline parts). */
const SPACE_AFTER_STOP = /([，。、；：！？]) +/g;

/** A line without any of these only needs the spaces after its full-width stops removed. */
const ASCII_MARKS = /[,:;!?()"]|\.\.\.|。。。|…/;

const punctuateOnce = (s: string): string => fullWidthStops(parentheses(quotes(ellipsis(s)))).replace(SPACE_AFTER_STOP, '$1');

/**
 * The marks are each other's context (`：(02)` makes the bracket Chinese only once the colon is
 * full-width), so the line is re-punctuated until nothing changes: normalize(normalize(x)) = normalize(x).
 */
function untilStable(s: string): string {
  for (let i = 0; i < 4; i++) {
    const next = punctuateOnce(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

export const punctuation: NormalizeRule = {
  name: 'punctuation',
  description:
    'ASCII , : ; ! ? ( ) " ... beside Chinese text to full-width (numbers, times, URLs, e-mail, Latin text and code keep theirs)',
  run(state) {
    let inFence = false;
    for (let i = 0; i < state.lines.length; i++) {
      const line = state.lines[i]!;
      if (isFence(line)) {
        inFence = !inFence;
        continue;
      }
      if (inFence) continue;
      state.lines[i] = ASCII_MARKS.test(line) ? withProtectedSpans(line, untilStable) : line.replace(SPACE_AFTER_STOP, '$1');
    }
  },
};
