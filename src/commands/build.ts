import { InvalidArgumentError, type Command } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { checkUpToDate, recordBuild, type BuildOutcome } from '../run/cache/up-to-date.js';
import type { KnownStamps } from '../run/cache/inputs.js';
import type { FileCache } from '../run/cache/files.js';
import { ConfigError, readRawConfig, resolveUnvalidated, type ConfigOverrides } from '../config/read.js';
import { createReporter, type Reporter } from './reporter.js';
import type { Config, Diagnostic, FileStamp } from '../model/index.js';
import { EXIT } from './exit.js';
import { sourcePath } from '../stages/load/source-path.js';
import { LockError } from '../stages/write/lock.js';
import { ForeignOutputError } from '../stages/write/ownership.js';

// Only light modules are imported above: an up-to-date build answers without loading the
// pipeline (opencc, jieba, Nunjucks, markdown-it) or zod, which full builds import on demand.

interface BuildFlags {
  baseUrl?: string;
  pathPrefix?: string;
  out?: string;
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  strict?: boolean;
  /** false with --no-cache. */
  cache: boolean;
  force?: boolean;
  /** --replace-out: the user's consent to replace an output folder parkpress did not make. */
  replaceOut?: boolean;
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
    .option(
      '--replace-out',
      'replace the output folder even if parkpress did not make it, deleting what it holds (otherwise such a folder is refused)',
    )
    .option('--config <file>', 'config file (default: parkpress.config.json|js|mjs|ts in the current folder)')
    .option(
      '-j, --jobs <n>',
      'worker threads for reading and extracting articles (default: the cores available, at most 4; 1: none)',
      parseJobs,
    )
    .option('--strict', 'exit 1 on warnings too (the site is still written)')
    .option('--force', 'build even when nothing changed since the last build, rendering every page again')
    .option('--no-cache', 'neither read nor write the build cache (cacheDir, default .parkpress-cache/)')
    .option('-q, --quiet', 'print errors only')
    .option('-v, --verbose', 'also print info messages and the time spent in each stage')
    .action(async (flags: BuildFlags) => done(await runBuild(flags)));
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const started = performance.now();
  const reporter = createReporter({
    err: process.stderr,
    out: process.stdout,
    env: process.env,
    quiet: flags.quiet,
    verbose: flags.verbose,
  });
  try {
    const overrides: ConfigOverrides = {
      configFile: flags.config,
      baseUrl: flags.baseUrl,
      pathPrefix: flags.pathPrefix,
      outDir: flags.out,
      jobs: flags.jobs,
    };
    let known: KnownStamps | undefined;
    if (flags.cache && !flags.force) {
      const fresh = await upToDate(overrides, reporter);
      if (fresh && 'outcome' in fresh) return reportUpToDate(fresh.config, fresh.outcome, flags, reporter, started);
      known = fresh?.known;
    }
    return await fullBuild(overrides, flags, reporter, known);
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
    if (err instanceof ForeignOutputError) {
      reporter.error(foreignOutputMessage(err));
      return EXIT.usage;
    }
    reporter.error(`internal error, please report it:\n${(err as Error).stack ?? String(err)}`);
    return EXIT.internal;
  }
}

/**
 * The last build's outcome when nothing changed since; otherwise the last build's input stamps
 * (if any), so the full build reads only files whose stat changed. Any trouble means "build".
 */
async function upToDate(
  overrides: ConfigOverrides,
  reporter: Reporter,
): Promise<{ config: Config; outcome: BuildOutcome } | { known?: KnownStamps } | undefined> {
  try {
    const config = resolveUnvalidated(await readRawConfig(process.cwd(), overrides));
    const fresh = await checkUpToDate(config);
    if (fresh.upToDate) return { config, outcome: fresh.outcome };
    reporter.verbose(`building: ${fresh.reason}`);
    return { known: fresh.known };
  } catch (err) {
    reporter.verbose(`building: the up-to-date check failed (${(err as Error).message})`);
    return undefined;
  }
}

function reportUpToDate(config: Config, outcome: BuildOutcome, flags: BuildFlags, reporter: Reporter, started: number): number {
  reporter.diagnostics(outcome.diagnostics, config.contentDir, process.cwd());
  reporter.summary({
    articles: outcome.articles,
    pages: outcome.pages,
    errors: count(outcome.diagnostics, 'error'),
    warnings: count(outcome.diagnostics, 'warning'),
    ms: performance.now() - started,
    upToDate: true,
  });
  return exitCode(outcome.diagnostics, Boolean(flags.strict));
}

async function fullBuild(
  overrides: ConfigOverrides,
  flags: BuildFlags,
  reporter: Reporter,
  known: KnownStamps | undefined,
): Promise<number> {
  const [{ loadConfig }, { createBuilder }, { openFileCache }, { otherInputs, stampAll }] = await Promise.all([
    import('../config/index.js'),
    import('../run/builder.js'),
    import('../run/cache/files.js'),
    import('../run/cache/inputs.js'),
  ]);
  const config = await loadConfig(process.cwd(), overrides);
  limitHeapGrowth();
  const caching = flags.cache && config.cacheDir !== undefined;
  // Taken before any input is read: the record's stamps are only trusted for files older than this.
  const stampedAt = Date.now();
  const others = caching ? stampOthers(() => stampAll(otherInputs(config), known), reporter) : undefined;
  const opened = performance.now();
  const cache = caching ? await openFileCache(config.cacheDir!, config, { known, note: reporter.verbose }) : undefined;
  const loadMs = performance.now() - opened;
  let saveMs: number | undefined;
  const builder = createBuilder(config, {
    quiet: flags.quiet,
    verbose: flags.verbose,
    onProgress: reporter.progress,
    onStage: reporter.stage,
    cache,
    once: true,
    // --force: every page made again, in case something nobody tracks changed.
    pageKeys: flags.force ? 'remake' : 'keep',
    replaceOut: flags.replaceOut,
    // Saved before the site-wide stages: `once` then drops the per-file terms the cache keeps.
    onFilesDone: cache
      ? async (files) => {
          saveMs = await saveCache(cache, files, config, reporter);
          cache.release();
        }
      : undefined,
  });
  const result = await builder.build();
  reporter.endProgress();
  reporter.diagnostics(result.diagnostics, config.contentDir, process.cwd());
  const { written, unchanged, removed, kept = 0 } = result.report;
  reporter.summary({
    articles: result.articles,
    pages: result.pages,
    errors: count(result.diagnostics, 'error'),
    warnings: count(result.diagnostics, 'warning'),
    ms: result.ms,
    detail: `${written} written, ${unchanged} unchanged, ${removed} removed`,
  });
  reporter.verbose(`render: ${kept} of ${unchanged} unchanged pages kept from the live build without rendering them again`);
  reporter.verbose(
    `timings (ms): ${Object.entries(result.timings)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ')}`,
  );
  if (cache && result.inputs) {
    const inputs = result.inputs;
    try {
      const recorded =
        others !== undefined &&
        (await recordBuild(config, {
          stampedAt,
          stamps: new Map([...inputs, ...others]),
          written: result.report,
          outcome: { articles: result.articles, pages: result.pages, diagnostics: result.diagnostics },
        }));
      reporter.verbose(
        `cache: ${cache.hits} of ${result.files} files from ${config.cacheDir} (load ${loadMs.toFixed(0)} ms, save ${saveMs === undefined ? 'failed' : `${saveMs.toFixed(0)} ms`})` +
          (recorded ? '' : '; this build was not recorded, so the next one builds too'),
      );
    } catch (err) {
      // The site is built; a cache that cannot be written only makes the next build slower.
      reporter.verbose(
        `cache: cannot write to ${config.cacheDir} (${(err as Error).message}); the site is built, the cache was not updated`,
      );
    }
  }
  return exitCode(result.diagnostics, Boolean(flags.strict));
}

/** The refusal, with what the user can do about it. */
function foreignOutputMessage(err: ForeignOutputError): string {
  if (!err.replaceable) return `${err.message}.`;
  return `${err.message}. To build there, choose another --out (or outDir), empty the folder, or pass --replace-out to replace it.`;
}

/**
 * How far V8 lets the heap grow past what the last full GC found live (default: up to 4x). The
 * site-wide stages make garbage in bursts (the corpus step's tables, related's index, render's
 * strings) on top of a site model that is live to the end; by default the heap waits to be several
 * times that model before collecting, which sets the build's peak. A quarter lowers the peak for a
 * little more CPU (docs/memory.md has the measurements).
 */
const HEAP_GROWING_PERCENT = 25;

function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Writes the disk cache's pack; undefined when it cannot: that only makes the next build slower, so the build goes on. */
async function saveCache(cache: FileCache, files: string[], config: Config, reporter: Reporter): Promise<number | undefined> {
  try {
    return await cache.save(files.map((f) => sourcePath(config.contentDir, f)));
  } catch (err) {
    reporter.verbose(`cache: cannot write to ${config.cacheDir} (${(err as Error).message}); building on without updating it`);
    return undefined;
  }
}

/** Stamps of the templates, public and data files; undefined (so this build is not recorded) when they cannot be listed. */
function stampOthers(stamp: () => Map<string, FileStamp | undefined>, reporter: Reporter): Map<string, FileStamp | undefined> | undefined {
  try {
    return stamp();
  } catch (err) {
    reporter.verbose(`cache: cannot list the template, public and data files (${(err as Error).message}); this build will not be recorded`);
    return undefined;
  }
}

/** A bug in one file's processing (70) beats input errors (1); --strict counts warnings as errors. */
function exitCode(diagnostics: readonly Diagnostic[], strict: boolean): number {
  if (diagnostics.some((d) => d.rule === 'build/internal')) return EXIT.internal;
  const failing = count(diagnostics, 'error') + (strict ? count(diagnostics, 'warning') : 0);
  return failing > 0 ? EXIT.diagnostics : EXIT.ok;
}

function count(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return diagnostics.filter((d) => d.severity === severity).length;
}
