import type { Page, Site } from '../types.js';
import { renderArticles } from './pages/articles.js';
import { renderHome, renderNotFound } from './pages/home.js';
import { renderTaxonomies } from './pages/terms.js';
import { createEnvironment } from './environment.js';
import { createMarkdown } from './markdown.js';
import { copyPublic } from './public.js';
import { Links } from './view.js';
import type { RenderContext } from './context.js';

/** render: Site -> pages (markdown-it + Nunjucks templates), sorted by path for deterministic output. */
export async function renderSite(site: Site): Promise<Page[]> {
  const env = createEnvironment(site.config);
  const links = new Links(site);
  const ctx: RenderContext = {
    site,
    env,
    md: createMarkdown(),
    links,
    common: {
      site: { title: site.config.title, description: site.config.description },
      nav: {
        home: links.config.pathPrefix.replace(/\/+$/, '') + '/',
      },
    },
    sidebars: {
      ranking: env.render('partials/sidebar-list.njk', {
        id: 'ranking', heading: '排行', items: links.list(site.ranking.slice(0, site.config.ranking.count)), ordered: true,
      }),
      latest: env.render('partials/sidebar-list.njk', {
        id: 'latest', heading: '最新', items: links.list(site.latest.slice(0, site.config.latest.count)), ordered: false,
      }),
    },
  };
  const pages: Page[] = [
    ...renderHome(ctx),
    ...renderArticles(ctx),
    ...renderTaxonomies(ctx),
    renderNotFound(ctx),
    ...(await copyPublic(site.config)),
  ];
  return dedupeByPath(pages).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A generated page wins over a static file of the same path (first occurrence kept). */
function dedupeByPath(pages: Page[]): Page[] {
  const seen = new Set<string>();
  return pages.filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
}
