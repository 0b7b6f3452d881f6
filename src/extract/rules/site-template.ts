import { mark, type ExtractRule, type Line } from '../state.js';

/** This many template lines in a row are a block of chrome (a menu, a footer) wherever they stand. */
const RUN = 3;

/**
 * Share of a page's lines that must be template for the page to count as framed by its site's
 * template: a page of a site well represented among the files. A few recurring words (首页, 分享到)
 * on a page of another site do not make one.
 */
const FRAMED_SHARE = 0.5;

/** Whether the page came with its site's template known (some of its lines recur on other files). */
export function hasTemplate(lines: readonly Line[]): boolean {
  return lines.some((l) => l.template);
}

/** Whether most of the page is its site's template: what is left is the page's own (see FRAMED_SHARE). */
export function isFramed(lines: readonly Line[]): boolean {
  return lines.length > 0 && lines.filter((l) => l.template).length >= lines.length * FRAMED_SHARE;
}

/**
 * The site's template (lines recurring on many files built together, see template.ts): the lines
 * before the page's first line of its own and after its last one, and any run of RUN or more
 * template lines between, are chrome. A template line alone among the page's own lines is left to
 * the other rules (a table cell may read like a menu entry). Without the template, nothing happens.
 */
export const siteTemplate: ExtractRule = {
  name: 'site-template',
  description: 'lines recurring on many of the files extracted together: the head and tail of the page and runs of them leave the body',
  run(state) {
    const lines = state.lines;
    if (!hasTemplate(lines)) return;
    const first = lines.findIndex((l) => !l.template);
    let last = lines.length - 1;
    while (last >= 0 && lines[last]!.template) last--;
    lines.forEach((line, i) => {
      if (line.role === 'body' && line.template && (i < first || i > last)) mark(line, 'furniture', this.name);
    });
    for (let i = 0; i < lines.length;) {
      let j = i;
      while (j < lines.length && lines[j]!.template) j++;
      if (j - i >= RUN) for (let k = i; k < j; k++) if (lines[k]!.role === 'body') mark(lines[k]!, 'furniture', this.name);
      i = Math.max(j, i + 1);
    }
  },
};
