import { renderSite } from '../../src/stages/render/index.js';
import type { Page, Site } from '../../src/model/index.js';

/** Every page render streams for `site`, collected and sorted by path (tests look pages up whole). */
export async function renderPages(site: Site): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of renderSite(site)) pages.push(page);
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
