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
import { createMarkdown } from '../../src/stages/render/markdown.js';

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

/**
 * For each width from 120 to 400 px, whether a line of an element of `selector` starts with 、，。:
 * the element is narrowed in place and each such character's box compared with its line's start.
 */
function punctuationStartingLines(selector: string): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const marks: Range[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      for (const m of (n.textContent ?? '').matchAll(/[、，。]/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + 1);
        marks.push(r);
      }
    for (let w = 120; w <= 400; w += 3) {
      el.style.width = `${w}px`;
      const left = el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).paddingLeft);
      for (const r of marks) if (Math.abs(r.getBoundingClientRect().left - left) < 1) found.push(`${w}px: ${r.toString()}`);
    }
    el.style.width = '';
  }
  return found;
}

test(
  'a long sample article on a phone: its 644-character paragraph is shown split, left-aligned, no line starts with 、',
  { skip },
  async () => {
    const site = await sampleSite({}, { year: 2026 });
    const long = site.articles.find((a) => a.file.startsWith('002_'))!;
    const url = await serve(site);
    const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(url + site.urls.get(long.slug)!);
    const shown = await tab.locator('.article-body p').allTextContents();
    const longest = Math.max(...shown.map((p) => [...p.trim()].length));
    assert.ok(longest <= 300, `the longest paragraph shown has ${longest} characters`);
    const whole = (createMarkdown(0).render(long.body).match(/<p>/g) ?? []).length;
    assert.ok(shown.length > whole, `${shown.length} paragraphs shown, ${whole} in the source`);
    const align = await tab
      .locator('.article-body p')
      .first()
      .evaluate((p) => getComputedStyle(p).textAlign);
    assert.ok(['start', 'left'].includes(align), align);
    assert.deepEqual(await tab.evaluate(punctuationStartingLines, '.article-footer .terms'), []);
    await tab.screenshot({ path: path.join(artifacts, 'article-long-phone.png'), fullPage: true });
    await tab.close();
  },
);
