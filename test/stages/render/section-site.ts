import { readdirSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrichCorpus } from '../../../src/stages/corpus/index.js';
import { buildSite } from '../../../src/stages/site/index.js';
import type { Article, ArticleFacts, Config, Site } from '../../../src/model/index.js';
import { fixturesDir, projectRoot } from '../../helpers/paths.js';
import { processed } from '../../helpers/pipeline.js';

/** Pages with breadcrumbs written for the section tests: one in traditional script, one with an editor's category. */
export const sectionFixtures = path.join(fixturesDir, 'sections');

/**
 * The five samples of content/ (one states 当前位置: 首页 -> 财经) and the files of
 * test/fixtures/sections, through the real per-file stages, corpus and site: every category comes
 * from a breadcrumb line or front-matter, none is set by the test.
 */
export async function sectionSite(overrides: Partial<Config> = {}): Promise<Site> {
  const config = { ...defaultConfig(projectRoot), ...overrides };
  const articles: Article[] = [];
  const facts = new Map<string, ArticleFacts>();
  for (const dir of [config.contentDir, sectionFixtures]) {
    const files = readdirSync(dir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .sort();
    const r = await processed(dir, files, config);
    articles.push(...r.articles);
    for (const [file, f] of r.facts) facts.set(file, f);
  }
  const enriched = enrichCorpus(articles, facts, config);
  return buildSite(enriched.articles, enriched.facts, config);
}
