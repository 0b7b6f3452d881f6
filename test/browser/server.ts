import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
/** Text types a static host compresses (GitHub Pages, Netlify, Cloudflare Pages, nginx `gzip on` for these). */
const COMPRESSED = new Set(['.html', '.css', '.js', '.json', '.xml', '.txt', '.svg']);

/**
 * A static host for a built site, as a plain web server would serve it: `dir/` serves
 * `dir/index.html`, unknown paths get 404.html with status 404, and text files are sent gzipped
 * to a client that accepts it, as common static hosts do. Listens on 127.0.0.1 only.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''), pathname.endsWith('/') ? 'index.html' : '');
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && COMPRESSED.has(path.extname(file));
      const send = (status: number, type: string, body: Buffer | string): void => {
        const headers: Record<string, string> = { 'content-type': type, vary: 'Accept-Encoding' };
        if (gzip) headers['content-encoding'] = 'gzip';
        res.writeHead(status, headers);
        res.end(gzip ? gzipSync(body) : body);
      };
      try {
        send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        send(404, TYPES['.html']!, await readFile(path.join(root, '404.html')).catch(() => 'not found'));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
