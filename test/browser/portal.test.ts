import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page as Tab } from 'playwright-core';
import { projectRoot } from '../helpers/paths.js';
import { chromiumMissing, launchChromium } from './chromium.js';
import { serveStatic } from './server.js';
import { browserSite } from './browser-site.js';
import { sitePages } from '../../src/run/pages.js';
import { factsOf } from '../../src/run/per-file/facts.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const artifacts = path.join(projectRoot, 'test-artifacts', 'browser');
const skip = chromiumMissing();

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dist: string;

before(async () => {
  if (skip) return;
  dist = mkdtempSync(path.join(tmpdir(), 'pp-browser-'));
  const site = await browserSite();
  for await (const p of sitePages(site, factsOf(site.articles))) {
    const file = path.join(dist, p.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, p.content);
  }
  server = await serveStatic(dist);
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Opens a tab that records console errors and uncaught exceptions. */
async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<{ tab: Tab; errors: string[] }> {
  const tab = await browser.newPage({ viewport });
  const errors: string[] = [];
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  tab.on('pageerror', (e) => errors.push(e.message));
  const res = await tab.goto(server.url + url);
  assert.equal(res?.status(), 200, `GET ${url}`);
  return { tab, errors };
}

/** axe-core violations of impact serious or critical. */
async function seriousViolations(tab: Tab): Promise<string[]> {
  await tab.addScriptTag({ content: axeSource });
  const result = await tab.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

test('home: renders, no console errors, no serious accessibility violations, screenshot kept', { skip }, async () => {
  const { tab, errors } = await open('/');
  assert.equal(await tab.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await tab.locator('h1').count(), 1);
  assert.ok((await tab.locator('.lead-story a').count()) > 0);
  await tab.screenshot({ path: path.join(artifacts, 'home.png'), fullPage: true });
  assert.deepEqual(await seriousViolations(tab), []);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('article: follow a lead story; the three sidebars have links that load', { skip }, async () => {
  const { tab, errors } = await open('/');
  await Promise.all([tab.waitForURL(/\/articles\//), tab.locator('.lead-story a').first().click()]);
  assert.equal(await tab.locator('h1').count(), 1);
  for (const id of ['related', 'ranking', 'latest']) {
    const links = tab.locator(`.sidebar-${id} a`);
    assert.ok((await links.count()) > 0, `${id} sidebar has links`);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const res = await tab.request.get(href);
      assert.equal(res.status(), 200, `${id}: ${href}`);
    }
  }
  await tab.screenshot({ path: path.join(artifacts, 'article.png'), fullPage: true });
  assert.deepEqual(await seriousViolations(tab), []);
  assert.deepEqual(errors, []);
  await tab.close();
});

/** Submits the header search form and returns the result titles once the search page has shown them. */
async function search(tab: Tab, query: string): Promise<string[]> {
  await tab.fill('#site-search', query);
  await Promise.all([tab.waitForURL(/\/search\/\?q=/), tab.press('#site-search', 'Enter')]);
  // The page marks itself done once the results and their snippets are in; the status names the query.
  await tab.locator('#search[data-state="done"] .search-status', { hasText: query }).waitFor({ timeout: 15_000 });
  return tab.locator('.search-result-title a').allTextContents();
}

test('search: Chinese words find the right sample, with highlighted snippets', { skip }, async () => {
  const { tab, errors } = await open('/');
  assert.match((await search(tab, '江北新区'))[0]!, /南京江北新区/);
  assert.match((await tab.locator('.search-status').textContent()) ?? '', /找到 \d+ 篇/);
  assert.ok((await tab.locator('.search-result-snippet mark').allTextContents()).length > 0, 'snippets mark the hit');
  // 丹佛斯 is a company in two samples; the one that is about its project ranks first.
  const danfoss = await search(tab, '丹佛斯');
  assert.equal(danfoss.length, 2, danfoss.join(' | '));
  assert.match(danfoss[0]!, /镇江高新区抓牢项目建设/);
  assert.deepEqual(await search(tab, 'zzqxv'), []);
  assert.match((await tab.locator('.search-status').textContent()) ?? '', /没有找到/);
  assert.equal(await tab.getAttribute('.search-status', 'aria-live'), 'polite');
  assert.deepEqual(await seriousViolations(tab), []);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('traditional edition: the 繁體 link opens the same page in traditional script, and search works there', { skip }, async () => {
  const { tab, errors } = await open('/');
  await Promise.all([tab.waitForURL(/\/zh-hant\/$/), tab.click('a[hreflang="zh-TW"]')]);
  assert.equal(await tab.getAttribute('html', 'lang'), 'zh-TW');
  assert.match((await tab.locator('.site-title').textContent()) ?? '', /園區新聞/);
  assert.match((await search(tab, '江北新區'))[0]!, /南京江北新區/);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('phone viewport: no horizontal scroll on home, article and search', { skip }, async () => {
  const { tab, errors } = await open('/', { width: 360, height: 740 });
  const article = await tab.locator('.lead-story a').first().getAttribute('href');
  for (const url of ['/', article!, '/search/']) {
    await tab.goto(server.url + url);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px`);
  }
  await tab.screenshot({ path: path.join(artifacts, 'article-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await tab.close();
});

test('dark mode and the skip link: still no serious violations; focus lands on main', { skip }, async () => {
  const { tab } = await open('/');
  await tab.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await seriousViolations(tab), []);
  await tab.keyboard.press('Tab');
  assert.equal(await tab.evaluate(() => document.activeElement?.className), 'skip-link');
  await tab.keyboard.press('Enter');
  assert.equal(await tab.evaluate(() => document.activeElement?.id), 'main');
  await tab.close();
});
