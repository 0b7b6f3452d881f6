import { plainText } from '../../text/markdown.js';
import { articleKeywords, type Article } from '../../model/index.js';
import { tokenize } from './tokens.js';

/** token -> weight: `min(tf, MAX_TF) * 2 + (in title ? 1 : 0)`, so one small number per posting. */
export type DocTokens = Map<string, number>;

/**
 * One document as the search page gets it (`docs/<n>.json`): what a result shows, and the text the
 * page checks the query's phrases in and cuts its snippet from, so it never fetches the article.
 * The index's tokens are made from these same fields (documentTokens), so what the index finds the
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

/** Tokens of a document: its title's flagged, its text's and terms' counted. Pure, so callers may cache it. */
export function documentTokens(doc: SearchDoc): DocTokens {
  const tokens: DocTokens = new Map();
  const count = (text: string, title: boolean): void => {
    for (const t of tokenize(text)) {
      const w = tokens.get(t) ?? 0;
      tokens.set(t, Math.min((w >> 1) + 1, MAX_TF) * 2 + ((w & 1) | (title ? 1 : 0)));
    }
  };
  count(doc.title, true);
  count(doc.text, false);
  if (doc.terms) count(doc.terms, false);
  return tokens;
}

/** The body in the edition's script, each line the source wrote in traditional script as written. */
function withOriginals(article: Article, convert: (text: string) => string): string {
  return article.body
    .split('\n')
    .map((line, i) => article.originalLines?.[i] ?? convert(line))
    .join('\n');
}
