import type { Article, Config } from '../types.js';
import { duplicateDiagnostic, findDuplicates, sharedDiagnostic } from './duplicates.js';
import { computeKeywords } from './keywords.js';
import { boilerplateSentences, memoSentenceTerms, stripBoilerplate } from './boilerplate.js';

/**
 * Corpus-level extraction, run after every file is extracted and before the site is built:
 * sentences repeated verbatim across many articles removed as boilerplate, computed keywords (TF-IDF with an IDF from this corpus) for articles whose page states none,
 * and near-duplicate marking (`duplicateOf`, which copy per config.duplicates.keep).
 * Returns new article objects in the same order; the inputs are not modified.
 */
export function enrichCorpus(input: Article[], config: Config): Article[] {
  const boilerplate = boilerplateSentences(input);
  const sentenceTerms = memoSentenceTerms();
  const articles = input.map((a) => stripBoilerplate(a, boilerplate, sentenceTerms));
  const computed = computeKeywords(articles);
  const enriched = articles.map((a, i): Article => {
    const copy = { ...a, diagnostics: [...a.diagnostics] };
    if (a.keywords.length > 0) return copy;
    return { ...copy, computedKeywords: computed[i]!, provenance: { ...a.provenance, computed_keywords: 'computed' } };
  });
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
