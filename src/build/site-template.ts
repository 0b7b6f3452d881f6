// wiring: to be moved by the restructure. The site's template (src/extract/template.ts) for a
// build: every input's lines are counted before the per-file stages run, and each file's share of
// the template (the recurring pairs among its own lines) becomes part of its cache key, so a cached
// result is used only when the template would read the file the same way.
import { loadSource } from '../load/index.js';
import { LineCounts, pagePairs, type SiteTemplate } from '../extract/template.js';
import { sha256 } from '../text/hash.js';
import type { Config } from '../types.js';
import { eachLimited } from './concurrency.js';

/** Files read at once while counting. */
const READS = 8;

export interface BuildTemplate {
  template: SiteTemplate;
  /** The file's share of the template (empty string: none of its lines are template). */
  signature(file: string): string;
}

/** The share of the template among a page's pairs, as one string (sorted: independent of the page's order). */
function share(pairs: number[], template: SiteTemplate): string {
  const own = pairs.filter((p) => template.pairs.has(p)).sort((a, b) => a - b);
  return own.length === 0 ? '' : sha256(own.join(','));
}

/** Reads every file once and counts its lines; files that cannot be read or decoded are left out. */
export async function buildTemplate(files: readonly string[], config: Config): Promise<BuildTemplate> {
  const pages = new Map<string, number[]>();
  const counts = new LineCounts();
  const found = new Map<string, ReturnType<typeof pagePairs>>();
  await eachLimited([...files], READS, async (file) => {
    const { source } = await loadSource(file, config.contentDir, config.limits);
    if (source) found.set(file, pagePairs(source.body));
  });
  // Counted in file order, so the result never depends on which read finished first.
  for (const file of files) {
    const page = found.get(file);
    if (!page) continue;
    counts.addPairs(page);
    pages.set(file, page.pairs);
  }
  const template = counts.template();
  const signatures = new Map([...pages].map(([file, pairs]) => [file, share(pairs, template)]));
  return { template, signature: (file) => signatures.get(file) ?? '' };
}

/** A cache key for a result: the hash of the bytes it was made from and the file's share of the template. */
export function keyOf(bytesHash: string, signature: string): string {
  return signature === '' ? bytesHash : `${bytesHash}+${signature}`;
}
