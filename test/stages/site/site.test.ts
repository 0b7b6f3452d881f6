import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite } from '../../../src/stages/site/index.js';
import { makeArticle } from '../../helpers/articles.js';
import { fixtureArticles, fixtureConfig } from '../render/site-fixture.js';
import { pathKey } from '../../../src/model/index.js';
import { factsOf } from '../../../src/run/per-file/facts.js';

test('latest: newest first, undated after dated, duplicates hidden', () => {
  const site = buildSite(fixtureArticles(), factsOf(fixtureArticles()), fixtureConfig());
  const files = site.latest.map((s) => site.bySlug.get(s)!.file);
  assert.deepEqual(files, ['a.txt', 'b.txt', 'hostile.txt', 'c.txt', 'd.txt']);
  assert.deepEqual(site.duplicates, [{ kept: site.articles[0]!.slug, dropped: ['e.txt'] }]);
});

test('related: shared keywords and park rank first; never itself; never a hidden duplicate', () => {
  const site = buildSite(fixtureArticles(), factsOf(fixtureArticles()), fixtureConfig());
  const slugOf = (f: string) => site.articles.find((a) => a.file === f)!.slug;
  assert.equal(site.related.get(slugOf('a.txt'))![0], slugOf('b.txt'));
  // c and d share a park most of this small site names (it says nothing) and a keyword only d's
  // text suggests (computed): no evidence, so nothing rather than a guess.
  assert.deepEqual(site.related.get(slugOf('c.txt')), []);
  for (const [slug, rel] of site.related) {
    assert.ok(!rel.includes(slug));
    assert.ok(rel.every((s) => site.bySlug.has(s)));
  }
});

test('related: the threshold drops weak matches and the order does not depend on input order', () => {
  const strict = buildSite(
    fixtureArticles(),
    factsOf(fixtureArticles()),
    fixtureConfig({ related: { ...fixtureConfig().related, threshold: 0.99 } }),
  );
  assert.ok([...strict.related.values()].every((r) => r.length === 0));
  const forward = buildSite(fixtureArticles(), factsOf(fixtureArticles()), fixtureConfig());
  const backward = buildSite(fixtureArticles().reverse(), factsOf(fixtureArticles().reverse()), fixtureConfig());
  assert.deepEqual([...backward.related].sort(), [...forward.related].sort());
});

test('related: a term that most articles share says nothing', () => {
  const articles = ['一', '二', '三', '四'].map((n, i) =>
    makeArticle({
      file: `${i}.txt`,
      title: `第${n}篇`,
      keywords: ['高新区', ...(i < 2 ? ['光伏'] : [])],
    }),
  );
  const site = buildSite(articles, factsOf(articles), fixtureConfig());
  const bySlug = (f: string) => articles.find((a) => a.file === f)!.slug;
  assert.deepEqual(site.related.get(bySlug('0.txt')), [bySlug('1.txt')]);
  assert.deepEqual(site.related.get(bySlug('2.txt')), []);
});

test("related: an item needs evidence: a park, an editor's keyword or several distinctive words, never one word", () => {
  const filler = ['港口吞吐量稳步回升', '湿地公园迎来候鸟', '地铁新线开通运营', '老旧小区改造完工'];
  const articles = [
    makeArticle({ file: 'solar-1.txt', title: '光伏组件出货', body: '光伏组件和逆变器出货增加，硅片价格回落。' }),
    makeArticle({ file: 'solar-2.txt', title: '硅片降价', body: '硅片降价带动光伏组件与逆变器需求。' }),
    makeArticle({ file: 'tour-1.txt', title: '团队游恢复', computedKeywords: ['旅行社'], body: '旅行社恢复出境团队游业务。' }),
    makeArticle({ file: 'tour-2.txt', title: '补贴发放', computedKeywords: ['旅行社'], body: '政府向旅行社发放补贴。' }),
    makeArticle({ file: 'lab-1.txt', title: '实验室扩建', keywords: ['检测'], body: '实验室扩建后检测能力提高。' }),
    makeArticle({ file: 'lab-2.txt', title: '食品抽查', keywords: ['检测'], body: '市场监管局抽查食品并检测。' }),
    ...filler.map((body, i) => makeArticle({ file: `other-${i}.txt`, title: body, body })),
  ];
  const site = buildSite(articles, factsOf(articles), fixtureConfig());
  const files = (f: string): string[] => site.related.get(articles.find((a) => a.file === f)!.slug)!.map((s) => site.bySlug.get(s)!.file);
  assert.deepEqual(files('solar-1.txt'), ['solar-2.txt'], 'four distinctive words shared');
  assert.deepEqual(files('tour-1.txt'), [], 'one word shared, however rare, even as a computed keyword');
  assert.deepEqual(files('lab-1.txt'), ['lab-2.txt'], "an editor's keyword");
});

test('ranking: by views, recent before older, unknown views after known ones, newest first', () => {
  const site = buildSite(fixtureArticles(), factsOf(fixtureArticles()), fixtureConfig({ ranking: { count: 10, windowDays: 365 } }));
  const files = site.ranking.map((s) => site.bySlug.get(s)!.file);
  // c.txt (2021) is outside the window before the newest article (2024-03-20): it comes last
  // although it has more views than hostile.txt; undated d.txt counts as recent.
  assert.deepEqual(files, ['a.txt', 'b.txt', 'hostile.txt', 'd.txt', 'c.txt']);
});

test('ranking: analytics page views override the views found in the article', () => {
  const articles = fixtureArticles();
  const site = buildSite(articles, factsOf(articles), fixtureConfig(), { pageviews: new Map([['b.txt', 10_000]]) });
  assert.equal(site.bySlug.get(site.ranking[0]!)!.file, 'b.txt');
});

test('URLs: date and id, unique slugs with a warning, Chinese kept in term keys', () => {
  const articles = [
    makeArticle({ file: 'x/1.txt', slug: '江北新区-开工', date: '2024-03-20T18:44:00+08:00' }),
    makeArticle({ file: 'x/2.txt', slug: '江北新区-开工', date: '2024-03-21' }),
  ];
  const site = buildSite(articles, factsOf(articles), fixtureConfig());
  assert.deepEqual([...site.urls.values()].sort(), ['/articles/2024/03/江北新区-开工-2/', '/articles/2024/03/江北新区-开工/']);
  assert.equal(site.diagnostics.length, 1);
  assert.equal(site.diagnostics[0]!.file, 'x/2.txt');
  assert.equal(site.diagnostics[0]!.rule, 'site/slug-collision');
  assert.equal(pathKey('南京 江北新区/集成电路?'), '南京-江北新区-集成电路');
});

test('URLs: many articles with one slug are numbered in file order, skipping a suffix another article owns', () => {
  const articles = [
    ...['a', 'c', 'd', 'e'].map((f) => makeArticle({ file: `${f}.txt`, slug: '开工', date: '2024-03-20' })),
    makeArticle({ file: 'b.txt', slug: '开工-3', date: '2024-03-20' }),
  ];
  const site = buildSite(articles, factsOf(articles), fixtureConfig());
  const slugOf = new Map(site.articles.map((a) => [a.file, a.slug]));
  assert.deepEqual(
    ['a', 'b', 'c', 'd', 'e'].map((f) => slugOf.get(`${f}.txt`)),
    ['开工', '开工-3', '开工-2', '开工-4', '开工-5'],
  );
  assert.deepEqual(
    site.diagnostics.map((d) => d.file),
    ['c.txt', 'd.txt', 'e.txt'],
  );
});

test('related: the best matches first, however the candidates were met', () => {
  const config = fixtureConfig();
  const topic = ['集成电路', '生物医药', '新能源', '人工智能'];
  // Candidates sharing 1..4 of the target's keywords; the newest shares least, so the order in
  // which they are met (latest first) is the reverse of their scores.
  const candidates = [1, 2, 3, 4].map((k) =>
    makeArticle({ file: `share${k}.txt`, date: `2024-03-${10 + (5 - k)}`, keywords: topic.slice(0, k) }),
  );
  const target = makeArticle({ file: 'target.txt', date: '2024-03-01', keywords: topic });
  // Unrelated pairs, so the topic words stay under maxShare of the site.
  const others = Array.from({ length: 6 }, (_, i) =>
    makeArticle({ file: `other${i}.txt`, date: '2024-02-01', keywords: [`话题${i >> 1}`] }),
  );
  const site = buildSite([target, ...candidates, ...others], factsOf([target, ...candidates, ...others]), {
    ...config,
    related: { ...config.related, count: 3, threshold: 0 },
  });
  const files = site.related.get(target.slug)!.map((slug) => site.bySlug.get(slug)!.file);
  assert.deepEqual(files, ['share4.txt', 'share3.txt', 'share2.txt']);
});

test('taxonomies: keywords fall back to computed ones; months newest first', () => {
  const site = buildSite(fixtureArticles(), factsOf(fixtureArticles()), fixtureConfig());
  // 项目建设 is stated by one article and computed for another (which states none): both are filed under it.
  const project = site.taxonomies.keywords.find((t) => t.name === '项目建设')!;
  assert.equal(project.slugs.length, 2);
  assert.ok([...site.taxonomies.keywords, ...site.thinKeywords!].some((t) => t.name === '人才'));
  assert.deepEqual(
    site.taxonomies.months.map((t) => t.url),
    ['/archive/2024/03/', '/archive/2024/02/', '/archive/2023/12/', '/archive/2021/01/'],
  );
  const jb = site.taxonomies.parks.find((t) => t.name === '南京江北新区')!;
  assert.equal(jb.slugs.length, 2);
});
