import { mapLines, type NormalizeRule } from '../core/state.js';

/** Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) and the percent sign. */
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]/g;
/** A full-width colon or full stop between digits is a time, ratio or decimal point (１１：３２, ５３．５). */
const NUMERIC_MARK = /(?<=\d)[：．](?=\d)/g;

/**
 * Chinese typesetting (GB/T 15834) writes digits and Latin letters half-width; pages typed with a
 * full-width input mode have ２０２１年 or ＬＩＮＥ, which date and keyword extraction would miss.
 * Other punctuation stays full-width: that is the punctuation rule's business.
 */
export const halfwidth: NormalizeRule = {
  name: 'halfwidth',
  description: 'full-width digits, Latin letters, ％ and numeric ：． to ASCII (２０２１年 -> 2021年, １１：３２ -> 11:32)',
  run(state) {
    mapLines(state, (line) =>
      line
        .replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
        .replace(NUMERIC_MARK, (ch) => (ch === '：' ? ':' : '.')),
    );
  },
};
