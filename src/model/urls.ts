// The site's URL scheme: term keys, article and list-page URLs, and the output file of a URL.
import { sha256 } from '../text/hash.js';

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
 * The longest file or folder name, in UTF-8 bytes, on Linux and macOS (Windows counts 255 UTF-16
 * units, never fewer): a longer key cannot be a folder of `dist/`, and the writer refuses a longer
 * name in any page path.
 */
export const MAX_NAME_BYTES = 255;

/**
 * A readable, path-safe key for a term or slug; never drops CJK characters. Only keys no folder can
 * have are changed (see `keyChange`), so readers' links to ordinary ones keep working:
 * - a reserved key gets a trailing `-`: the rest stays readable, and no ordinary key ends in `-` (it
 *   is trimmed below), so the escaped key never collides with another name's;
 * - a key over MAX_NAME_BYTES is cut on a character boundary and ends in a hash of the whole key, so
 *   two long names with the same beginning keep their own pages.
 */
export function pathKey(name: string): string {
  const key = plainKey(name);
  if (Buffer.byteLength(key) > MAX_NAME_BYTES) return shortened(key);
  return RESERVED_KEY.test(key) ? `${key}-` : key;
}

/** Why `pathKey` changed `name`'s key, if it did: the site warns about such values. */
export function keyChange(name: string): 'reserved' | 'too long' | undefined {
  const key = plainKey(name);
  if (Buffer.byteLength(key) > MAX_NAME_BYTES) return 'too long';
  return RESERVED_KEY.test(key) ? 'reserved' : undefined;
}

/** `key` cut to fit MAX_NAME_BYTES with `-` and 8 hex digits of its hash (which no reserved key ends in). */
function shortened(key: string): string {
  const tag = `-${sha256(key).slice(0, 8)}`;
  let head = '';
  let bytes = 0;
  for (const char of key) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_NAME_BYTES - tag.length) break;
    head += char;
  }
  return `${head.replace(/-+$/, '')}${tag}`;
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
