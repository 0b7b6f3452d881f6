import { bodyLines, mark, report, setField, type ExtractRule } from '../state.js';
import { charLength, isTitleLike } from '../text.js';

const STAND_IN_CHARS = 30;

/**
 * Title: the first headline-shaped line left after header furniture, datelines and any 编者按.
 * A repeat of it right after is dropped. No headline: a warning, and the first words stand in.
 */
export const title: ExtractRule = {
  name: 'title',
  run(state) {
    const lines = bodyLines(state);
    const head = lines[0];
    if (head && isTitleLike(head.text)) {
      mark(head, 'title', this.name);
      setField(state, 'title', head.text);
      for (let j = 1; j < lines.length && lines[j]!.text === head.text; j++) mark(lines[j]!, 'furniture', this.name);
      return;
    }
    report(state, this.name, 'warning', head?.line ?? 0, 0, 'no headline-shaped line at the top; the title is taken from the first words of the text');
    if (!head) return;
    const words = [...head.text].slice(0, STAND_IN_CHARS).join('');
    setField(state, 'title', charLength(head.text) > STAND_IN_CHARS ? `${words}…` : words, 'computed');
  },
};
