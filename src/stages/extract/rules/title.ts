import { bodyLines, mark, report, setField, type ExtractRule } from '../core/state.js';
import { charLength } from '../../../text/chars.js';
import { isTitleLike } from '../core/text.js';

const STAND_IN_CHARS = 30;

/**
 * A column or source label in brackets opens a headline whatever its ending or mix of scripts:
 * `【生意经】为披萨而活 Gino Pizza Napoletana`, `【某某投顾】大盘利空已反应殆尽。`
 */
const LABELLED = /^[【\[][^】\]]{1,12}[】\]]\s*\S/u;

function isHeadline(text: string): boolean {
  return isTitleLike(text) || (LABELLED.test(text) && charLength(text) <= 60);
}

/**
 * Title: the first headline-shaped (or 【label】-led) line left after header furniture, datelines and
 * any 编者按, when text follows it.
 * A repeat of it right after is dropped. No headline: a warning, and the first words stand in.
 * When an editor set the title, only a first line repeating it is taken out of the body.
 */
export const title: ExtractRule = {
  name: 'title',
  description: 'the first headline-shaped line left is the title; without one the first words stand in, with a warning',
  run(state) {
    const lines = bodyLines(state);
    const head = lines[0];
    if (state.editorTitle !== undefined) {
      if (head?.text === state.editorTitle) mark(head, 'title', this.name);
      return;
    }
    if (head && lines.length > 1 && isHeadline(head.text)) {
      mark(head, 'title', this.name);
      setField(state, 'title', head.text);
      for (let j = 1; j < lines.length && lines[j]!.text === head.text; j++) mark(lines[j]!, 'furniture', this.name);
      return;
    }
    report(state, this.name, 'warning', 'no headline-shaped line at the top; the title is taken from the first words of the text', head ? { line: head.line } : undefined);
    if (!head) return;
    const words = [...head.text].slice(0, STAND_IN_CHARS).join('');
    setField(state, 'title', charLength(head.text) > STAND_IN_CHARS ? `${words}…` : words, 'computed');
  },
};
