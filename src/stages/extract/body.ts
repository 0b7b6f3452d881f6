import type { Line } from './state.js';
import { summarize as summarizeText } from '../../text/summary.js';

/** Markdown-significant characters at the start of a paragraph that would change its meaning. */
export function escapeStart(text: string): string {
  return text.replace(/^([#>*+\-=|`]|\d+[.)]\s)/u, '\\$1');
}

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

/** First sentences of the body as plain text, cut at a sentence end near 120 characters. */
export function summarize(lines: Line[]): string {
  return summarizeProse(lines.filter((l) => l.role === 'body').map((l) => l.text));
}

/** The summary of body paragraphs given as plain text (no headings, notes or captions). */
export function summarizeProse(paragraphs: string[]): string {
  return summarizeText(paragraphs.join(''));
}
