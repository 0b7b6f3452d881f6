import { outputPath, type Page } from '../../model/index.js';
import { renderTemplate, type RenderContext } from './context.js';
import { paginate } from './view.js';

/** Lead stories shown large at the top of the home page. */
export const LEAD_COUNT = 3;
/** Parks and keywords listed on the home page (every page of it). */
export const HOME_TERMS = 24;

/** Home: lead stories, the latest list (paginated), parks and keywords; one page at a time, only the pages `wanted` when given. */
export function* renderHome(ctx: RenderContext, wanted: (page: number) => boolean = () => true): Generator<Page, void, undefined> {
  const { site, links } = ctx;
  const lead = links.list(site.latest.slice(0, LEAD_COUNT));
  const rest = site.latest.slice(LEAD_COUNT);
  for (const { url, items, pager } of paginate(site.config, '/', rest, site.config.pageSize).filter((p) => wanted(p.pager.page)))
    yield {
      path: outputPath(url),
      content: renderTemplate(ctx, 'home.njk', {
        page: { url, title: pager.page > 1 ? `最新文章 第${pager.page}页` : null },
        lead: pager.page === 1 ? lead : [],
        items: links.list(items),
        pager,
        parks: site.taxonomies.parks.slice(0, HOME_TERMS).map((t) => links.term(t)),
        keywords: site.taxonomies.keywords.slice(0, HOME_TERMS).map((t) => links.term(t)),
      }),
    };
}

/** Search page: public/search.js runs the query from `?q=` on the static index; the header form of every page submits here. */
export function renderSearch(ctx: RenderContext): Page {
  return { path: 'search/index.html', content: renderTemplate(ctx, 'search.njk', { page: { url: '/search/', title: '搜索' } }) };
}

/** 404 page; static hosts serve 404.html for unknown paths. */
export function renderNotFound(ctx: RenderContext): Page {
  return { path: '404.html', content: renderTemplate(ctx, '404.njk', { page: { url: '/404.html', title: '页面未找到' } }) };
}
