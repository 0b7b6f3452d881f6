import { type Article, type Diagnostic, diagnostic, pathKey } from '../../model/index.js';
import { compareCodeUnits } from '../../text/compare.js';

/**
 * Gives every article a unique slug. Articles are taken in order of `file` so the article that
 * keeps the bare slug never depends on load order; the others get `-2`, `-3` ... and a warning.
 */
export function uniqueSlugs(articles: Article[]): { articles: Article[]; diagnostics: Diagnostic[] } {
  const taken = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const renamed = new Map<string, string>();
  // The suffix each base tries next: the ones below it are taken (and stay taken), so a base shared
  // by k articles costs k probes, not k².
  const nextSuffix = new Map<string, number>();
  for (const a of [...articles].sort((x, y) => compareCodeUnits(x.file, y.file))) {
    const base = baseSlug(a);
    let slug = base;
    if (taken.has(slug)) {
      let n = nextSuffix.get(base) ?? 2;
      while (taken.has((slug = `${base}-${n}`))) n++;
      nextSuffix.set(base, n + 1);
    }
    taken.add(slug);
    if (slug !== a.slug) renamed.set(a.file, slug);
    if (slug !== base) {
      const message = `Slug "${base}" is already used by another article; this one is published as "${slug}".`;
      diagnostics.push(diagnostic(a.file, 'site/slug-collision', 'warning', message));
    }
  }
  return {
    articles: articles.map((a) => (renamed.has(a.file) ? { ...a, slug: renamed.get(a.file)! } : a)),
    diagnostics,
  };
}

/** The slug an article asks for (its own, else from its hash), made path-safe; `uniqueSlugs` suffixes it when taken. */
export function baseSlug(a: Pick<Article, 'slug' | 'hash'>): string {
  return pathKey(a.slug || a.hash.slice(0, 10));
}
