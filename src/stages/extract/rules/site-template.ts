import { mark, type ExtractRule, type Line } from '../core/state.js';

/** This many template lines in a row are a block of chrome (a menu, a footer) wherever they stand. */
const RUN = 3;

/**
 * A page counts as framed by its site's template when FRAME_LINES of its first and of its last
 * EDGE lines (a third of a shorter page) are template: a page of a site well represented among the files, between the site's
 * header and footer. A few recurring words (首页, 分享到) on a page of another site do not make one.
 */
const FRAME_LINES = 5;
const EDGE = 20;

/** Whether the page came with its site's template known (some of its lines recur on other files). */
export function hasTemplate(lines: readonly Line[]): boolean {
  return lines.some((l) => l.template);
}

/** Whether the page opens and closes with its site's template: what is between is the page's own (see FRAME_LINES). */
export function isFramed(lines: readonly Line[]): boolean {
  const count = (part: readonly Line[]): number => part.filter((l) => l.template).length;
  const edge = Math.min(EDGE, Math.floor(lines.length / 3));
  return count(lines.slice(0, edge)) >= FRAME_LINES && count(lines.slice(lines.length - edge)) >= FRAME_LINES;
}

/**
 * The site's template (lines recurring on many files built together, see template.ts): the lines
 * before the page's first line of its own and after its last one are chrome, and so is any run of
 * RUN or more template lines between, unless the template frames the page (isFramed). A template
 * line alone among the page's own lines is left to the other rules (a table cell may read like a
 * menu entry). Without the template, nothing happens.
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
    // On a page framed by the template, what recurs between its own first and last lines is often
    // its own recurring content (a weekly schedule's standing meetings): only head and tail go.
    if (isFramed(lines)) return;
    for (let i = 0; i < lines.length;) {
      let j = i;
      while (j < lines.length && lines[j]!.template) j++;
      if (j - i >= RUN) for (let k = i; k < j; k++) if (lines[k]!.role === 'body') mark(lines[k]!, 'furniture', this.name);
      i = Math.max(j, i + 1);
    }
  },
};
