import type { Article, Diagnostic } from '../../model/index.js';
import { compareCodeUnits } from '../../text/compare.js';

/**
 * Characters that cannot appear in one path segment of a URL or a file name on any common host.
 * Chinese characters are kept: a key like 江北新区 is readable and percent-encoded only in hrefs.
 */
const UNSAFE_SEGMENT = /[\s/\\?#%&:*"<>|'`^{}[\]~+=,;!@$]+/gu;

/** A readable, path-safe key for a term or slug; never drops CJK characters. */
export function pathKey(name: string): string {
  const key = name.normalize('NFC').replace(UNSAFE_SEGMENT, '-').replace(/^-+|-+$/g, '').replace(/^\.+/, '');
  return key.toLowerCase() || 'x';
}

/** `/articles/2024/03/<slug>/` for dated articles, `/articles/undated/<slug>/` otherwise. */
export function articleUrl(slug: string, date: string | null): string {
  const ym = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return ym ? `/articles/${ym[1]}/${ym[2]}/${slug}/` : `/articles/undated/${slug}/`;
}

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
    const base = pathKey(a.slug || a.hash.slice(0, 10));
    let slug = base;
    if (taken.has(slug)) {
      let n = nextSuffix.get(base) ?? 2;
      while (taken.has((slug = `${base}-${n}`))) n++;
      nextSuffix.set(base, n + 1);
    }
    taken.add(slug);
    if (slug !== a.slug) renamed.set(a.file, slug);
    if (slug !== base) {
      diagnostics.push({
        file: a.file, line: 0, column: 0, severity: 'warning', rule: 'site/slug-collision',
        message: `Slug "${base}" is already used by another article; this one is published as "${slug}".`,
      });
    }
  }
  return {
    articles: articles.map((a) => (renamed.has(a.file) ? { ...a, slug: renamed.get(a.file)! } : a)),
    diagnostics,
  };
}
