import { report, setField, type ExtractRule } from '../core/state.js';
import { charLength } from '../../../text/chars.js';

const STAND_IN_CHARS = 30;

/**
 * A page without a headline: a warning, and the first words of the text stand in for the title,
 * read after credits took the lead off (〔记者…／…报导〕, 新华社…电), so the title starts with the story.
 */
export const standInTitle: ExtractRule = {
  name: 'stand-in-title',
  description: 'no headline found: a warning, and the first words of the text (after any lead) stand in',
  run(state) {
    if (state.fields.title !== undefined || state.editorTitle !== undefined) return;
    const opening = state.lines.find((l) => l.role === 'body' || l.role === 'heading');
    report(
      state,
      'title',
      'warning',
      'no headline-shaped line at the top; the title is taken from the first words of the text',
      opening ? { line: opening.line } : undefined,
    );
    if (!opening) return;
    const words = [...opening.text].slice(0, STAND_IN_CHARS).join('');
    setField(state, 'title', charLength(opening.text) > STAND_IN_CHARS ? `${words}…` : words, 'computed');
  },
};
