// The site's template across files: lines that recur on many of the pages built together, in the
// same place (menus, footers, widgets, a sidebar's list), are page chrome, whatever their shape.
// Pure: the caller reads the files and hands their text in; the result says of a line, given its
// neighbours, whether it is template.
//
// A line counts with its neighbour, as a pair of consecutive lines: a menu entry follows the same
// entry on every page, while a page's headline, listed in other pages' sidebars, follows its own
// breadcrumb only on its own page; a table cell reading like a menu entry sits between other cells.

import { isNumbered, isProse } from './text.js';

/** A pair of lines recurring on this many files is template. */
export const MIN_FILES = 3;
/**
 * A pair with running text is template only when it recurs on this share of the files too: a
 * boilerplate sentence is on every page of its site, while a story syndicated two or three times
 * must not vanish from each copy.
 */
export const PROSE_SHARE = 0.1;

/** The key a line is counted under: its text trimmed, runs of whitespace as one space. */
export function lineKey(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/**
 * Two consecutive lines as one number: two FNV-1a hashes of `a\nb` folded into 53 bits (a line
 * break cannot occur inside a key). Numbers keep a big site's pairs small and pass to worker threads
 * as they are; at a million pairs a collision has odds of about one in ten billion.
 */
export function pairKey(a: string, b: string): number {
  const text = `${a}\n${b}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1 * 0x200000 + (h2 & 0x1fffff);
}

/** The non-empty line keys of a text, in order. */
export function pageKeys(text: string): string[] {
  return text
    .split('\n')
    .map(lineKey)
    .filter((k) => k !== '');
}

/** The recurring pairs of a set of pages; tells whether a line, between its neighbours, is template. */
export class SiteTemplate {
  /** `pairs`: pairKey numbers (SiteTemplate.pairs of another instance, e.g. sent to a worker thread). */
  constructor(readonly pairs: ReadonlySet<number>) {}

  /** Recurring pairs known (0: nothing recurs, the template says nothing). */
  get size(): number {
    return this.pairs.size;
  }

  /** A line is template when it forms a recurring pair with the line before it or the line after it. */
  has(previous: string | undefined, line: string, next: string | undefined): boolean {
    return (
      (previous !== undefined && this.pairs.has(pairKey(previous, line))) || (next !== undefined && this.pairs.has(pairKey(line, next)))
    );
  }
}

/** A page's distinct pairs of consecutive lines, and which of them hold running text. */
export interface PagePairs {
  pairs: Float64Array;
  prose: Float64Array;
}

/** The pairs of a page's text (see pairKey), each once. */
export function pagePairs(text: string): PagePairs {
  const keys = pageKeys(text);
  const pairs = new Set<number>();
  const prose: number[] = [];
  for (let i = 1; i < keys.length; i++) {
    const pair = pairKey(keys[i - 1]!, keys[i]!);
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    if (isProse(keys[i - 1]!) || isProse(keys[i]!)) prose.push(pair);
  }
  return { pairs: Float64Array.from(pairs), prose: Float64Array.from(prose) };
}

/** Numbers gathered into one growing typed array: a site's pairs are millions, a Map of them would be many times larger. */
class NumberList {
  private items = new Float64Array(1024);
  private length = 0;

  push(values: Float64Array): void {
    if (this.length + values.length > this.items.length) {
      const grown = new Float64Array(Math.max(this.items.length * 2, this.length + values.length));
      grown.set(this.items.subarray(0, this.length));
      this.items = grown;
    }
    this.items.set(values, this.length);
    this.length += values.length;
  }

  /** The numbers, ascending. */
  sorted(): Float64Array {
    return this.items.slice(0, this.length).sort();
  }
}

/** Counts pairs of consecutive lines over files, each distinct pair once per file. */
export class LineCounts {
  private readonly all = new NumberList();
  private readonly prose = new NumberList();
  private files = 0;

  /** Adds one file's text (its lines as the page has them). */
  add(text: string): void {
    this.addPairs(pagePairs(text));
  }

  /** Adds one file's pairs (pagePairs). */
  addPairs(page: PagePairs): void {
    this.files++;
    this.all.push(page.pairs);
    this.prose.push(page.prose);
  }

  /** Files added so far. */
  get fileCount(): number {
    return this.files;
  }

  /**
   * The template: pairs on MIN_FILES files or more (with running text: on PROSE_SHARE of the files
   * too). Counted as runs of the sorted pairs; whether a pair holds running text depends on its text
   * alone, so a sorted walk of the prose pairs beside them tells it.
   */
  template(): SiteTemplate {
    const proseMin = Math.max(MIN_FILES, Math.ceil(this.files * PROSE_SHARE));
    const all = this.all.sorted();
    const prose = this.prose.sorted();
    const pairs = new Set<number>();
    for (let i = 0, p = 0; i < all.length;) {
      const pair = all[i]!;
      let end = i + 1;
      while (end < all.length && all[end] === pair) end++;
      while (p < prose.length && prose[p]! < pair) p++;
      if (end - i >= (prose[p] === pair ? proseMin : MIN_FILES)) pairs.add(pair);
      i = end;
    }
    return new SiteTemplate(pairs);
  }
}

/** The template of a set of page texts (see LineCounts). The order of the texts does not matter. */
export function templateOf(texts: Iterable<string>): SiteTemplate {
  const counts = new LineCounts();
  for (const text of texts) counts.add(text);
  return counts.template();
}

/**
 * A field of a form (`3.因应措施：`, `（2）日期：无`): filings and notices of one kind repeat their
 * labels, page after page, as their content; such a line is never taken for template.
 */
const FORM_LINE = /[:：]/u;

/**
 * For each raw line of the body (0-based), whether it is template. The template counts raw lines:
 * the same bytes on every page, before normalize rewrites them.
 */
export function templateFlags(body: string, template: SiteTemplate): boolean[] {
  const raw = body.split('\n').map(lineKey);
  const filled = raw.flatMap((k, i) => (k === '' ? [] : [i]));
  const flags = raw.map(() => false);
  filled.forEach((at, j) => {
    const previous = j > 0 ? raw[filled[j - 1]!] : undefined;
    const next = j + 1 < filled.length ? raw[filled[j + 1]!] : undefined;
    flags[at] = !FORM_LINE.test(raw[at]!) && !isNumbered(raw[at]!) && template.has(previous, raw[at]!, next);
  });
  return flags;
}
