import { mark, setField, type ExtractRule, type ExtractState, type Line } from '../core/state.js';
import { hanBigrams, isListItem, isNumbered, isProse } from '../core/text.js';
import { isHeaderCredit } from '../core/bylines.js';
import { isCandidate, isHeadline, SUBTITLE, withoutSiteName } from '../core/headline-shape.js';
import { isPostedAt, replyTo } from './comments.js';
import { charLength } from '../../../text/chars.js';

/** How far below a headline its article may start (lines that are neither furniture nor meta). */
const WINDOW = 12;
/** Below this much evidence no line is taken for the headline by evidence; the first headline-shaped line is. */
const MIN_EVIDENCE = 3;

/** The lines a reader sees in order: furniture left out, so share buttons do not separate a headline from its dateline. */
function visible(state: ExtractState): Line[] {
  return state.lines.filter((l) => l.role !== 'furniture');
}

const isBody = (l: Line | undefined): boolean => l?.role === 'body';
const isDateline = (l: Line | undefined): boolean => l?.role === 'meta' && l.by === 'dateline';
/** `label：value`: a field of a form (a filing, a notice) when its neighbours are fields too. */
const FORM_FIELD = /^[^：:]{2,20}[：:]/u;
/** The caption of the lead picture: `…（图翻摄自…）`, `（图／记者翻摄）`, `张三 摄`. */
const PICTURE = /[（(]\s*[图圖]|[图圖]\s*[／/]|翻摄|供图|\s摄$/u;
/** Lines up to this long without sentence marks may be an account or column name under a headline. */
const NAME_LINE = 10;

/**
 * Lines that do not part a headline from what belongs under it: fields, bylines, outlets, a
 * subtitle, the lead picture's caption. A breadcrumb always does: it stands above a headline,
 * never under it.
 */
function isCredit(l: Line): boolean {
  if (l.role === 'meta') return l.by !== 'breadcrumb';
  if (l.role !== 'body') return false;
  return isHeaderCredit(l.text) || SUBTITLE.test(l.text) || PICTURE.test(l.text);
}

/** A short line without sentence marks: perhaps an account or column name under the headline, perhaps a menu entry. */
const isShortName = (l: Line): boolean => l.role === 'body' && charLength(l.text) <= NAME_LINE && !isProse(l.text);

/**
 * Counts the lines standing between a headline and what follows it: credits are free, and so is
 * one short name (an account under the headline); everything else counts.
 */
function counter(): (l: Line) => number {
  let freeName = true;
  return (l) => {
    if (isCredit(l)) return 0;
    if (freeName && isShortName(l)) {
      freeName = false;
      return 0;
    }
    return 1;
  };
}

/** Evidence 1: the date/source block right below (a subtitle or a byline may sit between). */
function datelineBelow(seq: Line[], k: number): number {
  const count = counter();
  for (let j = k + 1, between = 0; j < seq.length && between <= 2; j++) {
    if (isDateline(seq[j])) return [3, 2.5, 1][between]! * (textFollows(seq, j) ? 1 : 0.4);
    if (isBody(seq[j]) && isProse(seq[j]!.text)) return 0;
    between += count(seq[j]!);
  }
  return 0;
}

/**
 * A dateline heads text when lines of the page (not furniture) follow it; a signature or a closing
 * dateline is followed by the page's footer.
 */
function textFollows(seq: Line[], j: number): boolean {
  return seq.slice(j + 1, j + 9).filter((l) => isBody(l) || l.role === 'note').length >= 2;
}

/** Evidence 2: the article starts right below: how many short lines stand between it and the first paragraph. */
function proseBelow(seq: Line[], k: number): number {
  const count = counter();
  for (let j = k + 1, between = 0; j < seq.length && between <= WINDOW; j++) {
    const l = seq[j]!;
    if ((isBody(l) && isProse(l.text)) || l.role === 'note') return between === 0 ? 2 : between <= 2 ? 1.5 : between <= 5 ? 1 : 0.5;
    between += count(l);
  }
  return 0;
}

/** In a list: the lines on both sides are headline-shaped too (a link list, a menu). */
function inList(seq: Line[], k: number): boolean {
  const listy = (l: Line | undefined): boolean => isBody(l) && (isHeadline(l!.text) || isListItem(l!.text));
  return listy(seq[k - 1]) && listy(seq[k + 1]);
}

/** Among short lines: a menu, a table or a link list (the lines on both sides are short, not text). */
function amongShortLines(lines: Line[], j: number): boolean {
  const short = (l: Line | undefined): boolean => l !== undefined && l.role !== 'meta' && !isProse(l.text) && charLength(l.text) <= 50;
  return short(lines[j - 1]) && short(lines[j + 1]);
}

/**
 * Evidence 3: the page repeats the line (title bar and headline, `正在阅读：标题`, `标题 | 站点名`);
 * a copy among short lines does not count (menus, tables and lists repeat their entries).
 */
function repeated(all: Line[], line: Line): number {
  const text = line.text;
  const copy = (l: Line): boolean =>
    l.text === text ||
    (l.text.startsWith(text) && /^\s*[_|｜\-–—]/u.test(l.text.slice(text.length))) ||
    (l.text.endsWith(text) && /[：:]\s*$/u.test(l.text.slice(0, -text.length)));
  return all.some((l, j) => l !== line && copy(l) && !amongShortLines(all, j)) ? 2 : 0;
}

/** Evidence 6: a substantial text below (the headline of a page heads most of its text, a late sidebar entry little). */
function massBelow(seq: Line[], k: number): number {
  const text = seq.slice(k + 1, k + 41).filter((l) => (isBody(l) && isProse(l.text)) || l.role === 'note');
  return Math.min(2, text.reduce((n, l) => n + charLength(l.text), 0) / 400);
}

/**
 * Against: text above. A page's headline has little of it above (menus are short lines); a
 * subheading, a comment, the second story of a page or a line in the middle of a filing has text
 * (running text, or a form's fields) above it. Distinct lines only: a menu may repeat one blurb
 * under every entry.
 */
function proseAbove(textAbove: number[], k: number): number {
  return -Math.min(2, textAbove[k]! / 500);
}

/** For each position of the sequence, the characters of the distinct text lines above it (see proseAbove). */
function textAboveEach(seq: Line[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  let chars = 0;
  for (const l of seq) {
    out.push(chars);
    const text = isBody(l) && (isProse(l.text) || /[：:]\s*\S/u.test(l.text) || isNumbered(l.text));
    if (text && !seen.has(l.text)) {
      seen.add(l.text);
      chars += charLength(l.text);
    }
  }
  return out;
}

/**
 * Against: the end of another story right above: its comment counter (共 5 篇评论), its editor's
 * credit. A headline there opens the next story of a list of stories (a blog's index page).
 */
function afterStory(before: Line | undefined): number {
  if (!before) return 0;
  const closes = before.by === 'comments' || /^[【[(（]?\s*(?:责任编辑|责编)\s*[:：]/u.test(before.text);
  return closes ? -1.5 : 0;
}

/** Evidence 7: the value of a `标题：` field (a government page's information table: 标 题： / the headline). */
function titleField(seq: Line[], k: number): number {
  return /^标\s*题\s*[:：]$/u.test(seq[k - 1]?.text ?? '') ? 4 : 0;
}

/**
 * Evidence 8: a blog's dateline closing the text below (the post, then 发表于 …): the text starts
 * right below the line, and the first dateline after it closes that text (soon, and after more
 * running text than other lines).
 */
function datelineAfterText(seq: Line[], k: number): number {
  let text = 0;
  let other = 0;
  for (let j = k + 1; j < seq.length && j <= k + WINDOW * 3; j++) {
    const l = seq[j]!;
    if (isDateline(l)) return text >= 2 && text >= other ? 1.5 : 0;
    if (isBody(l) && isProse(l.text)) text++;
    else if (text === 0 && isBody(l) && !isCredit(l)) return 0;
    else if (isBody(l)) other++;
  }
  return 0;
}

/** Evidence 5: a breadcrumb right above (首页 > 新闻 > 正文, then the headline). */
function crumbAbove(seq: Line[], k: number): number {
  const before = seq[k - 1];
  return before?.role === 'meta' && before.by === 'breadcrumb' ? 1 : 0;
}

/** Evidence 4: the first paragraphs below take up the headline's words. */
function overlap(seq: Line[], k: number): number {
  const grams = hanBigrams(seq[k]!.text);
  if (grams.size === 0) return 0;
  const prose = seq
    .slice(k + 1, k + 1 + WINDOW)
    .filter((l) => (isBody(l) && isProse(l.text)) || l.role === 'note')
    .slice(0, 3);
  const text = hanBigrams(prose.map((l) => l.text).join(''));
  let shared = 0;
  for (const g of grams) if (text.has(g)) shared++;
  // A short line shares all of its few pairs by chance: a headline's share counts over at least eight.
  return (2 * shared) / Math.max(grams.size, 8);
}

/**
 * Against: a paragraph right above (a subheading), a headline-shaped line right above (this one is
 * its subtitle, byline or the next entry of a list), headline-shaped neighbours on both sides (a link list).
 */
function against(seq: Line[], k: number): number {
  const before = seq[k - 1];
  const after = seq[k + 1];
  let score = 0;
  if (isBody(before) && isProse(before!.text)) score -= 3;
  else if (isBody(before) && isHeadline(before!.text) && charLength(before!.text) >= 8) score -= 1;
  if (inList(seq, k) && !isDateline(after)) score -= 1.5;
  // Inside a form: a field or a numbered item right above (a filing has no headline in its middle).
  if (isBody(before) && (FORM_FIELD.test(before!.text) || isNumbered(before!.text))) score -= 3;
  const n = charLength(seq[k]!.text);
  if (n >= 8 && n <= 50) score += 0.5;
  if (n < 6) score -= 1;
  return score;
}

/**
 * When the best line is another candidate's text with something joined on by a separator
 * (`作者：标题`, `标题_站点名`, `栏目|标题`), the bare headline is the title; the other is a title bar.
 */
function bare(ranked: Ranked[]): Ranked | undefined {
  const best = ranked[0];
  if (!best) return undefined;
  const text = best.line.text;
  const inner = ranked.find(
    (c) =>
      c !== best &&
      c.score >= MIN_EVIDENCE &&
      charLength(c.line.text) >= 6 &&
      c.line.text !== text &&
      ((text.endsWith(c.line.text) && /[：:|｜_\-—]\s*$/u.test(text.slice(0, -c.line.text.length))) ||
        (text.startsWith(c.line.text) && /^\s*[：:|｜_\-—]/u.test(text.slice(c.line.text.length)))),
  );
  return inner ?? best;
}

/**
 * Where the page's comment thread starts: a comment's time after the page's first text, or a reply
 * quoting a line above it (`# re：标题`, a reply to this page); -1 without one. A comment thread's
 * lines are never the page's headline. A sidebar of other posts' latest replies does not count.
 */
function threadStart(state: ExtractState): number {
  const text = state.lines.findIndex((l) => isBody(l) && isProse(l.text));
  const seen = new Set<string>();
  return state.lines.findIndex((l, i) => {
    seen.add(l.text);
    if (l.by !== 'comments') return false;
    if (isPostedAt(l.text)) return i > text && text >= 0;
    const quoted = replyTo(l.text);
    return quoted !== null && quoted !== '' && seen.has(quoted);
  });
}

/** A headline candidate and the evidence for it, one number per kind (see rankHeadlines). */
export interface Ranked {
  line: Line;
  score: number;
  evidence: Record<string, number>;
}

/** Every headline-shaped body line with the sum of the evidence for it, best first (earlier first on a tie). */
export function rankHeadlines(state: ExtractState): Ranked[] {
  const seq = visible(state);
  const above = textAboveEach(seq);
  const at = new Map(state.lines.map((l, i) => [l, i]));
  const thread = threadStart(state);
  const ranked: (Ranked & { k: number })[] = [];
  seq.forEach((line, k) => {
    if (!isCandidate(line) || (thread >= 0 && at.get(line)! > thread)) return;
    const evidence = {
      datelineBelow: datelineBelow(seq, k),
      proseBelow: proseBelow(seq, k),
      repeated: repeated(state.lines, line),
      overlap: overlap(seq, k),
      crumbAbove: crumbAbove(seq, k),
      massBelow: massBelow(seq, k),
      proseAbove: proseAbove(above, k),
      titleField: titleField(seq, k),
      datelineAfterText: datelineAfterText(seq, k),
      afterStory: afterStory(state.lines[at.get(line)! - 1]),
      against: against(seq, k),
    };
    ranked.push({ line, score: Object.values(evidence).reduce((a, b) => a + b, 0), evidence, k });
  });
  return ranked.sort((a, b) => b.score - a.score || a.k - b.k);
}

function take(state: ExtractState, head: Line, rule: string): void {
  mark(head, 'title', rule);
  setField(state, 'title', withoutSiteName(head.text));
  // Every other copy of the headline (title bar, a second <h1>, the page in its own list) is furniture.
  for (const l of state.lines) if (l !== head && l.role !== 'title' && l.text === head.text) mark(l, 'furniture', rule);
}

/**
 * Title by evidence: of the headline-shaped lines, the one with the date/source block right below,
 * the article right below, a copy elsewhere on the page and its words taken up by the first
 * paragraphs; not one with a paragraph right above (a subheading) or in a run of headlines (a link
 * list). Without enough evidence, a headline-shaped first line followed by text. No headline:
 * `stand-in-title` gives the first words. When an editor set the title, only a first line repeating
 * it is taken out of the body.
 */
export const title: ExtractRule = {
  name: 'title',
  description:
    'the headline: the headline-shaped line with the most evidence (dateline and article right below, repeated, words taken up), else a headline-shaped first line',
  run(state) {
    const lines = state.lines.filter((l) => l.role === 'body');
    if (state.editorTitle !== undefined) {
      if (lines[0]?.text === state.editorTitle) mark(lines[0], 'title', this.name);
      return;
    }
    const best = bare(rankHeadlines(state));
    if (best && best.score >= MIN_EVIDENCE) {
      take(state, best.line, this.name);
      return;
    }
    const head = lines[0];
    if (head && lines.length > 1 && isHeadline(head.text) && !isListItem(head.text)) take(state, head, this.name);
  },
};
