import type nunjucks from 'nunjucks';
import type { FactsByFile, OutputPage, Site } from '../../model/index.js';
import { alternates, editionPath, type Edition } from './edition.js';
import { PageKeys, type PageReuse } from './keys.js';
import { href } from './urls.js';
import { Links, type TermLink } from './view.js';

/** Everything page renderers of one edition share; built once per edition in renderSite. */
export interface RenderContext {
  site: Site;
  /** Facts of the site's articles by file (reading time). */
  facts: FactsByFile;
  env: nunjucks.Environment;
  edition: Edition;
  editions: Edition[];
  links: Links;
  /** Site-wide sidebars, rendered once per edition and reused on every page. */
  sidebars: { ranking: string; latest: string };
  /** The header's 栏目 links, made once per edition (see `sectionNav`). */
  sections: SectionNav;
  /** The keys of the edition's pages, when the build may keep the live build's (see templatePage). */
  keys?: PageKeys;
}

/** The sections the header links to, most articles first: at most NAV_SECTIONS of them. */
export const NAV_SECTIONS = 8;

/** The header's 栏目 row: the biggest sections, and the index of all of them when some are left out. */
export interface SectionNav {
  items: (TermLink & { url: string })[];
  /** Link to `/sections/` when the site has more sections than the row shows; null otherwise. */
  all: string | null;
}

/**
 * The header's 栏目 row of an edition. A site whose pages state no category has none (no row,
 * no empty navigation); one with many shows the biggest NAV_SECTIONS and a link to all.
 */
export function sectionNav(site: Site, links: Links): SectionNav {
  const sections = site.taxonomies.sections;
  return {
    items: sections.slice(0, NAV_SECTIONS).map((t) => ({ ...links.term(t), url: t.url })),
    all: sections.length > NAV_SECTIONS ? href(links.config, '/sections/') : null,
  };
}

/** The context of one edition: its links and its two site-wide sidebars, rendered once. */
export function renderContext(
  site: Site,
  facts: FactsByFile,
  env: nunjucks.Environment,
  edition: Edition,
  editions: Edition[],
  reuse?: PageReuse,
): RenderContext {
  const links = new Links(site, edition.config);
  const sidebarList = (id: string, heading: string, slugs: string[], ordered: boolean, rankedBy?: RankedBy): string =>
    env.render('partials/sidebar-list.njk', { id, heading, items: links.list(slugs), ordered, rankedBy });
  const ranked = site.ranking.slice(0, site.config.ranking.count);
  const sidebars = {
    ranking: sidebarList('ranking', '排行', ranked, true, rankedBy(site, ranked)),
    latest: sidebarList('latest', '最新', site.latest.slice(0, site.config.latest.count), false),
  };
  const sections = sectionNav(site, links);
  // What renderTemplate adds to every page of the edition (the rest of it is config).
  const keys = reuse && new PageKeys(reuse, { edition, editions, sidebars, sections });
  return { site, facts, env, edition, editions, links, sidebars, sections, ...(keys ? { keys } : {}) };
}

/** What the shown 排行 is ranked by: views, the fallback (see rankArticles), or views then the fallback. */
export type RankedBy = 'views' | 'related' | 'mixed';

/**
 * What the shown 排行 is ranked by, said under its heading (the words are in sidebar-list.njk):
 * readers should know whether it counts readers or, without view data, how often the site's
 * recent stories choose an article as related.
 */
export function rankedBy(site: Site, slugs: readonly string[]): RankedBy {
  const known = slugs.filter((s) => (site.bySlug.get(s)?.views ?? null) !== null).length;
  return known === slugs.length ? 'views' : known === 0 ? 'related' : 'mixed';
}

/** What every page tells the base template about itself. */
export interface PageInfo {
  /** Site URL of the page (before the path prefix). */
  url: string;
  /** Title of the page; null for the home page (the site title is used). */
  title: string | null;
  description?: string;
  /** Open Graph type (`website` unless said otherwise). */
  type?: string;
}

/**
 * The page at `p` (its path in the main edition), rendered with `template` from `vars()` and the
 * shared variables. `data`: plain data from which `vars()` follows, for the page's key (a list by
 * its articles' link digests, a body by its source's): with keys on, a page whose key the live
 * build holds is not rendered but kept (a KeptPage).
 */
export function templatePage(
  ctx: RenderContext,
  p: string,
  template: string,
  data: unknown,
  vars: () => { page: PageInfo } & Record<string, unknown>,
): OutputPage {
  if (!ctx.keys) return { path: p, content: renderTemplate(ctx, template, vars()) };
  const at = editionPath(ctx.edition, p);
  const key = ctx.keys.key(at, template, data);
  if (ctx.keys.live(at, key)) return { path: p, content: null, key };
  return { path: p, content: renderTemplate(ctx, template, vars()), key };
}

/** Renders a template with the shared variables (site, edition, sidebars, links to other editions) plus the page's own. */
export function renderTemplate(ctx: RenderContext, name: string, vars: { page: PageInfo } & Record<string, unknown>): string {
  const { config } = ctx.site;
  return ctx.env.render(name, {
    site: { title: config.title, description: config.description, search: config.search !== false },
    edition: ctx.edition,
    alternates: alternates(ctx.editions, ctx.edition, vars.page.url),
    sidebars: ctx.sidebars,
    sectionNav: {
      // The section a list page belongs to (any of its pages) is marked as the current one.
      items: ctx.sections.items.map((t) => ({ ...t, current: vars.page.url.startsWith(t.url) })),
      all: ctx.sections.all,
    },
    ...vars,
  });
}
