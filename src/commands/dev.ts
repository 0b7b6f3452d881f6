import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../cli.js';
import { createBuilder, type Builder } from '../build/index.js';
import { CONFIG_FILES, ConfigError, loadConfig } from '../config/index.js';
import { createDevServer, type DevServer } from '../dev/server.js';
import { createReporter } from '../log/index.js';

interface DevFlags {
  port: number;
  host: string;
  config?: string;
  /** false with --no-search. */
  search: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return port;
}

/** Registers `parkpress dev`; `done` receives the exit code. */
export function devCommand(program: Command, done: (code: number) => void): void {
  program
    .command('dev')
    .description('build, serve on localhost, and rebuild + reload the browser when content, templates, public files or the config change')
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('--host <host>', 'interface to listen on; other machines can connect only if you name one they reach', '127.0.0.1')
    .option('--config <file>', 'config file (default: parkpress.config.json|js|mjs|ts in the current folder)')
    .option('--no-search', 'skip the search index: rebuilds of large sites are several times faster (run build before publishing)')
    .action(async (flags: DevFlags) => done(await runDev(flags)));
}

async function runDev(flags: DevFlags): Promise<number> {
  const cwd = process.cwd();
  const reporter = createReporter({ err: process.stderr, out: process.stdout, env: process.env });
  // The search index is rebuilt from every page on every build: the slowest part of a rebuild.
  const load = async () => {
    const config = await loadConfig(cwd, { configFile: flags.config });
    return flags.search ? config : { ...config, search: false };
  };
  let server: DevServer;
  try {
    const config = await load();
    server = await createDevServer({
      builder: suggestNoSearch(createBuilder(config, { inPlace: true }), config.search !== false),
      outDir: config.outDir,
      watch: [config.contentDir, config.templatesDir, config.publicDir],
      reconfigure: {
        files: flags.config ? [flags.config] : CONFIG_FILES.map((name) => path.join(cwd, name)),
        load: async () => {
          const next = await load();
          return suggestNoSearch(createBuilder(next, { inPlace: true }), next.search !== false);
        },
      },
      host: flags.host,
      port: flags.port,
      pathPrefix: config.pathPrefix,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof ConfigError) {
      reporter.error(err.message);
      return EXIT.usage;
    }
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') {
      reporter.error(`cannot listen on ${flags.host}:${flags.port} (${e.code}); choose another with --port or --host`);
      return EXIT.usage;
    }
    reporter.error(`internal error, please report it:\n${e.stack ?? String(err)}`);
    return EXIT.internal;
  }
  process.stdout.write(`parkpress dev: serving ${server.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return EXIT.ok;
}

/** Rebuilds slower than this, with the search index on, earn one hint about --no-search. */
const SLOW_REBUILD_MS = 2000;

/**
 * The search index is built from every page on every rebuild (most of a rebuild on a large
 * site): tell the editor once, when it makes rebuilds slow, how to leave it out while editing.
 */
export function suggestNoSearch(builder: Builder, searchOn: boolean, say: (line: string) => void = (line) => { process.stderr.write(`${line}\n`); }): Builder {
  if (!searchOn) return builder;
  let builds = 0;
  let hinted = false;
  return {
    ...(builder.preview ? { preview: builder.preview.bind(builder) } : {}),
    async build(changed) {
      const result = await builder.build(changed);
      builds++;
      // Rendering, which includes indexing, taking most of the time is the sign (measured: 90% of a 10,000-article rebuild).
      if (!hinted && builds > 1 && result.ms > SLOW_REBUILD_MS && result.timings.render > result.ms / 2) {
        hinted = true;
        say(`parkpress dev: rebuilds take ${(result.ms / 1000).toFixed(1)} s, mostly the search index; ` +
          'restart with --no-search for faster reloads while editing');
      }
      return result;
    },
  };
}
