import { articleKeywords, type Article, type FactsByFile, type OutputPage, type Site } from '../../model/index.js';
import { sha256 } from '../../text/hash.js';
import { renderContext } from './context.js';
import { editionBodyHtml, editionPath, editions, type Edition } from './edition.js';
import { createEnvironment } from './environment.js';
import { feedPages, fullTimestamp, type FeedItem } from './feeds.js';
import { createMarkdown, maxParagraphChars } from './markdown.js';
import { articleRenderer, type ArticleBody } from './articles.js';
import type { PageReuse } from './keys.js';
import { renderHome, renderNotFound, renderSearch } from './home.js';
import { renderTaxonomies } from './terms.js';
import { robotsPage, sitemapPages } from './sitemap.js';
import { absoluteUrl } from './urls.js';

/**
 * render: Site -> pages, one at a time, so the writer can write each page and drop it: memory
 * stays that of the site model, not of the rendered site. `facts` are the articles' facts by file.
 * Templates are compiled once per build; each article body is rendered once and shared by its page
 * in every edition. The order of pages is fixed (not sorted), so the output is deterministic; where
 * two pages claim one path, the first wins. With `reuse`, pages the live build holds as they would
 * be made now are not made again (templatePage): they come as KeptPages.
 */
export async function* renderSite(site: Site, facts: FactsByFile, reuse?: PageReuse): AsyncGenerator<OutputPage, void, undefined> {
  const env = createEnvironment(site.config);
  const md = createMarkdown(maxParagraphChars(site.config));
  const all = editions(site.config);
  const contexts = all.map((edition) => renderContext(site, facts, env, edition, all, reuse));
  const out = new PageLog();
  for (const ctx of contexts) yield* out.take(renderHome(ctx), ctx.edition);
  const renderers = contexts.map((ctx) => ({ edition: ctx.edition, render: articleRenderer(ctx) }));
  for (const [i, slug] of site.latest.entries()) {
    const a = site.bySlug.get(slug)!;
    let html: string | undefined;
    const source = (): string => (html ??= md.render(a.body));
    // Both editions' bodies are made from these (and the config, in every key).
    const digest = reuse ? sha256(JSON.stringify([a.body, a.originalLines ?? null])) : '';
    for (const r of renderers) {
      const body: ArticleBody = { digest, html: () => editionBodyHtml(r.edition, a, source(), md) };
      yield* out.take([r.render(i, body)], r.edition);
    }
  }
  const feed = feedArticles(site);
  const feedBodies = new Map(feed.map((a) => [a.slug, md.render(a.body)]));
  for (const ctx of contexts) {
    yield* out.take(renderTaxonomies(ctx), ctx.edition);
    yield* out.take([renderNotFound(ctx)], ctx.edition);
    if (site.config.search !== false) yield* out.take([renderSearch(ctx)], ctx.edition);
    yield* out.take(feedPages(ctx.edition.config, feedItems(site, ctx.edition, feed, feedBodies), ctx.edition.lang), ctx.edition);
  }
  yield* out.take([...sitemapPages(site.config, out.html, lastModified(site, all)), robotsPage(site.config)]);
}

/**
 * What render must remember of the pages it has handed on: their paths (first one wins; the
 * sitemap lists the HTML ones).
 */
class PageLog {
  private readonly paths = new Set<string>();
  /** Paths of the edition pages that are HTML, in order, for the sitemap. */
  readonly html: string[] = [];
  /** The pages not seen before, moved into `edition`'s folder and script. */
  *take(pages: Iterable<OutputPage>, edition?: Edition): Generator<OutputPage, void, undefined> {
    for (const page of pages) {
      const p = edition ? inEdition(page, edition) : page;
      if (this.paths.has(p.path)) continue;
      this.paths.add(p.path);
      if (edition && p.path.endsWith('.html')) this.html.push(p.path);
      yield p;
    }
  }
}

/** Moves a page into its edition's folder and script. */
export function inEdition(page: OutputPage, edition: Edition): OutputPage {
  if (!edition.dir) return page;
  const p = editionPath(edition, page.path);
  if (page.content === null) return { ...page, path: p };
  return { ...page, path: p, content: typeof page.content === 'string' ? edition.convert(page.content) : page.content };
}

/** The `latest.count` newest dated articles (a feed is a stream in time: undated articles are left out). */
function feedArticles(site: Site): Article[] {
  return site.latest
    .map((slug) => site.bySlug.get(slug)!)
    .filter((a) => a.date)
    .slice(0, site.config.latest.count);
}

function feedItems(site: Site, edition: Edition, articles: Article[], bodies: Map<string, string>): FeedItem[] {
  return articles.map((a) => ({
    title: a.title,
    url: absoluteUrl(edition.config, site.urls.get(a.slug)!),
    date: a.date!,
    summary: a.summary,
    html: bodies.get(a.slug)!,
    authors: a.authors,
    // The section first (what a feed reader groups by), then the park and keywords, each once.
    categories: [...new Set([a.category, a.park, ...articleKeywords(a)].filter((c): c is string => Boolean(c)))],
  }));
}

/** Site URL (with the edition folder) -> date for sitemap `lastmod`. */
function lastModified(site: Site, all: Edition[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of site.articles) {
    if (!a.date) continue;
    for (const e of all) map.set(`${e.dir ? `/${e.dir}` : ''}${site.urls.get(a.slug)!}`, fullTimestamp(a.date));
  }
  return map;
}
