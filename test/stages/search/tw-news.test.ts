import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrichCorpus } from '../../../src/stages/corpus/index.js';
import { processed } from '../../helpers/pipeline.js';
import { buildSite } from '../../../src/stages/site/index.js';
import type { Site } from '../../../src/model/index.js';
import { corpusDir, projectRoot, sharedMissing } from '../../helpers/paths.js';
import { mainIndexPages, openPages, queryModule } from './helpers.js';

/** Every 15th corpus file (about 300), in a fixed order, through the real stages. */
async function corpusSite(): Promise<Site> {
  const config = { ...defaultConfig(projectRoot), contentDir: corpusDir };
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % 15 === 0);
  const { articles, facts } = await processed(corpusDir, files, config);
  const enriched = enrichCorpus(articles, facts, config);
  return buildSite(enriched.articles, enriched.facts, config);
}

/** The longest run of Chinese characters in a headline: its most distinctive phrase. */
const longestHanRun = (title: string): string =>
  (title.match(/\p{Script=Han}+/gu) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');

test('tw-news: a headline phrase finds its article among the top results', { skip: sharedMissing() }, async () => {
  const site = await corpusSite();
  assert.ok(site.articles.length > 250, `${site.articles.length} articles`);
  const index = await openPages(await queryModule(), mainIndexPages(site));
  // Every 10th article whose headline has a phrase long enough to be distinctive, and that no more
  // than 5 headlines share (a filing's 发生变动日期 heads a dozen: which of them ranks first is a tie).
  const shared = (phrase: string): number => site.articles.filter((a) => a.title.includes(phrase)).length;
  const probes = site.articles
    .map((a, n) => ({ n, phrase: longestHanRun(a.title) }))
    .filter((p, i) => i % 10 === 0 && p.phrase.length >= 6 && shared(p.phrase) <= 5);
  assert.ok(probes.length >= 15, `${probes.length} probes`);
  for (const { n, phrase } of probes) {
    const found = await index.find(phrase);
    // Documents are numbered oldest first, the reverse of the site's order.
    const doc = site.articles.length - 1 - n;
    assert.ok(found.slice(0, 5).includes(doc), `${phrase}: article ${n} (document ${doc}) not in the top 5 of ${found.length}`);
  }
});
