import type { Page, Site } from '../types.js';

/** render: Site -> pages (markdown-it + Nunjucks templates). */
export async function renderSite(site: Site): Promise<Page[]> {
  void site;
  throw new Error('render: not implemented');
}
