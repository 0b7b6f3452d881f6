import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types of what a parkpress site contains; anything else is served as bytes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type Lookup =
  { kind: 'file'; file: string; body: Buffer } | { kind: 'redirect'; location: string } | { kind: 'missing' } | { kind: 'bad-request' };

/**
 * Maps a URL path (already stripped of the site's path prefix, starting with `/`) to a file in
 * `outDir`. Never leaves `outDir`; a folder is served through its index.html, and a folder URL
 * without its trailing slash is redirected so the page's relative links resolve.
 */
export async function lookup(outDir: string, urlPath: string): Promise<Lookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' };
  // Normalising an absolute path clamps `..` at the root: `/a/../../x` is `/x`, inside outDir.
  const rel = path.posix.normalize(`/${decoded}`).replace(/^\/+/, '');
  const file = path.join(outDir, rel);
  const info = await statWithRetry(file);
  if (!info) return { kind: 'missing' };
  if (info.isDirectory()) {
    if (!urlPath.endsWith('/')) return { kind: 'redirect', location: folderUrl(rel) };
    return readServed(path.join(file, 'index.html'));
  }
  return readServed(file);
}

/**
 * The URL of the folder found, from its normalised path, never from the request: a request's
 * `/.//evil.com/…%2F..` reaches a folder of the site, but echoed back with a slash it reads
 * `//evil.com/…`, which a browser takes for another host.
 */
function folderUrl(rel: string): string {
  const segments = rel.split('/').filter((s) => s !== '');
  return `/${segments.map(encodeURIComponent).join('/')}${segments.length > 0 ? '/' : ''}`;
}

async function readServed(file: string): Promise<Lookup> {
  try {
    return { kind: 'file', file, body: await readFile(file) };
  } catch {
    return { kind: 'missing' };
  }
}

/**
 * The build swaps a complete new dist/ in by renaming; a request that lands in the instant
 * between the two renames would see nothing, so a miss is looked at once more.
 */
async function statWithRetry(file: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await stat(file);
    } catch {
      if (attempt === 0) await new Promise((r) => setTimeout(r, 15));
    }
  }
  return undefined;
}
