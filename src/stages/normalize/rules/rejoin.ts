import type { NormalizeRule } from '../core/state.js';
import { wordSpans } from '../core/words.js';
import { charLength } from '../../../text/chars.js';

/** Marks that can end a paragraph, heading or caption; a line ending otherwise may be cut off. */
const ENDS_CLEANLY = /[。！？…；：”’」』）》】.!?;:)\]"'*_`>|-]$/u;
/** A paragraph is long running text with clause punctuation; headings and captions are short. */
const MIN_SPLIT_LENGTH = 40;
const LIST_OR_HEADING = /^(?:[-*+>#|]|\d+[.)、]\s)/;

/**
 * True when `line` reads as running text cut off mid-sentence: long, with clause punctuation, and
 * ending in the middle of a word (a Han character, letter or digit) rather than on a stop.
 */
function isCutOff(line: string): boolean {
  // Cheap tests first: most lines end on a stop.
  return (
    !ENDS_CLEANLY.test(line) &&
    line.length >= MIN_SPLIT_LENGTH &&
    charLength(line) >= MIN_SPLIT_LENGTH &&
    /[，、；]/.test(line) &&
    !LIST_OR_HEADING.test(line)
  );
}

/**
 * `next` continues the cut-off `line` when it starts with text (not a list item or heading marker)
 * and the two halves mend a word cut in two. A paragraph that merely lacks its final stop is
 * followed by one starting on a word of its own, and stays separate.
 */
function continues(line: string, next: string): boolean {
  return /^[\p{Script=Han}\p{L}\d]/u.test(next) && !LIST_OR_HEADING.test(next) && wordSpans(line, next);
}

export const rejoin: NormalizeRule = {
  name: 'rejoin',
  description: 'rejoin a paragraph broken mid-sentence across blank lines (…项目建 / 设中的…), never headings or captions',
  run(state) {
    for (let i = 0; i < state.lines.length; i++) {
      const line = state.lines[i]!;
      if (!isCutOff(line)) continue;
      let j = i + 1;
      while (j < state.lines.length && state.lines[j]!.trim() === '') j++;
      if (j === i + 1 || j >= state.lines.length || !continues(line, state.lines[j]!)) continue;
      state.lines[i] = line + state.lines[j]!;
      state.lines.splice(i + 1, j - i);
      state.lineMap.splice(i + 1, j - i);
      i--; // the joined line may itself be cut off again
    }
  },
};
