import { diagnostic, type Diagnostic } from '../../../model/index.js';
import { report, type ExtractRule } from '../core/state.js';

/**
 * HTML left in scraped text (`<script>`, `<img onerror>`, `javascript:` links, comments). It is
 * always shown as text (markdown-it runs with raw HTML off, templates autoescape), but an editor
 * should know the page carried it: it is usually scraping debris, sometimes an attack.
 */
const MARKUP =
  /<\s*\/?\s*(?:script|img|iframe|svg|a|object|embed|style|link|meta|form|input|body|html|div|span|p)\b[^>]*>|<!--|\bon[a-z]+\s*=\s*["']?[^"'\s>]|javascript\s*:/iu;

function message(where: string): string {
  return `HTML markup in ${where} is shown as text, never run; remove it if it is left over from the scraped page.`;
}

/** Reports each line of the page that carries markup (it stays in the text). */
export const markup: ExtractRule = {
  name: 'markup',
  description: 'HTML markup left in the text is reported with its place',
  run(state) {
    for (const line of state.lines) {
      const m = MARKUP.exec(line.text);
      if (!m) continue;
      report(state, this.name, 'warning', message('the article text'), { line: line.line, column: m.index + 1 });
    }
  },
};

/** The same check for front-matter values an editor (or a scraper) wrote. */
export function markupInFrontMatter(frontMatter: Record<string, unknown>, file: string): Diagnostic[] {
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : []);
  return Object.entries(frontMatter)
    .filter(([, value]) => strings(value).some((s) => MARKUP.test(s)))
    .map(([key]) => diagnostic(file, 'extract/markup', 'warning', message(`front-matter "${key}"`), { line: 1 }));
}
