// The reader's own script and words, in Chromium: 台積電 on the zh-Hant edition, 臺灣 on the
// simplified one, regional words, the suggestion when nothing is found, the traditional font
// stack, the phrase check and snippets, and what a query downloads. Made-up articles; the reader
// corpus (samples + tw-news), when present, for bytes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium } from './chromium.js';
import { readerCorpusSite, READER_TRADITIONAL } from './reader-corpus.js';
import { visitSearch, type SearchVisit } from './search-page.js';
import { serveStatic } from './server.js';
import { sitePages } from '../../src/run/pages.js';
import { factsOf } from '../../src/run/per-file/facts.js';
import { buildSite } from '../../src/stages/site/index.js';
import { defaultConfig } from '../../src/config/defaults.js';
import type { Site } from '../../src/model/index.js';
import { makeArticle } from '../helpers/articles.js';
import { projectRoot, sharedMissing } from '../helpers/paths.js';

const skip = chromiumMissing();
/** The goal for one query's ten results, index and snippets, in bytes as decoded (before any gzip). */
const QUERY_BYTES_GOAL = 120_000;

// Simplified text as normalize leaves it: a Taiwan source's 台積電 is 台积电 here.
const ARTICLES = [
  makeArticle({ file: 'a.txt', title: '台积电扩建南部园区新厂', date: '2024-05-02', body: '台积电宣布扩建台湾南部园区的新厂。' }),
  makeArticle({ file: 'b.txt', title: '园区厂商晶片出货创新高', date: '2024-05-01', body: '多家厂商的晶片出货量创新高。' }),
  makeArticle({ file: 'c.txt', title: '芯片设计企业加快集聚', date: '2024-04-30', body: '芯片设计企业在新区集聚。' }),
  makeArticle({ file: 'd.txt', title: '北新街改造方案公布', date: '2024-04-29', body: '江北区的北新街，新区规划同步公布。' }),
  makeArticle({ file: 'e.txt', title: '南京开发动态', date: '2024-04-28', body: '南京江北新区开展项目建设行动。' }),
];

let browser: Browser;
const servers: { url: string; close: () => Promise<void> }[] = [];
const dists: string[] = [];

/** Writes the site to a temporary folder and serves it. */
async function serve(site: Site): Promise<string> {
  const dist = mkdtempSync(path.join(tmpdir(), 'pp-reader-'));
  dists.push(dist);
  for await (const p of sitePages(site, factsOf(site.articles))) {
    const file = path.join(dist, p.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, p.content);
  }
  const server = await serveStatic(dist);
  servers.push(server);
  return server.url;
}

let fixtureUrl: string;
before(async () => {
  if (skip) return;
  const config = { ...defaultConfig(projectRoot), traditional: READER_TRADITIONAL };
  fixtureUrl = await serve(buildSite(ARTICLES, factsOf(ARTICLES), config));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const d of dists) rmSync(d, { recursive: true, force: true });
});

/** Opens the search page of an edition for a query; asserts the page raised no error. */
async function searchPage(base: string, edition: string, query: string): Promise<SearchVisit> {
  const visit = await visitSearch(browser, base, edition, query);
  assert.deepEqual(visit.errors, []);
  return visit;
}

test('zh-Hant edition: 台積電 (and 台积电 typed in simplified) finds the story', { skip }, async () => {
  for (const q of ['台積電', '台积电']) {
    const { tab, titles } = await searchPage(fixtureUrl, '/zh-hant', q);
    assert.deepEqual(titles, ['台積電擴建南部園區新廠'], q);
    await tab.close();
  }
});

test('simplified edition: 臺灣 finds the story, and the page says what it searched', { skip }, async () => {
  const { tab, titles } = await searchPage(fixtureUrl, '', '臺灣');
  assert.deepEqual(titles, ['台积电扩建南部园区新厂']);
  assert.match((await tab.locator('.search-note').textContent()) ?? '', /已按“台湾”搜索/);
  assert.deepEqual(await tab.locator('.search-result-snippet mark').allTextContents(), ['台湾']);
  await tab.close();
});

test('regional words: 芯片 also finds 晶片, and says so', { skip }, async () => {
  const { tab, titles } = await searchPage(fixtureUrl, '', '芯片');
  assert.deepEqual(titles, ['芯片设计企业加快集聚', '园区厂商晶片出货创新高']);
  assert.match((await tab.locator('.search-note').textContent()) ?? '', /也找了：晶片/);
  await tab.close();
});

test('nothing found: the page offers the other edition with the converted query', { skip }, async () => {
  const { tab, titles } = await searchPage(fixtureUrl, '/zh-hant', '台湾没有的词');
  assert.deepEqual(titles, []);
  const link = tab.locator('.search-suggest a');
  assert.equal(await link.isVisible(), true);
  assert.match((await link.getAttribute('href')) ?? '', /^\/search\/\?q=/);
  await tab.close();
});

test('phrase check: a text holding every bigram of 江北新区 but not the phrase is dropped; snippets mark the hit', { skip }, async () => {
  const { tab, titles, kinds } = await searchPage(fixtureUrl, '', '江北新区');
  assert.deepEqual(titles, ['南京开发动态']);
  assert.match((await tab.locator('.search-status').textContent()) ?? '', /找到 1 篇/);
  assert.deepEqual(await tab.locator('.search-result-snippet mark').allTextContents(), ['江北新区']);
  assert.equal(kinds.has('articles'), false, 'no article page is fetched for snippets');
  await tab.close();
});

test('zh-Hant pages use a traditional-Chinese font first', { skip }, async () => {
  const { tab } = await searchPage(fixtureUrl, '/zh-hant', '台積電');
  const font = await tab.evaluate(() => getComputedStyle(document.documentElement).fontFamily);
  assert.match(font, /^"PingFang TC"/);
  await tab.close();
});

test(
  'reader corpus: 台積電 on zh-Hant and 臺灣 on the simplified edition find articles; bytes per query within the goal',
  { skip: skip || sharedMissing(), timeout: 600_000 },
  async () => {
    const base = await serve((await readerCorpusSite()).site);
    const sizes: number[] = [];
    for (const [edition, q, min] of [
      ['/zh-hant', '台積電', 20],
      ['', '臺灣', 20],
      ['', '芯片', 5],
      ['', '人工智能', 3],
      ['/zh-hant', '半導體', 10],
    ] as const) {
      const { tab, titles, decoded, transferred, kinds } = await searchPage(base, edition, q);
      const status = (await tab.locator('.search-status').textContent()) ?? '';
      const total = Number(/(\d+) 篇/.exec(status)?.[1] ?? 0);
      assert.ok(total >= min && titles.length === 10, `${edition || '/'} ${q}: ${status}, ${titles.length} shown`);
      assert.ok((await tab.locator('.search-result-snippet mark').count()) >= 10, `${q}: every snippet marks the hit`);
      const parts = [...kinds].map(([k, b]) => `${k} ${(b / 1024).toFixed(1)}`).join(', ');
      console.log(
        `# ${edition || '/'} ${q}: ${status}; ${(decoded / 1024).toFixed(1)} KiB decoded (${parts}), ${(transferred / 1024).toFixed(1)} KiB sent gzipped`,
      );
      sizes.push(decoded);
      await tab.close();
    }
    sizes.sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    console.log(`# median per query: ${(median / 1024).toFixed(1)} KiB decoded`);
    assert.ok(median <= QUERY_BYTES_GOAL, `median ${median} bytes per query`);
  },
);
