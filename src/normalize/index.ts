import type { NormalizeResult } from '../types.js';

/** normalize: text -> text (pinyin annotations out, traditional -> simplified, punctuation, whitespace). */
export function normalize(text: string, file: string): NormalizeResult {
  void text; void file;
  throw new Error('normalize: not implemented');
}
