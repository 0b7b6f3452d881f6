import { enrichCorpus, type CorpusModel } from '../corpus/index.js';
import { discoverSources } from '../load/discover.js';
import { processFile, type FileResult } from '../pipeline/article.js';
import { renderSite } from '../render/index.js';
import { buildSite, type SiteInputs } from '../site/index.js';
import type { Article, Config, Page, Site, WriteReport } from '../types.js';
import { writeSite, type WriteOptions } from '../write/index.js';

/** The stage functions a build composes; tests swap in fakes for one or more. */
export interface Stages {
  discover(contentDir: string): Promise<string[]>;
  processFile(absPath: string, contentDir: string, config: Config): Promise<FileResult>;
  enrichCorpus(articles: Article[], config: Config, keep?: (model: CorpusModel) => void): Article[];
  buildSite(articles: Article[], config: Config, inputs?: SiteInputs): Site;
  renderSite(site: Site): Promise<Page[]>;
  writeSite(pages: Page[], outDir: string, options?: WriteOptions): Promise<WriteReport>;
}

export const realStages: Stages = {
  discover: discoverSources,
  processFile,
  enrichCorpus,
  buildSite,
  renderSite,
  writeSite,
};
