import { mark, type ExtractRule } from '../core/state.js';
import { isHeadingLike, isProse } from '../core/text.js';

/** A numbered `label：value` line, or a short label and its value (地点：…, 联系人：…), is a field of a form, not a heading. */
const FORM_FIELD = /^\d{1,2}[.、．].{0,30}[：:]|^[^：:\s]{1,4}[：:]\s*\S/u;

/**
 * Subheadings: short lines without closing punctuation that head the paragraphs after them
 * (a heading needs a paragraph below it; a last line, or a table cell above another, is no heading).
 */
export const subheadings: ExtractRule = {
  name: 'subheadings',
  description: 'short unpunctuated lines heading the paragraphs after them become ## subheadings',
  run(state) {
    const lines = state.lines.filter((l) => l.role === 'body' || l.role === 'caption');
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (line.role !== 'body' || !next || next.role !== 'body') return;
      if (isHeadingLike(line.text) && !FORM_FIELD.test(line.text) && isProse(next.text)) mark(line, 'heading', this.name);
    });
  },
};
