import type { Config, Page } from '../types.js';
import { xmlEscape } from './feeds.js';
import { absoluteUrl } from './urls.js';

/** Pages that are not content and must not be listed for crawlers. */
const UNLISTED = /(^|\/)(404\.html|search\/index\.html)$/;

/**
 * sitemap.xml of every HTML page (`a/b/index.html` is listed as `/a/b/`), with `lastmod` where the
 * page's date is known (article pages, by their URL).
 */
export function sitemapPage(config: Config, pages: Page[], lastmod: Map<string, string>): Page {
  const urls = pages
    .map((p) => p.path)
    .filter((p) => p.endsWith('.html') && !UNLISTED.test(p))
    .map((p) => `/${p.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
  const body = urls.map((u) => {
    const mod = lastmod.get(u);
    return `  <url><loc>${xmlEscape(absoluteUrl(config, u))}</loc>${mod ? `<lastmod>${mod}</lastmod>` : ''}</url>\n`;
  }).join('');
  return {
    path: 'sitemap.xml',
    content: `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</urlset>\n`,
  };
}

/** robots.txt: everything may be crawled; points crawlers at the sitemap. */
export function robotsPage(config: Config): Page {
  return { path: 'robots.txt', content: `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config, '/sitemap.xml')}\n` };
}
