// What `baseUrl` and `pathPrefix` may be. Both are written as they are into every page, the feeds,
// the sitemap and robots.txt, so they are held to the plain shape of a site address: anything a
// URL would need escaping for (quotes, <>, spaces, control characters) and any `.`/`..` segment
// is refused here, once, instead of being escaped differently in each output format.

/** One path segment: unreserved ASCII, percent escapes, and letters, marks and digits of any script. */
const SEGMENT = /^(?:[A-Za-z0-9\-._~]|%[0-9A-Fa-f]{2}|[\p{L}\p{M}\p{N}])+$/u;

/** A host name (labels of letters, digits and hyphens, in any script) or a bracketed IPv6 address. */
const HOST = /^(?:[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*|\[[0-9A-Fa-f:.]+\])$/u;

/** `/a/b`, `a/b/`, `/` or '': each segment valid, none of them `.` or `..` (which would climb out of the site). */
export function isPathPrefix(value: string): boolean {
  const segments = value.split('/').filter((s, i, all) => s !== '' || (i !== 0 && i !== all.length - 1));
  return segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
}

/** An absolute http(s) URL of a site root: scheme, host, optional port and path; no user, query or fragment. */
export function isBaseUrl(value: string): boolean {
  const match = /^https?:\/\/([^/:]+|\[[^\]]*\])(?::(\d{1,5}))?(\/.*)?$/.exec(value);
  if (!match) return false;
  const [, host, port, path = ''] = match;
  if (!HOST.test(host!) || (port !== undefined && Number(port) > 65535)) return false;
  if (!isPathPrefix(path)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
