import markdownIt, { type MarkdownIt } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

/**
 * The one markdown renderer of a build. Raw HTML is off: article bodies come from scraped pages,
 * so any markup in them must reach the reader as text, never as tags. The CJK-friendly plugin
 * lets `**强调**` work next to Chinese punctuation, where CommonMark's rules fail (`**“项目”**的`).
 */
export function createMarkdown(): MarkdownIt {
  return markdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);
}
