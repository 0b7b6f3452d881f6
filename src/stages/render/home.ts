import { outputPath, type OutputPage, type Site, type Term } from '../../model/index.js';
import { generalWords, isTopicKeyword } from '../../text/keyword-quality.js';
import { templatePage, type RenderContext } from './context.js';
import { paginate } from './view.js';

/** Lead stories shown large at the top of the home page. */
export const LEAD_COUNT = 3;
/** Parks and keywords listed on the home page (every page of it). */
export const HOME_TERMS = 24;

/** Home: lead stories, the latest list (paginated), parks and keywords; one page at a time, only the pages `wanted` when given. */
export function* renderHome(ctx: RenderContext, wanted: (page: number) => boolean = () => true): Generator<OutputPage, void, undefined> {
  const { site, links } = ctx;
  const leadSlugs = site.latest.slice(0, LEAD_COUNT);
  const rest = site.latest.slice(LEAD_COUNT);
  // Once, not per page: homeKeywords reads every article of its candidate keywords, and a large
  // site has thousands of home pages, so per page it grew with the square of the articles.
  const parks = site.taxonomies.parks.slice(0, HOME_TERMS).map((t) => links.term(t));
  const keywords = homeKeywords(site).map((t) => links.term(t));
  for (const { url, items, pager } of paginate(site.config, '/', rest, site.config.pageSize).filter((p) => wanted(p.pager.page))) {
    const vars = { page: { url, title: pager.page > 1 ? `最新文章 第${pager.page}页` : null }, pager, parks, keywords };
    const shown = { lead: pager.page === 1 ? leadSlugs : [], items };
    yield templatePage(
      ctx,
      outputPath(url),
      'home.njk',
      { ...vars, lead: links.listDigest(shown.lead), items: links.listDigest(items) },
      () => ({
        ...vars,
        lead: links.list(shown.lead),
        items: links.list(items),
      }),
    );
  }
}

/** Keywords looked at for the home page: the biggest, many times what it shows, so enough pass. */
const HOME_CANDIDATES = HOME_TERMS * 8;

/**
 * 热门关键词: the keywords with a page that name a topic, most articles first. A keyword some
 * article states (page or editor) always may; a computed one must pass isTopicKeyword (no single
 * character, placeholder or ordinary word), and counts only the articles with a headline: filings
 * and forms (their first words stand in for a title) repeat their template's words, 姓名, 新任, 代理.
 */
export function homeKeywords(site: Site): Term[] {
  const candidates = site.taxonomies.keywords.slice(0, HOME_CANDIDATES);
  const general = generalWords(candidates.map((t) => t.name));
  const chosen: { term: Term; count: number; place: number }[] = [];
  candidates.forEach((term, place) => {
    const articles = term.slugs.map((s) => site.bySlug.get(s)!);
    if (articles.some((a) => a.keywords.includes(term.name))) return chosen.push({ term, count: term.slugs.length, place });
    if (!isTopicKeyword(term.name, general.get(term.name)!)) return;
    const count = articles.filter((a) => a.provenance.title !== 'computed').length;
    if (count > 0) chosen.push({ term, count, place });
  });
  // The count shown stays the term's own (its page lists them all); the order is by the counted articles.
  chosen.sort((a, b) => b.count - a.count || a.place - b.place);
  return chosen.slice(0, HOME_TERMS).map((c) => c.term);
}

/** Search page: public/search.js runs the query from `?q=` on the static index; the header form of every page submits here. */
export function renderSearch(ctx: RenderContext): OutputPage {
  const vars = { page: { url: '/search/', title: '搜索' } };
  return templatePage(ctx, 'search/index.html', 'search.njk', vars, () => vars);
}

/** 404 page; static hosts serve 404.html for unknown paths. */
export function renderNotFound(ctx: RenderContext): OutputPage {
  const vars = { page: { url: '/404.html', title: '页面未找到' } };
  return templatePage(ctx, '404.html', '404.njk', vars, () => vars);
}
