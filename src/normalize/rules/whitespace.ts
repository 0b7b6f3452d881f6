import { mapLines, type NormalizeRule } from '../state.js';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Indentation before Chinese text: ideographic spaces, NBSP, tabs, spaces (markdown indentation before ASCII is kept). */
const CHINESE_INDENT = /^[ \t\u00a0\u3000]+(?=[^\x00-\x7f])/;
const TRAILING = /[ \t\u00a0\u3000]+$/;

export const whitespace: NormalizeRule = {
  name: 'whitespace',
  description: 'NBSP to space, zero-width characters out, indentation before Chinese text and trailing spaces removed',
  run(state) {
    mapLines(state, (line) => line.replace(ZERO_WIDTH, '').replace(/\u00a0/g, ' ').replace(CHINESE_INDENT, '').replace(TRAILING, ''));
  },
};
