// A built site with a few articles removed and added, by the same rules buildSite applies: dev's quick preview.
import { articleUrl, type Article, type ArticleFacts, type Site, type Term } from '../../model/index.js';
import { compareLatest } from './order.js';
import { rankArticles } from './ranking.js';
import { relatedFor, type RelatedModel } from './related.js';
import { articleTerms, compareMonths, compareTerms, keywordMinArticles, type TaxonomyName } from './taxonomies.js';
import { baseSlug } from './urls.js';
import { withPageviews } from './index.js';

/** What a site was built from and with, as `applyChange` needs it. */
export interface SiteBase {
  site: Site;
  /** The related-articles indices of that build (see SiteInputs.keepRelated). */
  related: RelatedModel;
  /** The page views it was built with. */
  pageviews?: ReadonlyMap<string, number>;
  /** The build's year it was built with (SiteInputs.year). */
  year?: number;
}

/** How one term changed: its articles, and whether it has a page (a taxonomy index entry, list pages). */
export interface TermChange {
  taxonomy: TaxonomyName;
  /** The term before, when it had a page. */
  before?: Term;
  /** The term after (with its page or not; it may have no articles left). */
  after?: Term;
  /** Whether it has a page after. */
  hasPage: boolean;
}

export interface SiteChange {
  site: Site;
  /** The added articles as the site shows them (their slugs checked unique). */
  added: Article[];
  /** Every term an added or removed article is filed under. */
  terms: TermChange[];
}

/**
 * The site with `removed` taken out and `added` put in, as far as the pages of those articles, the
 * first pages of the lists they enter or leave and the term index pages can tell: each article's
 * place in 最新 and in its term lists, 排行 ranked anew, its related articles against the last build's
 * indices, and which terms gain or lose their page. Everything else (other articles' related, the
 * duplicates) stays as it was until the next full build. Undefined when an added article's slug is
 * taken by an article that stays: only a full build can settle that.
 */
export function applyChange(
  base: SiteBase,
  removed: Article[],
  added: { article: Article; facts: ArticleFacts }[],
): SiteChange | undefined {
  const prev = base.site;
  const gone = new Set(removed.map((a) => a.slug));
  const taken = new Set<string>();
  const slugged: Article[] = [];
  for (const { article } of added) {
    const slug = baseSlug(article);
    if ((prev.bySlug.has(slug) && !gone.has(slug)) || taken.has(slug)) return undefined;
    taken.add(slug);
    slugged.push({ ...article, slug });
  }
  const shown = withPageviews(slugged, base.pageviews);
  const bySlug = new Map(prev.bySlug);
  const urls = new Map(prev.urls);
  for (const slug of gone) {
    bySlug.delete(slug);
    urls.delete(slug);
  }
  for (const a of shown) {
    bySlug.set(a.slug, a);
    urls.set(a.slug, articleUrl(a.slug, a.date));
  }
  const articles = insertSorted(
    prev.articles.filter((a) => !gone.has(a.slug)),
    shown,
    compareLatest,
  );
  const related = new Map(prev.related);
  for (const slug of gone) related.delete(slug);
  const exclude = new Set([...gone, ...taken]);
  shown.forEach((a, i) => related.set(a.slug, relatedFor(base.related, a, added[i]!.facts.terms.words, exclude)));
  const { taxonomies, thinKeywords, terms } = nextTaxonomies(prev, removed, shown, bySlug);
  const site: Site = {
    ...prev,
    articles,
    bySlug,
    urls,
    related,
    // Ranked anew, by the same function as buildSite: the added articles' related lists change
    // how often others are chosen, and a new date may move the window.
    ranking: rankArticles(articles, { views: (a) => a.views, related, year: base.year }, prev.config).map((a) => a.slug),
    latest: articles.map((a) => a.slug),
    taxonomies,
    thinKeywords,
    diagnostics: [],
  };
  return { site, added: shown, terms };
}

/** `items` (sorted by `order`) with `extra` put in their places by binary search. */
function insertSorted<T>(items: T[], extra: T[], order: (a: T, b: T) => number): T[] {
  const out = [...items];
  for (const x of extra) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(out[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, x);
  }
  return out;
}

/**
 * Term lists with the removed articles taken out and the added ones filed in their places, then
 * split as buildSite splits them: a keyword with fewer than `keywords.minArticles` articles, or a
 * term of any taxonomy left with none, has no page.
 */
function nextTaxonomies(
  prev: Site,
  removed: Article[],
  added: Article[],
  bySlug: ReadonlyMap<string, Article>,
): Pick<Site, 'taxonomies' | 'thinKeywords'> & { terms: TermChange[] } {
  const taxonomies = { ...prev.taxonomies };
  let thinKeywords = prev.thinKeywords ?? [];
  const changes: TermChange[] = [];
  const latestOrder = (x: string, y: string): number => compareLatest(bySlug.get(x)!, bySlug.get(y)!);
  for (const tax of Object.keys(prev.taxonomies) as TaxonomyName[]) {
    const moves = new Map<string, { name: string; url: string; out: Set<string>; in: string[] }>();
    const move = (t: Pick<Term, 'name' | 'key' | 'url'>) => {
      let m = moves.get(t.key);
      if (!m) moves.set(t.key, (m = { name: t.name, url: t.url, out: new Set(), in: [] }));
      return m;
    };
    for (const a of removed) for (const t of articleTerms(a)[tax]) move(t).out.add(a.slug);
    for (const a of added) for (const t of articleTerms(a)[tax]) move(t).in.push(a.slug);
    if (moves.size === 0) continue;
    const paged = prev.taxonomies[tax];
    // The changed terms that had a page, found on the way (not a map of every term: one save, tens of thousands of terms).
    const before = new Map<string, Term>();
    const changed = [...moves.keys()];
    // The terms no article moved in or out of keep their order; the others are put back in theirs.
    const updated = new Map<string, Term>();
    const kept = (tax === 'keywords' ? [...paged, ...thinKeywords] : paged).filter((term, i) => {
      const m = moves.get(term.key);
      if (!m) return true;
      if (i < paged.length) before.set(term.key, term);
      moves.delete(term.key);
      updated.set(term.key, {
        ...term,
        slugs: insertSorted(
          term.slugs.filter((s) => !m.out.has(s)),
          m.in,
          latestOrder,
        ),
      });
      return false;
    });
    for (const [key, m] of moves)
      if (m.in.length > 0) updated.set(key, { name: m.name, key, url: m.url, slugs: insertSorted([], m.in, latestOrder) });
    const min = tax === 'keywords' ? keywordMinArticles(prev.config) : 1;
    const filed = [...updated.values()].filter((t) => t.slugs.length > 0);
    const sorted = insertSorted(kept, filed, tax === 'months' ? compareMonths : compareTerms);
    taxonomies[tax] = sorted.filter((t) => t.slugs.length >= min);
    if (tax === 'keywords') thinKeywords = sorted.filter((t) => t.slugs.length < min);
    for (const key of changed) {
      const now = updated.get(key);
      changes.push({ taxonomy: tax, before: before.get(key), after: now, hasPage: now !== undefined && now.slugs.length >= min });
    }
  }
  return { taxonomies, thinKeywords, terms: changes };
}
