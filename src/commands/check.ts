import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EXIT } from './exit.js';
import { ConfigError } from '../config/read.js';
import { discoverSources } from '../stages/load/discover.js';
import {
  escapeUnsafe,
  printableName,
  type Article,
  type ArticleFacts,
  type Config,
  type Diagnostic,
  type FieldName,
  type Provenance,
} from '../model/index.js';
import { compareCodeUnits } from '../text/compare.js';

interface CheckFlags {
  json?: boolean;
  strict?: boolean;
  quiet?: boolean;
  config?: string;
}

/** One input file as `check` saw it: the path as the user named it, and what the pipeline made of it. */
interface Checked {
  /** The path as given (a file argument, or directory argument + relative path inside it), POSIX separators. */
  shown: string;
  /** Identity used by the pipeline (relative to the directory it was found in). */
  file: string;
  article?: Article;
  diagnostics: Diagnostic[];
}

/** Registers `parkpress check`; `done` receives the exit code. */
export function checkCommand(program: Command, done: (code: number) => void): void {
  program
    .command('check')
    .argument('[paths...]', 'files or folders to check (default: the content folder)')
    .description('extract every article without building and show each field, where it came from, and every diagnostic')
    .option('--json', 'print a JSON array, one object per file (the stable contract: docs/check-json.md)')
    .option('--strict', 'exit 1 on warnings too')
    .option('-q, --quiet', 'print diagnostics (errors and warnings) and the summary only, no fields')
    .option('--config <file>', 'config file (default: parkpress.config.json|js|mjs|ts in the current folder)')
    .action(async (paths: string[], flags: CheckFlags) => done(await runCheck(paths, flags)));
}

async function runCheck(paths: string[], flags: CheckFlags): Promise<number> {
  try {
    // Loaded on demand, so `parkpress --help` and up-to-date builds start without the pipeline.
    const { loadConfig } = await import('../config/index.js');
    const config = await loadConfig(process.cwd(), { configFile: flags.config });
    const targets = paths.length > 0 ? paths : [path.relative(process.cwd(), config.contentDir) || '.'];
    const inputs = await expand(targets);
    const checked = await checkAll(inputs, config);
    if (flags.json) process.stdout.write(`${JSON.stringify(checked.map(toJson), null, 2)}\n`);
    else process.stdout.write(humanReport(checked, Boolean(flags.quiet)));
    return exitCode(checked, Boolean(flags.strict));
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`error: internal error, please report it:\n${(err as Error).stack ?? String(err)}\n`);
    return EXIT.internal;
  }
}

class UsageError extends Error {}

interface Input {
  abs: string;
  base: string;
  shown: string;
}

/** Files and folders as given -> input files; a folder's files are shown as `folder/relative/path`. */
async function expand(targets: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const target of targets) {
    const abs = path.resolve(target);
    const info = await stat(abs).catch(() => null);
    if (!info) throw new UsageError(`${target}: no such file or folder`);
    if (!info.isDirectory()) {
      out.push({ abs, base: path.dirname(abs), shown: toPosix(target) });
      continue;
    }
    for (const file of await discoverSources(abs)) {
      out.push({ abs: file, base: abs, shown: toPosix(path.join(target, path.relative(abs, file))) });
    }
  }
  return out;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/**
 * Runs the per-file stages on every input, each with its share of the inputs' site template, then
 * the corpus step over all articles (computed keywords need the corpus IDF; duplicates need every
 * article), as `build` does.
 */
async function checkAll(inputs: Input[], config: Config): Promise<Checked[]> {
  const [
    { processFile },
    { readPagePairs, TemplateShares },
    { eachLimited },
    { enrichCorpus },
    { buildYear, futureDates },
    { urlKeyDiagnostics },
  ] = await Promise.all([
    import('../run/per-file/process.js'),
    import('../run/per-file/template.js'),
    import('../run/concurrency.js'),
    import('../stages/corpus/index.js'),
    import('../run/future-dates.js'),
    import('../stages/site/urls.js'),
  ]);
  const pairs = new Map<Input, Awaited<ReturnType<typeof readPagePairs>>>();
  await eachLimited(inputs, 8, async (input) => void pairs.set(input, await readPagePairs(input.abs, input.base, config)));
  const template = TemplateShares.of([...pairs.values()].flatMap((p) => p ?? []));
  const checked: Checked[] = [];
  const facts = new Map<string, ArticleFacts>();
  for (const input of inputs) {
    const r = await processFile(input.abs, input.base, config, TemplateShares.options(template.share(pairs.get(input))));
    checked.push({ shown: input.shown, file: r.file, article: r.article, diagnostics: r.diagnostics });
    // Articles from different folders may share a relative path: the corpus step keys them by `shown`.
    if (r.facts) facts.set(input.shown, r.facts);
  }
  const withArticles = checked.filter((c) => c.article);
  const enriched = enrichCorpus(
    withArticles.map((c) => ({ ...c.article!, file: c.shown })),
    facts,
    config,
  );
  const year = buildYear();
  enriched.articles.forEach((a, i) => {
    const c = withArticles[i]!;
    c.article = a;
    // The values the site would have to rename in its URLs, as `build` reports them (a hidden duplicate gets no pages).
    const urlKeys = a.duplicateOf ? [] : urlKeyDiagnostics([a]);
    c.diagnostics = [...a.diagnostics, ...futureDates([{ ...a, file: c.file }], year), ...urlKeys];
  });
  for (const c of checked) c.diagnostics = sortDiagnostics(c.diagnostics);
  return checked;
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column || compareCodeUnits(a.rule, b.rule));
}

function exitCode(checked: Checked[], strict: boolean): number {
  const all = checked.flatMap((c) => c.diagnostics);
  if (all.some((d) => d.severity === 'error')) return EXIT.diagnostics;
  if (strict && all.some((d) => d.severity === 'warning')) return EXIT.diagnostics;
  return EXIT.ok;
}

/** The `--json` object for one file (docs/check-json.md). Keys and their order are the contract. */
function toJson(c: Checked): Record<string, unknown> {
  const a = c.article;
  return {
    file: c.shown,
    title: a?.title ?? null,
    date: a?.date ?? null,
    date_source: a?.date ? (a.provenance.date ?? null) : null,
    source: a?.source ?? null,
    keywords: a?.keywords ?? [],
    computed_keywords: a?.computedKeywords ?? [],
    park: a?.park ?? null,
    parks: a?.parks ?? [],
    category: a?.category ?? null,
    series: a?.series ?? null,
    authors: a?.authors ?? [],
    editors: a?.editors ?? [],
    views: a?.views ?? null,
    original_script: a?.originalScript ?? null,
    encoding: a?.encoding ?? null,
    subheadings: a?.subheadings ?? [],
    summary: a?.summary ?? null,
    body: a?.body ?? null,
    duplicate_of: a?.duplicateOf ?? null,
    provenance: a ? provenanceOf(a) : {},
    diagnostics: c.diagnostics.map(({ line, column, severity, rule, message }) => ({ line, column, severity, rule, message })),
  };
}

/** Provenance of every field that has a value (FieldName order, so output is stable). */
function provenanceOf(a: Article): Partial<Record<FieldName, Provenance>> {
  const out: Partial<Record<FieldName, Provenance>> = {};
  for (const [field, value] of fieldRows(a)) {
    const from = a.provenance[field];
    if (from && !isEmpty(value)) out[field] = from;
  }
  return out;
}

function fieldRows(a: Article): [FieldName, unknown][] {
  return [
    ['title', a.title],
    ['date', a.date],
    ['source', a.source],
    ['keywords', a.keywords],
    ['computed_keywords', a.computedKeywords],
    ['park', a.park],
    ['parks', a.parks],
    ['category', a.category],
    ['series', a.series],
    ['authors', a.authors],
    ['editors', a.editors],
    ['views', a.views],
    ['original_script', a.originalScript],
    ['slug', a.slug],
    ['summary', a.summary],
  ];
}

const isEmpty = (v: unknown): boolean => v === null || v === '' || (Array.isArray(v) && v.length === 0);

function show(value: unknown): string {
  if (isEmpty(value)) return '—';
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** `file:line:column  severity  rule-id  message`, like a compiler (line/column left out for whole-file messages). */
export function formatDiagnostic(shown: string, d: Diagnostic): string {
  const name = printableName(shown);
  const where = d.line > 0 ? `${name}:${d.line}:${d.column || 1}` : name;
  return `${where}  ${d.severity}  ${d.rule}  ${escapeUnsafe(d.message)}`;
}

function humanArticle(c: Checked, quiet: boolean): string[] {
  const lines: string[] = [];
  const visible = c.diagnostics.filter((d) => !quiet || d.severity !== 'info');
  if (!quiet) {
    lines.push(printableName(c.shown));
    if (c.article) {
      const a = c.article;
      const rows: [string, unknown, string][] = fieldRows(a).map(([f, v]) => [f, v, isEmpty(v) ? '' : (a.provenance[f] ?? '')]);
      rows.push(['subheadings', a.subheadings, ''], ['encoding', a.encoding, ''], ['duplicate_of', a.duplicateOf ?? null, '']);
      for (const [name, value, from] of rows)
        lines.push(`  ${name.padEnd(18)}${from ? `[${from}] `.padEnd(12) : ''.padEnd(12)}${show(value)}`);
    }
  }
  for (const d of visible) lines.push(`${quiet ? '' : '  '}${formatDiagnostic(c.shown, d)}`);
  if (!quiet) lines.push('');
  return lines;
}

/** Counts an editor (or a corpus run) wants at a glance. */
export function summaryOf(checked: Checked[]): string {
  const articles = checked.flatMap((c) => (c.article ? [c.article] : []));
  const count = (p: (a: Article) => boolean): number => articles.filter(p).length;
  const all = checked.flatMap((c) => c.diagnostics);
  const severity = (s: string): number => all.filter((d) => d.severity === s).length;
  return [
    `${checked.length} files, ${articles.length} articles (${checked.length - articles.length} skipped)`,
    `title: ${count((a) => a.provenance.title === 'explicit' || a.provenance.title === 'editor')} found, ${count((a) => a.provenance.title === 'computed')} from the first words`,
    `date: ${count((a) => a.date !== null && a.provenance.date !== 'inferred')} explicit, ${count((a) => a.provenance.date === 'inferred')} inferred, ${count((a) => a.date === null)} none`,
    `keywords: ${count((a) => a.keywords.length > 0)} stated, ${count((a) => a.computedKeywords.length > 0)} computed; park: ${count((a) => a.park !== null)}; duplicates: ${count((a) => a.duplicateOf !== undefined)}`,
    `${severity('error')} errors, ${severity('warning')} warnings, ${severity('info')} notes`,
  ].join('\n');
}

function humanReport(checked: Checked[], quiet: boolean): string {
  return `${[...checked.flatMap((c) => humanArticle(c, quiet)), summaryOf(checked)].join('\n')}\n`;
}
