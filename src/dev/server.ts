import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { BuildLoop } from './build-loop.js';
import type { DevBuilder } from './preview.js';
import { problemFromThrown, type Problem } from './problems.js';
import { Rebuilder } from './rebuild.js';
import { siteHandler } from './serve.js';
import { LiveSession, type DevLog } from './session.js';
import { defaultTiming, watchInputs, type WatchTiming, type Watcher } from './watch.js';

export type { DevLog } from './session.js';

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
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const timing: WatchTiming = { ...defaultTiming, ...options.timing };
  const session = new LiveSession(log);
  const rebuilder: Rebuilder = new Rebuilder(options.builder, session, log, timing.settleMs, (): boolean => loop.waiting);
  const loop: BuildLoop = new BuildLoop((changed) => rebuilder.run(changed));
  let builder = options.builder;
  const configFiles = new Set((options.reconfigure?.files ?? []).map((f) => path.resolve(f)));

  const onChange = (paths: string[]) => {
    const reconfigure = options.reconfigure;
    if (!reconfigure || !paths.some((p) => configFiles.has(p))) {
      const busy = loop.busy;
      loop.request(paths);
      if (busy) rebuilder.previewBeside(paths);
      return;
    }
    // A new config can change anything (folders, prefix, templates): load it and rebuild all.
    reconfigure.load().then(
      (next) => {
        builder = next;
        rebuilder.use(next);
        loop.request();
        if (next.concurrent) loop.request(); // its second builder's first build (see DevBuilder.concurrent)
      },
      (err) => session.setProblems([{ ...problemFromThrown(err), rule: 'config/invalid' }]),
    );
  };

  loop.request();
  await loop.idle();
  if (builder.concurrent) loop.request(); // in the background: its second builder's first build
  const server = createServer(siteHandler(path.resolve(options.outDir), prefix, session, log));
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? 8080);
  const watcher: Watcher = await watchInputs({
    dirs: options.watch,
    files: [...configFiles],
    timing,
    onChange,
    onEarly: (paths) => {
      const files = paths.filter((p) => !configFiles.has(p));
      if (files.length > 0) rebuilder.previewEarly(files);
    },
    onError: (err) => log.error(`parkpress dev: watching failed: ${err.message}`),
  });

  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${prefix}/`,
    host,
    port,
    async idle() {
      await loop.idle();
      await rebuilder.idle();
    },
    problems: () => session.problems,
    build: () => session.generation,
    async close() {
      await watcher.close();
      session.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await loop.idle();
      await rebuilder.idle();
      await builder.close?.();
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
