import type { Diagnostic } from '../../types.js';
import type { ExtractRule } from '../state.js';

/**
 * HTML left in scraped text (`<script>`, `<img onerror>`, `javascript:` links, comments). It is
 * always shown as text (markdown-it runs with raw HTML off, templates autoescape), but an editor
 * should know the page carried it: it is usually scraping debris, sometimes an attack.
 */
const MARKUP = /<\s*\/?\s*(?:script|img|iframe|svg|a|object|embed|style|link|meta|form|input|body|html|div|span|p)\b[^>]*>|<!--|\bon[a-z]+\s*=\s*["']?[^"'\s>]|javascript\s*:/iu;

function message(where: string): string {
  return `HTML markup in ${where} is shown as text, never run; remove it if it is left over from the scraped page.`;
}

/** Reports each line of the page that carries markup (it stays in the text). */
export const markup: ExtractRule = {
  name: 'markup',
  description: 'HTML left in the text (<script>, onerror=, javascript:) is reported; it stays text',
  run(state) {
    for (const line of state.lines) {
      const m = MARKUP.exec(line.text);
      if (!m) continue;
      state.diagnostics.push({
        file: state.file, line: line.line, column: m.index + 1, severity: 'warning', rule: 'extract/markup',
        message: message('the article text'),
      });
    }
  },
};

/** The same check for front-matter values an editor (or a scraper) wrote. */
export function markupInFrontMatter(frontMatter: Record<string, unknown>, file: string): Diagnostic[] {
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : [];
  return Object.entries(frontMatter)
    .filter(([, value]) => strings(value).some((s) => MARKUP.test(s)))
    .map(([key]) => ({
      file, line: 1, column: 0, severity: 'warning' as const, rule: 'extract/markup',
      message: message(`front-matter "${key}"`),
    }));
}
