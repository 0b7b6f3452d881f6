import type { Article, Config } from '../../model/index.js';
import { duplicateDiagnostic, findDuplicates, sharedDiagnostic } from './duplicates.js';
import { computeKeywords, keywordsWith, type KeywordModel } from './keywords.js';
import { boilerplateSentences, memoSentenceTerms, stripBoilerplate } from './boilerplate.js';

/**
 * Corpus-level extraction, run after every file is extracted and before the site is built:
 * sentences repeated verbatim across many articles removed as boilerplate, computed keywords (TF-IDF with an IDF from this corpus) for articles whose page states none,
 * and near-duplicate marking (`duplicateOf`, which copy per config.duplicates.keep).
 * Returns new article objects in the same order; the inputs are not modified.
 */
export function enrichCorpus(input: Article[], config: Config, keep?: (model: CorpusModel) => void): Article[] {
  const boilerplate = boilerplateSentences(input);
  const sentenceTerms = memoSentenceTerms();
  const articles = input.map((a) => stripBoilerplate(a, boilerplate, sentenceTerms));
  const computed = computeKeywords(articles, keep && ((keywords) => keep({ boilerplate, keywords })));
  const enriched = articles.map((a, i): Article => withKeywords({ ...a, diagnostics: [...a.diagnostics] }, computed[i]!));
  const byFile = new Map(enriched.map((a) => [a.file, a]));
  const { groups, shared } = findDuplicates(enriched, config.duplicates.keep);
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
  return enriched;
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
export function enrichOne(article: Article, model: CorpusModel): Article {
  const stripped = stripBoilerplate(article, model.boilerplate);
  const a = { ...stripped, diagnostics: [...stripped.diagnostics] };
  return a.keywords.length > 0 ? a : withKeywords(a, keywordsWith(model.keywords, a));
}

function withKeywords(a: Article, computed: string[]): Article {
  if (a.keywords.length > 0) return a;
  return { ...a, computedKeywords: computed, provenance: { ...a.provenance, computed_keywords: 'computed' } };
}
