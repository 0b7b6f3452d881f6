import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleIndex } from '../../../src/stages/search/assemble.js';
import { searchDoc } from '../../../src/stages/search/documents.js';
import { makeArticle } from '../../helpers/articles.js';
import { sampleSite } from '../render/sample-site.js';
import { mainIndexPages, openPages, queryModule, titles, type OpenIndex, type QueryModule } from './helpers.js';

let q: QueryModule;
let index: OpenIndex;

before(async () => {
  q = await queryModule();
  index = await openPages(q, mainIndexPages(await sampleSite()));
});

test('a Chinese place name finds its sample first', async () => {
  assert.match((await titles(index, '江北新区'))[0]!, /南京江北新区/);
});

test('丹佛斯 finds the two samples naming it, the one about its project first', async () => {
  const found = await titles(index, '丹佛斯');
  assert.equal(found.length, 2, found.join(' | '));
  assert.match(found[0]!, /镇江高新区抓牢项目建设/);
});

test('AND: a query of two words finds exactly the documents holding both', async () => {
  for (const [a, b] of [
    ['丹佛斯', '常州'],
    ['高新区', '江北'],
    ['镇江', '丹佛斯'],
    ['项目', '创新'],
  ]) {
    const both = new Set(await index.find(`${a} ${b}`));
    const left = await index.find(a!);
    const right = new Set(await index.find(b!));
    assert.deepEqual(both, new Set(left.filter((d) => right.has(d))), `${a} ${b}`);
  }
});

test('no results: unknown words, one unknown word among known ones, and an empty query', async () => {
  assert.deepEqual(await index.find('zzqxv'), []);
  assert.deepEqual(await index.find('丹佛斯 zzqxv'), []);
  assert.deepEqual(await index.find('，。 '), []);
});

test('fullwidth and mixed-case text and queries meet in one folded form', async () => {
  // The samples hold no Latin words in their bodies, so this index is built from three small articles.
  const articles = [
    makeArticle({ file: 'a.txt', title: '丹佛斯投产', body: 'Danfoss 的 ＡＵＴＯＳＡＲ 平台通过 ISO 26262 认证。' }),
    makeArticle({ file: 'b.txt', title: '园区新闻', body: 'AUTOSAR 标准在园区推广。' }),
    makeArticle({ file: 'c.txt', title: '其他', body: '没有英文。' }),
  ];
  // Oldest first, as the index numbers them: the first article is the newest, so it wins a tie.
  const docs = articles.map((a) => searchDoc(a, `/${a.file}/`)).reverse();
  const pages = [...assembleIndex(docs)];
  const small = await openPages(
    q,
    pages.map((p) => ({ ...p, path: `search/${p.path}` })),
  );
  assert.deepEqual(await titles(small, 'autosar'), ['丹佛斯投产', '园区新闻']);
  assert.deepEqual(await titles(small, 'ＡｕｔｏＳＡＲ'), ['丹佛斯投产', '园区新闻']);
  assert.deepEqual(await titles(small, 'iso２６２６２'), []);
  assert.deepEqual(await titles(small, 'ＩＳＯ ２６２６２'), ['丹佛斯投产']);
});

test('ranking: title hits first, then term frequency, then the newer document', () => {
  const list = (pairs: [number, number][]) => ({ docs: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) });
  // weight = tf * 2 + (in title ? 1 : 0); docs 0..3, 3 newest.
  assert.deepEqual(
    q.rank([
      list([
        [0, 4],
        [1, 2 * 9],
        [2, 2 + 1],
        [3, 4],
      ]),
    ]),
    [2, 1, 3, 0],
  );
  assert.deepEqual(
    q.rank([
      list([
        [0, 2],
        [1, 2],
        [2, 2],
      ]),
      list([
        [1, 2],
        [2, 2],
      ]),
    ]),
    [2, 1],
    'AND drops doc 0',
  );
});

test('phrase check: bigrams that are all present but not adjacent do not make a match', () => {
  const { runs, tokens } = q.parseQuery('江北新区');
  assert.deepEqual(tokens, ['江北', '北新', '新区']);
  const text = '江北区的北新街，新区';
  assert.ok(
    tokens.every((t) => q.tokenize(text).includes(t)),
    'the index would list this text',
  );
  assert.equal(q.containsRuns(text, runs), false);
  assert.equal(q.containsRuns('南京江北新区开展', runs), true);
});

test('snippets cut around the first hit and mark every hit, matching fullwidth and case', () => {
  const body = `${'前文'.repeat(80)}丹佛斯项目在镇江，Ｄａｎｆｏｓｓ 丹佛斯${'后文'.repeat(80)}`;
  const { runs } = q.parseQuery('丹佛斯 danfoss');
  const segments = q.snippet(body, runs, 60)!;
  assert.deepEqual(
    segments.filter((s) => s.mark).map((s) => s.text),
    ['丹佛斯', 'Ｄａｎｆｏｓｓ', '丹佛斯'],
  );
  assert.equal(segments[0]!.text, '…');
  assert.equal(segments.at(-1)!.text, '…');
  assert.equal(q.snippet('没有命中', runs), null);
  assert.deepEqual(
    q.highlight('<b>丹佛斯</b>', runs),
    [
      { text: '<b>', mark: false },
      { text: '丹佛斯', mark: true },
      { text: '</b>', mark: false },
    ],
    'text stays text: the page puts segments in with textContent',
  );
});
