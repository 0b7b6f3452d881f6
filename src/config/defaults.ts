import path from 'node:path';
import type { Config } from '../model/index.js';
import { MAX_PARAGRAPH_CHARS } from '../text/paragraphs.js';
import { availableParallelism } from 'node:os';

/** More workers than this buy little: the main thread's own work (reading, hashing, collecting) becomes the limit. */
export const MAX_DEFAULT_JOBS = 4;

/** Default worker count: the cores this process may use, at most MAX_DEFAULT_JOBS. */
export function defaultJobs(): number {
  return Math.min(availableParallelism(), MAX_DEFAULT_JOBS);
}

/** Defaults for every config key; a project's parkpress.config.* overrides them. */
export function defaultConfig(root: string): Config {
  return {
    title: '园区新闻',
    description: '高新区、经开区、新区与产业园区的新闻报道',
    baseUrl: 'http://localhost:8080',
    pathPrefix: '',
    contentDir: path.join(root, 'content'),
    outDir: path.join(root, 'dist'),
    templatesDir: path.join(root, 'templates'),
    publicDir: path.join(root, 'public'),
    pageSize: 20,
    related: {
      count: 5,
      threshold: 0.05,
      maxShare: 0.5,
      indices: [
        { name: 'keywords', weight: 3 },
        { name: 'parks', weight: 2 },
        { name: 'terms', weight: 1 },
      ],
    },
    ranking: { count: 10, windowDays: 365 },
    latest: { count: 10 },
    // A keyword page listing one article only leads back to the article the reader came from.
    keywords: { minArticles: 2 },
    // About five lines of a phone screen: longer paragraphs are shown split at sentence ends.
    paragraphs: { maxChars: MAX_PARAGRAPH_CHARS },
    duplicates: { keep: 'earliest' },
    traditional: { enabled: false, variant: 'tw', dir: 'zh-hant' },
    search: true,
    dataDir: path.join(root, 'data'),
    cacheDir: path.join(root, '.parkpress-cache'),
    // A long news article is ~100 KB and a few hundred lines; these leave a wide margin
    // while refusing a dump or a runaway file before it costs minutes or gigabytes.
    limits: { maxFileBytes: 4 * 1024 * 1024, maxLines: 50_000 },
    jobs: defaultJobs(),
  };
}
