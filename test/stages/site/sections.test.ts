// 栏目: the category a page's breadcrumb states (or the editor sets) files the article in a section (issue 19).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../../src/stages/site/index.js';
import { applyChange } from '../../../src/stages/site/change.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import { makeArticle } from '../../helpers/articles.js';
import { fixtureConfig, fixtureSite } from '../render/site-fixture.js';
import { sectionFixtures, sectionSite } from '../render/section-site.js';
import { sampleSite } from '../render/sample-site.js';

test('sections from real breadcrumbs: the sample portal 财经 and the fixtures, biggest first, articles latest first', async () => {
  const site = await sectionSite();
  const sections = site.taxonomies.sections.map((t) => ({ name: t.name, url: t.url, files: t.slugs.map((s) => site.bySlug.get(s)!.file) }));
  assert.deepEqual(sections, [
    // 当前位置: 首页 -> 财经 (sample 003, 2024-03) and 當前位置：首頁 > 財經 > 正文 (2024-05), converted like the text.
    { name: '财经', url: '/sections/财经/', files: ['trad-breadcrumb.txt', '003_a94316a78cdbf75f.txt'] },
    // One article each: in key order.
    { name: '园区动态', url: '/sections/园区动态/', files: ['park-news.txt'] },
    // front-matter category: 招商引资 wins over the page's 当前位置：首页 > 要闻.
    { name: '招商引资', url: '/sections/招商引资/', files: ['editor-category.md'] },
  ]);
  const edited = site.articles.find((a) => a.file === 'editor-category.md')!;
  assert.equal(edited.provenance.category, 'editor');
  assert.ok(!edited.body.includes('当前位置'), 'the breadcrumb line left the body');
  assert.match(
    readFileSync(path.join(sectionFixtures, 'trad-breadcrumb.txt'), 'utf8'),
    /財經/,
    'the fixture states its section in traditional script',
  );
});

test('sections: the samples without a breadcrumb are in no section; a site with no category has none', async () => {
  const samples = await sampleSite();
  assert.deepEqual(
    samples.articles.filter((a) => a.category !== null).map((a) => [a.file, a.category]),
    [['003_a94316a78cdbf75f.txt', '财经']],
  );
  assert.deepEqual(fixtureSite().taxonomies.sections, []);
});

test('sections: a category that is a file name of the site gets a safe key and a warning naming it', () => {
  const articles = [
    makeArticle({ file: 'a.txt', title: '甲', category: 'index.html', body: '正文。' }),
    makeArticle({ file: 'b.txt', title: '乙', category: ' 财经 ', body: '正文。' }),
  ];
  const site = buildSite(articles, factsOf(articles), fixtureConfig());
  assert.deepEqual(
    site.taxonomies.sections.map((t) => [t.name, t.url]),
    [
      ['index.html', '/sections/index.html-/'],
      ['财经', '/sections/财经/'],
    ],
  );
  const warning = site.diagnostics.find((d) => d.rule === 'site/reserved-name');
  assert.ok(warning, 'reserved-name warning');
  assert.equal(warning.file, 'a.txt');
  assert.match(warning.message, /category "index\.html"/);
});

test('sections in the dev preview: an added article with a category enters its section, a new one is created', () => {
  const articles = [makeArticle({ file: 'a.txt', title: '甲', date: '2024-01-01', category: '财经', body: '正文一。' })];
  let related: Parameters<typeof applyChange>[0]['related'] | undefined;
  const site = buildSite(articles, factsOf(articles), fixtureConfig(), { keepRelated: (m) => (related = m) });
  const late = makeArticle({ file: 'b.txt', title: '乙', date: '2024-02-01', category: '财经', body: '正文二。' });
  const other = makeArticle({ file: 'c.txt', title: '丙', date: '2024-02-02', category: '园区动态', body: '正文三。' });
  const change = applyChange(
    { site, related: related! },
    [],
    [late, other].map((a) => ({ article: a, facts: factsOf([a]).get(a.file)! })),
  )!;
  assert.deepEqual(
    change.site.taxonomies.sections.map((t) => [t.name, t.slugs.map((s) => change.site.bySlug.get(s)!.file)]),
    [
      ['财经', ['b.txt', 'a.txt']],
      ['园区动态', ['c.txt']],
    ],
  );
  assert.deepEqual(
    change.terms.filter((t) => t.taxonomy === 'sections').map((t) => [t.after?.name, Boolean(t.before), t.hasPage]),
    [
      ['财经', true, true],
      ['园区动态', false, true],
    ],
  );
});
