import { articleKeywords, outputPath, type OutputPage, pathKey } from '../../model/index.js';
import { templatePage, type RenderContext } from './context.js';
import { fullTimestamp } from './feeds.js';
import { href } from './urls.js';
import { dateText, type TermLink } from './view.js';

/** An article's body for its page in one edition: HTML made on demand, and a digest of what it is made from (for the page's key). */
export interface ArticleBody {
  digest: string;
  html: () => string;
}

/** Renders the article at position `i` of `site.latest`, given its body (render shares it between editions); term links are looked up once per edition. */
export function articleRenderer(ctx: RenderContext): (i: number, body: ArticleBody) => OutputPage {
  const termLinks = termLinker(ctx);
  return (i, body) => renderArticle(ctx, i, body, termLinks);
}

/** The page of the article at `index` in the latest list. */
export function renderArticle(ctx: RenderContext, index: number, body: ArticleBody, termLinks: TermLinker): OutputPage {
  const { site, links } = ctx;
  const slug = site.latest[index]!;
  const a = site.bySlug.get(slug)!;
  const url = site.urls.get(slug)!;
  const related = site.related.get(slug) ?? [];
  const article = {
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
  };
  const page = { url, title: a.title, description: a.summary, type: 'article' };
  const newer = index > 0 ? site.latest[index - 1]! : null;
  const older = index + 1 < site.latest.length ? site.latest[index + 1]! : null;
  const near = (s: string | null): string | null => (s === null ? null : links.listDigest([s])[0]!);
  return templatePage(
    ctx,
    outputPath(url),
    'article.njk',
    { page, article, body: body.digest, newer: near(newer), older: near(older), related: links.listDigest(related) },
    () => ({
      page,
      article: { ...article, html: body.html() },
      newer: newer === null ? null : links.article(newer),
      older: older === null ? null : links.article(older),
      related: ctx.env.render('partials/sidebar-list.njk', {
        id: 'related',
        heading: '相关阅读',
        items: links.list(related),
        ordered: false,
      }),
    }),
  );
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
