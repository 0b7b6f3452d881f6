import { diagnostic, type Diagnostic } from '../../model/index.js';
import { charLength } from '../../text/chars.js';

/**
 * Characters above which a title is reported. Chinese headlines run to about 40 characters, rarely
 * 80; a longer one is a paragraph taken for the headline, or pasted into the front-matter.
 */
export const MAX_TITLE_CHARS = 200;

/** A warning when `title` is longer than MAX_TITLE_CHARS; `line` is where it was written (0: unknown). */
export function longTitle(title: string, file: string, line: number): Diagnostic[] {
  const length = charLength(title);
  if (length <= MAX_TITLE_CHARS) return [];
  const message = `the title is ${length} characters long, above ${MAX_TITLE_CHARS}: check that it is the headline and not a paragraph`;
  return [diagnostic(file, 'extract/long-title', 'warning', message, line > 0 ? { line } : undefined)];
}
