import path from 'node:path';
import { enrichOne, type CorpusModel } from '../stages/corpus/index.js';
import type { FileResult } from '../run/process.js';
import { sourcePath } from '../stages/load/source-path.js';
import { editions } from '../stages/render/edition.js';
import type { PreviewPages, PreviewRenderer } from '../stages/render/preview.js';
import { HOME_TERMS, LEAD_COUNT } from '../stages/render/pages/home.js';
import { outputPath, pageUrl } from '../stages/render/urls.js';
import { compareLatest, newestDate, rankingOrder } from '../stages/site/order.js';
import { relatedFor, type RelatedModel } from '../stages/site/related.js';
import { articleTerms, keywordMinArticles, type TaxonomyName } from '../stages/site/taxonomies.js';
import { articleUrl, pathKey } from '../stages/site/urls.js';
import type { Article, Config, Page, Site, Term, WriteReport } from '../model/index.js';
import { compareCodeUnits } from '../text/compare.js';

/** What the last full build knew: the site it wrote and the corpus and related models behind it. */
export interface PreviewBase {
  site: Site;
  corpus: CorpusModel;
  related: RelatedModel;
  /** Renders with that build's templates (see `previewRenderer`). */
  render: PreviewRenderer;
}

/** What the builder lends a preview: its cached per-file stages and the in-place writer. */
export interface PreviewIo {
  /** load -> normalize -> extract of one input through the builder's cache; undefined when the file is gone. */
  process(absPath: string): Promise<FileResult | undefined>;
  /** Writes and removes pages in the live output only; undefined when there is no live output to patch. */
  patch(pages: Page[], removed: string[]): Promise<WriteReport | undefined>;
}

/**
 * More changed files than this (a folder copied in) are left to the full rebuild: previewing
 * each would only delay it.
 */
export const MAX_PREVIEW_FILES = 20;

/** Input files the site reads (the rest of a change, templates or public files, needs a full build). */
const SOURCE_EXT = new Set(['.txt', '.md']);

/**
 * Phase 1 of a dev rebuild: puts changed articles on screen fast, before the full rebuild. Only
 * the changed files go through the per-file stages; everything else comes from the last build's
 * model: keywords with its IDF, related articles against its indices, each article's place in
 * 最新 and 排行 and in its term lists. It writes the changed articles' pages, the first home page
 * and the first page of each term list the articles enter or leave (and the last pages of a list
 * that grew by a page), and removes the pages of deleted articles; for a term that gains or loses
 * its page (see `nextTaxonomies`) it also writes its taxonomy's index page and the pages of the
 * articles carrying it, and removes the term's pages. Pages it does not touch (other articles'
 * sidebars, the middle of lists, feeds, search) are left to the full rebuild that follows.
 *
 * Returns undefined, with nothing written, whenever the preview could show something the full
 * build would not: a change outside content/, a file with errors, a slug taken by another file.
 */
export async function previewChange(base: PreviewBase, changed: string[], config: Config, io: PreviewIo): Promise<WriteReport | undefined> {
  const contentDir = path.resolve(config.contentDir);
  if (changed.length === 0 || changed.length > MAX_PREVIEW_FILES) return undefined;
  if (!changed.every((f) => isSource(contentDir, f))) return undefined;
  const previous = new Map(base.site.articles.map((a) => [a.file, a]));
  const removed: Article[] = [];
  const added: Article[] = [];
  for (const file of changed) {
    const result = await io.process(file);
    const before = previous.get(sourcePath(contentDir, file));
    if (before) removed.push(before);
    if (result === undefined) continue;
    if (!result.article || result.diagnostics.some((d) => d.severity === 'error')) return undefined;
    added.push(enrichOne(result.article, base.corpus));
  }
  const next = nextSite(base, removed, added);
  if (!next) return undefined;
  const { site, added: shown, terms } = next;
  const articles = [...new Set([...shown.map((a) => a.slug), ...terms.carriers])];
  // Every home page lists the top keywords and parks: when one of them loses its page, write them all.
  const homeKnownPages = terms.homeCloud ? 0 : pageCount(base.site.latest.length - LEAD_COUNT, config.pageSize);
  const pages = base.render(site, { articles, terms: terms.touched, indexes: terms.indexes, homeKnownPages });
  const written = new Set(pages.map((p) => p.path));
  const urls = [...removed.map((a) => articleUrl(a.slug, a.date)), ...terms.vanished];
  const gone = editions(config).flatMap((e) => urls.map((url) => `${e.dir ? `${e.dir}/` : ''}${outputPath(url)}`))
    .filter((p) => !written.has(p));
  return io.patch(pages, gone);
}

function isSource(contentDir: string, file: string): boolean {
  const rel = path.relative(contentDir, path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && SOURCE_EXT.has(path.extname(file).toLowerCase());
}

/**
 * The last site with `removed` taken out and `added` put in, as far as the pages a preview
 * renders can tell; undefined when a new slug is taken by an article that stays.
 */
function nextSite(base: PreviewBase, removed: Article[], added: Article[]): { site: Site; added: Article[]; terms: TermChanges } | undefined {
  const prev = base.site;
  const gone = new Set(removed.map((a) => a.slug));
  const slugged: Article[] = [];
  const taken = new Set<string>();
  for (const a of added) {
    const slug = pathKey(a.slug || a.hash.slice(0, 10));
    if ((prev.bySlug.has(slug) && !gone.has(slug)) || taken.has(slug)) return undefined;
    taken.add(slug);
    slugged.push({ ...a, slug });
  }
  const bySlug = new Map(prev.bySlug);
  const urls = new Map(prev.urls);
  for (const slug of gone) { bySlug.delete(slug); urls.delete(slug); }
  for (const a of slugged) { bySlug.set(a.slug, a); urls.set(a.slug, articleUrl(a.slug, a.date)); }

  const articles = insertSorted(prev.articles.filter((a) => !gone.has(a.slug)), slugged, compareLatest);
  const latest = articles.map((a) => a.slug);
  const related = new Map(prev.related);
  for (const slug of gone) related.delete(slug);
  const exclude = new Set([...gone, ...taken]);
  for (const a of slugged) related.set(a.slug, relatedFor(base.related, a, exclude));

  const order = rankingOrder(articles, (a) => a.views, prev.config);
  const kept = prev.ranking.filter((s) => !gone.has(s)).map((s) => bySlug.get(s)!);
  // A new newest article (or the newest one removed) moves the ranking's window: rank again.
  const ranking = (newestDate(articles) === newestDate(prev.articles) ? insertSorted(kept, slugged, order) : [...articles].sort(order))
    .map((a) => a.slug);

  const terms = nextTaxonomies(prev, removed, slugged, bySlug);
  const { taxonomies, thinKeywords } = terms;
  const site: Site = { ...prev, articles, bySlug, urls, related, ranking, latest, taxonomies, thinKeywords, diagnostics: [] };
  return { site, added: slugged, terms };
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

/** How a preview's change moves the site's terms, and the pages that shows on. */
interface TermChanges {
  taxonomies: Site['taxonomies'];
  thinKeywords: Term[];
  /** Terms with a page whose articles changed, with the list pages they had (see `firstAndNew` in render/preview). */
  touched: PreviewPages['terms'];
  /** Articles carrying a term that gained or lost its page: their term links change. */
  carriers: string[];
  /** Taxonomies whose index page gains or loses a term. */
  indexes: TaxonomyName[];
  /** Site URLs of every list page of the terms that lost their page. */
  vanished: string[];
  /** A park or keyword listed on every home page lost its page (only ever on a small site). */
  homeCloud: boolean;
}

/**
 * Term lists with the removed articles taken out and the added ones filed in their places, then
 * split as the full build splits them: a keyword with fewer than `keywords.minArticles` articles,
 * or a term of any taxonomy left with none, has no page. A term that gains or loses its page
 * changes its taxonomy's index page and the term links of the articles carrying it; the pages of
 * a term that loses its page are removed, so no page the preview writes links to a page that the
 * full build will not write.
 */
function nextTaxonomies(prev: Site, removed: Article[], added: Article[], bySlug: Map<string, Article>): TermChanges {
  const out: TermChanges = { taxonomies: { ...prev.taxonomies }, thinKeywords: prev.thinKeywords ?? [], touched: [], carriers: [], indexes: [], vanished: [], homeCloud: false };
  const latestOrder = (x: string, y: string): number => compareLatest(bySlug.get(x)!, bySlug.get(y)!);
  for (const tax of Object.keys(prev.taxonomies) as TaxonomyName[]) {
    const changes = new Map<string, { name: string; url: string; out: Set<string>; in: string[] }>();
    const change = (t: Pick<Term, 'name' | 'key' | 'url'>) => {
      let c = changes.get(t.key);
      if (!c) changes.set(t.key, (c = { name: t.name, url: t.url, out: new Set(), in: [] }));
      return c;
    };
    for (const a of removed) for (const t of articleTerms(a)[tax]) change(t).out.add(a.slug);
    for (const a of added) for (const t of articleTerms(a)[tax]) change(t).in.push(a.slug);
    if (changes.size === 0) continue;
    const paged = prev.taxonomies[tax];
    const before = new Map(paged.map((t) => [t.key, t]));
    const changed = new Set(changes.keys());
    const terms = (tax === 'keywords' ? [...paged, ...out.thinKeywords] : paged).map((term) => {
      const c = changes.get(term.key);
      if (!c) return term;
      changes.delete(term.key);
      return { ...term, slugs: insertSorted(term.slugs.filter((s) => !c.out.has(s)), c.in, latestOrder) };
    });
    for (const [key, c] of changes) if (c.in.length > 0) terms.push({ name: c.name, key, url: c.url, slugs: insertSorted([], c.in, latestOrder) });
    const min = tax === 'keywords' ? keywordMinArticles(prev.config) : 1;
    const sorted = tax === 'months'
      ? terms.sort((x, y) => compareCodeUnits(y.key, x.key))
      : terms.sort((x, y) => y.slugs.length - x.slugs.length || compareCodeUnits(x.key, y.key));
    out.taxonomies[tax] = sorted.filter((t) => t.slugs.length >= min);
    if (tax === 'keywords') out.thinKeywords = sorted.filter((t) => t.slugs.length > 0 && t.slugs.length < min);
    const after = new Map(sorted.map((t) => [t.key, t]));
    for (const key of changed) {
      const had = before.get(key);
      const now = after.get(key);
      const has = now !== undefined && now.slugs.length >= min;
      if (has) out.touched.push({ taxonomy: tax, term: now, knownPages: had ? pageCount(had.slugs.length, prev.config.pageSize) : 0 });
      if (Boolean(had) === has) continue;
      if (!out.indexes.includes(tax)) out.indexes.push(tax);
      out.carriers.push(...(now?.slugs ?? []));
      if (!had) continue;
      out.vanished.push(...listPageUrls(had, prev.config.pageSize));
      if (tax === 'keywords' || tax === 'parks') out.homeCloud ||= paged.slice(0, HOME_TERMS).includes(had);
    }
  }
  return out;
}

/** Pages of a list of `items` (an empty list still has its first page). */
function pageCount(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

/** Site URLs of every page of a term's article list. */
function listPageUrls(term: Term, pageSize: number): string[] {
  return Array.from({ length: pageCount(term.slugs.length, pageSize) }, (_, i) => pageUrl(term.url, i + 1));
}
