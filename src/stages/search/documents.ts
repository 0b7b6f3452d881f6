import { summarize } from '../../text/summary.js';
import { articleKeywords, type Article } from '../../model/index.js';
import { tokenize } from './tokens.js';

/** token -> weight: `min(tf, MAX_TF) * 2 + (in title ? 1 : 0)`, so one small number per posting. */
export type DocTokens = Map<string, number>;

/** What a result list shows of a document (the search page fetches these in chunks). */
export interface SearchDoc {
  /** Site URL, percent-encoded, before the path prefix. */
  url: string;
  title: string;
  /** `YYYY-MM-DD`, or null for an undated article. */
  date: string | null;
  /** A short plain-text summary, the snippet when the hit is not in the body. */
  summary: string;
}

/** Term frequency saturates here: a word said 127 times is no more relevant than one said 127 times. */
export const MAX_TF = 127;
/** Summary length in the doc metadata (characters): a result line, not the article's full summary. */
const RESULT_SUMMARY_CHARS = 80;
/** A markdown link or image destination `](...)`: the URL is not article text. */
const LINK_DESTINATION = /\]\([^)]*\)/g;

/**
 * Tokens of one article in one edition's script (`convert` turns simplified text into it): title,
 * body, keywords and parks; never page furniture. Pure, so callers may cache it by slug and hash.
 * The body is tokenized as markdown source: markdown's syntax is punctuation, which is never a token.
 * With `ownOriginals` (the traditional edition) a traditional original's lines are indexed as the
 * source wrote them, as its page shows them, so the page's phrase check finds what the index found.
 */
export function documentTokens(article: Article, convert: (text: string) => string = (t) => t, ownOriginals = false): DocTokens {
  const tokens: DocTokens = new Map();
  const count = (text: string, title: boolean, converted = false): void => {
    for (const t of tokenize(converted ? text : convert(text))) {
      const w = tokens.get(t) ?? 0;
      tokens.set(t, Math.min((w >> 1) + 1, MAX_TF) * 2 + ((w & 1) | (title ? 1 : 0)));
    }
  };
  count(article.title, true);
  if (ownOriginals && article.originalLines) count(withOriginals(article, convert).replace(LINK_DESTINATION, ']'), false, true);
  else count(article.body.replace(LINK_DESTINATION, ']'), false);
  const terms = [...articleKeywords(article), ...article.parks];
  if (terms.length) count(terms.join('\n'), false);
  return tokens;
}

/** The result-list entry of an article at `url` in one edition's script. */
export function searchDoc(article: Article, url: string, convert: (text: string) => string = (t) => t): SearchDoc {
  return {
    url: encodeURI(url),
    title: convert(article.title),
    date: article.date ? article.date.slice(0, 10) : null,
    summary: convert(summarize(article.summary, RESULT_SUMMARY_CHARS)),
  };
}

/** The body in the edition's script, each line the source wrote in traditional script as written. */
function withOriginals(article: Article, convert: (text: string) => string): string {
  return article.body
    .split('\n')
    .map((line, i) => article.originalLines?.[i] ?? convert(line))
    .join('\n');
}
