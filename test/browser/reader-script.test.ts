// The reader's own script and words, in Chromium: 台積電 on the zh-Hant edition, 臺灣 on the
// simplified one, regional words, the suggestion when nothing is found, the traditional font
// stack, and what one query downloads. Made-up articles; the tw-news corpus, when present, for bytes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page as Tab } from 'playwright-core';
import { chromiumMissing, launchChromium } from './chromium.js';
import { serveStatic } from './server.js';
import { sitePages } from '../../src/run/pages.js';
import { factsOf } from '../../src/run/per-file/facts.js';
import { buildSite } from '../../src/stages/site/index.js';
import { enrichCorpus } from '../../src/stages/corpus/index.js';
import { defaultConfig } from '../../src/config/defaults.js';
import type { Config, Site } from '../../src/model/index.js';
import { makeArticle } from '../helpers/articles.js';
import { corpusDir, projectRoot, sharedMissing } from '../helpers/paths.js';
import { processed } from '../helpers/pipeline.js';

const skip = chromiumMissing();
const TRADITIONAL: Config['traditional'] = { enabled: true, variant: 'tw', dir: 'zh-hant' };

// Simplified text as normalize leaves it: a Taiwan source's 台積電 is 台积电 here.
const ARTICLES = [
  makeArticle({ file: 'a.txt', title: '台积电扩建南部园区新厂', date: '2024-05-02', body: '台积电宣布扩建台湾南部园区的新厂。' }),
  makeArticle({ file: 'b.txt', title: '园区厂商晶片出货创新高', date: '2024-05-01', body: '多家厂商的晶片出货量创新高。' }),
  makeArticle({ file: 'c.txt', title: '芯片设计企业加快集聚', date: '2024-04-30', body: '芯片设计企业在新区集聚。' }),
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
  const config = { ...defaultConfig(projectRoot), traditional: TRADITIONAL };
  fixtureUrl = await serve(buildSite(ARTICLES, factsOf(ARTICLES), config));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const d of dists) rmSync(d, { recursive: true, force: true });
});

/** Opens the search page of an edition for a query; resolves when the page has shown its results. */
async function searchPage(
  base: string,
  edition: string,
  query: string,
): Promise<{ tab: Tab; titles: string[]; bytes: number; kinds: Map<string, number> }> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  const kinds = new Map<string, number>();
  const bodies: Promise<void>[] = [];
  // What the query costs: every index file and result page fetched after the search page itself.
  tab.on('response', (res) => {
    const kind = fetchKind(new URL(res.url()).pathname);
    if (!kind) return;
    bodies.push(
      res.body().then(
        (b) => void kinds.set(kind, (kinds.get(kind) ?? 0) + b.length),
        () => undefined,
      ),
    );
  });
  await tab.goto(`${base}${edition}/search/?q=${encodeURIComponent(query)}`);
  await tab.locator('#search[data-state="done"]').waitFor({ timeout: 15_000 });
  await tab.waitForLoadState('networkidle');
  await Promise.all(bodies);
  assert.deepEqual(errors, []);
  const bytes = [...kinds.values()].reduce((a, b) => a + b, 0);
  return { tab, titles: await tab.locator('.search-result-title a').allTextContents(), bytes, kinds };
}

/** What a fetched path is for a query: an index file by folder, or an article page read for a snippet. */
function fetchKind(pathname: string): string | null {
  if (pathname.includes('/articles/')) return 'articles';
  const m = /\/search\/(shards|docs)\/|\/search\/(index|script)\.json$/.exec(pathname);
  return m ? (m[1] ?? m[2]!) : null;
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

test('zh-Hant pages use a traditional-Chinese font first', { skip }, async () => {
  const { tab } = await searchPage(fixtureUrl, '/zh-hant', '台積電');
  const font = await tab.evaluate(() => getComputedStyle(document.documentElement).fontFamily);
  assert.match(font, /^"PingFang TC"/);
  await tab.close();
});

/** About 1,500 tw-news files (every third), through the real stages, both editions. */
async function corpusSite(): Promise<Site> {
  const config = { ...defaultConfig(projectRoot), contentDir: corpusDir, traditional: TRADITIONAL };
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % 3 === 0);
  const { articles, facts } = await processed(corpusDir, files, config);
  const enriched = enrichCorpus(articles, facts, config);
  return buildSite(enriched.articles, enriched.facts, config);
}

test(
  'tw-news: 台積電 on zh-Hant and 臺灣 on the simplified edition find articles; bytes per query',
  { skip: skip || sharedMissing(), timeout: 600_000 },
  async () => {
    const base = await serve(await corpusSite());
    const sizes: number[] = [];
    for (const [edition, q, min] of [
      ['/zh-hant', '台積電', 20],
      ['', '臺灣', 20],
      ['', '芯片', 5],
      ['', '人工智能', 3],
      ['/zh-hant', '半導體', 10],
    ] as const) {
      const { tab, titles, bytes, kinds } = await searchPage(base, edition, q);
      const status = (await tab.locator('.search-status').textContent()) ?? '';
      const total = Number(/(\d+) 篇/.exec(status)?.[1] ?? 0);
      assert.ok(total >= min && titles.length > 0, `${edition || '/'} ${q}: ${status}`);
      const parts = [...kinds].map(([k, b]) => `${k} ${(b / 1024).toFixed(1)}`).join(', ');
      console.log(`# ${edition || '/'} ${q}: ${status}; ${titles.length} shown; ${(bytes / 1024).toFixed(1)} KiB (${parts})`);
      sizes.push(bytes);
      await tab.close();
    }
    sizes.sort((a, b) => a - b);
    console.log(`# median per query: ${(sizes[Math.floor(sizes.length / 2)]! / 1024).toFixed(1)} KiB`);
  },
);
