import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from './exit.js';
import { CONFIG_FILES, ConfigError } from '../config/read.js';
import type { DevServer } from '../dev/server.js';
import { createReporter } from './reporter.js';
import { ForeignOutputError } from '../stages/write/ownership.js';

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
    .option('--no-search', 'skip the search index while editing (the search page then finds nothing; run build before publishing)')
    .action(async (flags: DevFlags) => done(await runDev(flags)));
}

async function runDev(flags: DevFlags): Promise<number> {
  const cwd = process.cwd();
  const reporter = createReporter({ err: process.stderr, out: process.stdout, env: process.env });
  // Loaded on demand, so `parkpress --help` and up-to-date builds start without the pipeline.
  const [{ loadConfig }, { createDevServer }, { devBuilder }] = await Promise.all([
    import('../config/index.js'),
    import('../dev/server.js'),
    import('../dev/twins.js'),
  ]);
  // --no-search leaves the index out of every rebuild (the search page then finds nothing).
  const load = async () => {
    const config = await loadConfig(cwd, { configFile: flags.config });
    return flags.search ? config : { ...config, search: false };
  };
  let server: DevServer;
  try {
    const config = await load();
    server = await createDevServer({
      builder: devBuilder(config),
      outDir: config.outDir,
      watch: [config.contentDir, config.templatesDir, config.publicDir],
      reconfigure: {
        files: flags.config ? [flags.config] : CONFIG_FILES.map((name) => path.join(cwd, name)),
        load: async () => devBuilder(await load()),
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
    if (err instanceof ForeignOutputError) {
      // dev takes no consent flag: one `build --replace-out` makes the folder parkpress's.
      const hint = err.replaceable ? ' To use it, choose another outDir, empty it, or run parkpress build --replace-out once.' : '.';
      reporter.error(`${err.message}${hint}`);
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
