import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite } from '../../../src/stages/site/index.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import { editions } from '../../../src/stages/render/edition.js';
import { searchPages } from '../../../src/stages/search/index.js';
import { scriptTable } from '../../../src/stages/search/script-table.js';
import { makeArticle } from '../../helpers/articles.js';
import { fixtureConfig } from '../render/site-fixture.js';
import { openPages, queryModule, type OpenIndex } from './helpers.js';

// Made-up stories, in the simplified text normalize leaves (a Taiwan source's 台積電 is 台积电).
const ARTICLES = [
  makeArticle({ file: 'a.txt', title: '台积电扩建南部园区新厂', date: '2024-05-02', body: '台积电宣布扩建台湾南部园区的新厂。' }),
  makeArticle({ file: 'b.txt', title: '园区厂商晶片出货创新高', date: '2024-05-01', body: '多家厂商的晶片出货量创新高。' }),
  makeArticle({ file: 'c.txt', title: '芯片设计企业加快集聚', date: '2024-04-30', body: '芯片设计企业在新区集聚。' }),
  makeArticle({ file: 'd.txt', title: '人工智慧应用走进工厂', date: '2024-04-29', body: '人工智慧应用正走进园区的智能工厂。' }),
];

interface SearchResult {
  query: string;
  forms: string[];
  hits: { n: number; alternatives: string[][] }[];
}
type Search = (index: OpenIndex, query: string) => Promise<SearchResult>;

async function indexes(): Promise<{ hans: OpenIndex; hant: OpenIndex; search: Search }> {
  const config = fixtureConfig({ traditional: { enabled: true, variant: 'tw', dir: 'zh-hant' } });
  const site = buildSite(ARTICLES, factsOf(ARTICLES), config);
  const pages = [...searchPages(site, editions(config))];
  const q = await queryModule();
  const search = (q as unknown as { search: Search }).search;
  assert.equal(typeof search, 'function', 'search-query.js exports search()');
  return { hans: await openPages(q, pages), hant: await openPages(q, pages, 'zh-hant/search'), search };
}

async function titlesOf(index: OpenIndex, search: Search, query: string): Promise<string[]> {
  const { hits } = await search(index, query);
  return (await index.docs(hits.map((h) => h.n))).map((d) => d.title);
}

test('the zh-Hant edition finds 台積電 as Taiwan writes it, and the simplified query too', async () => {
  const { hant, search } = await indexes();
  assert.deepEqual(await titlesOf(hant, search, '台積電'), ['台積電擴建南部園區新廠']);
  assert.deepEqual(await titlesOf(hant, search, '台积电'), ['台積電擴建南部園區新廠'], 'simplified typed on the traditional edition');
  assert.deepEqual(await titlesOf(hant, search, '臺積電'), ['台積電擴建南部園區新廠'], 'the 臺 standard typed');
});

test('the simplified edition finds traditional queries (臺灣, 台積電)', async () => {
  const { hans, search } = await indexes();
  const result = await search(hans, '臺灣');
  assert.equal(result.query, '台湾');
  assert.deepEqual(await titlesOf(hans, search, '臺灣'), ['台积电扩建南部园区新厂']);
  assert.deepEqual(await titlesOf(hans, search, '台積電'), ['台积电扩建南部园区新厂']);
});

test('regional words find both forms: 芯片 and 晶片, 人工智能 and 人工智慧', async () => {
  const { hans, hant, search } = await indexes();
  assert.deepEqual(await titlesOf(hans, search, '芯片'), ['芯片设计企业加快集聚', '园区厂商晶片出货创新高']);
  assert.deepEqual(await titlesOf(hans, search, '晶片'), ['园区厂商晶片出货创新高', '芯片设计企业加快集聚']);
  assert.deepEqual(await titlesOf(hans, search, '人工智能'), ['人工智慧应用走进工厂']);
  assert.deepEqual(
    (await search(hans, '芯片')).hits.map((h) => h.alternatives),
    [[['芯片']], [['晶片']]],
    'each hit is checked for its own form',
  );
  // The 人工智慧 story also holds every bigram of 人工智能: its page is checked for either form.
  const ai = (await search(hans, '人工智能')).hits;
  assert.deepEqual(ai[0]!.alternatives, [['人工智能'], ['人工智慧']]);
  const { matchingRuns } = (await queryModule()) as unknown as { matchingRuns: (t: string, a: string[][]) => string[] | null };
  assert.deepEqual(matchingRuns('人工智慧应用正走进园区的智能工厂。', ai[0]!.alternatives), ['人工智慧']);
  assert.equal(matchingRuns('人工智能', [['晶片']]), null);
  assert.deepEqual(await titlesOf(hant, search, '芯片'), ['芯片設計企業加快集聚', '園區廠商晶片出貨創新高']);
});

test('the table holds only what this index can match, and is deterministic', () => {
  const table = scriptTable(['台湾', '湾南', '芯片', '晶片'], (t) => t);
  assert.deepEqual(Array.from(table.from).sort(), ['檯', '灣', '臺', '颱'].sort());
  assert.equal(Array.from(table.to).join(''), table.to);
  assert.ok(table.words.some(([a, b]) => a === '芯片' && b === '晶片'));
  assert.ok(!table.words.some(([a]) => a === '软件'), 'words the index cannot match are left out');
  assert.deepEqual(
    scriptTable(['台湾', '湾南', '芯片', '晶片'], (t) => t),
    table,
  );
});

test('the hk variant pairs Hong Kong words (OpenCC HKPhrases): 隱私權 finds 私隱權, on both editions', async () => {
  // A Hong Kong story as normalize leaves it: 私隱權 is 私隐权 in simplified script.
  const stories = [
    makeArticle({ file: 'h.txt', title: '私隐权条例修订', date: '2024-05-03', body: '政府就私隐权条例修订咨询公众。' }),
    makeArticle({ file: 'i.txt', title: '园区新闻', date: '2024-05-02', body: '园区企业开放日。' }),
  ];
  const config = fixtureConfig({ traditional: { enabled: true, variant: 'hk', dir: 'zh-hant' } });
  const pages = [...searchPages(buildSite(stories, factsOf(stories), config), editions(config))];
  const q = await queryModule();
  const search = (q as unknown as { search: Search }).search;
  const hant = await openPages(q, pages, 'zh-hant/search');
  const hans = await openPages(q, pages);
  assert.deepEqual(await titlesOf(hant, search, '隱私權'), ['私隱權條例修訂']);
  assert.deepEqual((await search(hant, '隱私權')).forms, ['隱私權', '私隱權']);
  assert.deepEqual(await titlesOf(hans, search, '隐私权'), ['私隐权条例修订']);
  const table = JSON.parse(String(pages.find((p) => p.path === 'zh-hant/search/script.json')!.content)) as { words: string[][] };
  const hk = table.words.findIndex(([a]) => a === '隱私權');
  const tw = table.words.findIndex(([a]) => a === '軟件');
  assert.ok(hk >= 0 && (tw < 0 || hk < tw), 'the readers’ region first');
});
