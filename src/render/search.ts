import * as pagefind from 'pagefind';
import type { Page } from '../types.js';

/** Folder of the search bundle in the output; templates load `/pagefind/pagefind-ui.js` from it. */
export const SEARCH_DIR = 'pagefind';

/**
 * Full-text search index of the article pages, built in memory by Pagefind (extended build:
 * it segments Chinese words). Only elements marked `data-pagefind-body` are indexed, so sidebars
 * and navigation never produce hits. Each edition's pages carry their own `lang`, and Pagefind
 * keeps one index per language, so each edition searches in its own script.
 */
export async function searchPages(pages: Page[], prefix: string): Promise<Page[]> {
  const created = await pagefind.createIndex({});
  try {
    const { index } = created;
    if (!index) throw new Error(`search: Pagefind could not start: ${created.errors.join('; ')}`);
    const indexed = pages.filter((p): p is Page & { content: string } =>
      p.path.endsWith('.html') && typeof p.content === 'string' && p.content.includes('data-pagefind-body'));
    // All files are sent at once: Pagefind's service indexes them in parallel, one at a time is ~10x slower.
    await Promise.all(indexed.map(async (page) => {
      const url = encodeURI(`${prefix}/${page.path.replace(/(^|\/)index\.html$/, '$1')}`);
      const added = await index.addHTMLFile({ url, content: page.content });
      if (added.errors.length) throw new Error(`search: indexing ${page.path} failed: ${added.errors.join('; ')}`);
    }));
    const { files, errors } = await index.getFiles();
    if (errors.length) throw new Error(`search: ${errors.join('; ')}`);
    return files
      .filter((f) => !f.path.startsWith('playground/'))
      .map((f) => ({ path: `${SEARCH_DIR}/${f.path.split('\\').join('/')}`, content: f.content }));
  } finally {
    await pagefind.close();
  }
}
