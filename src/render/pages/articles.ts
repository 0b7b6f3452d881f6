import type { Page } from '../../types.js';
import { articleKeywords } from '../../site/taxonomies.js';
import { renderTemplate, type RenderContext } from '../context.js';
import { pathKey } from '../../site/urls.js';
import { fullTimestamp } from '../feeds.js';
import { outputPath } from '../urls.js';
import { articleMinutes, articleSummary, dateText, type TermLink } from '../view.js';

/**
 * The page of one article: body, metadata links, previous/next and the three sidebars. Returns
 * a renderer for the article at position `i` of `site.latest`, given its body already rendered
 * to HTML (render shares it between editions).
 */
export function articleRenderer(ctx: RenderContext): (slug: string, i: number, html: string) => Page {
  const { site, links } = ctx;
  const termLinks = termLinker(ctx);
  return (slug, i, html) => {
    const a = site.bySlug.get(slug)!;
    const url = site.urls.get(slug)!;
    const related = links.list(site.related.get(slug) ?? []);
    return {
      path: outputPath(url),
      content: renderTemplate(ctx, 'article.njk', {
        page: { url, title: a.title, description: articleSummary(a), type: 'article' },
        article: {
          title: a.title,
          date: a.date,
          published: a.date ? fullTimestamp(a.date) : null,
          dateText: dateText(a.date),
          source: a.source ? termLinks('sources', a.source) : null,
          authors: a.authors,
          editors: a.editors,
          parks: (a.parks.length ? a.parks : a.park ? [a.park] : []).map((p) => termLinks('parks', p)),
          keywords: articleKeywords(a).map((k) => termLinks('keywords', k)),
          series: a.series,
          views: a.views,
          minutes: articleMinutes(a),
          html,
        },
        newer: i > 0 ? links.article(site.latest[i - 1]!) : null,
        older: i + 1 < site.latest.length ? links.article(site.latest[i + 1]!) : null,
        related: ctx.env.render('partials/sidebar-list.njk', { id: 'related', heading: '相关阅读', items: related, ordered: false }),
      }),
    };
  };
}

/** Finds the term page for a name in one taxonomy (names were keyed the same way by site). */
function termLinker(ctx: RenderContext): (tax: keyof RenderContext['site']['taxonomies'], name: string) => TermLink {
  const maps = new Map(Object.entries(ctx.site.taxonomies).map(([k, terms]) => [k, new Map(terms.map((t) => [t.key, t]))]));
  return (tax, name) => {
    const term = maps.get(tax)!.get(pathKey(name.trim()));
    return term ? ctx.links.term(term) : { name, href: '', count: 0 };
  };
}
