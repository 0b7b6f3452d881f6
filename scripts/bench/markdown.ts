// The peers' input: each benchmark article as simplified-script markdown with a front-matter title,
// so Eleventy and Hugo render the same words parkpress publishes, with a bare layout.
import * as OpenCC from 'opencc-js';
import type { SplitText } from './corpus.js';

/** Traditional (Taiwan) -> simplified (mainland) converter; built once, it loads large dictionaries. */
export type Convert = (text: string) => string;

export function simplifiedConverter(): Convert {
  return OpenCC.Converter({ from: 'tw', to: 'cn' });
}

/**
 * A source split converted unit by unit keeps the unit boundaries of the original, so a splice of
 * converted splits is the simplified text of the same splice of raw splits. OpenCC never touches
 * the terminators and newlines the units end at, and phrases do not span a sentence end.
 */
export function convertSplit(split: SplitText, convert: Convert): SplitText {
  return { title: convert(split.title), units: split.units.map(convert) };
}

/**
 * Markdown for one article: YAML front-matter with the headline (a JSON string is a valid
 * double-quoted YAML scalar) and each non-empty body line as its own paragraph.
 */
export function toMarkdown(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split('\n');
  const title = lines[0]!.trim();
  const paragraphs = lines
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${paragraphs.join('\n\n')}\n`;
}
