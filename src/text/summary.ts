import { plainText } from './markdown.js';

/** Summary length in characters (code points, so a CJK character counts once). */
export const SUMMARY_CHARS = 120;

/**
 * A summary of at most `max` characters, cut at the end of a sentence (。！？) when one falls in
 * the second half, otherwise at `max` with an ellipsis.
 */
export function summarize(text: string, max = SUMMARY_CHARS): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max).join('');
  const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'));
  return cut >= head.length / 2 ? head.slice(0, cut + 1) : `${head}…`;
}

/**
 * An article's summary: the first sentences of its prose paragraphs (`prose`, as plain text), or,
 * for a body without prose (headings and captions only), of the body's plain text. The one place a
 * summary is made: extract makes it, and the corpus step again for a body it shortened.
 */
export function bodySummary(prose: readonly string[], body: string): string {
  return summarize(prose.join('')) || summarize(plainText(body));
}
