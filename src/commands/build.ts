import type { Command } from 'commander';

/** Registers `parkpress build`; `done` receives the exit code. */
export function buildCommand(program: Command, done: (code: number) => void): void {
  program.command('build').description('build (not implemented yet)').action(() => {
    console.error('parkpress build: not implemented yet');
    done(70);
  });
}
