import type { Article, Config, FactsByFile, OutputPage, Site, WriteReport } from '../model/index.js';
import { enrichCorpus, type CorpusModel, type Enriched } from '../stages/corpus/index.js';
import type { ExtractOptions } from '../stages/extract/index.js';
import type { PageReuse } from '../stages/render/keys.js';
import { discoverSources } from '../stages/load/discover.js';
import { buildSite, type SiteInputs } from '../stages/site/index.js';
import { writeSite, type WriteOptions } from '../stages/write/index.js';
import { sitePages } from './pages.js';
import { processFile, type FileResult } from './per-file/process.js';
import { createFilePool, type FilePool } from './workers/pool.js';

/** The stage functions a build composes; tests swap in fakes for one or more. */
export interface Stages {
  discover(contentDir: string): Promise<string[]>;
  /** `extractOptions`: the file's share of the site template (run/per-file/template.ts). */
  processFile(absPath: string, contentDir: string, config: Config, extractOptions?: ExtractOptions): Promise<FileResult>;
  /** Worker threads running processFile for large batches; without it every file is processed in this thread. */
  filePool?(config: Config, size: number): FilePool;
  enrichCorpus(articles: Article[], facts: FactsByFile, config: Config, keep?: (model: CorpusModel) => void): Enriched;
  buildSite(articles: Article[], facts: FactsByFile, config: Config, inputs?: SiteInputs): Site;
  /**
   * Pages one at a time: the build pipes them straight into writeSite, so the site is never held
   * whole. `reuse`: the live build's page keys, for pages not to be made again.
   */
  renderSite(site: Site, facts: FactsByFile, reuse?: PageReuse): AsyncIterable<OutputPage>;
  writeSite(pages: AsyncIterable<OutputPage>, outDir: string, options?: WriteOptions): Promise<WriteReport>;
}

export const realStages: Stages = {
  discover: discoverSources,
  processFile,
  filePool: createFilePool,
  enrichCorpus,
  buildSite,
  renderSite: sitePages,
  writeSite,
};
