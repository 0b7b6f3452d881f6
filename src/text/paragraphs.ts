// Walls of text: a paragraph whose source lost its line breaks, split at sentence ends for display.
import { charLength } from './chars.js';

/** Default longest paragraph shown whole, in characters (config `paragraphs.maxChars`). */
export const MAX_PARAGRAPH_CHARS = 300;

/** A sentence end (。！？, or !? before a space) with the closing quotes and brackets that belong to the sentence. */
const SENTENCE_END = /(?:[。！？]+|[!?]+(?=\s))[”’」』）)】]*/gu;

/** Offsets (code units) just after each sentence end in `text`, the last one excluded when nothing follows it. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const lastWord = text.trimEnd().length; // something other than white space follows an end before it
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end < lastWord) ends.push(end);
  }
  return ends;
}

/**
 * Characters (code points) of `text` before each offset asked for, asked in ascending order (sentence
 * ends, which never fall inside a surrogate pair): one pass over the text for all of them.
 */
export function charsBefore(text: string): (offset: number) => number {
  let at = 0;
  let count = 0;
  return (offset) => {
    count += charLength(text.slice(at, offset));
    at = offset;
    return count;
  };
}

/**
 * How long each piece of a paragraph of `total` characters should be when it is longer than
 * `max`: even pieces (a 320-character paragraph becomes two of about 160, not 300 and 20).
 * Infinity when it is short enough, or when `max` is 0 (splitting off).
 */
export function pieceTarget(total: number, max: number): number {
  return max <= 0 || total <= max ? Infinity : total / Math.ceil(total / max);
}

/**
 * Whether to break after a sentence end, with `done` characters in the current piece and `left`
 * after the break: once the piece reached its target, unless what is left is a scrap (a third of
 * the target) better kept with it.
 */
export function breakHere(done: number, left: number, target: number): boolean {
  return done >= target && left >= target / 3;
}

/** `text` in pieces of about even length split at sentence ends when longer than `max` characters; one piece otherwise. */
export function splitParagraph(text: string, max: number = MAX_PARAGRAPH_CHARS): string[] {
  const total = charLength(text);
  const target = pieceTarget(total, max);
  if (target === Infinity) return [text];
  const pieces: string[] = [];
  const before = charsBefore(text);
  let start = 0;
  let startChars = 0;
  for (const end of sentenceEnds(text)) {
    const upTo = before(end);
    if (!breakHere(upTo - startChars, total - upTo, target)) continue;
    pieces.push(text.slice(start, end).trim());
    start = end;
    startChars = upTo;
  }
  pieces.push(text.slice(start).trim());
  return pieces;
}
