import { addToList, mark, setField, type DatelineCandidate, type ExtractRule, type ExtractState } from '../core/state.js';

/** How many lines after the article's last line its closing dateline may stand (发表于 …, 发布日期：… under a blog post). */
const AFTER = 6;
/** How far above the headline a dateline may stand and still be the article's. */
const ABOVE = 3;

/** For each position, the lines a reader sees before it: furniture and an editor's note do not count. */
function seenBefore(state: ExtractState): number[] {
  const out: number[] = [];
  let n = 0;
  for (const l of state.lines) {
    out.push(n);
    if (l.role !== 'furniture' && l.role !== 'note') n++;
  }
  out.push(n);
  return out;
}

/** Where each dateline starts in the page's lines. */
function positions(state: ExtractState): Map<DatelineCandidate, number> {
  const at = new Map(state.lines.map((l, i) => [l, i]));
  return new Map(state.datelines.map((c) => [c, at.get(c.lines[0]!)!]));
}

/**
 * The datelines that speak for the article, best first: those between the headline and the text,
 * then the first one closing the text, then one just above the headline. Dates in comment threads,
 * link lists and sidebars are none of these.
 */
export function articleDatelines(state: ExtractState): DatelineCandidate[] {
  const head = state.lines.findIndex((l) => l.role === 'title');
  const { first, last } = state.article ?? { first: 0, last: state.lines.length - 1 };
  const where = positions(state);
  const at = (c: DatelineCandidate): number => where.get(c)!;
  const seen = seenBefore(state);
  const linesBetween = (from: number, to: number): number => seen[to]! - seen[from + 1]!;
  const header = state.datelines.filter((c) => at(c) > head && at(c) < first);
  const inside = state.datelines.filter((c) => at(c) >= first && at(c) <= last && !c.parsed.eventLike);
  const closing = state.datelines.filter((c) => at(c) > last && linesBetween(last, at(c)) < AFTER);
  // Near in the page itself too (an editor's note aside): a date bar at the top of the site, above
  // its menus, is today's date, not the article's.
  const notes = (from: number, to: number): number => state.lines.slice(from + 1, to).filter((l) => l.role === 'note').length;
  const near = (c: DatelineCandidate): boolean => head - at(c) - notes(at(c), head) <= 2 * ABOVE;
  const above = state.datelines.filter((c) => head >= 0 && at(c) < head && linesBetween(at(c), head) < ABOVE && near(c)).reverse();
  return [...header, ...inside.slice(0, 1), ...closing.slice(0, 1), ...above];
}

function apply(state: ExtractState, c: DatelineCandidate): void {
  const p = c.parsed;
  if (p.date) setField(state, 'date', p.date);
  if (p.source) setField(state, 'source', p.source);
  if (p.views !== undefined) setField(state, 'views', p.views);
  if (p.authors) addToList(state, 'authors', p.authors);
  if (p.editors) addToList(state, 'editors', p.editors);
}

/**
 * The page's own date, source and authors: from the datelines that belong to the article (see
 * articleDatelines), the first statement of each field winning. A `时间：…` line inside the text that is
 * not the page's (a notice's schedule) goes back to the body; the others stay out of it.
 */
export const pageDate: ExtractRule = {
  name: 'page-date',
  description: 'date, source, authors and views from the dateline under the headline (else closing the text, else just above the headline)',
  run(state) {
    const chosen = articleDatelines(state);
    for (const c of chosen) apply(state, c);
    // A 时间：/日期： line inside the text that is not the page's is the text's own (会议时间, a schedule).
    const { first, last } = state.article ?? { first: 0, last: -1 };
    const where = positions(state);
    for (const c of state.datelines) {
      const at = where.get(c)!;
      if (!chosen.includes(c) && c.parsed.eventLike && at >= first && at <= last) for (const l of c.lines) mark(l, 'body', this.name);
    }
  },
};
