import { enrichCorpus, type CorpusModel } from '../corpus/index.js';
import { discoverSources } from '../load/discover.js';
import { processFile, type FileResult } from '../pipeline/article.js';
import { renderSite } from '../render/index.js';
import { buildSite, type SiteInputs } from '../site/index.js';
import type { Article, Config, Page, Site, WriteReport } from '../types.js';
import type { ExtractOptions } from '../extract/index.js';
import type { SiteTemplate } from '../extract/template.js';
import { writeSite, type WriteOptions } from '../write/index.js';
import { createFilePool, type FilePool } from './pool.js';

/** The stage functions a build composes; tests swap in fakes for one or more. */
export interface Stages {
  discover(contentDir: string): Promise<string[]>;
  processFile(absPath: string, contentDir: string, config: Config, extractOptions?: ExtractOptions): Promise<FileResult>;
  /** Worker threads running processFile for large batches; without it every file is processed in this thread. */
  filePool?(config: Config, size: number, template?: SiteTemplate): FilePool;
  enrichCorpus(articles: Article[], config: Config, keep?: (model: CorpusModel) => void): Article[];
  buildSite(articles: Article[], config: Config, inputs?: SiteInputs): Site;
  /** Pages one at a time: the build pipes them straight into writeSite, so the site is never held whole. */
  renderSite(site: Site): AsyncIterable<Page>;
  writeSite(pages: AsyncIterable<Page>, outDir: string, options?: WriteOptions): Promise<WriteReport>;
}

export const realStages: Stages = {
  discover: discoverSources,
  processFile,
  filePool: (config, size, template) => createFilePool(config, size, undefined, template),
  enrichCorpus,
  buildSite,
  renderSite,
  writeSite,
};
