import { isChineseContext, isHan } from '../hanzi.js';
import { isFence, withProtectedSpans } from '../protect.js';
import type { NormalizeRule } from '../state.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Nearest character before index `i` that is not a space. */
function prevSolid(s: string, i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && s[j] === ' ') j--;
  return s[j];
}

function nextSolid(s: string, i: number): string | undefined {
  let j = i + 1;
  while (j < s.length && s[j] === ' ') j++;
  return s[j];
}

/**
 * , : ; ! ? beside Chinese text become full-width. Digits on both sides keep ASCII (1,000; 18:44;
 * 1:1000), so do marks between Latin words (ISO 26262: ...).
 */
export function fullWidthStops(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const wide = FULL_WIDTH[ch];
    const numeric = (ch === ',' || ch === ':') && isDigit(s[i - 1]) && isDigit(s[i + 1]);
    if (wide && !numeric && (isChineseContext(prevSolid(s, i)) || isChineseContext(nextSolid(s, i)))) {
      out = out.replace(/ +$/, '') + wide;
      while (s[i + 1] === ' ') i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** `...` (three or more dots) or `。。。` beside Chinese text becomes the Chinese ellipsis `……`. */
export function ellipsis(s: string): string {
  return s.replace(/ *(?:\.{3,}|。{3,}|…+) */g, (m, offset: number) => {
    const before = s[offset - 1];
    const after = s[offset + m.length];
    return isChineseContext(before) || isChineseContext(after) ? '……' : m;
  });
}

/**
 * Matched ASCII parentheses become （ ） when they hold Han text or stand next to it; spaces just
 * inside them go. Parentheses in Latin text (AUTOSAR (Classic)) stay.
 */
export function parentheses(s: string): string {
  const chars = [...s];
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length > 0) {
      const start = open.pop()!;
      const inner = chars.slice(start + 1, i).join('');
      if (isChineseContext(chars[start - 1]) || isHan(chars[i + 1]) || /\p{Script=Han}/u.test(inner)) {
        chars[start] = '（';
        chars[i] = '）';
      }
    }
  }
  return chars.join('').replace(/（ +/g, '（').replace(/ +）/g, '）');
}

/** Straight double quotes, paired left to right, become “ ” when the quoted text is Chinese. */
export function quotes(s: string): string {
  return s.replace(/"([^"\n]*)"/g, (whole, inner: string, offset: number) => {
    const chinese = /\p{Script=Han}/u.test(inner) || isHan(s[offset - 1]) || isHan(s[offset + whole.length]);
    return chinese ? `“${inner}”` : whole;
  });
}

/** Full-width stops are never followed by a space (spaces after quotes and brackets are kept: they separate headline parts). */
const SPACE_AFTER_STOP = /([，。、；：！？]) +/g;

export const punctuation: NormalizeRule = {
  name: 'punctuation',
  description: 'ASCII , : ; ! ? ( ) " ... beside Chinese text to full-width (numbers, times, URLs, e-mail, Latin text and code keep theirs)',
  run(state) {
    let inFence = false;
    for (let i = 0; i < state.lines.length; i++) {
      const line = state.lines[i]!;
      if (isFence(line)) { inFence = !inFence; continue; }
      if (inFence) continue;
      state.lines[i] = withProtectedSpans(line, (s) =>
        fullWidthStops(parentheses(quotes(ellipsis(s)))).replace(SPACE_AFTER_STOP, '$1'),
      );
    }
  },
};
