import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT } from './exit.js';
import { ConfigError } from '../config/read.js';
import type { IngestAction } from '../ingest/index.js';
import { discoverSources } from '../stages/load/discover.js';
import { createReporter } from './reporter.js';
import { type Diagnostic, diagnostic, printableName } from '../model/index.js';

interface IngestFlags {
  dryRun?: boolean;
  config?: string;
  quiet?: boolean;
}

/** Registers `parkpress ingest`; `done` receives the exit code. */
export function ingestCommand(program: Command, done: (code: number) => void): void {
  program
    .command('ingest')
    .description(
      'turn raw .txt articles into .md files with the extracted front-matter, for editors to review (originals kept in content/.raw/)',
    )
    .argument('[paths...]', 'articles or folders inside the content folder (default: all of it)')
    .option('-n, --dry-run', 'only show what would be done')
    .option('--config <file>', 'config file (default: parkpress.config.json|js|mjs|ts in the current folder)')
    .option('-q, --quiet', 'print errors only')
    .action(async (paths: string[], flags: IngestFlags) => done(await runIngest(paths, flags)));
}

async function runIngest(paths: string[], flags: IngestFlags): Promise<number> {
  const cwd = process.cwd();
  const reporter = createReporter({ err: process.stderr, out: process.stdout, env: process.env, quiet: flags.quiet });
  try {
    // Loaded on demand, so `parkpress --help` and up-to-date builds start without the pipeline.
    const [{ loadConfig }, { ingest }] = await Promise.all([import('../config/index.js'), import('../ingest/index.js')]);
    const config = await loadConfig(cwd, { configFile: flags.config });
    const { files, diagnostics: missing } = await expandInputs(paths.length > 0 ? paths : [config.contentDir], config.contentDir);
    const result = await ingest(files, { config, dryRun: flags.dryRun });
    const show = (rel: string) => printableName(path.relative(cwd, path.join(config.contentDir, rel)));
    if (!flags.quiet)
      for (const action of result.actions) {
        const line = describe(action, Boolean(flags.dryRun), show);
        if (line) process.stdout.write(`${line}\n`);
      }
    const diagnostics = [...missing, ...result.diagnostics];
    reporter.diagnostics(diagnostics, config.contentDir, cwd);
    if (!flags.quiet) process.stdout.write(`${tally(result.actions, Boolean(flags.dryRun))}\n`);
    if (diagnostics.some((d) => d.rule === 'ingest/internal')) return EXIT.internal;
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.diagnostics : EXIT.ok;
  } catch (err) {
    if (err instanceof ConfigError) {
      reporter.error(err.message);
      return EXIT.usage;
    }
    reporter.error(`internal error, please report it:\n${(err as Error).stack ?? String(err)}`);
    return EXIT.internal;
  }
}

/** Files stay files; folders become the articles below them (discovery skips dot-folders such as .raw/). */
async function expandInputs(inputs: string[], contentDir: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    const info = await stat(abs).catch(() => undefined);
    if (!info) {
      const file = path.relative(contentDir, abs).split(path.sep).join('/');
      diagnostics.push(diagnostic(file, 'ingest/missing', 'error', `${input} does not exist.`));
    } else if (info.isDirectory()) {
      for (const f of await discoverSources(abs)) files.add(f);
    } else {
      files.add(abs);
    }
  }
  return { files: [...files].sort(), diagnostics };
}

function describe(action: IngestAction, dryRun: boolean, show: (rel: string) => string): string | undefined {
  switch (action.kind) {
    case 'convert':
      return (
        `${dryRun ? 'would write' : 'wrote'} ${show(action.target)} (${action.added.length} fields extracted); ` +
        `original ${dryRun ? 'would move' : 'moved'} to ${show(action.rawCopy)}`
      );
    case 'fill':
      return `${dryRun ? 'would add' : 'added'} ${action.added.join(', ')} to ${show(action.file)}`;
    default:
      return undefined;
  }
}

function tally(actions: IngestAction[], dryRun: boolean): string {
  const count = (kind: IngestAction['kind']) => actions.filter((a) => a.kind === kind).length;
  const line = `ingest: ${count('convert')} converted, ${count('fill')} completed, ${count('unchanged')} unchanged, ${count('skipped')} skipped`;
  return dryRun ? `${line} (dry run: nothing was written)` : line;
}
