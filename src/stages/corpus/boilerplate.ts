import type { Article, ArticleTerms, Diagnostic } from '../../model/index.js';
import { escapeStart } from '../../text/markdown.js';
import { bodySummary } from '../../text/summary.js';
import { subtractTerms, textTerms } from '../../text/terms.js';

/**
 * Sentences a site glues into every article (`为达最佳浏览效果，建议使用…浏览器。`, comment-board
 * rules, a teaser for another story) cannot be recognised on one page: they read like prose. Across
 * the corpus they give themselves away by repeating verbatim in many articles.
 */
const MIN_ARTICLES = 10;
/** ...and in at least this share of the corpus, so a small site never loses a real sentence. */
const MIN_SHARE = 0.01;
/** Shorter sentences (好。/ 谢谢。) repeat innocently. */
const MIN_SENTENCE_CHARS = 10;

/** Splits a paragraph after sentence ends and at ideographic-space gaps (glued paragraphs). */
export function sentences(paragraph: string): string[] {
  // Ideographic spaces stay on the piece before them, so joining the kept pieces never glues words.
  return paragraph.split(/(?<=[。！？!?\u3000])(?!\u3000)/u).filter((s) => s.trim().length > 0);
}

/**
 * Only whole sentences (ending in 。！？) long enough to be specific: form labels repeated by every
 * filing (1.人员变动别（请输入…) are the filing's content, not the site's.
 */
const isCandidate = (s: string): boolean => [...s.trim()].length >= MIN_SENTENCE_CHARS && /[。！？!?]$/u.test(s.trim());

const key = (sentence: string): string => sentence.replace(/^\\/u, '').replace(/\s+/gu, '');

/** Markdown blocks that are prose paragraphs (not `##` headings, `>` notes or `*captions*`). */
const isProse = (block: string): boolean => !/^(?:## |>|\*)/u.test(block);

function blocks(body: string): string[] {
  return body.split(/\n{2,}/u).map((b) => b.trim()).filter((b) => b.length > 0);
}

/** Sentences found in enough articles to be boilerplate, with their article counts. */
export function boilerplateSentences(articles: readonly Article[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const b of blocks(a.body).filter(isProse)) {
      for (const s of sentences(b)) if (isCandidate(s)) seen.add(key(s));
    }
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const min = Math.max(MIN_ARTICLES, Math.ceil(articles.length * MIN_SHARE));
  return new Map([...df].filter(([, n]) => n >= min));
}

/** Terms of a removed sentence; the same boilerplate sentence recurs in many articles, so callers memoise. */
export type SentenceTerms = (sentence: string, parks: readonly string[]) => ArticleTerms;

/** Segments each (sentence, parks) once per corpus run. */
export function memoSentenceTerms(): SentenceTerms {
  const memo = new Map<string, ArticleTerms>();
  return (sentence, parks) => {
    const k = `${parks.join('\t')}\n${sentence}`;
    let terms = memo.get(k);
    if (!terms) memo.set(k, (terms = textTerms(sentence, parks)));
    return terms;
  };
}

/**
 * The article without boilerplate sentences (summary recomputed unless an editor wrote it), and a
 * note. Its term counts lose the removed sentences' terms, so the body is not segmented again.
 */
export function stripBoilerplate(article: Article, boilerplate: ReadonlyMap<string, number>, sentenceTerms: SentenceTerms = textTerms): Article {
  const removed: string[] = [];
  const kept = blocks(article.body).flatMap((b) => {
    if (!isProse(b)) return [b];
    const parts = sentences(b);
    const rest = parts.filter((s) => !boilerplate.has(key(s)));
    if (rest.length === parts.length) return [b];
    removed.push(...parts.filter((s) => boilerplate.has(key(s))));
    return rest.length > 0 ? [escapeStart(rest.join('').replace(/^\\/u, ''))] : [];
  });
  if (removed.length === 0) return article;
  const body = kept.length > 0 ? `${kept.join('\n\n')}\n` : '';
  const summary = article.provenance.summary === 'editor' ? article.summary
    : bodySummary(kept.filter(isProse).map((b) => b.replace(/^\\/u, '')), body);
  const most = Math.max(...removed.map((s) => boilerplate.get(key(s))!));
  const note: Diagnostic = {
    file: article.file, line: 0, column: 0, severity: 'info', rule: 'corpus/boilerplate',
    message: `removed ${removed.length} sentence(s) repeated verbatim across the corpus (up to ${most} articles), e.g. 「${[...removed[0]!].slice(0, 24).join('')}…」`,
  };
  const terms = article.terms && subtractTerms(article.terms, removed.map((r) => sentenceTerms(r, article.parks)));
  // Facts computed from the old body would be wrong for the new one.
  const { fingerprints: _fingerprints, readingMinutes: _minutes, ...rest } = article;
  return { ...rest, body, summary, ...(terms && { terms }), diagnostics: [...article.diagnostics, note] };
}
