import path from 'node:path';
import { escapeUnsafe, printableName, type Diagnostic, type Severity } from '../model/index.js';

/** Where and how much to print. Streams are parameters so tests can capture them. */
export interface ReporterOptions {
  /** Diagnostics and the progress bar (stderr). */
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** The summary line (stdout). */
  out: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
  verbose?: boolean;
}

export interface Summary {
  articles: number;
  pages: number;
  errors: number;
  warnings: number;
  ms: number;
  /** Extra detail shown after the counts, e.g. what the writer changed. */
  detail?: string;
  /** Nothing changed since the last build, which was not redone: the counts are that build's. */
  upToDate?: boolean;
}

export interface Reporter {
  /** Shows done/total on a progress bar when the terminal can show one. */
  progress(done: number, total: number): void;
  /** Names the site-wide step running after the files (shown beside the bar). */
  stage(name: string): void;
  /** Clears the progress bar, if any. */
  endProgress(): void;
  /** Prints diagnostics allowed by the verbosity; paths are shown relative to `cwd`, under `contentDir`. */
  diagnostics(list: readonly Diagnostic[], contentDir: string, cwd: string): void;
  summary(s: Summary): void;
  /** Detail shown with --verbose only. */
  verbose(line: string): void;
  /** A fatal message (always shown). */
  error(line: string): void;
}

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off; no colour unless a terminal. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

/** A progress bar only on an interactive terminal, never in CI logs or with --quiet. */
export function progressEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, quiet = false): boolean {
  return Boolean(stream.isTTY) && !env.CI && !quiet;
}

const SGR: Record<Severity | 'dim' | 'bold', string> = { error: '31', warning: '33', info: '36', dim: '2', bold: '1' };

const STAGE_LABELS: Record<string, string> = { corpus: 'keywords', site: 'site model', render: 'rendering and writing' };

/** Small builds finish before a bar is worth drawing. */
const PROGRESS_DELAY_MS = 250;
const PROGRESS_INTERVAL_MS = 80;

export function createReporter(o: ReporterOptions): Reporter {
  const color = colorEnabled(o.err, o.env);
  const paint = (style: keyof typeof SGR, text: string) => (color ? `\x1b[${SGR[style]}m${text}\x1b[0m` : text);
  const showBar = progressEnabled(o.err, o.env, o.quiet);
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  let bar = '';

  const draw = (line: string) => {
    drawn = true;
    o.err.write(`\r\x1b[2K${line}`);
  };

  return {
    progress(done, total) {
      if (!showBar || total === 0) return;
      const now = Date.now();
      if (now - started < PROGRESS_DELAY_MS || (now - lastDraw < PROGRESS_INTERVAL_MS && done < total)) return;
      lastDraw = now;
      bar = progressLine(done, total, o.err.columns || 80);
      draw(bar);
    },
    stage(name) {
      if (showBar && (drawn || Date.now() - started >= PROGRESS_DELAY_MS)) draw(`${bar} ${STAGE_LABELS[name] ?? name}…`);
    },
    endProgress() {
      if (drawn) o.err.write('\r\x1b[2K');
      drawn = false;
    },
    diagnostics(list, contentDir, cwd) {
      for (const d of list) {
        if (!shown(d.severity, o)) continue;
        // A file name or message with a newline or a bidi override must not print a line of its own.
        const where = [printableName(path.relative(cwd, path.join(contentDir, d.file)) || d.file), d.line || null, d.column || null];
        const loc = where.filter((x) => x !== null).join(':');
        o.err.write(`${paint('bold', loc)}: ${paint(d.severity, d.severity)}: ${escapeUnsafe(d.message)} ${paint('dim', `(${d.rule})`)}\n`);
      }
    },
    summary(s) {
      if (o.quiet) return;
      o.out.write(`${summaryLine(s)}\n`);
    },
    verbose(line) {
      if (o.verbose) o.err.write(`${paint('dim', line)}\n`);
    },
    error(line) {
      o.err.write(`${paint('error', 'error')}: ${line}\n`);
    },
  };
}

function shown(severity: Severity, o: { quiet?: boolean; verbose?: boolean }): boolean {
  if (severity === 'error') return true;
  if (severity === 'warning') return !o.quiet;
  return Boolean(o.verbose);
}

/** `[#########.........]  452/1000 files` fitted to the terminal width. */
export function progressLine(done: number, total: number, columns: number): string {
  const label = ` ${String(done).padStart(String(total).length)}/${total} files`;
  const width = Math.max(10, Math.min(40, columns - label.length - 3));
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${label}`;
}

/** The one line printed at the end of a build. */
export function summaryLine(s: Summary): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const counts = `${n(s.articles, 'article')}, ${n(s.pages, 'page')}, ${n(s.warnings, 'warning')}, ${n(s.errors, 'error')}`;
  if (s.upToDate) return `up to date: ${counts} (checked in ${(s.ms / 1000).toFixed(2)} s; --force rebuilds)`;
  return `built ${counts} in ${(s.ms / 1000).toFixed(2)} s${s.detail ? ` (${s.detail})` : ''}`;
}
