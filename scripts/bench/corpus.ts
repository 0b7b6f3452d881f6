// Deterministic benchmark corpus: N raw articles built from a folder of real news texts
// (../shared/corpus/tw-news). Article i < M (M = number of sources) is source i byte for byte;
// past M, article i is a splice of three different sources (headline and first third of one, middle
// third of another, last third of a third), so a large site is made of real text yet holds no
// near-duplicates that parkpress would fold away: with halves, a splice was 60% or more of one of its
// sources often enough that 6 of 10 articles were folded and parkpress built far fewer pages than
// the peers.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the corpus a given N produces changes, so cached work dirs are rebuilt. */
export const CORPUS_VERSION = 3;

/** One source text split for splicing: the headline and the body cut into sentence-sized units. */
export interface SplitText {
  title: string;
  units: string[];
}

/** Where article i comes from: a source verbatim, or a splice of three different sources. */
export type ArticlePlan =
  { kind: 'copy'; name: string; source: number } | { kind: 'splice'; name: string; head: number; middle: number; tail: number };

/** Sentence terminators after which a body may be cut; closing quotes stay with their sentence. */
const TERMINATORS = new Set(['。', '！', '？']);
const CLOSERS = new Set(['」', '』', '”', '’', '）', ')']);

/** Source file names (`*.txt`) in a fixed order: by the number the name starts with, then by name. */
export async function listSources(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt'));
  return names.sort(compareSourceNames);
}

export function compareSourceNames(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Digest of the sources' names and sizes: a cheap check that a cached corpus is still current. */
export async function sourcesDigest(dir: string, names: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const name of names) hash.update(`${name}\0${(await stat(path.join(dir, name))).size}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Zero-padded article file name (width fits N), so names sort in article order. */
export function articleName(i: number, n: number, ext: string): string {
  return `a${String(i).padStart(String(Math.max(n - 1, 0)).length, '0')}.${ext}`;
}

/** The plan for article i of n built from m sources. */
export function planArticle(i: number, n: number, m: number, ext = 'txt'): ArticlePlan {
  if (m < 1) throw new Error('the corpus needs at least one source text');
  const name = articleName(i, n, ext);
  if (i < m || m < 3) return { kind: 'copy', name, source: i % m };
  const head = i % m;
  const round = Math.floor(i / m);
  // Offsets in [1, m-1] never map a source onto itself; the primes spread partners widely, and the
  // second offset skips the first so the three sources differ.
  const first = 1 + ((round * 7919 + head * 31) % (m - 1));
  const second = 1 + ((round * 104729 + head * 17) % (m - 2));
  const middle = (head + first) % m;
  const tail = (head + (second >= first ? second + 1 : second)) % m;
  return { kind: 'splice', name, head, middle, tail };
}

/** Headline (first line) and body units; the body keeps its own newlines inside the units. */
export function splitText(text: string): SplitText {
  const normalized = text.replace(/\r\n?/g, '\n');
  const nl = normalized.indexOf('\n');
  const title = nl < 0 ? normalized : normalized.slice(0, nl);
  const body = nl < 0 ? '' : normalized.slice(nl + 1);
  return { title, units: splitUnits(body) };
}

/** Cuts a body after each sentence terminator (with trailing closing quotes) and after each newline. */
export function splitUnits(body: string): string[] {
  const units: string[] = [];
  let start = 0;
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    i++;
    if (ch === '\n') {
      units.push(body.slice(start, i));
      start = i;
    } else if (TERMINATORS.has(ch)) {
      while (i < body.length && (TERMINATORS.has(body[i]!) || CLOSERS.has(body[i]!))) i++;
      if (body[i] === '\n') i++;
      units.push(body.slice(start, i));
      start = i;
    }
  }
  if (start < body.length) units.push(body.slice(start));
  return units;
}

/**
 * The units of `t` whose start lies in the `third`-th third (0, 1, 2) of the body's length in
 * characters: cut by length, not by unit count, so one long paragraph among blank-line units does
 * not become most of a splice.
 */
function portion(t: SplitText, third: number): string {
  const total = t.units.reduce((n, u) => n + u.length, 0);
  let at = 0;
  const out: string[] = [];
  for (const unit of t.units) {
    if (Math.min(Math.floor((at * 3) / Math.max(total, 1)), 2) === third) out.push(unit);
    at += unit.length;
  }
  return out.join('');
}

/**
 * Headline and first third of `head`'s body, the middle third of `middle`'s, the last third of `tail`'s,
 * each part on its own lines. Always ends with a newline.
 */
export function splice(head: SplitText, middle: SplitText, tail: SplitText): string {
  const parts = [head.title, '\n'];
  for (const part of [portion(head, 0), portion(middle, 1), portion(tail, 2)]) {
    if (part === '') continue;
    parts.push(part);
    if (!part.endsWith('\n')) parts.push('\n');
  }
  return parts.join('');
}

/** Text of article `plan` from the sources (raw texts and their splits, indexed like the plan). */
export function articleText(plan: ArticlePlan, texts: readonly string[], splits: readonly SplitText[]): string {
  return plan.kind === 'copy' ? texts[plan.source]! : splice(splits[plan.head]!, splits[plan.middle]!, splits[plan.tail]!);
}

/** Reads every source as UTF-8, in listing order. */
export async function readSources(dir: string, names: string[]): Promise<string[]> {
  return Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
}
