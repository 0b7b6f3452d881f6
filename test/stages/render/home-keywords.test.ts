import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { homeKeywords, HOME_TERMS } from '../../../src/stages/render/home.js';
import { generalWords, isPlaceholder, isTopicKeyword } from '../../../src/text/keyword-quality.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrichCorpus } from '../../../src/stages/corpus/index.js';
import { buildSite } from '../../../src/stages/site/index.js';
import { sitePages } from '../../../src/run/pages.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import { processed } from '../../helpers/pipeline.js';
import { corpusDir, projectRoot, sharedMissing } from '../../helpers/paths.js';
import { sampleSite } from './sample-site.js';

/** The words the issue found on the home page of 1,500 tw-news articles. */
const JUNK = ['xx', '姓名', '事实', '变动', '代理'];

test('isTopicKeyword: placeholders, single characters and ordinary words fail; names, rare and unknown words pass', () => {
  const general = generalWords([...JUNK, '董事会', '股价', '芯片', '关税', '香港', '华为', '人员变动', '光伏', '厂']);
  const topic = (w: string): boolean => isTopicKeyword(w, general.get(w)!);
  for (const w of [...JUNK, '董事会', '股价', '厂']) assert.equal(topic(w), false, w);
  for (const w of ['芯片', '关税', '香港', '华为', '人员变动', '光伏']) assert.equal(topic(w), true, w);
  for (const w of ['xx', 'XXX', '○○', '某某']) assert.ok(isPlaceholder(w), w);
  for (const w of ['5G', 'AI', 'Fed']) assert.ok(!isPlaceholder(w), w);
});

test('the samples: the keywords their pages state stay on the home page', async () => {
  const site = await sampleSite();
  const shown = homeKeywords(site).map((t) => t.name);
  const stated = site.taxonomies.keywords.filter((t) => t.slugs.some((s) => site.bySlug.get(s)!.keywords.includes(t.name)));
  assert.ok(stated.length > 0);
  for (const t of stated.slice(0, HOME_TERMS)) assert.ok(shown.includes(t.name), t.name);
});

test('tw-news: 热门关键词 shows no placeholder, single character or ordinary word', { skip: sharedMissing() }, async () => {
  const config = { ...defaultConfig(projectRoot), contentDir: corpusDir };
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % 5 === 0);
  const { articles, facts } = await processed(corpusDir, files, config);
  const enriched = enrichCorpus(articles, facts, config);
  const site = buildSite(enriched.articles, enriched.facts, config);
  const before = site.taxonomies.keywords.slice(0, HOME_TERMS).map((t) => t.name);
  assert.ok(
    before.some((w) => JUNK.includes(w)),
    `the biggest keywords include junk: ${before.join(' ')}`,
  );
  const shown = homeKeywords(site).map((t) => t.name);
  assert.equal(shown.length, HOME_TERMS);
  assert.deepEqual(
    shown.filter((w) => JUNK.includes(w) || [...w].length < 2),
    [],
    shown.join(' '),
  );
});

test('the sample site: no page skips a heading level (axe heading-order), list pages included', async () => {
  const site = await sampleSite();
  for await (const p of sitePages(site, factsOf(site.articles))) {
    if (!p.path.endsWith('.html')) continue;
    const levels = [...String(p.content).matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    levels.forEach((l, i) => assert.ok(i === 0 || l <= levels[i - 1]! + 1, `${p.path}: h${levels[i - 1]} then h${l}`));
  }
});
