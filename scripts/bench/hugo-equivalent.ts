// The Hugo-equivalent peer (../shared/peers/hugo-equivalent, read its README): Hugo with a theme that
// builds the same portal as parkpress (related, ranking, latest, taxonomy pages, RSS, sitemap) from
// the articles and fields parkpress itself extracted. Everything here prepares that site before the
// rounds and is not timed: the bench times Hugo's build only, i.e. the site half of parkpress's job.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Workspace } from './workspace.js';

/** What the peer folder holds: the content script, Hugo's config and the theme. */
const PEER_ENTRIES = ['make-content.mjs', 'hugo.toml', 'layouts'] as const;

/** One object of `parkpress check --json` (docs/check-json.md); make-content.mjs reads a few fields. */
export type CheckRecord = Record<string, unknown>;

/** The prepared site: the articles make-content.mjs wrote and their markdown bytes. */
export interface HugoEquivalentSite {
  articles: number;
  bytes: number;
}

export interface HugoEquivalentSetup {
  projectRoot: string;
  peerDir: string;
  ws: Workspace;
  /** Raw text of the `add` scenario's article, the same parkpress gets. */
  addedRaw: string;
  log: (line: string) => void;
}

/** Why `dir` cannot serve as the peer (missing entries), or undefined when it can. */
export function missingPeer(dir: string): string | undefined {
  const missing = PEER_ENTRIES.filter((e) => !existsSync(path.join(dir, e)));
  return missing.length === 0 ? undefined : `${missing.join(', ')} not found in ${dir}`;
}

/** Where the `add` scenario's article, converted before the rounds, waits to be copied in. */
export function addedMarkdownFile(ws: Workspace): string {
  return path.join(hugoEquivalentInput(ws), 'zz-added.md');
}

/** Extraction output (corpus.json, added.json) and scratch files, rewritten by every bench run. */
export function hugoEquivalentInput(ws: Workspace): string {
  return path.join(ws.dir, 'hugo-equivalent-input');
}

/** Runs node with `args`; stdout to `stdoutFile` (check's JSON is tens of MB at 10,000 articles) or dropped. */
function runNode(args: string[], cwd: string, okCodes: number[], stdoutFile?: string): void {
  const fd = stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'w');
  try {
    const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', fd, 'pipe'], maxBuffer: 256 * 2 ** 20 });
    if (r.error) throw r.error;
    if (!okCodes.includes(r.status ?? -1)) {
      const tail = r.stderr.toString('utf8').trim().split('\n').slice(-5).join('\n');
      throw new Error(`${path.basename(args[0]!)} ${args.slice(1).join(' ')} exited ${r.status ?? r.signal}: ${tail}`);
    }
  } finally {
    if (typeof fd === 'number') closeSync(fd);
  }
}

/** parkpress's own extraction of `paths` (run in its bench site, so with its config); exit 1 = some file has an error. */
function extractArticles(projectRoot: string, siteDir: string, paths: string[], jsonFile: string): CheckRecord[] {
  runNode([path.join(projectRoot, 'bin', 'parkpress.js'), 'check', '--json', ...paths], siteDir, [0, 1], jsonFile);
  return JSON.parse(readFileSync(jsonFile, 'utf8')) as CheckRecord[];
}

/** The peer's own script writes `siteDir/content/posts` from the records in `jsonFile`. */
function makeContent(peerDir: string, jsonFile: string, siteDir: string): void {
  runNode([path.join(peerDir, 'make-content.mjs'), jsonFile, siteDir], siteDir, [0]);
}

/** Copies hugo.toml and layouts/ (the peer's files are read-only; the copies need not be). */
async function copyTheme(peerDir: string, siteDir: string): Promise<void> {
  await writeFile(path.join(siteDir, 'hugo.toml'), await readFile(path.join(peerDir, 'hugo.toml')));
  const layouts = path.join(peerDir, 'layouts');
  for (const e of await readdir(layouts, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const to = path.join(siteDir, 'layouts', path.relative(layouts, path.join(e.parentPath, e.name)));
    await mkdir(path.dirname(to), { recursive: true });
    await writeFile(to, await readFile(path.join(e.parentPath, e.name)));
  }
}

/**
 * The added article as the peer's markdown: make-content.mjs run on the corpus's records plus the
 * added one, so its keywords become tags by the same count (2 or more articles) as the corpus's.
 * The added record goes last, so its file is the last one written; a different last file means
 * make-content left it out (no title or body, or a near-duplicate).
 */
export async function convertAddedArticle(peerDir: string, corpus: CheckRecord[], added: CheckRecord, scratch: string): Promise<string> {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  const json = path.join(scratch, 'records.json');
  await writeFile(json, JSON.stringify([...corpus, added]));
  makeContent(peerDir, json, scratch);
  const posts = path.join(scratch, 'content', 'posts');
  const last = (await readdir(posts)).sort().pop();
  const text = last ? await readFile(path.join(posts, last), 'utf8') : '';
  if (!isArticleOf(text, added)) throw new Error(`make-content.mjs left the added article out (${String(added.file)})`);
  return text;
}

/** Whether `markdown` (front-matter JSON, then the body) holds `record`'s title and body. */
function isArticleOf(markdown: string, record: CheckRecord): boolean {
  const m = /^---\n(.*)\n---\n\n([\s\S]*)\n$/.exec(markdown);
  if (!m) return false;
  return (JSON.parse(m[1]!) as { title?: unknown }).title === record.title && m[2] === record.body;
}

async function postsSize(siteDir: string): Promise<HugoEquivalentSite> {
  const posts = path.join(siteDir, 'content', 'posts');
  const names = await readdir(posts);
  let bytes = 0;
  for (const name of names) bytes += (await stat(path.join(posts, name))).size;
  return { articles: names.length, bytes };
}

/**
 * Writes the Hugo-equivalent site from parkpress's extraction of the bench corpus, and the `add`
 * scenario's article converted the same way (its own `check --json`, then make-content.mjs).
 */
export async function prepareHugoEquivalent(o: HugoEquivalentSetup): Promise<HugoEquivalentSite> {
  const start = performance.now();
  const site = o.ws.hugoEquivalent;
  const input = hugoEquivalentInput(o.ws);
  for (const d of [site, input]) {
    await rm(d, { recursive: true, force: true });
    await mkdir(d, { recursive: true });
  }
  await copyTheme(o.peerDir, site);
  o.log(`Hugo-equivalent: extracting the ${o.ws.n} articles with parkpress check --json (not timed)`);
  const corpusJson = path.join(input, 'corpus.json');
  const corpus = extractArticles(o.projectRoot, o.ws.parkpress, ['content'], corpusJson);
  makeContent(o.peerDir, corpusJson, site);
  const addedRaw = path.join(input, 'zz-added.txt');
  await writeFile(addedRaw, o.addedRaw);
  const [added] = extractArticles(o.projectRoot, o.ws.parkpress, [addedRaw], path.join(input, 'added.json'));
  if (!added) throw new Error(`parkpress check --json gave no record for ${addedRaw}`);
  const scratch = path.join(input, 'scratch');
  await writeFile(addedMarkdownFile(o.ws), await convertAddedArticle(o.peerDir, corpus, added, scratch));
  await rm(scratch, { recursive: true, force: true });
  const size = await postsSize(site);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  o.log(`Hugo-equivalent: ${size.articles} articles written by make-content.mjs (prepared in ${seconds} s, not timed)`);
  return size;
}
