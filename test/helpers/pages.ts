import { factsOf } from '../../src/run/per-file/facts.js';
import { sitePages } from '../../src/run/pages.js';
import type { FactsByFile, Page, Site } from '../../src/model/index.js';
import { compareCodeUnits } from '../../src/text/compare.js';

/** Every page a build writes for `site` (rendered, search index, static files), collected and sorted by path. */
export async function renderPages(site: Site, facts: FactsByFile = factsOf(site.articles)): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of sitePages(site, facts)) pages.push(page);
  return pages.sort((a, b) => compareCodeUnits(a.path, b.path));
}
