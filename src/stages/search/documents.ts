import { plainText } from '../../text/markdown.js';
import { articleKeywords, type Article } from '../../model/index.js';
import type { TokenIds } from './token-ids.js';
import { eachToken } from './tokens.js';

/**
 * A document's distinct tokens, as ids of the index's vocabulary in the order they first occur,
 * each with its weight: `min(tf, MAX_TF) * 2 + (in title ? 1 : 0)`, so one small number per posting.
 */
export interface DocTokens {
  ids: Uint32Array;
  weights: Uint8Array;
}

/**
 * One document as the search page gets it (`docs/<n>.json`): what a result shows, and the text the
 * page checks the query's phrases in and cuts its snippet from, so it never fetches the article.
 * The index's tokens are made from these same fields (TokenCounter), so what the index finds the
 * page can check.
 */
export interface SearchDoc {
  /** Site URL, percent-encoded, before the path prefix. */
  url: string;
  title: string;
  /** `YYYY-MM-DD`, or null for an undated article. */
  date: string | null;
  /** The body as plain text, one line per block: no markup, no link destinations. */
  text: string;
  /** Editors' and computed keywords and parks, joined with 、 (indexed, not shown). */
  terms: string;
}

/** Term frequency saturates here: a word said 127 times is no more relevant than one said 127 times. */
export const MAX_TF = 127;
/** Between keywords: punctuation, so no bigram spans two of them. */
const TERM_SEPARATOR = '、';

/**
 * The document of an article at `url` in one edition's script (`convert` turns simplified text into
 * it): title, body as plain text, keywords and parks; never page furniture. With `ownOriginals` (the
 * traditional edition) a traditional original's lines are as the source wrote them, as its page shows them.
 */
export function searchDoc(article: Article, url: string, convert: (text: string) => string = (t) => t, ownOriginals = false): SearchDoc {
  const body = ownOriginals && article.originalLines ? plainText(withOriginals(article, convert)) : convert(plainText(article.body));
  return {
    url: encodeURI(url),
    title: convert(article.title),
    date: article.date ? article.date.slice(0, 10) : null,
    text: body,
    terms: convert([...articleKeywords(article), ...article.parks].join(TERM_SEPARATOR)),
  };
}

/**
 * Counts the tokens of documents (their title's flagged, their text's and terms' counted) as ids of
 * one vocabulary. Distinct tokens are found with two arrays indexed by id, reused from one document
 * to the next, instead of a map per document.
 */
export class TokenCounter {
  /** Per token id: the number of the last document that held it (documents count from 1). */
  private lastDoc = new Uint32Array(1024);
  /** Per token id: its position in the last document's lists. */
  private position = new Uint32Array(1024);
  private doc = 0;
  private inTitle = 0;
  private ids: number[] = [];
  private weights: number[] = [];
  private readonly pair = (a: number, b: number): void => this.seen(this.vocabulary.pair(a, b));
  private readonly other = (token: string): void => this.seen(this.vocabulary.id(token));

  constructor(private readonly vocabulary: TokenIds) {}

  count(doc: SearchDoc): DocTokens {
    this.doc++;
    this.ids = [];
    this.weights = [];
    this.inTitle = 1;
    eachToken(doc.title, this.pair, this.other);
    this.inTitle = 0;
    eachToken(doc.text, this.pair, this.other);
    if (doc.terms) eachToken(doc.terms, this.pair, this.other);
    return { ids: Uint32Array.from(this.ids), weights: Uint8Array.from(this.weights) };
  }

  private seen(id: number): void {
    if (id >= this.lastDoc.length) this.grow(id);
    let at = this.position[id]!;
    if (this.lastDoc[id] !== this.doc) {
      this.lastDoc[id] = this.doc;
      this.position[id] = at = this.ids.length;
      this.ids.push(id);
      this.weights.push(0);
    }
    const w = this.weights[at]!;
    this.weights[at] = Math.min((w >> 1) + 1, MAX_TF) * 2 + ((w & 1) | this.inTitle);
  }

  private grow(id: number): void {
    let size = this.lastDoc.length;
    while (size <= id) size *= 2;
    const lastDoc = new Uint32Array(size);
    const position = new Uint32Array(size);
    lastDoc.set(this.lastDoc);
    position.set(this.position);
    this.lastDoc = lastDoc;
    this.position = position;
  }
}

/** The body in the edition's script, each line the source wrote in traditional script as written. */
function withOriginals(article: Article, convert: (text: string) => string): string {
  return article.body
    .split('\n')
    .map((line, i) => article.originalLines?.[i] ?? convert(line))
    .join('\n');
}
