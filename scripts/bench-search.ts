// Cost and size of the search index on a real site: builds the site model of a content folder
// through the real stages, then times the index step alone (CPU, wall, heap) and reports the
// files it writes and the bytes a browser fetches for typical queries.
//
//   npm run compile && node --expose-gc lib/scripts/bench-search.js [--content DIR] [--runs N]
//   (default DIR: bench-work/n10000/parkpress/content, which `npm run bench -- --n 10000` generates)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../src/config/defaults.js';
import { enrichCorpus } from '../src/stages/corpus/index.js';
import { discoverSources } from '../src/stages/load/discover.js';
import { processFile } from '../src/run/per-file/process.js';
import { assembleIndex, type SearchManifest } from '../src/stages/search/assemble.js';
import { searchDoc } from '../src/stages/search/documents.js';
import { shardOf } from '../src/stages/search/hash.js';
import { tokenize } from '../src/stages/search/tokens.js';
import { buildSite } from '../src/stages/site/index.js';
import type { Article, ArticleFacts, Page, Site } from '../src/model/index.js';
import { median } from './bench/measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const contentDir = path.resolve(arg('content', path.join(root, 'bench-work', 'n10000', 'parkpress', 'content')));
const runs = Number(arg('runs', '3'));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MiB = 1024 * 1024;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function loadSite(): Promise<Site> {
  const config = { ...defaultConfig(root), contentDir };
  const articles: Article[] = [];
  const facts = new Map<string, ArticleFacts>();
  for (const file of await discoverSources(contentDir)) {
    const r = await processFile(file, contentDir, config);
    if (r.article && r.facts) {
      articles.push(r.article);
      facts.set(r.article.file, r.facts);
    }
  }
  const enriched = enrichCorpus(articles, facts, config);
  return buildSite(enriched.articles, enriched.facts, config);
}

/** One index build as searchPages does it, sampling the heap as documents stream in. */
function measureIndex(site: Site): { pages: Page[]; cpuMs: number; wallMs: number; peakHeapMiB: number; buffersMiB: number } {
  gc!();
  const before = process.memoryUsage();
  let peak = before.heapUsed;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  function* docs() {
    for (const [i, a] of site.articles.entries()) {
      if (i % 250 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      yield searchDoc(a, site.urls.get(a.slug)!);
    }
  }
  const pages = [...assembleIndex(docs())];
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  peak = Math.max(peak, after.heapUsed);
  return {
    pages,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakHeapMiB: (peak - before.heapUsed) / MiB,
    buffersMiB: (after.arrayBuffers - before.arrayBuffers) / MiB,
  };
}

/** Bytes a query fetches: manifest, the shards of its tokens, ten documents of median size (the query form only, no script table). */
function queryBytes(pages: Map<string, Page>, manifest: SearchManifest, query: string, docMedian: number): number {
  const shards = new Set(tokenize(query).map((t) => shardOf(t, manifest.shards)));
  let bytes = pages.get('index.json')!.content.length;
  for (const s of shards) bytes += pages.get(`shards/${s}.json`)!.content.length;
  return bytes + 10 * docMedian;
}

const t0 = performance.now();
const site = await loadSite();
console.log(`site model of ${site.articles.length} articles from ${contentDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const results = Array.from({ length: runs }, () => measureIndex(site));
const { pages } = results.at(-1)!;
const files = new Map(pages.map((p) => [p.path, p]));
const manifest = JSON.parse(String(files.get('index.json')!.content)) as SearchManifest;
const sizes = (prefix: string) =>
  pages
    .filter((p) => p.path.startsWith(prefix))
    .map((p) => p.content.length)
    .sort((a, b) => a - b);
const shardSizes = sizes('shards/');
const docSizes = sizes('docs/');
const total = pages.reduce((n, p) => n + p.content.length, 0);
// Typical queries: the first four characters of CJK runs of headlines, across the site.
const queries = site.articles
  .filter((_, i) => i % 50 === 0)
  .map((a) => a.title.match(/\p{Script=Han}{4}/u)?.[0])
  .filter((q): q is string => Boolean(q));

console.log(
  `index step, ${runs} runs (median): CPU ${median(results.map((r) => r.cpuMs)).toFixed(0)} ms, wall ${median(results.map((r) => r.wallMs)).toFixed(0)} ms, ` +
    `extra heap ${median(results.map((r) => r.peakHeapMiB)).toFixed(0)} MiB (+ ${median(results.map((r) => r.buffersMiB)).toFixed(0)} MiB file buffers)`,
);
console.log(
  `index files: ${pages.length}, ${(total / MiB).toFixed(1)} MiB; ${manifest.shards} shards ` +
    `(min ${kb(shardSizes[0]!)}, median ${kb(median(shardSizes))}, max ${kb(shardSizes.at(-1)!)}); ` +
    `${docSizes.length} documents (median ${kb(median(docSizes))})`,
);
console.log(
  `a 4-character query (${queries.length} headline samples) fetches median ${kb(median(queries.map((q) => queryBytes(files, manifest, q, median(docSizes)))))} ` +
    '(manifest + its shards + ten documents of median size; the script table and regional forms not counted)',
);
