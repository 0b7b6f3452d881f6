// Counting characters the way a reader of Chinese text counts them.

/**
 * Length in characters (code points), which is what a reader sees for CJK text: the UTF-16 length
 * less one per surrogate pair, counted without making a string per character.
 */
export function charLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

const NOT_HAN = /\P{Script=Han}/gu;

/** Han characters in `s` (one pass, no string per character: the shape tests call it on every line, often). */
export function hanCount(s: string): number {
  return charLength(s.replace(NOT_HAN, ''));
}

/**
 * At least `min` Han characters in `s`: counts the common CJK block by code unit first (no regular
 * expression), which settles almost every line; hanCount only for the rest.
 */
export function hasHan(s: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0x4e00 && u <= 0x9fff && ++n >= min) return true;
  }
  return hanCount(s) >= min;
}

/** The first `n` characters (code points) of `s`. */
export function firstChars(s: string, n: number): string {
  return [...s].slice(0, n).join('');
}
