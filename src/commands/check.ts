import type { Command } from 'commander';

/** Registers `parkpress check`; `done` receives the exit code. */
export function checkCommand(program: Command, done: (code: number) => void): void {
  program.command('check').description('check (not implemented yet)').action(() => {
    console.error('parkpress check: not implemented yet');
    done(70);
  });
}
