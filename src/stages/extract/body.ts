import type { Line } from './core/state.js';
import { escapeStart } from '../../text/markdown.js';

/** Renders the article's lines as markdown: paragraphs, `##` subheadings, `>` notes, `*captions*`. */
export function renderBody(lines: Line[]): string {
  const blocks: string[] = [];
  let note: string[] = [];
  const flushNote = (): void => {
    if (note.length > 0) blocks.push(note.map((t) => `> ${escapeStart(t)}`).join('\n>\n'));
    note = [];
  };
  for (const line of lines) {
    if (line.role === 'note') {
      note.push(line.text);
      continue;
    }
    flushNote();
    if (line.role === 'body') blocks.push(escapeStart(line.text));
    else if (line.role === 'heading') blocks.push(`## ${line.text}`);
    else if (line.role === 'caption') blocks.push(`*${line.text.replace(/[*_]/gu, '\\$&')}*`);
  }
  flushNote();
  return blocks.join('\n\n') + (blocks.length > 0 ? '\n' : '');
}
