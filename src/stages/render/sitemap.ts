import type { Config, Page } from '../../model/index.js';
import { xmlEscape } from './feeds.js';
import { absoluteUrl } from './urls.js';

/** Pages that are not content and must not be listed for crawlers. */
const UNLISTED = /(^|\/)(404\.html|search\/index\.html)$/;

/** The sitemap protocol's limit of URLs per file; bigger sites get a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * sitemap.xml of every HTML page, given by output path (`a/b/index.html` is listed as `/a/b/`), with `lastmod` where the
 * page's date is known (article pages, by their URL). Above SITEMAP_MAX_URLS the URLs go into
 * sitemap-1.xml, sitemap-2.xml … and sitemap.xml becomes their index.
 */
export function sitemapPages(config: Config, paths: string[], lastmod: Map<string, string>, maxUrls = SITEMAP_MAX_URLS): Page[] {
  const urls = paths
    .filter((p) => p.endsWith('.html') && !UNLISTED.test(p))
    .map((p) => `/${p.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
  const entries = urls.map((u) => {
    const mod = lastmod.get(u);
    return `  <url><loc>${xmlEscape(absoluteUrl(config, u))}</loc>${mod ? `<lastmod>${mod}</lastmod>` : ''}</url>\n`;
  });
  const urlset = (part: string[]): string =>
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${part.join('')}</urlset>\n`;
  if (entries.length <= maxUrls) return [{ path: 'sitemap.xml', content: urlset(entries) }];
  const parts: Page[] = [];
  for (let i = 0; i < entries.length; i += maxUrls) {
    parts.push({ path: `sitemap-${parts.length + 1}.xml`, content: urlset(entries.slice(i, i + maxUrls)) });
  }
  const index = parts.map((p) => `  <sitemap><loc>${xmlEscape(absoluteUrl(config, `/${p.path}`))}</loc></sitemap>\n`).join('');
  return [
    {
      path: 'sitemap.xml',
      content: `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}</sitemapindex>\n`,
    },
    ...parts,
  ];
}

/** robots.txt: everything may be crawled; points crawlers at the sitemap. */
export function robotsPage(config: Config): Page {
  return { path: 'robots.txt', content: `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config, '/sitemap.xml')}\n` };
}
