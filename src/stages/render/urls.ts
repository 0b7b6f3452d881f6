import type { Config } from '../../model/index.js';

/** Site URL -> href with the path prefix, percent-encoded (Chinese keys stay readable in the output file names). */
export function href(config: Config, url: string): string {
  return `${config.pathPrefix.replace(/\/+$/, '')}${encodeURI(url)}`;
}

/** Site URL -> absolute URL for feeds, sitemap, canonical and Open Graph. */
export function absoluteUrl(config: Config, url: string): string {
  return `${config.baseUrl.replace(/\/+$/, '')}${href(config, url)}`;
}

/** Site URL (`/a/b/`) -> output file path (`a/b/index.html`). */
export function outputPath(url: string): string {
  const clean = url.replace(/^\/+/, '');
  return clean === '' ? 'index.html' : clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** URL of page `n` (1-based) of a paginated list whose first page is `url`. */
export function pageUrl(url: string, n: number): string {
  return n <= 1 ? url : `${url}page/${n}/`;
}
