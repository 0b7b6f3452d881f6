import type { ExtractRule, Line } from '../core/state.js';

/** Lines narrower than this (in columns) are not wrapped text: menus, headings, short paragraphs. */
const MIN_WIDTH = 40;
/** A wrap width needs this many lines filled to it (within TIGHT columns), and this share of the wide lines. */
const MIN_WRAPPED = 8;
const MIN_SHARE = 0.4;
const TIGHT = 2;
/** A wrapped line may stop this many columns short of the width (a character that did not fit, an indented first line, half-width letters the normalizer made). */
const SLACK = 10;
/** A line ending in one of these ends its paragraph, wrapped or not. */
const PARAGRAPH_END = /[。！？!?”」』）)□]$/u;

/** Width in columns as a fixed-width page lays it out: a CJK or full-width character takes two. */
export function columns(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      // A surrogate pair: the supplementary ideographic planes (U+20000–U+3FFFD) are wide.
      const cp = text.codePointAt(i)!;
      n += cp >= 0x20000 && cp <= 0x3fffd ? 2 : 1;
      i++;
    } else {
      n +=
        (u >= 0x1100 && u <= 0x115f) ||
        (u >= 0x2e80 && u <= 0xa4cf) ||
        (u >= 0xac00 && u <= 0xd7a3) ||
        (u >= 0xf900 && u <= 0xfaff) ||
        (u >= 0xfe30 && u <= 0xfe4f) ||
        (u >= 0xff00 && u <= 0xff60) ||
        (u >= 0xffe0 && u <= 0xffe6)
          ? 2
          : 1;
    }
  }
  return n;
}

/** The column width the page's text was hard-wrapped at, when most wide lines stop at one; null otherwise. */
export function wrapWidth(lines: readonly Line[]): number | null {
  const widths = lines.map((l) => columns(l.text)).filter((w) => w >= MIN_WIDTH);
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: number | null = null;
  let filled = 0;
  for (const w of counts.keys()) {
    const n = widths.filter((x) => x <= w && x >= w - TIGHT).length;
    if (n > filled || (n === filled && best !== null && w > best)) {
      best = w;
      filled = n;
    }
  }
  return best !== null && filled >= MIN_WRAPPED && filled >= widths.length * MIN_SHARE ? best : null;
}

/**
 * Hard-wrapped text (old pages, converted PDFs, BBS posts broken at a fixed column): a line filled
 * to the page's wrap width continues on the next line unless it ends its sentence; the pieces are
 * joined back into paragraphs before any rule reads them.
 */
export const wrappedLines: ExtractRule = {
  name: 'wrapped-lines',
  description: 'text hard-wrapped at a fixed column is joined back into paragraphs',
  run(state) {
    const width = wrapWidth(state.lines);
    if (width === null) return;
    const joined: Line[] = [];
    // The width of the last piece taken into the line being built (a joined line is wider than any piece).
    let piece = 0;
    for (const line of state.lines) {
      const previous = joined.at(-1);
      const open = previous !== undefined && piece >= width - SLACK && piece <= width && !PARAGRAPH_END.test(previous.text);
      piece = columns(line.text);
      if (open && previous.role === 'body' && line.role === 'body' && piece <= width) previous.text += line.text;
      else joined.push(line);
    }
    state.lines.splice(0, state.lines.length, ...joined);
  },
};
