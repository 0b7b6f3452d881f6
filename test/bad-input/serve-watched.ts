// Serves a built site on 127.0.0.1 for the browser test, with a watcher script injected first
// into every HTML page: it records every alert/confirm/prompt/print call, so a test can tell
// whether anything from an article ran.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const WATCHER = `<script>window.__calls=[];for(const n of ['alert','confirm','prompt','print'])window[n]=(...a)=>{window.__calls.push(n+':'+a.join(','))};</script>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
};

export async function serveWatched(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    readFile(file).then(
      (bytes) => {
        const ext = path.extname(file);
        res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
        res.end(ext === '.html' ? bytes.toString('utf8').replace(/<head>/i, `<head>${WATCHER}`) : bytes);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
