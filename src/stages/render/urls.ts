import type { Config } from '../../model/index.js';

/** Site URL -> href with the path prefix, percent-encoded (Chinese keys stay readable in the output file names). */
export function href(config: Config, url: string): string {
  return `${config.pathPrefix.replace(/\/+$/, '')}${encodeURI(url)}`;
}

/** Site URL -> absolute URL for feeds, sitemap, canonical and Open Graph. */
export function absoluteUrl(config: Config, url: string): string {
  return `${config.baseUrl.replace(/\/+$/, '')}${href(config, url)}`;
}
