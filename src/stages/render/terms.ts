import { outputPath, type OutputPage, type Term } from '../../model/index.js';
import { templatePage, type RenderContext } from './context.js';
import { paginate } from './view.js';

/**
 * Headings of each taxonomy: the index page title and the prefix of a term page title. `optional`:
 * the index page is written only when the taxonomy has terms (a site whose pages state no
 * category gets no empty 栏目 page).
 */
const TAXONOMIES = {
  keywords: { base: '/keywords/', index: '关键词', term: '关键词', optional: false },
  parks: { base: '/parks/', index: '园区', term: '园区', optional: false },
  sources: { base: '/sources/', index: '来源', term: '来源', optional: false },
  sections: { base: '/sections/', index: '栏目', term: '栏目', optional: true },
  months: { base: '/archive/', index: '按月归档', term: '归档', optional: false },
} as const;

/** Term pages (paginated) and one index page per taxonomy, one page at a time. */
export function* renderTaxonomies(ctx: RenderContext): Generator<OutputPage, void, undefined> {
  for (const tax of Object.keys(TAXONOMIES) as (keyof typeof TAXONOMIES)[]) {
    if (hasIndex(ctx, tax)) yield renderTermIndex(ctx, tax);
    for (const t of ctx.site.taxonomies[tax]) yield* renderTerm(ctx, t, TAXONOMIES[tax].term);
  }
}

/** Whether a taxonomy's index page is written (see `optional`). */
export function hasIndex(ctx: RenderContext, tax: keyof typeof TAXONOMIES): boolean {
  return !TAXONOMIES[tax].optional || ctx.site.taxonomies[tax].length > 0;
}

/** The index page of one taxonomy: every term that has a page, biggest first. */
export function renderTermIndex(ctx: RenderContext, tax: keyof typeof TAXONOMIES): OutputPage {
  const info = TAXONOMIES[tax];
  const vars = { page: { url: info.base, title: info.index }, terms: ctx.site.taxonomies[tax].map((t) => ctx.links.term(t)) };
  return templatePage(ctx, outputPath(info.base), 'terms.njk', vars, () => vars);
}

/** The label of each taxonomy's term pages. */
export function termLabel(tax: keyof typeof TAXONOMIES): string {
  return TAXONOMIES[tax].term;
}

/**
 * One term's article list, one page at a time; the heading is the term itself, under a small
 * label naming the taxonomy. Only the pages `wanted` when given.
 */
export function* renderTerm(
  ctx: RenderContext,
  term: Term,
  label: string,
  wanted: (page: number) => boolean = () => true,
): Generator<OutputPage, void, undefined> {
  const title = `${term.name} · ${label}`;
  for (const { url, items, pager } of paginate(ctx.site.config, term.url, term.slugs, ctx.site.config.pageSize).filter((p) =>
    wanted(p.pager.page),
  )) {
    const vars = { page: { url, title: pager.page > 1 ? `${title}（第${pager.page}页）` : title }, heading: term.name, label, pager };
    yield templatePage(ctx, outputPath(url), 'list.njk', { ...vars, items: ctx.links.listDigest(items) }, () => ({
      ...vars,
      items: ctx.links.list(items),
    }));
  }
}
