import type { Command } from 'commander';

/** Registers `parkpress ingest`; `done` receives the exit code. */
export function ingestCommand(program: Command, done: (code: number) => void): void {
  program.command('ingest').description('ingest (not implemented yet)').action(() => {
    console.error('parkpress ingest: not implemented yet');
    done(70);
  });
}
