import path from 'node:path';
import type { Command } from 'commander';
import { EXIT } from './exit.js';
import { InitConflict, initSite } from '../init/index.js';
import { createReporter } from './reporter.js';

/** Registers `parkpress init`; `done` receives the exit code. */
export function initCommand(program: Command, done: (code: number) => void): void {
  program
    .command('init')
    .description('start a new site: a config, content/ with a sample article, and a .gitignore (never overwrites a file)')
    .argument('[dir]', 'folder for the new site (made if missing)', '.')
    .action(async (dir: string) => done(await runInit(dir)));
}

async function runInit(dir: string): Promise<number> {
  const reporter = createReporter({ err: process.stderr, out: process.stdout, env: process.env });
  const shown = (file: string) => path.relative(process.cwd(), file) || '.';
  try {
    const written = await initSite(dir);
    for (const file of written) process.stdout.write(`created ${shown(file)}\n`);
    const cd = path.resolve(dir) === process.cwd() ? '' : `cd ${shown(path.resolve(dir))} && `;
    process.stdout.write(`next: ${cd}npx parkpress build (or npx parkpress dev to preview); see the README for the config keys\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof InitConflict) {
      const where = path.resolve(dir);
      const files = err.existing.map((f) => shown(path.join(where, f))).join(', ');
      reporter.error(`parkpress init writes nothing over existing files, and these are already there: ${files}. Use an empty folder.`);
      return EXIT.usage;
    }
    reporter.error(`internal error, please report it:\n${(err as Error).stack ?? String(err)}`);
    return EXIT.internal;
  }
}
