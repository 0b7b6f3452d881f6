// The site's URL scheme: term keys, article and list-page URLs, and the output file of a URL.

/**
 * Characters that cannot appear in one path segment of a URL or a file name on any common host.
 * Chinese characters are kept: a key like 江北新区 is readable and percent-encoded only in hrefs.
 */
const UNSAFE_SEGMENT = /[\s/\\?#%&:*"<>|'`^{}[\]~+=,;!@$]+/gu;

/**
 * Keys that would name a file the site writes, or a folder it paginates into, where a term or
 * article folder sits beside them: `/sources/index.html/` would need `sources/index.html` to be
 * both the sources index page and a folder, and `/keywords/page/` is the shape of a page-2 URL.
 * Any key ending in a page or feed extension is kept out too, so no host ever serves a term
 * folder as a file (or strips `.html` from its URL).
 */
const RESERVED_KEY = /^page$|\.(?:html?|xml|json)$/;

/**
 * A readable, path-safe key for a term or slug; never drops CJK characters. A reserved key gets a
 * trailing `-`: the rest of the key is kept readable, and no ordinary key ends in `-` (it is trimmed
 * below), so the escaped key never collides with another name's and only unsafe values change.
 */
export function pathKey(name: string): string {
  const key = plainKey(name);
  return RESERVED_KEY.test(key) ? `${key}-` : key;
}

/** Whether `name`'s key had to be escaped by `pathKey` (the site warns about such values). */
export function isReservedKey(name: string): boolean {
  return RESERVED_KEY.test(plainKey(name));
}

/** `name` made path-safe: unsafe runs become `-`, no leading dots or edge dashes, lower case. */
function plainKey(name: string): string {
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
