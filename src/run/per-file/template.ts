// The site template for the per-file stage: every page's line pairs counted together (the extract
// stage's rule, stages/extract/core/template.ts), and each file's share of the result. A file is read
// by extract with its share only, so its result depends on its own bytes and its share: the share's
// signature is part of its cache key.
import type { Config, FileStamp } from '../../model/index.js';
import { LineCounts, SiteTemplate, pagePairs, type PagePairs } from '../../stages/extract/core/template.js';
import type { ExtractOptions } from '../../stages/extract/index.js';
import { loadSource, loadSourceSync } from '../../stages/load/index.js';
import { sha256 } from '../../text/hash.js';

/** The line pairs of a page file, read and decoded; undefined when it cannot be loaded (it is then not counted). */
export async function readPagePairs(absPath: string, contentDir: string, config: Config): Promise<PagePairs | undefined> {
  const { source } = await loadSource(absPath, contentDir, config.limits);
  return source && pagePairs(source.body);
}

/**
 * readPagePairs with blocking reads, and the stamp of the bytes read: a builder counting a whole
 * content folder has nothing else to do meanwhile, and blocking reads cost a third of async ones.
 */
export function readPagePairsSync(absPath: string, contentDir: string, config: Config): { pairs?: PagePairs; stamp?: FileStamp } {
  const { source, stamp } = loadSourceSync(absPath, contentDir, config.limits);
  return { pairs: source && pagePairs(source.body), stamp };
}

/** The template of the pages built or checked together, and what it means for each of them. */
export class TemplateShares {
  private constructor(private readonly recurring: ReadonlySet<number>) {}

  /** Counts `pages` (the order does not matter). */
  static of(pages: Iterable<PagePairs>): TemplateShares {
    const counts = new LineCounts();
    for (const page of pages) counts.addPairs(page);
    return new TemplateShares(counts.template().pairs);
  }

  /** The recurring pairs among a page's own, ascending. */
  share(page: PagePairs | undefined): number[] {
    return page ? Array.from(page.pairs.filter((p) => this.recurring.has(p)).sort()) : [];
  }

  /** What extract is told of a page: its share of the template (nothing when it has none). */
  static options(share: readonly number[]): ExtractOptions {
    return share.length > 0 ? { template: new SiteTemplate(new Set(share)) } : {};
  }

  /** A share as a short key ('' for none), so a result is reused only for the same share. */
  static signature(share: readonly number[]): string {
    return share.length === 0 ? '' : sha256(share.join(',')).slice(0, 16);
  }
}
