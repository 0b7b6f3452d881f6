import { InvalidArgumentError, type Command } from 'commander';
import { createBuilder } from '../build/index.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { createReporter } from '../log/index.js';
import { EXIT } from '../cli.js';
import { LockError } from '../write/index.js';

interface BuildFlags {
  baseUrl?: string;
  pathPrefix?: string;
  out?: string;
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  strict?: boolean;
  jobs?: number;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || jobs < 1 || jobs > 64) throw new InvalidArgumentError('expected a number of worker threads from 1 to 64.');
  return jobs;
}

/** Registers `parkpress build`; `done` receives the exit code. */
export function buildCommand(program: Command, done: (code: number) => void): void {
  program
    .command('build')
    .description('build the site from the content folder into the output folder (default dist/)')
    .option('--base-url <url>', 'absolute URL the site is published at (feeds, sitemap, canonical links)')
    .option('--path-prefix <path>', 'sub-path the site lives under, e.g. /news')
    .option('--out <dir>', 'output folder (default: outDir from the config, else dist)')
    .option('--config <file>', 'config file (default: parkpress.config.json|js|mjs|ts in the current folder)')
    .option('-j, --jobs <n>', 'worker threads for reading and extracting articles (default: the cores available, at most 4; 1: none)', parseJobs)
    .option('--strict', 'exit 1 on warnings too (the site is still written)')
    .option('-q, --quiet', 'print errors only')
    .option('-v, --verbose', 'also print info messages and the time spent in each stage')
    .action(async (flags: BuildFlags) => done(await runBuild(flags)));
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const reporter = createReporter({ err: process.stderr, out: process.stdout, env: process.env, quiet: flags.quiet, verbose: flags.verbose });
  try {
    const config = await loadConfig(process.cwd(), {
      configFile: flags.config,
      baseUrl: flags.baseUrl,
      pathPrefix: flags.pathPrefix,
      outDir: flags.out,
      jobs: flags.jobs,
    });
    const builder = createBuilder(config, {
      quiet: flags.quiet,
      verbose: flags.verbose,
      onProgress: reporter.progress,
      onStage: reporter.stage,
    });
    const result = await builder.build();
    reporter.endProgress();
    reporter.diagnostics(result.diagnostics, config.contentDir, process.cwd());
    const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
    const { written, unchanged, removed } = result.report;
    reporter.summary({
      articles: result.articles,
      pages: result.pages,
      errors: count('error'),
      warnings: count('warning'),
      ms: result.ms,
      detail: `${written} written, ${unchanged} unchanged, ${removed} removed`,
    });
    reporter.verbose(`timings (ms): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    if (result.diagnostics.some((d) => d.rule === 'build/internal')) return EXIT.internal;
    const failing = count('error') + (flags.strict ? count('warning') : 0);
    return failing > 0 ? EXIT.diagnostics : EXIT.ok;
  } catch (err) {
    reporter.endProgress();
    if (err instanceof ConfigError) {
      reporter.error(err.message);
      return EXIT.usage;
    }
    if (err instanceof LockError) {
      reporter.error(err.message);
      return EXIT.busy;
    }
    reporter.error(`internal error, please report it:\n${(err as Error).stack ?? String(err)}`);
    return EXIT.internal;
  }
}
