import type { Article, ArticleFacts, Config, FactsByFile } from '../../model/index.js';
import { boilerplateSentences, memoSentenceTerms, stripBoilerplate, type WithFacts } from './boilerplate.js';
import { duplicateDiagnostic, findDuplicates, sharedDiagnostic } from './duplicates.js';
import { computeKeywords, keywordsWith, type KeywordModel } from './keywords.js';

/** The corpus step's articles and the facts of their bodies as it leaves them (changed where it changed a body). */
export interface Enriched {
  articles: Article[];
  facts: Map<string, ArticleFacts>;
}

/**
 * corpus: every extracted article at once, after the per-file stages and before the site: sentences
 * repeated verbatim across many articles removed as boilerplate, computed keywords (TF-IDF with an
 * IDF from this corpus) for articles whose page states none, and near-duplicate marking
 * (`duplicateOf`, which copy per config.duplicates.keep). `facts` holds every article's facts by
 * file. Returns new article objects in the same order; the inputs are not modified.
 */
export function enrichCorpus(input: readonly Article[], facts: FactsByFile, config: Config, keep?: (model: CorpusModel) => void): Enriched {
  const boilerplate = boilerplateSentences(input);
  const sentenceTerms = memoSentenceTerms();
  const stripped = input.map((a) => stripBoilerplate(a, facts.get(a.file)!, boilerplate, sentenceTerms));
  const computed = computeKeywords(
    stripped.map((s) => s.facts.terms.keywords),
    keep && ((keywords) => keep({ boilerplate, keywords })),
  );
  const articles = stripped.map((s, i): Article => withKeywords({ ...s.article, diagnostics: [...s.article.diagnostics] }, computed[i]!));
  const byFile = new Map(articles.map((a) => [a.file, a]));
  const { groups, shared } = findDuplicates(
    articles,
    stripped.map((s) => s.facts.fingerprints),
    config.duplicates.keep,
  );
  for (const group of groups) {
    for (const d of group.dropped) {
      const article = byFile.get(d.file)!;
      article.duplicateOf = group.kept.file;
      article.diagnostics.push(duplicateDiagnostic(article, group.kept, config.duplicates.keep));
    }
  }
  for (const { a, b, containment } of shared) {
    byFile.get(a.file)!.diagnostics.push(sharedDiagnostic(a, b, containment));
    byFile.get(b.file)!.diagnostics.push(sharedDiagnostic(b, a, containment));
  }
  return { articles, facts: new Map(stripped.map((s) => [s.article.file, s.facts])) };
}

/** What the corpus step learnt from the whole corpus, kept by `dev` to enrich one changed article quickly. */
export interface CorpusModel {
  boilerplate: ReadonlyMap<string, number>;
  keywords: KeywordModel;
}

/**
 * One article enriched against an earlier corpus: its boilerplate removed and keywords computed
 * with that corpus's statistics. Near-duplicates are not looked for (that needs the whole corpus).
 */
export function enrichOne(article: Article, facts: ArticleFacts, model: CorpusModel): WithFacts {
  const stripped = stripBoilerplate(article, facts, model.boilerplate);
  const a = { ...stripped.article, diagnostics: [...stripped.article.diagnostics] };
  return {
    article: a.keywords.length > 0 ? a : withKeywords(a, keywordsWith(model.keywords, stripped.facts.terms.keywords)),
    facts: stripped.facts,
  };
}

function withKeywords(a: Article, computed: string[]): Article {
  if (a.keywords.length > 0) return a;
  return { ...a, computedKeywords: computed, provenance: { ...a.provenance, computed_keywords: 'computed' } };
}
