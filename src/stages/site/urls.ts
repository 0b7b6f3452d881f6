import { type Article, type Diagnostic, diagnostic, keyChange, pathKey } from '../../model/index.js';
import { compareCodeUnits } from '../../text/compare.js';
import { articleTerms } from './taxonomies.js';

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

/** What each taxonomy's values are called in a message. */
const VALUE_NAMES = { keywords: 'keyword', parks: 'park', sources: 'source', sections: 'category' } as const;

/** The warning's rule and the reason it gives, by the way `pathKey` changed the key. */
const KEY_CHANGES = {
  reserved: { rule: 'site/reserved-name', why: 'is a name the site uses for its own files' },
  'too long': { rule: 'site/long-name', why: 'is too long for a folder name' },
} as const;

/**
 * A warning for each value of an article whose URL key `pathKey` had to change (a name the site
 * writes its own files under, or too long for a folder): the page works, but such a value is
 * almost always a scraping or typing mistake (`来源：index.html`, a paragraph taken for a source),
 * so the editor should see it and `check --strict` fail on it. Articles in the given order; per
 * article, its slug, then stated keywords, parks, sources and category.
 */
export function urlKeyDiagnostics(articles: Article[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (a: Article, value: string, message: (why: string) => string) => {
    const change = KEY_CHANGES[keyChange(value)!];
    out.push(diagnostic(a.file, change.rule, 'warning', message(change.why)));
  };
  for (const a of articles) {
    if (a.slug && keyChange(a.slug))
      warn(a, a.slug, (why) => `slug "${a.slug}" ${why}; the article is published as "${baseSlug(a)}" instead.`);
    const terms = articleTerms(a);
    // Computed keywords are words of the text, not values anyone typed: their keys are changed all
    // the same, but there is nothing for the editor to correct.
    if (a.keywords.length === 0) terms.keywords = [];
    for (const tax of Object.keys(VALUE_NAMES) as (keyof typeof VALUE_NAMES)[]) {
      for (const t of terms[tax].filter((term) => keyChange(term.name)))
        warn(a, t.name, (why) => `${VALUE_NAMES[tax]} "${t.name}" ${why}; its URL is ${t.url} instead.`);
    }
  }
  return out;
}
