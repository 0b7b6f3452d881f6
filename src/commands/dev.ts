import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { createBuilder } from '../build/index.js';
import { defaultConfig } from '../config/defaults.js';
import { createDevServer } from '../dev/server.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return port;
}

/** Registers `parkpress dev`; `done` receives the exit code. */
export function devCommand(program: Command, done: (code: number) => void): void {
  program
    .command('dev')
    .description('build, serve on localhost, and rebuild + reload the browser when content, templates or public files change')
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('--host <host>', 'interface to listen on (other machines can connect only if you choose one they reach)', '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      const root = process.cwd();
      const config = defaultConfig(root);
      let server;
      try {
        server = await createDevServer({
          builder: createBuilder(config),
          outDir: config.outDir,
          watch: [config.contentDir, config.templatesDir, config.publicDir],
          host: opts.host,
          port: opts.port,
          pathPrefix: config.pathPrefix,
        });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') {
          console.error(`parkpress dev: cannot listen on ${opts.host}:${opts.port} (${e.code}); choose another with --port or --host`);
          done(2);
          return;
        }
        throw err;
      }
      console.log(`parkpress dev: serving ${path.relative(root, config.outDir) || '.'} at ${server.url} (Ctrl+C to stop)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      done(0);
    });
}
