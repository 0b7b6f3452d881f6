import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite } from '../../../src/stages/site/index.js';
import { applyChange } from '../../../src/stages/site/change.js';
import { rankArticles } from '../../../src/stages/site/ranking.js';
import type { RelatedModel } from '../../../src/stages/site/related.js';
import type { Article, Site } from '../../../src/model/index.js';
import { makeArticle } from '../../helpers/articles.js';
import { fixtureConfig } from '../render/site-fixture.js';
import { articleFacts, factsOf } from '../../../src/run/per-file/facts.js';
import { readdirSync } from 'node:fs';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrichCorpus } from '../../../src/stages/corpus/index.js';
import { processed } from '../../helpers/pipeline.js';
import { corpusDir, projectRoot, sharedMissing } from '../../helpers/paths.js';

const config = fixtureConfig({ ranking: { count: 10, windowDays: 365 } });
const filesOf = (site: { ranking: string[]; bySlug: Map<string, Article> }): string[] => site.ranking.map((s) => site.bySlug.get(s)!.file);

/**
 * Undated articles without views, slugs in file order: hub.txt shares one keyword with each of
 * a1–a3, so each of them chooses it as related; b1 and b2 only choose each other. Its slug sorts
 * last, so slug order (the old fallback) puts it last.
 */
function hubArticles(): Article[] {
  const one = (file: string, slug: string, keywords: string[]): Article => makeArticle({ file, slug, title: file, keywords });
  return [
    one('a1.txt', 'a1', ['光伏']),
    one('a2.txt', 'a2', ['储能']),
    one('a3.txt', 'a3', ['氢能']),
    one('b1.txt', 'b1', ['芯片']),
    one('b2.txt', 'b2', ['芯片']),
    one('hub.txt', 'zz-hub', ['光伏', '储能', '氢能']),
  ];
}

test('ranking without views: the article the others choose as related most comes first, not the slug order', () => {
  const articles = hubArticles();
  const site = buildSite(articles, factsOf(articles), config);
  assert.equal(filesOf(site)[0], 'hub.txt');
  assert.notDeepEqual(site.ranking, site.latest);
});

test('ranking without views: a page without a headline (its first words stand in) follows the headlined ones', () => {
  const articles = hubArticles().map((a) => (a.file === 'hub.txt' ? { ...a, provenance: { title: 'computed' as const } } : a));
  const site = buildSite(articles, factsOf(articles), config);
  assert.equal(filesOf(site).at(-1), 'hub.txt');
});

/** Four articles of 2019 with views, and one more dated `late` without. */
function withLate(late: string): Article[] {
  const dated = [10, 40, 20, 30].map((views, i) => makeArticle({ file: `v${i}.txt`, date: `2019-0${i + 1}-10`, views }));
  return [...dated, makeArticle({ file: 'late.txt', date: late })];
}

test('ranking: one future-dated article cannot empty the window, with or without the build year', () => {
  for (const year of [2026, undefined]) {
    const site = buildSite(withLate('2099-05-01'), factsOf(withLate('2099-05-01')), config, { year });
    assert.deepEqual(filesOf(site), ['v1.txt', 'v3.txt', 'v2.txt', 'v0.txt', 'late.txt'], `year ${year}`);
  }
});

test('ranking: one article dated years after the rest does not push them out of the window', () => {
  const articles = withLate('2025-06-01');
  const site = buildSite(articles, factsOf(articles), config, { year: 2026 });
  // Anchored on the third-newest date (2019-03-10): the 2019 articles with views are recent.
  assert.deepEqual(filesOf(site).slice(0, 4), ['v1.txt', 'v3.txt', 'v2.txt', 'v0.txt']);
});

test('dev preview: adding a future-dated article ranks as the full build does, the window kept', () => {
  const before = withLate('2019-01-01');
  let related: RelatedModel | undefined;
  const site = buildSite(before, factsOf(before), config, { year: 2026, keepRelated: (m) => (related = m) });
  const late = makeArticle({ file: 'late2.txt', date: '2099-05-01' });
  const change = applyChange({ site, related: related!, year: 2026 }, [], [{ article: late, facts: articleFacts(late) }]);
  const full = buildSite([...before, late], factsOf([...before, late]), config, { year: 2026 });
  assert.deepEqual(filesOf(change!.site), filesOf(full));
  assert.equal(filesOf(full)[0], 'v1.txt');
});

const twConfig = { ...defaultConfig(projectRoot), contentDir: corpusDir };

/** A site of every 15th tw-news file (undated, no views), built for 2026, with its related-articles indices. */
async function twNewsSite(): Promise<{ site: Site; related: RelatedModel; files: string[] }> {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const { articles, facts } = await processed(
    corpusDir,
    files.filter((_, i) => i % 15 === 0),
    twConfig,
  );
  const enriched = enrichCorpus(articles, facts, twConfig);
  let related: RelatedModel | undefined;
  const site = buildSite(enriched.articles, enriched.facts, twConfig, { year: 2026, keepRelated: (m) => (related = m) });
  return { site, related: related!, files };
}

test(
  'tw-news (undated, no views): 排行 leads with headlined stories other stories choose as related',
  { skip: sharedMissing() },
  async () => {
    const { site } = await twNewsSite();
    const top = site.ranking.slice(0, twConfig.ranking.count);
    const picks = (slug: string): number => [...site.related.values()].filter((r) => r.includes(slug)).length;
    // The old fallback showed the latest list: a misdated story, then undated ones in slug (hash) order.
    assert.notDeepEqual(top, site.latest.slice(0, top.length));
    for (const slug of top) assert.notEqual(site.bySlug.get(slug)!.provenance.title, 'computed', `${slug} has a headline`);
    const counts = top.map(picks);
    assert.ok(counts[0]! >= 3, `the first is chosen as related ${counts[0]} times`);
    assert.deepEqual(
      [...counts].sort((a, b) => b - a),
      counts,
      'most chosen first',
    );
  },
);

test(
  'dev preview on tw-news: 排行 and 最新 after an added, an edited and a removed article are those of the changed site',
  { skip: sharedMissing() },
  async () => {
    const { site, related, files } = await twNewsSite();
    const base = { site, related, year: 2026 };
    const newcomer = (await processed(corpusDir, [files[1]!], twConfig)).articles[0]!;
    // The most chosen story: what chose it must choose its edited successor.
    const edited = site.bySlug.get(site.ranking[0]!)!;
    const longer = { ...edited, body: `${edited.body}\n\n园区新增一批项目。` };
    const changes = {
      added: applyChange(base, [], [{ article: newcomer, facts: articleFacts(newcomer) }]),
      edited: applyChange(base, [edited], [{ article: longer, facts: articleFacts(longer) }]),
      removed: applyChange(base, [site.articles[20]!, site.articles.at(-3)!], []),
    };
    assert.equal(changes.added!.site.articles.length, site.articles.length + 1);
    assert.equal(changes.edited!.site.bySlug.get(edited.slug)!.body, longer.body);
    assert.equal(changes.removed!.site.articles.length, site.articles.length - 2);
    for (const [what, change] of Object.entries(changes)) {
      const next = change!.site;
      const ranked = rankArticles(next.articles, { views: (a) => a.views, related: next.related, year: 2026 }, twConfig);
      assert.deepEqual(
        next.ranking,
        ranked.map((a) => a.slug),
        `${what}: 排行`,
      );
      assert.deepEqual(
        next.latest,
        next.articles.map((a) => a.slug),
        `${what}: 最新`,
      );
    }
  },
);
