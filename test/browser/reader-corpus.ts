// The corpus the reader-facing search measurements use: the five samples of content/ plus every
// third tw-news file (about 1,550 articles), through the real stages, both editions. Shared by the
// browser test and scripts/search-quality.ts so that the judged queries and the byte figures are
// measured on one site.
import { readdirSync } from 'node:fs';
import { defaultConfig } from '../../src/config/defaults.js';
import { enrichCorpus } from '../../src/stages/corpus/index.js';
import { buildSite } from '../../src/stages/site/index.js';
import type { Article, ArticleFacts, Config, Site } from '../../src/model/index.js';
import { corpusDir, projectRoot } from '../helpers/paths.js';
import { processed } from '../helpers/pipeline.js';

export const READER_TRADITIONAL: Config['traditional'] = { enabled: true, variant: 'tw', dir: 'zh-hant' };

/** `content/<file>` for a sample, `tw-news/<file>` for a corpus file: how the judged fixture names articles. */
export type CorpusName = string;

/** The site, and the fixture name of each article by slug. */
export async function readerCorpusSite(): Promise<{ site: Site; names: Map<string, CorpusName> }> {
  const config = { ...defaultConfig(projectRoot), traditional: READER_TRADITIONAL };
  const sources = [
    { dir: config.contentDir, label: 'content', files: textFiles(config.contentDir) },
    { dir: corpusDir, label: 'tw-news', files: textFiles(corpusDir).filter((_, i) => i % 3 === 0) },
  ];
  const labels = new Map<string, string>();
  const articles: Article[] = [];
  const facts = new Map<string, ArticleFacts>();
  for (const { dir, label, files } of sources) {
    const r = await processed(dir, files, { ...config, contentDir: dir });
    for (const a of r.articles) labels.set(a.file, `${label}/${a.file}`);
    articles.push(...r.articles);
    for (const [k, v] of r.facts) facts.set(k, v);
  }
  const enriched = enrichCorpus(articles, facts, config);
  const site = buildSite(enriched.articles, enriched.facts, config);
  return { site, names: new Map(site.articles.map((a) => [a.slug, labels.get(a.file)!])) };
}

function textFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
}
