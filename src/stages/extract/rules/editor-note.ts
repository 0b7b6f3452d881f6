import { bodyLines, mark, type ExtractRule } from '../core/state.js';
import { isTitleLike } from '../core/text.js';

const NOTE = /^[【[]?\s*(?:编者按|编者的话|编前语|编者注)\s*[】\]]?\s*[:：]?/u;

/**
 * Editor's notes (编者按): the labelled paragraph and, when the label stands on its own line, the
 * paragraphs after it up to the next headline-shaped line. Rendered as a blockquote.
 */
export const editorNote: ExtractRule = {
  name: 'editor-note',
  description: "an editor's note (编者按) and its paragraphs become a blockquote",
  run(state) {
    const lines = bodyLines(state);
    for (let i = 0; i < lines.length; i++) {
      const m = NOTE.exec(lines[i]!.text);
      if (!m || m[0].length === 0) continue;
      mark(lines[i]!, 'note', this.name);
      if (m[0].length < lines[i]!.text.length) continue;
      for (i++; i < lines.length && !isTitleLike(lines[i]!.text); i++) mark(lines[i]!, 'note', this.name);
      i--;
    }
  },
};
