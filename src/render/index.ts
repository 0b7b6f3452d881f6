import { articleKeywords } from '../site/taxonomies.js';
import type { Page, Site } from '../types.js';
import type { RenderContext } from './context.js';
import { editions, type Edition } from './edition.js';
import { createEnvironment } from './environment.js';
import { feedPages, fullTimestamp, type FeedItem } from './feeds.js';
import { createMarkdown } from './markdown.js';
import { renderArticles } from './pages/articles.js';
import { renderHome, renderNotFound, renderSearch } from './pages/home.js';
import { renderTaxonomies } from './pages/terms.js';
import { copyPublic } from './public.js';
import { searchPages } from './search.js';
import { robotsPage, sitemapPages } from './sitemap.js';
import { absoluteUrl } from './urls.js';
import { articleSummary, Links } from './view.js';

/**
 * render: Site -> pages. Templates are compiled once per build and every article body is rendered
 * once, then shared by its page, the feeds and the traditional edition. Pages are sorted by path
 * so the output is deterministic.
 */
export async function renderSite(site: Site): Promise<Page[]> {
  const env = createEnvironment(site.config);
  const md = createMarkdown();
  const bodies = new Map(site.articles.map((a) => [a.slug, md.render(a.body)]));
  const all = editions(site.config);
  const pages: Page[] = [];
  for (const edition of all) {
    const links = new Links(site, edition.config);
    const sidebarList = (id: string, heading: string, slugs: string[], ordered: boolean): string =>
      env.render('partials/sidebar-list.njk', { id, heading, items: links.list(slugs), ordered });
    const ctx: RenderContext = {
      site, env, edition, editions: all, links,
      sidebars: {
        ranking: sidebarList('ranking', '排行', site.ranking.slice(0, site.config.ranking.count), true),
        latest: sidebarList('latest', '最新', site.latest.slice(0, site.config.latest.count), false),
      },
    };
    const own = [
      ...renderHome(ctx),
      ...renderArticles(ctx, bodies),
      ...renderTaxonomies(ctx),
      renderNotFound(ctx),
      ...(site.config.search !== false ? [renderSearch(ctx)] : []),
      ...feedPages(edition.config, feedItems(site, edition, bodies), edition.lang),
    ];
    pages.push(...own.map((p) => inEdition(p, edition)));
  }
  pages.push(...sitemapPages(site.config, pages, lastModified(site, all)), robotsPage(site.config));
  if (site.config.search !== false) pages.push(...(await searchPages(pages, site.config.pathPrefix.replace(/\/+$/, ''))));
  pages.push(...(await copyPublic(site.config)));
  return dedupeByPath(pages).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Moves a page into its edition's folder and script. */
export function inEdition(page: Page, edition: Edition): Page {
  if (!edition.dir) return page;
  return { path: `${edition.dir}/${page.path}`, content: typeof page.content === 'string' ? edition.convert(page.content) : page.content };
}

/** The `latest.count` newest dated articles (a feed is a stream in time: undated articles are left out). */
function feedItems(site: Site, edition: Edition, bodies: Map<string, string>): FeedItem[] {
  return site.latest
    .map((slug) => site.bySlug.get(slug)!)
    .filter((a) => a.date)
    .slice(0, site.config.latest.count)
    .map((a) => ({
      title: a.title,
      url: absoluteUrl(edition.config, site.urls.get(a.slug)!),
      date: a.date!,
      summary: articleSummary(a),
      html: bodies.get(a.slug)!,
      authors: a.authors,
      categories: [...(a.park ? [a.park] : []), ...articleKeywords(a)],
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

/** A generated page wins over a static file of the same path (first occurrence kept). */
function dedupeByPath(pages: Page[]): Page[] {
  const seen = new Set<string>();
  return pages.filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
}
