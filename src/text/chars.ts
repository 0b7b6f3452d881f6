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

/** Number of Han (Chinese) characters. */
export function hanCount(s: string): number {
  return (s.match(/\p{Script=Han}/gu) ?? []).length;
}

/** The first `n` characters (code points) of `s`. */
export function firstChars(s: string, n: number): string {
  return [...s].slice(0, n).join('');
}
