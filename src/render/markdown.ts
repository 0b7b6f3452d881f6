import markdownIt, { type MarkdownIt } from 'markdown-it';

/**
 * The one markdown renderer of a build. Raw HTML is off: article bodies come from scraped pages,
 * so any markup in them must reach the reader as text, never as tags.
 */
export function createMarkdown(): MarkdownIt {
  return markdownIt({ html: false, linkify: false, typographer: false });
}
