// The markdown of article bodies as plain text, and paragraphs kept as text when written as markdown.
import markdownIt from 'markdown-it';

/** Markdown-significant characters at the start of a paragraph that would change its meaning. */
export function escapeStart(text: string): string {
  return text.replace(/^([#>*+\-=|`]|\d+[.)]\s)/u, '\\$1');
}

/** Parser only (never renders): plain text comes from the same tokens the page is rendered from. */
const parser = markdownIt({ html: false });

/** Markdown to plain text for summaries, feeds and search: the text of each block, one line per block, no markup. */
export function plainText(markdown: string): string {
  return parser
    .parse(markdown, {})
    .filter((t) => t.type === 'inline')
    .map((t) =>
      (t.children ?? [])
        .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' ? ' ' : ''))
        .join(''),
    )
    .filter((line) => line.trim())
    .join('\n');
}
