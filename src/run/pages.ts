// Every page of a site, in the order the writer takes them: render's, the search index's, then the static files.
import type { FactsByFile, OutputPage, Page, Site } from '../model/index.js';
import { editions } from '../stages/render/edition.js';
import { renderSite } from '../stages/render/index.js';
import type { PageReuse } from '../stages/render/keys.js';
import { copyPublic } from '../stages/render/public.js';
import { searchPages } from '../stages/search/index.js';

/**
 * The site's pages one at a time: rendered pages, the search index of each edition (unless search
 * is off), then the public folder's files. Where two claim one path the first wins, so a generated
 * page wins over a static file. `reuse`: see renderSite (without it, every page is made).
 */
export function sitePages(site: Site, facts: FactsByFile): AsyncGenerator<Page, void, undefined>;
export function sitePages(site: Site, facts: FactsByFile, reuse: PageReuse | undefined): AsyncGenerator<OutputPage, void, undefined>;
export async function* sitePages(site: Site, facts: FactsByFile, reuse?: PageReuse): AsyncGenerator<OutputPage, void, undefined> {
  const seen = new Set<string>();
  const parts: (AsyncIterable<OutputPage> | Iterable<Page> | (() => Promise<Iterable<Page>>))[] = [
    renderSite(site, facts, reuse),
    site.config.search !== false ? searchPages(site, editions(site.config)) : [],
    () => copyPublic(site.config),
  ];
  for (const part of parts) {
    for await (const page of typeof part === 'function' ? await part() : part) {
      if (seen.has(page.path)) continue;
      seen.add(page.path);
      yield page;
    }
  }
}
