import { Command, CommanderError } from 'commander';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { devCommand } from './commands/dev.js';
import { EXIT } from './commands/exit.js';
import { ingestCommand } from './commands/ingest.js';
import { initCommand } from './commands/init.js';

/** Command-line entry: parses argv (without node and script) and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('parkpress')
    .description("Static news-site generator for reports on China's development zones")
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes:
  0   success
  1   an input had an error (with --strict: or a warning); the rest was still built
  2   bad command line or configuration
  70  internal error (a bug: please report it)
  75  another build holds the output folder's lock; try again`,
    );
  buildCommand(program, (c) => {
    code = c;
  });
  checkCommand(program, (c) => {
    code = c;
  });
  devCommand(program, (c) => {
    code = c;
  });
  ingestCommand(program, (c) => {
    code = c;
  });
  initCommand(program, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  return code;
}
