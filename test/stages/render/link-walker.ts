import type { Page } from '../../../src/model/index.js';

/** One internal link found in a page that does not resolve. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const ATTR = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

/** Every href/src in an HTML text (entities in attribute values decoded). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(ATTR)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

/**
 * Follows every internal link of every HTML page to the page it names: the path prefix is
 * stripped, the URL decoded, `dir/` means `dir/index.html`, and `#id` must exist on the target.
 */
export function brokenLinks(pages: Page[], pathPrefix = ''): BrokenLink[] {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    if (!page.path.endsWith('.html') || typeof page.content !== 'string') continue;
    const base = new URL(`http://site.invalid${pathPrefix}/${page.path}`);
    for (const href of linksIn(page.content)) {
      if (/^(?:[a-z]+:)?\/\//i.test(href) || /^(?:mailto|tel|data):/i.test(href)) continue;
      const url = new URL(href, base);
      let rel = decodeURIComponent(url.pathname);
      if (!rel.startsWith(`${pathPrefix}/`)) {
        broken.push({ page: page.path, href, reason: 'outside the path prefix' });
        continue;
      }
      rel = rel.slice(pathPrefix.length + 1);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const target = byPath.get(rel);
      if (!target) {
        broken.push({ page: page.path, href, reason: `no page ${rel}` });
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && typeof target.content === 'string' && ![...target.content.matchAll(ID)].some((m) => m[1] === id)) {
        broken.push({ page: page.path, href, reason: `no id "${id}" in ${rel}` });
      }
    }
  }
  return broken;
}
