import { articleKeywords, outputPath, type Page, pathKey } from '../../model/index.js';
import { renderTemplate, type RenderContext } from './context.js';
import { fullTimestamp } from './feeds.js';
import { href } from './urls.js';
import { dateText, type TermLink } from './view.js';

/**
 * Renders the article at position `i` of `site.latest`, given its body already rendered to HTML
 * (render shares it between editions); term links are looked up once per edition.
 */
export function articleRenderer(ctx: RenderContext): (i: number, html: string) => Page {
  const termLinks = termLinker(ctx);
  return (i, html) => renderArticle(ctx, i, html, termLinks);
}

/** The page of the article at `index` in the latest list, its body already rendered to `html`. */
export function renderArticle(ctx: RenderContext, index: number, html: string, termLinks: TermLinker): Page {
  const { site, links } = ctx;
  const slug = site.latest[index]!;
  const a = site.bySlug.get(slug)!;
  const url = site.urls.get(slug)!;
  const related = links.list(site.related.get(slug) ?? []);
  return {
    path: outputPath(url),
    content: renderTemplate(ctx, 'article.njk', {
      page: { url, title: a.title, description: a.summary, type: 'article' },
      article: {
        title: a.title,
        // The breadcrumb's middle crumb (首页 › 栏目 › title): the section page of its category.
        section: a.category ? termLinks('sections', a.category) : null,
        date: a.date,
        published: a.date ? fullTimestamp(a.date) : null,
        dateText: dateText(a.date),
        source: a.source ? termLinks('sources', a.source) : null,
        authors: a.authors,
        editors: a.editors,
        parks: a.parks.map((p) => termLinks('parks', p)),
        keywords: articleKeywords(a).map((k) => termLinks('keywords', k)),
        series: a.series,
        views: a.views,
        minutes: ctx.facts.get(a.file)!.readingMinutes,
        html,
      },
      newer: index > 0 ? links.article(site.latest[index - 1]!) : null,
      older: index + 1 < site.latest.length ? links.article(site.latest[index + 1]!) : null,
      related: ctx.env.render('partials/sidebar-list.njk', { id: 'related', heading: '相关阅读', items: related, ordered: false }),
    }),
  };
}

/** A term name in one taxonomy -> the link to its page. */
export type TermLinker = (tax: keyof RenderContext['site']['taxonomies'], name: string) => TermLink;

/**
 * Finds the term page for a name in one taxonomy (names were keyed the same way by site). A keyword
 * without a page (too few articles, see `keywordMinArticles`) links to the search page for it in
 * this edition's script, or is plain text when the site has no search: never a link to a page that
 * was not written.
 */
export function termLinker(ctx: RenderContext): TermLinker {
  const maps = new Map(Object.entries(ctx.site.taxonomies).map(([k, terms]) => [k, new Map(terms.map((t) => [t.key, t]))]));
  const search = ctx.site.config.search !== false;
  return (tax, name) => {
    const term = maps.get(tax)!.get(pathKey(name.trim()));
    if (term) return ctx.links.term(term);
    return { name, href: tax === 'keywords' && search ? searchHref(ctx, name.trim()) : '', count: 0 };
  };
}

/** `/search/?q=…` for a query, in the edition's script (each edition searches its own index). */
function searchHref(ctx: RenderContext, query: string): string {
  return `${href(ctx.edition.config, '/search/')}?q=${encodeURIComponent(ctx.edition.convert(query))}`;
}
