// A built site with a few articles removed and added, by the same rules buildSite applies: dev's quick preview.
import { articleUrl, type Article, type ArticleFacts, type Site, type Term } from '../../model/index.js';
import { compareLatest } from './order.js';
import { rankOrder, rankTable, rearrangeRankTable, type RankTable } from './ranking.js';
import { relatedFor, type RelatedModel } from './related.js';
import { articleTerms, compareMonths, compareTerms, keywordMinArticles, splitByCount, type TaxonomyName } from './taxonomies.js';
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
  const index = changeIndex(prev);
  const { articles, from, moved } = nextLatest(prev, index, gone, shown);
  const latest: string[] = [];
  from.forEach((f, j) => latest.push(f >= 0 ? prev.latest[f]! : articles[j]!.slug));
  const related = new Map(prev.related);
  for (const slug of gone) related.delete(slug);
  const exclude = new Set([...gone, ...taken]);
  shown.forEach((a, i) => related.set(a.slug, relatedFor(base.related, a, added[i]!.facts.terms.words, exclude)));
  const rows = shown.map((article) => ({
    article,
    views: article.views ?? -1,
    chosen: related.get(article.slug)!.map((s) => {
      const row = index.rows.get(s);
      return row === undefined ? -1 : moved[row]!;
    }),
  }));
  const { taxonomies, thinKeywords, terms } = nextTaxonomies(prev, removed, shown, bySlug);
  const site: Site = {
    ...prev,
    articles,
    bySlug,
    urls,
    related,
    // Ranked anew, by the same rules as buildSite, from the last build's table with the changed
    // rows: the added articles' related lists change how often others are chosen, and a new date
    // may move the window.
    ranking: rankOrder(rearrangeRankTable(index.rank, from, moved, rows), base.year, prev.config).map((j) => latest[j]!),
    latest,
    taxonomies,
    thinKeywords,
    diagnostics: [],
  };
  return { site, added: shown, terms };
}

/** What a change reads of the last build's site beyond the site itself, made once per site (see prepareChange). */
interface ChangeIndex {
  /** Each article's place in 最新 (its row in `rank`), by slug. */
  rows: Map<string, number>;
  rank: RankTable;
}

const changeIndexes = new WeakMap<Site, ChangeIndex>();

function changeIndex(site: Site): ChangeIndex {
  let index = changeIndexes.get(site);
  if (!index) {
    index = {
      rows: new Map(site.latest.map((slug, i) => [slug, i])),
      rank: rankTable(site.articles, { views: (a) => a.views, related: site.related }),
    };
    changeIndexes.set(site, index);
  }
  return index;
}

/**
 * Makes what `applyChange` reads of a built site beyond the site itself (its articles' rows in the
 * ranking table, each term list's places by key), so the first change after a build does not: dev
 * calls it after each build, while it waits for a save.
 */
export function prepareChange(site: Site): void {
  changeIndex(site);
  for (const list of [...Object.values(site.taxonomies), site.thinKeywords ?? []]) termIndex(list);
}

/**
 * 最新 with the `gone` slugs taken out and `shown` put in their places, found by the last build's
 * rows instead of reading every article; with `from`, each new row's row before (-(k + 1) for
 * shown[k]), and `moved`, each row before's new row (-1: gone; an article replaced by one of the
 * same slug moves to it, as what chose it chooses its successor).
 */
function nextLatest(
  prev: Site,
  index: ChangeIndex,
  gone: ReadonlySet<string>,
  shown: readonly Article[],
): { articles: Article[]; from: Int32Array; moved: Int32Array } {
  const goneRows = [...gone].map((slug) => index.rows.get(slug)!).sort((a, b) => a - b);
  const articles = insertSorted(withoutPlaces(prev.articles, goneRows), shown, compareLatest);
  // Any value of 0 or more marks a row of an article that stays, filled in below.
  const from = new Int32Array(articles.length);
  const shownRows = shown.map((a) => articles.indexOf(a));
  shownRows.forEach((j, k) => (from[j] = -(k + 1)));
  const moved = new Int32Array(prev.articles.length).fill(-1);
  const isGone = new Uint8Array(prev.articles.length);
  for (const r of goneRows) isGone[r] = 1;
  let r = 0;
  for (let j = 0; j < from.length; j++) {
    if (from[j]! < 0) continue;
    while (isGone[r]) r++;
    from[j] = r;
    moved[r++] = j;
  }
  shown.forEach((a, k) => {
    const before = index.rows.get(a.slug);
    if (before !== undefined && isGone[before]) moved[before] = shownRows[k]!;
  });
  return { articles, from, moved };
}

/** `items` without the items at `places` (ascending). */
function withoutPlaces<T>(items: readonly T[], places: readonly number[]): T[] {
  const out = items.slice();
  for (let k = places.length - 1; k >= 0; k--) out.splice(places[k]!, 1);
  return out;
}

/**
 * Each term list's place of each key, kept as long as the list lives: dev's previews all start from
 * the last build's lists, tens of thousands of keywords that one save must not look through by key.
 */
const termIndexes = new WeakMap<readonly Term[], Map<string, number>>();

function termIndex(list: readonly Term[]): Map<string, number> {
  let index = termIndexes.get(list);
  if (!index) termIndexes.set(list, (index = new Map(list.map((t, i) => [t.key, i]))));
  return index;
}

/** `items` (sorted by `order`) with `extra` put in their places by binary search. */
function insertSorted<T>(items: readonly T[], extra: readonly T[], order: (a: T, b: T) => number): T[] {
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
    const lists = tax === 'keywords' ? [paged, thinKeywords] : [paged];
    // The changed terms that had a page.
    const before = new Map<string, Term>();
    const changed = [...moves.keys()];
    // The terms no article moved in or out of keep their order; the others are put back in theirs.
    const updated = new Map<string, Term>();
    const kept = lists.map((list, l) => {
      const places: number[] = [];
      for (const key of changed) {
        const at = termIndex(list).get(key);
        const m = moves.get(key);
        if (at === undefined || !m) continue;
        const term = list[at]!;
        if (l === 0) before.set(key, term);
        moves.delete(key);
        places.push(at);
        updated.set(key, {
          ...term,
          slugs: insertSorted(
            term.slugs.filter((s) => !m.out.has(s)),
            m.in,
            latestOrder,
          ),
        });
      }
      return withoutPlaces(
        list,
        places.sort((a, b) => a - b),
      );
    });
    for (const [key, m] of moves)
      if (m.in.length > 0) updated.set(key, { name: m.name, key, url: m.url, slugs: insertSorted([], m.in, latestOrder) });
    const min = tax === 'keywords' ? keywordMinArticles(prev.config) : 1;
    const filed = [...updated.values()].filter((t) => t.slugs.length > 0);
    const sorted = insertSorted(([] as Term[]).concat(...kept), filed, tax === 'months' ? compareMonths : compareTerms);
    if (tax === 'keywords') ({ paged: taxonomies[tax], thin: thinKeywords } = splitByCount(sorted, min));
    else taxonomies[tax] = sorted.filter((t) => t.slugs.length >= min);
    for (const key of changed) {
      const now = updated.get(key);
      changes.push({ taxonomy: tax, before: before.get(key), after: now, hasPage: now !== undefined && now.slugs.length >= min });
    }
  }
  return { taxonomies, thinKeywords, terms: changes };
}
