import { bodyLines, mark, type ExtractRule } from '../core/state.js';

const HEADING = /^##\s+(.+)$/u;
const QUOTE = /^>\s?(.*)$/u;
const CAPTION = /^\*(.+)\*$/u;

/** Undoes the escaping renderBody applies (`\\#`, `\\*` ...), so the text is the text again. */
function unescape(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!>|=])/gu, '$1');
}

/**
 * Markdown bodies (an ingested `.md`, written by parkpress): `## ` lines are subheadings, `> ` lines
 * the editor's note, `*…*` lines captions, as extract rendered them; escapes are undone. Raw `.txt`
 * pages are left to the other rules.
 */
export const markdownBlocks: ExtractRule = {
  name: 'markdown-blocks',
  description: 'in a markdown body, ## headings, > notes and *captions* keep the roles they were written with',
  run(state) {
    if (!state.markdown) return;
    for (const line of bodyLines(state)) {
      const heading = HEADING.exec(line.text);
      const quote = QUOTE.exec(line.text);
      const caption = CAPTION.exec(line.text);
      if (heading) {
        line.text = unescape(heading[1]!.trim());
        mark(line, 'heading', this.name);
      } else if (quote) {
        line.text = unescape(quote[1]!.trim());
        mark(line, line.text ? 'note' : 'furniture', this.name);
      } else if (caption) {
        line.text = unescape(caption[1]!);
        mark(line, 'caption', this.name);
      } else {
        line.text = unescape(line.text);
      }
    }
  },
};
