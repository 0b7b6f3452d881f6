import { diagnostic, type Article, type ArticleFacts } from '../../model/index.js';
import { charLength, firstChars } from '../../text/chars.js';
import { bodyMinutes } from '../../text/reading.js';
import { bodyFingerprints } from './duplicates.js';
import { escapeStart } from '../../text/markdown.js';
import { bodySummary } from '../../text/summary.js';
import { subtractTerms, textTerms, type ArticleTerms } from '../../text/terms.js';

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
const isCandidate = (s: string): boolean => charLength(s.trim()) >= MIN_SENTENCE_CHARS && /[。！？!?]$/u.test(s.trim());

const key = (sentence: string): string => sentence.replace(/^\\/u, '').replace(/\s+/gu, '');

/** Markdown blocks that are prose paragraphs (not `##` headings, `>` notes or `*captions*`). */
const isProse = (block: string): boolean => !/^(?:## |>|\*)/u.test(block);

function blocks(body: string): string[] {
  return body
    .split(/\n{2,}/u)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
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

/** An article and its facts, as the corpus step hands them on. */
export interface WithFacts {
  article: Article;
  facts: ArticleFacts;
}

/**
 * The article without boilerplate sentences (summary recomputed unless an editor wrote it), and a
 * note, with facts for the new body: its term counts lose the removed sentences' terms, so the body
 * is not segmented again; fingerprints and reading time are made anew.
 */
export function stripBoilerplate(
  article: Article,
  facts: ArticleFacts,
  boilerplate: ReadonlyMap<string, number>,
  sentenceTerms: SentenceTerms = textTerms,
): WithFacts {
  const removed: string[] = [];
  const kept = blocks(article.body).flatMap((b) => {
    if (!isProse(b)) return [b];
    const parts = sentences(b);
    const rest = parts.filter((s) => !boilerplate.has(key(s)));
    if (rest.length === parts.length) return [b];
    removed.push(...parts.filter((s) => boilerplate.has(key(s))));
    return rest.length > 0 ? [escapeStart(rest.join('').replace(/^\\/u, ''))] : [];
  });
  if (removed.length === 0) return { article, facts };
  const body = kept.length > 0 ? `${kept.join('\n\n')}\n` : '';
  const summary =
    article.provenance.summary === 'editor'
      ? article.summary
      : bodySummary(
          kept.filter(isProse).map((b) => b.replace(/^\\/u, '')),
          body,
        );
  const most = Math.max(...removed.map((s) => boilerplate.get(key(s))!));
  const note = diagnostic(
    article.file,
    'corpus/boilerplate',
    'info',
    `removed ${removed.length} sentence(s) repeated verbatim across the corpus (up to ${most} articles), e.g. 「${firstChars(removed[0]!, 24)}…」`,
  );
  return {
    article: { ...article, body, summary, diagnostics: [...article.diagnostics, note] },
    facts: {
      terms: subtractTerms(
        facts.terms,
        removed.map((r) => sentenceTerms(r, article.parks)),
      ),
      fingerprints: bodyFingerprints(body),
      readingMinutes: bodyMinutes(body),
    },
  };
}
