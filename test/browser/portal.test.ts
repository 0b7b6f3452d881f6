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

test('home: renders, no console errors, no serious accessibility violations', { skip }, async () => {
  const { tab, errors } = await open('/');
  assert.equal(await tab.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await tab.locator('h1').count(), 1);
  assert.ok((await tab.locator('.lead-story a').count()) > 0);
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

test('phone viewport: no horizontal scroll on home, article, section and search', { skip }, async () => {
  const { tab, errors } = await open('/', { width: 360, height: 740 });
  const article = await tab.locator('.lead-story a').first().getAttribute('href');
  const section = await tab.locator('.section-nav a').first().getAttribute('href');
  for (const url of ['/', article!, section!, '/search/']) {
    await tab.goto(server.url + url);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px`);
  }
  assert.deepEqual(errors, []);
  await tab.close();
});

/** axe-core's heading-order check alone (a moderate rule, so seriousViolations does not report it). */
async function headingOrder(tab: Tab): Promise<string[]> {
  await tab.addScriptTag({ content: axeSource });
  const result = await tab.evaluate(async () =>
    (window as any).axe.run(document, { runOnly: ['heading-order'], resultTypes: ['violations'] }),
  );
  return (result.violations as { nodes: { target: string[] }[] }[]).flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
}

/** Every link inside `selector` answers 200. */
async function linksLoad(tab: Tab, selector: string): Promise<number> {
  const hrefs = await tab.locator(`${selector} a`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) assert.equal((await tab.request.get(href)).status(), 200, href);
  return hrefs.length;
}

test('sections: the header 栏目 row opens the section page; its article shows the breadcrumb back', { skip }, async () => {
  const { tab, errors } = await open('/');
  // Sample 003 states 当前位置: 首页 -> 财经: the site has one section, 财经.
  assert.deepEqual(await tab.locator('nav[aria-label="栏目"] a').allTextContents(), ['财经']);
  await Promise.all([tab.waitForURL(/\/sections\/.+\/$/), tab.click('nav[aria-label="栏目"] >> text=财经')]);
  assert.equal(await tab.locator('h1').textContent(), '财经');
  assert.equal(await tab.getAttribute('nav[aria-label="栏目"] a', 'aria-current'), 'page');
  assert.ok((await linksLoad(tab, 'main')) > 0, 'the section lists articles');
  assert.deepEqual(await seriousViolations(tab), []);
  assert.deepEqual(await headingOrder(tab), []);

  await Promise.all([tab.waitForURL(/\/articles\//), tab.locator('main .article-item a').first().click()]);
  const crumbs = tab.locator('nav[aria-label="面包屑导航"] ol > li');
  assert.equal(await crumbs.count(), 3);
  assert.deepEqual((await crumbs.allTextContents()).slice(0, 2), ['首页', '财经']);
  assert.equal(await crumbs.nth(2).textContent(), await tab.locator('h1').textContent());
  assert.equal(await crumbs.nth(2).getAttribute('aria-current'), 'page');
  // The separator is drawn by CSS and not read out.
  assert.equal(await crumbs.nth(1).evaluate((li) => getComputedStyle(li, '::before').content), '"›" / ""');
  assert.equal(await linksLoad(tab, 'nav[aria-label="面包屑导航"]'), 2);
  assert.deepEqual(await seriousViolations(tab), []);
  assert.deepEqual(await headingOrder(tab), []);
  await Promise.all([tab.waitForURL(/\/sections\/.+\/$/), tab.click('nav[aria-label="面包屑导航"] >> text=财经')]);
  await tab.goBack();
  await Promise.all([tab.waitForURL(`${server.url}/`), tab.click('nav[aria-label="面包屑导航"] >> text=首页')]);
  assert.deepEqual(errors, []);
  await tab.close();
});

const DEVICES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

test('screenshots kept: home, article, section and search pages on desktop (1280) and phone (390)', { skip }, async () => {
  const { tab: home } = await open('/');
  const urls = {
    home: '/',
    // The newest sample: the one whose page states its section, so the breadcrumb shows.
    article: (await home.locator('.lead-story a').first().getAttribute('href'))!,
    section: (await home.locator('.section-nav a').first().getAttribute('href'))!,
    search: `/search/?q=${encodeURIComponent('江北新区')}`,
  };
  await home.close();
  for (const [device, viewport] of Object.entries(DEVICES)) {
    for (const [kind, url] of Object.entries(urls)) {
      const { tab, errors } = await open(url, viewport);
      if (kind === 'search') await tab.locator('#search[data-state="done"] .search-result').first().waitFor({ timeout: 15_000 });
      if (kind === 'article') assert.equal(await tab.locator('nav.breadcrumb').count(), 1, 'the article shown has its breadcrumb');
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${kind} on ${device} scrolls sideways by ${overflow}px`);
      await tab.screenshot({ path: path.join(artifacts, `${kind}-${device}.png`), fullPage: true });
      assert.deepEqual(errors, [], `${kind} on ${device}`);
      await tab.close();
    }
  }
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
