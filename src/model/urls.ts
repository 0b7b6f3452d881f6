// The site's URL scheme: term keys, article and list-page URLs, and the output file of a URL.

/**
 * Characters that cannot appear in one path segment of a URL or a file name on any common host.
 * Chinese characters are kept: a key like 江北新区 is readable and percent-encoded only in hrefs.
 */
const UNSAFE_SEGMENT = /[\s/\\?#%&:*"<>|'`^{}[\]~+=,;!@$]+/gu;

/** A readable, path-safe key for a term or slug; never drops CJK characters. */
export function pathKey(name: string): string {
  const key = name
    .normalize('NFC')
    .replace(UNSAFE_SEGMENT, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^\.+/, '');
  return key.toLowerCase() || 'x';
}

/** `/articles/2024/03/<slug>/` for dated articles, `/articles/undated/<slug>/` otherwise. */
export function articleUrl(slug: string, date: string | null): string {
  const ym = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return ym ? `/articles/${ym[1]}/${ym[2]}/${slug}/` : `/articles/undated/${slug}/`;
}

/** URL of page `n` (1-based) of a paginated list whose first page is `url`. */
export function pageUrl(url: string, n: number): string {
  return n <= 1 ? url : `${url}page/${n}/`;
}

/** Site URL (`/a/b/`) -> output file path (`a/b/index.html`). */
export function outputPath(url: string): string {
  const clean = url.replace(/^\/+/, '');
  return clean === '' ? 'index.html' : clean.endsWith('/') ? `${clean}index.html` : clean;
}
