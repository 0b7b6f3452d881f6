import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { splitFrontMatter } from '../../src/stages/load/frontmatter.js';
import type { FileResult } from '../../src/run/per-file/process.js';
import type { Article, Config } from '../../src/model/index.js';

/** A temporary content folder; removed by `dispose`. */
export async function tempContent(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parkpress-ingest-'));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A small stand-in for the per-file stages, so ingest's own logic (what it writes, what it
 * keeps, what it refuses) is tested apart from extraction quality: the first body line is the
 * title, a `来源：` line the source, the rest the body; front-matter values win as the editor's.
 * A file starting with NUL is refused like a binary file. The real pipeline is tested in
 * ingest-pipeline.test.ts.
 */
export async function fakeProcessFile(absPath: string, contentDir: string, _config: Config): Promise<FileResult> {
  const file = path.relative(contentDir, absPath).split(path.sep).join('/');
  const bytes = await readFile(absPath);
  if (bytes[0] === 0) {
    return { file, diagnostics: [{ file, line: 0, column: 0, severity: 'error', rule: 'load/binary', message: 'binary file' }] };
  }
  let split;
  try {
    split = splitFrontMatter(bytes.toString('utf8'));
  } catch (err) {
    return {
      file,
      diagnostics: [{ file, line: 1, column: 0, severity: 'error', rule: 'load/front-matter', message: (err as Error).message }],
    };
  }
  const { data, body } = split;
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const sourceLine = lines.find((l) => l.startsWith('来源：'));
  const rest = lines.slice(1).filter((l) => l !== sourceLine);
  const provenance: Article['provenance'] = { title: 'explicit', slug: 'computed', summary: 'computed', original_script: 'computed' };
  if (sourceLine) provenance.source = 'explicit';
  const pick = <T>(key: string, fallback: T): T => {
    if (key in data) {
      (provenance as Record<string, string>)[key] = 'editor';
      return data[key] as T;
    }
    return fallback;
  };
  const article: Article = {
    file,
    hash: createHash('sha256').update(bytes).digest('hex'),
    slug: pick('slug', createHash('sha256').update(file).digest('hex').slice(0, 8)),
    title: pick('title', lines[0] ?? ''),
    date: pick('date', null),
    keywords: pick('keywords', []),
    computedKeywords: [],
    source: pick('source', sourceLine ? sourceLine.slice(3) : null),
    park: pick('park', null),
    parks: pick('parks', []),
    category: pick('category', null),
    series: pick('series', null),
    authors: pick('authors', []),
    editors: pick('editors', []),
    views: pick('views', null),
    originalScript: pick('original_script', 'zh-Hans'),
    encoding: 'utf-8',
    pinyinAnnotated: false,
    subheadings: [],
    captions: [],
    summary: pick('summary', rest[0] ?? ''),
    body: rest.join('\n\n'),
    provenance,
    diagnostics: [],
  };
  return { file, article, diagnostics: [] };
}

/** Every file below `dir` (dot-folders included) with the sha256 of its bytes: a byte-for-byte snapshot. */
export async function snapshot(dir: string, base = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, await snapshot(dir, rel));
    else
      out[rel] = createHash('sha256')
        .update(await readFile(path.join(dir, rel)))
        .digest('hex');
  }
  return out;
}
