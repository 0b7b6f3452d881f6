import markdownIt, { type MarkdownIt } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import type { Config } from '../../model/index.js';
import { charLength } from '../../text/chars.js';
import { breakHere, charsBefore, MAX_PARAGRAPH_CHARS, pieceTarget, sentenceEnds } from '../../text/paragraphs.js';

type Token = ReturnType<MarkdownIt['parse']>[number];
type StateCore = Parameters<Parameters<MarkdownIt['core']['ruler']['push']>[1]>[0];

/**
 * The one markdown renderer of a build. Raw HTML is off: article bodies come from scraped pages,
 * so any markup in them must reach the reader as text, never as tags. The CJK-friendly plugin
 * lets `**强调**` work next to Chinese punctuation, where CommonMark's rules fail (`**“项目”**的`).
 * A paragraph longer than `maxParagraphChars` (0: never) is shown as several, split at sentence
 * ends: many sources lost their line breaks, and a wall of 1,000 characters is hard to read.
 */
export function createMarkdown(maxParagraphChars: number = MAX_PARAGRAPH_CHARS): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);
  md.core.ruler.push('split_long_paragraphs', (state) => splitLongParagraphs(state, maxParagraphChars));
  return md;
}

/** The longest paragraph shown whole (config `paragraphs.maxChars`; 0: never split). */
export function maxParagraphChars(config: Config): number {
  return config.paragraphs?.maxChars ?? MAX_PARAGRAPH_CHARS;
}

/** Characters a reader sees of an inline child (markup tokens have none). */
const shownChars = (t: Token): number =>
  t.type === 'text' || t.type === 'code_inline' ? charLength(t.content) : t.type === 'softbreak' ? 1 : 0;

/**
 * The children of a long paragraph's inline token in groups, one per shown paragraph. Breaks fall
 * only at sentence ends in text outside emphasis and links (depth 0), so no markup is cut in two.
 */
export function splitInline(children: readonly Token[], max: number, makeText: (s: string) => Token): Token[][] {
  const total = children.reduce((n, t) => n + shownChars(t), 0);
  const target = pieceTarget(total, max);
  if (target === Infinity) return [[...children]];
  const groups: Token[][] = [[]];
  let depth = 0;
  let seen = 0;
  let done = 0;
  for (const t of children) {
    depth += t.nesting;
    if (t.type !== 'text' || depth !== 0) {
      groups.at(-1)!.push(t);
      seen += shownChars(t);
      done += shownChars(t);
      continue;
    }
    const before = charsBefore(t.content);
    let start = 0;
    let startChars = 0;
    for (const end of sentenceEnds(t.content)) {
      const endChars = before(end);
      if (!breakHere(done + endChars - startChars, total - seen - endChars, target)) continue;
      const piece = t.content.slice(start, end);
      groups.at(-1)!.push(makeText(start === 0 ? piece : piece.trimStart()));
      groups.push([]);
      start = end;
      startChars = endChars;
      done = 0;
    }
    const rest = start === 0 ? t.content : t.content.slice(start).trimStart();
    if (rest !== '') groups.at(-1)!.push(start === 0 ? t : makeText(rest));
    done += charLength(rest);
    seen += charLength(t.content);
  }
  return groups.filter((g) => g.some((t) => shownChars(t) > 0));
}

/** Replaces each long, visible paragraph of the token stream by several (a core rule, after inline parsing). */
function splitLongParagraphs(state: StateCore, max: number): void {
  if (max <= 0) return;
  const out: Token[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const [open, inline, close] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    const long = open.type === 'paragraph_open' && !open.hidden && inline?.type === 'inline' && close?.type === 'paragraph_close';
    const groups = long && charLength(inline.content) > max ? splitInline(inline.children ?? [], max, textToken(state)) : [];
    if (groups.length < 2) {
      out.push(open);
      continue;
    }
    for (const children of groups) {
      const piece = new state.Token('inline', '', 0);
      piece.children = trimSoftbreaks(children);
      piece.content = children.map((t) => t.content).join('');
      piece.map = inline!.map;
      piece.level = inline!.level;
      out.push(open, piece, close!);
    }
    i += 2;
  }
  state.tokens = out;
}

/** A piece starts and ends with words, not with a line break left over from the source. */
function trimSoftbreaks(children: Token[]): Token[] {
  let a = 0;
  let b = children.length;
  while (a < b && children[a]!.type === 'softbreak') a++;
  while (b > a && children[b - 1]!.type === 'softbreak') b--;
  return children.slice(a, b);
}

/** Makes a text token of the state's kind. */
function textToken(state: StateCore): (s: string) => Token {
  return (s) => {
    const t = new state.Token('text', '', 0);
    t.content = s;
    return t;
  };
}
