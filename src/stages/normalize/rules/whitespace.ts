import { isFence } from '../core/protect.js';
import { mapLines, type NormalizeRule } from '../core/state.js';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Control characters (C0 but tab, DEL, C1): invisible, and invalid in the HTML pages the text ends up in. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Indentation before Chinese text: ideographic spaces, NBSP, tabs, spaces (markdown indentation before ASCII is kept). */
const CHINESE_INDENT = /^[ \t\u3000]+(?=[^\x00-\x7f])/;
/** The lookbehind starts a match only at the start of a space run, so long inner runs stay linear. */
const TRAILING = /(?<![ \t\u3000])[ \t\u3000]+$/;

export const whitespace: NormalizeRule = {
  name: 'whitespace',
  description: 'NBSP to space, zero-width and control characters out, so later rules see plain text',
  run(state) {
    mapLines(state, (line) =>
      line
        .replace(ZERO_WIDTH, '')
        .replace(CONTROL, '')
        .replace(/\u00a0/g, ' '),
    );
  },
};

/** Runs after punctuation, so a line starting with `(1)` is judged by its full-width form `（1）`. */
export const indentation: NormalizeRule = {
  name: 'indentation',
  description: 'indentation before Chinese text (ideographic spaces, spaces, tabs) and trailing spaces removed, outside code fences',
  run(state) {
    let inFence = false;
    mapLines(state, (line) => {
      if (isFence(line)) inFence = !inFence;
      else if (inFence) return line;
      return line.replace(CHINESE_INDENT, '').replace(TRAILING, '');
    });
  },
};
