import { readdirSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrichCorpus } from '../../../src/stages/corpus/index.js';
import { processFile } from '../../../src/run/per-file/process.js';
import { buildSite, type SiteInputs } from '../../../src/stages/site/index.js';
import type { Article, ArticleFacts, Config, Site } from '../../../src/model/index.js';
import { projectRoot } from '../../helpers/paths.js';

/**
 * The site built from the project's own content/ (the five real samples) through the real stages;
 * `edit` changes an article before the site stage (a test's what-if), `inputs` go to buildSite.
 */
export async function sampleSite(
  overrides: Partial<Config> = {},
  inputs: SiteInputs = {},
  edit: (a: Article) => Article = (a) => a,
): Promise<Site> {
  const config = { ...defaultConfig(projectRoot), ...overrides };
  const files = readdirSync(config.contentDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
  const articles: Article[] = [];
  const facts = new Map<string, ArticleFacts>();
  for (const f of files) {
    const r = await processFile(path.join(config.contentDir, f), config.contentDir, config);
    if (r.article) articles.push(r.article);
    if (r.article && r.facts) facts.set(r.article.file, r.facts);
  }
  const enriched = enrichCorpus(articles, facts, config);
  return buildSite(enriched.articles.map(edit), enriched.facts, config, inputs);
}
