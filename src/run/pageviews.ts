import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PAGEVIEW_FILES } from '../config/data.js';
import { diagnostic, type Config, type Diagnostic } from '../model/index.js';
import { pageviewKey } from '../stages/site/index.js';

/** Page views from an analytics export, keyed by slug, content file path or site URL path. */
export interface Pageviews {
  views: Map<string, number>;
  diagnostics: Diagnostic[];
}

/**
 * Reads the optional analytics file CI can drop in before a build (`data/pageviews.json` or
 * `.csv`). Absent: no overrides. A bad row is reported with its line and skipped; the rest is used.
 * JSON: `{ "<path or slug>": 123, ... }`. CSV: `path,views` rows, an optional header line.
 */
export async function loadPageviews(config: Config): Promise<Pageviews> {
  if (!config.dataDir) return { views: new Map(), diagnostics: [] };
  for (const name of PAGEVIEW_FILES) {
    const file = path.join(config.dataDir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    // Diagnostics name files relative to the content dir, like every other build message.
    const shown = path.relative(config.contentDir, file).split(path.sep).join('/');
    return name.endsWith('.json') ? parseJson(text, shown) : parseCsv(text, shown);
  }
  return { views: new Map(), diagnostics: [] };
}

function problem(file: string, line: number, message: string): Diagnostic {
  return diagnostic(file, 'site/pageviews', 'warning', message, line > 0 ? { line } : undefined);
}

/** A views value: a whole number ≥ 0 (numbers or numeric strings, as exports write either). */
function viewCount(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

export function parseJson(text: string, file: string): Pageviews {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      views: new Map(),
      diagnostics: [problem(file, 0, `Not valid JSON (${(err as Error).message}); page views from analytics are ignored.`)],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      views: new Map(),
      diagnostics: [problem(file, 0, 'Expected an object of "path or slug": views; page views from analytics are ignored.')],
    };
  }
  const views = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(data)) {
    const n = viewCount(value);
    if (n === null) diagnostics.push(problem(file, 0, `Views for "${key}" is not a whole number ≥ 0: ${JSON.stringify(value)}; skipped.`));
    else views.set(pageviewKey(key), n);
  }
  return { views, diagnostics };
}

export function parseCsv(text: string, file: string): Pageviews {
  const views = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const cut = line.lastIndexOf(',');
      const key = cut > 0 ? line.slice(0, cut).replace(/^"|"$/g, '') : '';
      const n = cut > 0 ? viewCount(line.slice(cut + 1)) : null;
      if (n === null) {
        if (i > 0 || !/views/i.test(line))
          diagnostics.push(problem(file, i + 1, `Expected "path,views" with a whole number of views: ${line}; skipped.`));
        return;
      }
      views.set(pageviewKey(key), n);
    });
  return { views, diagnostics };
}
