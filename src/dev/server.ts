import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { BuildResult } from '../run/builder.js';
import type { WriteReport } from '../model/index.js';
import { BuildLoop } from './build-loop.js';
import { EVENTS_PATH, clientTag, injectClient } from './client.js';
import { EventHub } from './events.js';
import { formatProblem, problemFromThrown, problemsFromDiagnostics, problemsKey, type Problem } from './problems.js';
import type { DevBuilder } from './preview.js';
import { contentType, lookup } from './static.js';
import { defaultTiming, watchInputs, type WatchTiming, type Watcher } from './watch.js';

/** Where dev writes what it has to say; the command passes the terminal, tests pass a recorder. */
export interface DevLog {
  info(line: string): void;
  error(line: string): void;
}

export interface DevServerOptions {
  /** Does the builds; rebuilds are handed the changed paths so only what they affect is redone. */
  builder: DevBuilder;
  /** The folder the builder writes (served as the site). */
  outDir: string;
  /** Input folders to watch: content, templates, public. */
  watch: string[];
  /** Config files: a change re-creates the builder with `load` (which re-reads the config), then rebuilds everything. */
  reconfigure?: { files: string[]; load: () => Promise<DevBuilder> };
  /** Interface to listen on; 127.0.0.1 unless the user asks otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The site's path prefix (`/parks`), so links built for it work locally too. */
  pathPrefix?: string;
  timing?: Partial<WatchTiming>;
  log?: DevLog;
}

export interface DevServer {
  /** `http://host:port` + path prefix + `/`. */
  url: string;
  host: string;
  port: number;
  /** Resolves once no build is running or waiting (tests and benchmarks wait on it). */
  idle(): Promise<void>;
  /** The problems shown right now (empty when the last build was clean). */
  problems(): readonly Problem[];
  /** The number of the last output sent to browsers (the `build` of the last `reload` event). */
  build(): number;
  close(): Promise<void>;
}

/**
 * `parkpress dev`: build, serve the output with a live-reload client injected into HTML
 * responses (never into the files), watch the inputs and rebuild what changed. A failed build
 * keeps the last good output being served and shows the problems in the terminal and as an
 * overlay in every open page until a build is clean again.
 */
export async function createDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? { info: (l) => console.log(l), error: (l) => console.error(l) };
  const outDir = path.resolve(options.outDir);
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const timing: WatchTiming = { ...defaultTiming, ...options.timing };
  const hub = new EventHub();
  let builder = options.builder;
  /** Bumped whenever the output changed: a page served at an older generation is stale. */
  let generation = 0;
  let problems: Problem[] = [];

  const setProblems = (next: Problem[]) => {
    if (problemsKey(next) === problemsKey(problems)) return;
    const hadProblems = problems.length > 0;
    problems = next;
    hub.send('problems', { problems });
    if (next.length > 0) {
      log.error(`parkpress dev: ${next.length} ${next.length === 1 ? 'problem' : 'problems'} (serving the last good build):`);
      for (const p of next) log.error(`  ${formatProblem(p)}`);
    } else if (hadProblems) {
      log.info('parkpress dev: problems fixed');
    }
  };

  /**
   * Phase 1: the changed articles on screen at once (see dev/preview.ts), then a pause so open
   * browsers fetch them before the full rebuild occupies the process. Anything it cannot do, or a
   * failure, just leaves the work to the full rebuild.
   */
  const runPreview = async (preview: NonNullable<DevBuilder['preview']>, changed: string[]): Promise<void> => {
    const started = performance.now();
    let report: WriteReport | undefined;
    try {
      report = await preview(changed);
    } catch (err) {
      log.info(`parkpress dev: quick preview failed (${(err as Error).message}); rebuilding everything`);
      return;
    }
    if (!report || report.written + report.removed === 0) return;
    generation += 1;
    hub.send('reload', { build: generation, paths: report.paths });
    log.info(`parkpress dev: previewed ${changed.length} ${changed.length === 1 ? 'change' : 'changes'} in ` +
      `${Math.round(performance.now() - started)} ms: ${report.written} written, ${report.removed} removed; rebuilding the rest`);
    await new Promise((resolve) => setTimeout(resolve, timing.settleMs));
  };

  const runBuild = async (changed: string[] | undefined): Promise<void> => {
    if (changed && builder.preview) await runPreview(builder.preview.bind(builder), changed);
    const started = performance.now();
    let result: BuildResult;
    try {
      result = await builder.build(changed);
    } catch (err) {
      setProblems([problemFromThrown(err)]);
      return;
    }
    setProblems(problemsFromDiagnostics(result.diagnostics));
    const { written, removed, paths } = result.report;
    if (written + removed === 0) return;
    generation += 1;
    hub.send('reload', { build: generation, paths });
    const what = changed === undefined ? 'site' : `${changed.length} ${changed.length === 1 ? 'change' : 'changes'}`;
    log.info(`parkpress dev: rebuilt (${what}) in ${Math.round(performance.now() - started)} ms: ` +
      `${written} written, ${removed} removed`);
  };

  const loop = new BuildLoop(runBuild);
  const configFiles = new Set((options.reconfigure?.files ?? []).map((f) => path.resolve(f)));

  const onChange = (paths: string[]) => {
    const reconfigure = options.reconfigure;
    if (!reconfigure || !paths.some((p) => configFiles.has(p))) {
      loop.request(paths);
      return;
    }
    // A new config can change anything (folders, prefix, templates): load it and rebuild all.
    reconfigure.load().then(
      (next) => { builder = next; loop.request(); },
      (err) => setProblems([{ ...problemFromThrown(err), rule: 'config/invalid' }]),
    );
  };

  loop.request();
  await loop.idle();

  const server = createServer((req, res) => {
    serve(req, res).catch((err) => {
      log.error(`parkpress dev: ${req.url}: ${(err as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      hub.attach(req, res, { event: 'state', data: { build: generation, problems } });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (prefix !== '' && !url.pathname.startsWith(`${prefix}/`)) {
      if (url.pathname === '/' || url.pathname === prefix) res.writeHead(302, { location: `${prefix}/` }).end();
      else await sendMissing(res, req.method === 'HEAD');
      return;
    }
    const found = await lookup(outDir, url.pathname.slice(prefix.length));
    switch (found.kind) {
      case 'redirect':
        res.writeHead(301, { location: prefix + found.location }).end();
        return;
      case 'bad-request':
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request\n');
        return;
      case 'missing':
        await sendMissing(res, req.method === 'HEAD');
        return;
      case 'file':
        send(res, 200, found.file, found.body, req.method === 'HEAD');
    }
  }

  function send(res: ServerResponse, status: number, file: string, body: Buffer, headOnly: boolean): void {
    const type = contentType(file);
    const bytes = type.startsWith('text/html')
      ? Buffer.from(injectClient(body.toString('utf8'), clientTag(generation, problems, prefix)))
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

  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? 8080);
  const watcher: Watcher = await watchInputs({
    dirs: options.watch,
    files: [...configFiles],
    timing,
    onChange,
    onError: (err) => log.error(`parkpress dev: watching failed: ${err.message}`),
  });

  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${prefix}/`,
    host,
    port,
    idle: () => loop.idle(),
    problems: () => problems,
    build: () => generation,
    async close() {
      await watcher.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await loop.idle();
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
