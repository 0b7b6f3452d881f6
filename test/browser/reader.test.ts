// What a reader sees of 排行 and of long articles, in Chromium, on sites built from the five samples.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Site } from '../../src/model/index.js';
import { projectRoot } from '../helpers/paths.js';
import { chromiumMissing, launchChromium } from './chromium.js';
import { serveStatic } from './server.js';
import { sampleSite } from '../stages/render/sample-site.js';
import { sitePages } from '../../src/run/pages.js';
import { factsOf } from '../../src/run/per-file/facts.js';

const artifacts = path.join(projectRoot, 'test-artifacts', 'browser');
const skip = chromiumMissing();

let browser: Browser;
const served: { dir: string; close: () => Promise<void> }[] = [];

before(async () => {
  if (skip) return;
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  for (const s of served) {
    await s.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
});

/** Writes a site's pages to a fresh folder and serves it; returns its URL. */
async function serve(site: Site): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-reader-'));
  for await (const p of sitePages(site, factsOf(site.articles))) {
    const file = path.join(dir, p.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, p.content);
  }
  const server = await serveStatic(dir);
  served.push({ dir, close: server.close });
  return server.url;
}

/** The home page's 排行 as a reader sees it: the note under its heading and the titles in order. */
async function ranking(url: string): Promise<{ note: string; titles: string[]; latest: string[] }> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(`${url}/`);
  const note = ((await tab.locator('.sidebar-ranking .sidebar-note').textContent()) ?? '').trim();
  const titles = await tab.locator('.sidebar-ranking li a').allTextContents();
  const latest = await tab.locator('.sidebar-latest li a').allTextContents();
  await tab.close();
  return { note, titles, latest };
}

/** How often each slug is chosen in the site's 相关阅读. */
function picks(site: Site): Map<string, number> {
  const n = new Map<string, number>();
  for (const list of site.related.values()) for (const s of list) n.set(s, (n.get(s) ?? 0) + 1);
  return n;
}

test('排行 without any view data: says so, and leads with the article chosen most as related', { skip }, async () => {
  const site = await sampleSite({}, { year: 2026 }, (a) => ({ ...a, views: null }));
  const { note, titles, latest } = await ranking(await serve(site));
  assert.match(note, /相关阅读引用次数/);
  assert.match(note, /暂无阅读量/);
  const chosen = picks(site);
  const most = Math.max(...chosen.values());
  const first = site.articles.find((a) => a.title === titles[0]);
  assert.equal(chosen.get(first!.slug), most, `${titles[0]} is chosen ${chosen.get(first!.slug)} times, the most is ${most}`);
  assert.notDeepEqual(titles, latest, '排行 is not the latest list');
});

test('排行 with page views: the article an analytics file gives most views leads, and the note says views', { skip }, async () => {
  const plain = await sampleSite({}, { year: 2026 });
  const last = plain.bySlug.get(plain.ranking.at(-1)!)!;
  const site = await sampleSite({}, { year: 2026, pageviews: new Map([[last.file, 100_000]]) });
  const { note, titles } = await ranking(await serve(site));
  assert.equal(titles[0], last.title);
  assert.match(note, /^按阅读量/);
});
