// dev's HTTP side: the output folder as a static site, with the live-reload client in every HTML response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENTS_PATH, clientTag, injectClient } from './client.js';
import type { DevLog, LiveSession } from './session.js';
import { contentType, lookup } from './static.js';

/**
 * Serves `outDir` under the path prefix (`/parks`): folders through index.html, the site's own
 * 404.html for what is missing, and the event stream at EVENTS_PATH. The client goes into the
 * response only, never into the files.
 */
export function siteHandler(
  outDir: string,
  prefix: string,
  session: LiveSession,
  log: DevLog,
): (req: IncomingMessage, res: ServerResponse) => void {
  function send(res: ServerResponse, status: number, file: string, body: Buffer, headOnly: boolean): void {
    const type = contentType(file);
    const bytes = type.startsWith('text/html')
      ? Buffer.from(injectClient(body.toString('utf8'), clientTag(session.generation, session.problems, prefix)))
      : body;
    res.writeHead(status, { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'no-store' });
    res.end(headOnly ? undefined : bytes);
  }

  /** The site's own 404.html when it has one (with the client, so it reloads once the page exists). */
  async function sendMissing(res: ServerResponse, headOnly: boolean): Promise<void> {
    const page = await lookup(outDir, '/404.html');
    if (page.kind === 'file') {
      send(res, 404, page.file, page.body, headOnly);
      return;
    }
    const html = Buffer.from('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>404</title><body><h1>404</h1></body></html>');
    send(res, 404, 'missing.html', html, headOnly);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      session.attach(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const headOnly = req.method === 'HEAD';
    if (prefix !== '' && !url.pathname.startsWith(`${prefix}/`)) {
      if (url.pathname === '/' || url.pathname === prefix) res.writeHead(302, { location: sameOrigin(`${prefix}/`) }).end();
      else await sendMissing(res, headOnly);
      return;
    }
    const found = await lookup(outDir, url.pathname.slice(prefix.length));
    switch (found.kind) {
      case 'redirect':
        res.writeHead(301, { location: sameOrigin(prefix + found.location) }).end();
        return;
      case 'bad-request':
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request\n');
        return;
      case 'missing':
        await sendMissing(res, headOnly);
        return;
      case 'file':
        send(res, 200, found.file, found.body, headOnly);
    }
  }

  return (req, res) => {
    serve(req, res).catch((err) => {
      log.error(`parkpress dev: ${req.url}: ${(err as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    });
  };
}

/**
 * A redirect target as a path of this server: a leading run of slashes or backslashes, which a
 * browser reads as `//host`, becomes one slash.
 */
export function sameOrigin(location: string): string {
  return location.replace(/^[/\\]+/u, '/');
}
