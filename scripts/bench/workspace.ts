// The benchmark's work folder (outside the tracked files): one site per tool, all built from the
// same N articles. Generated once per N and reused while the sources and generator are unchanged.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  CORPUS_VERSION,
  articleText,
  listSources,
  planArticle,
  readSources,
  sourcesDigest,
  splitText,
  type ArticlePlan,
  type SplitText,
} from './corpus.js';
import { convertSplit, simplifiedConverter, toMarkdown } from './markdown.js';

/** The folders of one benchmark size. */
export interface Workspace {
  n: number;
  dir: string;
  /** parkpress site root: parkpress.config.json, content/ (raw .txt), dist/. */
  parkpress: string;
  /** Eleventy project: src/ (markdown), _site/. */
  eleventy: string;
  /** Hugo site: content/posts/ (markdown), public/. */
  hugo: string;
  /** Hugo-equivalent site (hugo-equivalent.ts): the peer's theme, content/posts/ from parkpress's extraction, public/. */
  hugoEquivalent: string;
  /** Total bytes of the raw articles and of the simplified markdown. */
  rawBytes: number;
  markdownBytes: number;
}

/** Everything needed to produce article i (also the one added by the rebuild scenario). */
export interface CorpusSources {
  dir: string;
  names: string[];
  texts: string[];
  splits: SplitText[];
  simplified: SplitText[];
}

interface Manifest {
  version: number;
  n: number;
  digest: string;
  rawBytes: number;
  markdownBytes: number;
}

/** Files written concurrently per batch: enough to keep the disk busy without exhausting handles. */
const BATCH = 256;

export function workspacePaths(workDir: string, n: number): Omit<Workspace, 'rawBytes' | 'markdownBytes'> {
  const dir = path.join(workDir, `n${n}`);
  const site = (name: string) => path.join(dir, name);
  return { n, dir, parkpress: site('parkpress'), eleventy: site('eleventy'), hugo: site('hugo'), hugoEquivalent: site('hugo-equivalent') };
}

/** Reads and splits the sources; the simplified splits are cached in the work dir (conversion is slow). */
export async function loadCorpusSources(sourceDir: string, workDir: string, log: (line: string) => void): Promise<CorpusSources> {
  const names = await listSources(sourceDir);
  if (names.length === 0) throw new Error(`no .txt sources in ${sourceDir}`);
  const texts = await readSources(sourceDir, names);
  const splits = texts.map(splitText);
  const digest = await sourcesDigest(sourceDir, names);
  const cacheFile = path.join(workDir, `simplified-v${CORPUS_VERSION}-${digest}.json`);
  let simplified: SplitText[];
  if (existsSync(cacheFile)) {
    simplified = JSON.parse(await readFile(cacheFile, 'utf8')) as SplitText[];
  } else {
    log(`converting ${names.length} sources to simplified script (once; cached in ${path.relative(process.cwd(), cacheFile)})`);
    const convert = simplifiedConverter();
    simplified = splits.map((s) => convertSplit(s, convert));
    await mkdir(workDir, { recursive: true });
    await writeFile(cacheFile, JSON.stringify(simplified));
  }
  return { dir: sourceDir, names, texts, splits, simplified };
}

/** Raw text of article `plan` (what parkpress reads). */
export function rawArticle(plan: ArticlePlan, src: CorpusSources): string {
  return articleText(plan, src.texts, src.splits);
}

/** Simplified markdown of article `plan` (what the peers read). */
export function markdownArticle(plan: ArticlePlan, src: CorpusSources): string {
  const text = plan.kind === 'copy' ? joinSplit(src.simplified[plan.source]!) : articleText(plan, [], src.simplified);
  return toMarkdown(text);
}

function joinSplit(split: SplitText): string {
  return `${split.title}\n${split.units.join('')}`;
}

/** What the parkpress site is built with: the project's own templates and public files. */
export interface ParkpressSetup {
  templatesDir: string;
  publicDir: string;
  /** false: build without the full-text search index (to measure the rest of the pipeline). */
  search: boolean;
}

/**
 * Creates (or reuses) the three sites for N articles. `templatesDir`/`publicDir` are parkpress's own,
 * so the benchmark always builds with the project's current templates.
 */
export async function prepareWorkspace(
  workDir: string,
  n: number,
  src: CorpusSources,
  project: ParkpressSetup,
  log: (line: string) => void,
): Promise<Workspace> {
  const ws = workspacePaths(workDir, n);
  const manifestFile = path.join(ws.dir, 'manifest.json');
  const digest = await sourcesDigest(src.dir, src.names);
  const old = existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest) : undefined;
  if (old && old.version === CORPUS_VERSION && old.n === n && old.digest === digest) {
    await writeParkpressConfig(ws.parkpress, project); // cheap, and may differ from run to run
    return { ...ws, rawBytes: old.rawBytes, markdownBytes: old.markdownBytes };
  }
  log(`generating ${n} articles in ${path.relative(process.cwd(), ws.dir)}`);
  await rm(ws.dir, { recursive: true, force: true });
  await scaffoldParkpress(ws.parkpress, project);
  await scaffoldEleventy(ws.eleventy);
  await scaffoldHugo(ws.hugo);
  let rawBytes = 0;
  let markdownBytes = 0;
  for (let start = 0; start < n; start += BATCH) {
    const jobs: Promise<void>[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const plan = planArticle(i, n, src.names.length);
      const md = markdownArticle(plan, src);
      markdownBytes += Buffer.byteLength(md);
      if (plan.kind === 'copy') {
        rawBytes += Buffer.byteLength(src.texts[plan.source]!);
        // Byte-for-byte copy: the raw corpus keeps whatever the source file holds.
        jobs.push(copyFile(path.join(src.dir, src.names[plan.source]!), path.join(ws.parkpress, 'content', plan.name)));
      } else {
        const raw = rawArticle(plan, src);
        rawBytes += Buffer.byteLength(raw);
        jobs.push(writeFile(path.join(ws.parkpress, 'content', plan.name), raw));
      }
      const mdName = plan.name.replace(/\.txt$/, '.md');
      jobs.push(writeFile(path.join(ws.eleventy, 'src', mdName), md));
      jobs.push(writeFile(path.join(ws.hugo, 'content', 'posts', mdName), md));
    }
    await Promise.all(jobs);
  }
  const manifest: Manifest = { version: CORPUS_VERSION, n, digest, rawBytes, markdownBytes };
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...ws, rawBytes, markdownBytes };
}

async function scaffoldParkpress(root: string, project: ParkpressSetup): Promise<void> {
  await mkdir(path.join(root, 'content'), { recursive: true });
  await writeParkpressConfig(root, project);
}

async function writeParkpressConfig(root: string, project: ParkpressSetup): Promise<void> {
  const config = {
    title: 'parkpress bench',
    baseUrl: 'http://127.0.0.1:8080',
    contentDir: 'content',
    outDir: 'dist',
    templatesDir: project.templatesDir,
    publicDir: project.publicDir,
    search: project.search,
  };
  await writeFile(path.join(root, 'parkpress.config.json'), `${JSON.stringify(config, null, 2)}\n`);
}

const BARE_NJK = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1>
{{ content | safe }}
</body></html>
`;

async function scaffoldEleventy(root: string): Promise<void> {
  await mkdir(path.join(root, 'src', '_includes'), { recursive: true });
  await writeFile(path.join(root, 'src', '_includes', 'bare.njk'), BARE_NJK);
  // Markdown is not run through a template engine first: the articles are text, not templates.
  await writeFile(
    path.join(root, 'eleventy.config.mjs'),
    `export default function (config) {
  config.addGlobalData('layout', 'bare.njk');
  return {
    dir: { input: 'src', output: '_site', includes: '_includes' },
    templateFormats: ['md'],
    markdownTemplateEngine: false,
  };
}
`,
  );
}

const BARE_HUGO_SINGLE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>
{{ .Content }}
</body></html>
`;

const BARE_HUGO_LIST = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1></body></html>
`;

async function scaffoldHugo(root: string): Promise<void> {
  await mkdir(path.join(root, 'content', 'posts'), { recursive: true });
  await mkdir(path.join(root, 'layouts', '_default'), { recursive: true });
  await writeFile(path.join(root, 'layouts', '_default', 'single.html'), BARE_HUGO_SINGLE);
  await writeFile(path.join(root, 'layouts', '_default', 'list.html'), BARE_HUGO_LIST);
  // Bare like the Eleventy project: article pages (plus Hugo's unavoidable home and section list).
  await writeFile(
    path.join(root, 'hugo.toml'),
    `baseURL = "http://127.0.0.1:8080/"
languageCode = "zh-CN"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`,
  );
}
