import { constants } from 'node:fs';
import { copyFile, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { processFile, type FileResult } from '../run/per-file/process.js';
import { type Article, type Config, type Diagnostic, diagnostic, escapeUnsafe } from '../model/index.js';
import { realPathOutside } from '../stages/load/containment.js';
import { fillFrontMatter, joinParts, splitParts } from './frontmatter.js';
import { INGEST_FIELDS, type IngestField } from './fields.js';
import { keptOriginal, RAW_DIR, valuesToFill } from './original.js';
import { unixNewlines } from '../text/newlines.js';

export { RAW_DIR } from './original.js';

/** What ingest does (or, with --dry-run, would do) with one input file. */
export type IngestAction =
  /** A raw .txt becomes `target` (.md); the original moves to `rawCopy`. */
  | { kind: 'convert'; file: string; target: string; rawCopy: string; added: IngestField[]; output: string }
  /** An .md gets the fields it lacks; everything already in it stays as it was. */
  | { kind: 'fill'; file: string; added: IngestField[]; output: string }
  /** An .md that already has every field: left alone (a second run of ingest is all of these). */
  | { kind: 'unchanged'; file: string }
  /** Left alone because of the error diagnostics given. */
  | { kind: 'skipped'; file: string };

export interface IngestResult {
  /** One per input, in input order. */
  actions: IngestAction[];
  diagnostics: Diagnostic[];
}

export interface IngestOptions {
  config: Config;
  /** Only report what would be done. */
  dryRun?: boolean;
  /** The per-file stages (the real pipeline unless a test hands in another). */
  processFile?: (absPath: string, contentDir: string, config: Config) => Promise<FileResult>;
}

/**
 * `parkpress ingest`: turns raw .txt articles below the content dir into .md files carrying the
 * extracted front-matter (with a `provenance` map) and the clean body, for editors to review.
 * A field already in front-matter is an editor's and is never overwritten; the raw original is
 * kept under content/.raw/; running it again changes nothing. The only command that writes content/.
 */
export async function ingest(files: readonly string[], options: IngestOptions): Promise<IngestResult> {
  const actions: IngestAction[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const planned = await planFile(path.resolve(file), options);
    diagnostics.push(...planned.diagnostics);
    if (planned.action.kind !== 'skipped' && !options.dryRun) {
      const failure = await applyAction(planned.action, options.config.contentDir);
      if (failure) {
        diagnostics.push(failure);
        actions.push({ kind: 'skipped', file: planned.action.file });
        continue;
      }
    }
    actions.push(planned.action);
  }
  return { actions, diagnostics };
}

interface Planned {
  action: IngestAction;
  diagnostics: Diagnostic[];
}

async function planFile(abs: string, options: IngestOptions): Promise<Planned> {
  const { config } = options;
  const contentDir = path.resolve(config.contentDir);
  const rel = toPosix(path.relative(contentDir, abs));
  const skip = (rule: string, message: string, extra: Diagnostic[] = []): Planned => ({
    action: { kind: 'skipped', file: rel },
    diagnostics: [...extra, diagnostic(rel, `ingest/${rule}`, 'error', message)],
  });
  if (rel.startsWith('../') || path.isAbsolute(rel)) {
    return skip('outside-content', `${abs} is not inside the content folder ${contentDir}; ingest only rewrites articles there.`);
  }
  // Before the name is judged: a linked folder leading out of content/ is listed by discovery so it is named.
  const escape = await realPathOutside(abs, contentDir);
  if (escape)
    return skip(
      'outside-content',
      `this is a link to ${escapeUnsafe(JSON.stringify(escape))}, outside the content folder; ingest only reads files inside it.`,
    );
  const ext = path.extname(abs).toLowerCase();
  if (ext !== '.txt' && ext !== '.md') return skip('not-an-article', 'only .txt and .md articles can be ingested.');
  if (rel.split('/').some((part) => part.startsWith('.'))) {
    return skip('hidden', `files in dot-folders (like ${RAW_DIR}/, where originals are kept) are not articles.`);
  }

  let result: FileResult;
  try {
    result = await (options.processFile ?? processFile)(abs, contentDir, config);
  } catch (err) {
    return skip('internal', `internal error while reading this file (${(err as Error).message}); it was left as it is`);
  }
  const { article } = result;
  if (!article) return { action: { kind: 'skipped', file: rel }, diagnostics: result.diagnostics };
  const warnings = result.diagnostics.filter((d) => d.severity !== 'error');

  let text: string;
  try {
    text = decode(await readFile(abs), article);
  } catch (err) {
    return skip('unreadable', `cannot read the file: ${(err as Error).message}`);
  }
  let filled;
  const parts = splitParts(text);
  const values = ext === '.md' ? await fromKeptOriginal(article, parts.keys, rel, contentDir, options) : article;
  try {
    filled = fillFrontMatter(parts, values);
  } catch (err) {
    return skip('front-matter', (err as Error).message);
  }

  if (ext === '.md') {
    if (filled.added.length === 0) return { action: { kind: 'unchanged', file: rel }, diagnostics: [] };
    return { action: { kind: 'fill', file: rel, added: filled.added, output: joinParts(filled.yaml, parts.body) }, diagnostics: warnings };
  }
  const target = rel.replace(/\.txt$/i, '.md');
  const rawCopy = `${RAW_DIR}/${rel}`;
  const conflict = await convertConflict(contentDir, rel, target, rawCopy);
  if (conflict) return skip(conflict.rule, conflict.message);
  return {
    action: {
      kind: 'convert',
      file: rel,
      target,
      rawCopy,
      added: filled.added,
      output: joinParts(filled.yaml, `\n${article.body.replace(/\n*$/, '\n')}`),
    },
    diagnostics: warnings,
  };
}

/**
 * For an .md with fields missing: the values its kept original (content/.raw/) extracts to, as
 * the first ingest wrote them (see valuesToFill); `article` when nothing is missing, there is no
 * original, or it no longer extracts.
 */
async function fromKeptOriginal(
  article: Article,
  keys: ReadonlySet<string>,
  rel: string,
  contentDir: string,
  options: IngestOptions,
): Promise<Article> {
  if (INGEST_FIELDS.every((f) => keys.has(f))) return article;
  const kept = await keptOriginal(contentDir, rel);
  if (!kept) return article;
  const original = await (options.processFile ?? processFile)(kept, contentDir, options.config).catch(() => undefined);
  return original?.article ? valuesToFill(article, original.article) : article;
}

/** Why a .txt cannot be converted without overwriting something, if it cannot. */
async function convertConflict(contentDir: string, rel: string, target: string, rawCopy: string) {
  const read = (r: string) => readFile(path.join(contentDir, ...r.split('/'))).catch(() => undefined);
  if (await read(target)) {
    return {
      rule: 'target-exists',
      message: `${target} already exists; ingest never overwrites it. Merge the two by hand or rename ${rel}.`,
    };
  }
  const [kept, original] = await Promise.all([read(rawCopy), read(rel)]);
  if (kept && original && !kept.equals(original)) {
    return { rule: 'raw-exists', message: `${rawCopy} already holds a different original; rename one of them and run ingest again.` };
  }
  return undefined;
}

/** The text as load decoded it (the article says which encoding), BOM off, \n newlines. */
function decode(bytes: Buffer, article: Article): string {
  const encoding = article.encoding === 'utf-8-bom' ? 'utf-8' : article.encoding;
  return unixNewlines(iconv.decode(bytes, encoding).replace(/^\uFEFF/, ''));
}

/**
 * Carries out one action so that no step loses text: the new .md is complete on disk (written
 * beside, then renamed) before the original is copied to .raw/ and only then removed.
 * Returns an error diagnostic instead of overwriting anything.
 */
async function applyAction(action: IngestAction, contentDir: string): Promise<Diagnostic | undefined> {
  const at = (rel: string) => path.join(contentDir, ...rel.split('/'));
  const refuse = (rule: string, message: string): Diagnostic => diagnostic(action.file, `ingest/${rule}`, 'error', message);
  switch (action.kind) {
    case 'fill':
      await writeAtomically(at(action.file), action.output, false);
      return undefined;
    case 'convert': {
      // Checked again: the files may have changed since the plan was made.
      const conflict = await convertConflict(contentDir, action.file, action.target, action.rawCopy);
      if (conflict) return refuse(conflict.rule, conflict.message);
      if (!(await writeAtomically(at(action.target), action.output, true))) {
        return refuse('target-exists', `${action.target} appeared while ingesting; ingest never overwrites it.`);
      }
      await mkdir(path.dirname(at(action.rawCopy)), { recursive: true });
      const kept = await readFile(at(action.rawCopy)).then(
        () => true,
        () => false,
      );
      if (!kept) await copyFile(at(action.file), at(action.rawCopy), constants.COPYFILE_EXCL);
      await rm(at(action.file));
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Writes via a temporary file; with `exclusive`, returns false instead of replacing an existing file. */
async function writeAtomically(file: string, text: string, exclusive: boolean): Promise<boolean> {
  // A dot-file, so a running `parkpress dev` never sees the half-written file.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.ingest-${process.pid}.tmp`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    if (!exclusive) {
      await rename(temp, file);
      return true;
    }
    // link() fails if the name is taken, with no window between checking and creating.
    return await link(temp, file).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return false;
        throw err;
      },
    );
  } finally {
    await rm(temp, { force: true });
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
