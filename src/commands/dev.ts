import type { Command } from 'commander';

/** Registers `parkpress dev`; `done` receives the exit code. */
export function devCommand(program: Command, done: (code: number) => void): void {
  program.command('dev').description('dev (not implemented yet)').action(() => {
    console.error('parkpress dev: not implemented yet');
    done(70);
  });
}
