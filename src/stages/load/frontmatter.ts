import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLParseError } from 'yaml';
import type { RawFrontMatter } from '../../model/index.js';

export interface SplitResult {
  data: RawFrontMatter;
  body: string;
  /** 1-based line where the body starts in the given text. */
  bodyStartLine: number;
  /** 1-based line of each top-level key, so a message about a value can point at it. */
  keyLines: Record<string, number>;
}

/** A front-matter problem; `line` is 1-based in the text given to splitFrontMatter. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'FrontMatterError';
  }
}

/**
 * Aliases allowed per document. A "billion laughs" document nests aliases so that walking the
 * value explodes exponentially; no editor's front-matter needs more than a handful.
 */
const MAX_ALIASES = 50;

/** Opening fence, optionally naming a language (`---yaml`, `---js`): only YAML is accepted. */
const OPEN = /^---[ \t]*([A-Za-z]*)[ \t]*$/;

/**
 * gray-matter's own engines include `js`/`javascript`, which eval the block: every language but
 * YAML is replaced by one that refuses, and YAML goes to the hardened parser below.
 */
const refuse = (language: string) => (): never => {
  throw new FrontMatterError(`front-matter language "${language}" is not allowed: only YAML is read, code is never run`, 1);
};

/**
 * Splits YAML front-matter off a decoded text (newlines already `\n`) with gray-matter. Never runs
 * code, and YAML is parsed with the core schema (no custom tags, no timestamps, so
 * `date: 2024-03-20` stays a string for extract to validate) and an alias limit.
 * Throws FrontMatterError with a plain message and a line for anything malformed.
 */
export function splitFrontMatter(text: string): SplitResult {
  const firstEnd = text.indexOf('\n');
  const open = OPEN.exec(firstEnd === -1 ? text : text.slice(0, firstEnd));
  if (!open) return { data: {}, body: text, bodyStartLine: 1, keyLines: {} };
  const language = open[1]!.toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') refuse(open[1]!)();
  if (!/\n---[ \t]*(?:\n|$)/.test(text.slice(firstEnd))) {
    throw new FrontMatterError('front-matter opened with "---" on line 1 is never closed by a "---" line', 1);
  }
  let keyLines: Record<string, number> = {};
  const parsed = matter(text, {
    language: 'yaml',
    engines: {
      // gray-matter hands over the block with the newline after `---`: it starts on line 1.
      yaml: (block: string) => {
        const yaml = parseYaml(block, block.startsWith('\n') ? 1 : 2);
        keyLines = yaml.keyLines;
        return yaml.data;
      },
      js: refuse('js'),
      javascript: refuse('javascript'),
      coffee: refuse('coffee'),
      coffeescript: refuse('coffeescript'),
      json: refuse('json'),
      toml: refuse('toml'),
    },
  } as never);
  const consumed = text.length - parsed.content.length;
  return {
    data: { ...(parsed.data as RawFrontMatter) },
    body: parsed.content,
    bodyStartLine: text.slice(0, consumed).split('\n').length,
    keyLines,
  };
}

/** Parses the YAML block; `firstLine` is where it starts in the file, for error lines. */
function parseYaml(yamlText: string, firstLine: number): { data: RawFrontMatter; keyLines: Record<string, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, prettyErrors: false, merge: false, lineCounter });
  const problem = doc.errors[0];
  if (problem) throw yamlError(problem, lineCounter.linePos(problem.pos[0]).line + firstLine - 1);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new FrontMatterError(`front-matter uses too many YAML aliases (${(err as Error).message})`, firstLine);
  }
  if (value === null || value === undefined) return { data: {}, keyLines: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontMatterError('front-matter must be a list of "key: value" lines', firstLine);
  }
  return { data: { ...(value as RawFrontMatter) }, keyLines: keyLinesOf(doc, (pos) => lineCounter.linePos(pos).line + firstLine - 1) };
}

function keyLinesOf(doc: Document, lineAt: (pos: number) => number): Record<string, number> {
  const lines: Record<string, number> = {};
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = lineAt(pair.key.range[0]);
  }
  return lines;
}

function yamlError(err: YAMLParseError, line: number): FrontMatterError {
  const reason = err.message.split('\n')[0]!;
  return new FrontMatterError(`malformed YAML front-matter at line ${line}: ${reason}`, line);
}
