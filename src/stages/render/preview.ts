import { madePage, type Config, type FactsByFile, type Page, type Site, type Term } from '../../model/index.js';
import { renderContext, type RenderContext } from './context.js';
import { editionBodyHtml, editions } from './edition.js';
import { createEnvironment } from './environment.js';
import { inEdition } from './index.js';
import { createMarkdown, maxParagraphChars } from './markdown.js';
import { renderArticle, termLinker } from './articles.js';
import { renderHome } from './home.js';
import { hasIndex, renderTerm, renderTermIndex, termLabel } from './terms.js';

/** The few pages a dev preview renders: some articles, the first page of some term lists, some term index pages, and home. */
export interface PreviewPages {
  /** Slugs of the articles whose pages are rendered. */
  articles: string[];
  /** Terms whose list is rendered: its first page, and the pages after `knownPages` (see `firstAndNew`). */
  terms: { taxonomy: keyof Site['taxonomies']; term: Term; knownPages?: number }[];
  /** The home list's pages in the output before (see `firstAndNew`); absent: only the first page is rendered. */
  homeKnownPages?: number;
  /** Taxonomies whose index page is rendered (a term gained or lost its page). */
  indexes?: (keyof Site['taxonomies'])[];
}

/** Renders the pages of one preview (see `previewRenderer`). */
export type PreviewRenderer = (site: Site, facts: FactsByFile, wanted: PreviewPages) => Page[];

/**
 * A renderer for dev previews after one build: each call renders only the pages named (plus the
 * first home page), in every edition, with the same contexts, page renderers and templates as
 * `renderSite`, so each page is byte for byte what a full build of the same site model gives. The
 * Nunjucks environment is made once and kept, so templates are compiled on the first preview only;
 * make a new renderer whenever the templates may have changed.
 */
export function previewRenderer(config: Config): PreviewRenderer {
  const env = createEnvironment(config);
  const md = createMarkdown(maxParagraphChars(config));
  return (site, facts, wanted) => renderPreview(site, facts, wanted, env, md);
}

function renderPreview(
  site: Site,
  facts: FactsByFile,
  wanted: PreviewPages,
  env: RenderContext['env'],
  md: ReturnType<typeof createMarkdown>,
): Page[] {
  const bodies = new Map(wanted.articles.map((slug) => [slug, md.render(site.bySlug.get(slug)!.body)]));
  const position = new Map(site.latest.map((slug, i) => [slug, i]));
  const all = editions(site.config);
  return all.flatMap((edition) => {
    const ctx = renderContext(site, facts, env, edition, all);
    const termLinks = termLinker(ctx);
    const pages = [
      ...renderHome(ctx, firstAndNew(wanted.homeKnownPages)),
      ...wanted.articles.map((slug) =>
        renderArticle(
          ctx,
          position.get(slug)!,
          { digest: '', html: () => editionBodyHtml(edition, site.bySlug.get(slug)!, bodies.get(slug)!, md) },
          termLinks,
        ),
      ),
      ...wanted.terms.flatMap(({ taxonomy, term, knownPages }) => [...renderTerm(ctx, term, termLabel(taxonomy), firstAndNew(knownPages))]),
      ...(wanted.indexes ?? []).filter((taxonomy) => hasIndex(ctx, taxonomy)).map((taxonomy) => renderTermIndex(ctx, taxonomy)),
    ];
    return pages.map((p) => madePage(inEdition(p, edition)));
  });
}

/**
 * The pages of a list a preview writes: the first (the change shows there) and those after the
 * `known` pages the output already has, which the first page's pager now links to. The pages
 * between are stale until the full build but exist.
 */
function firstAndNew(known = Infinity): (page: number) => boolean {
  return (page) => page === 1 || page > known;
}
