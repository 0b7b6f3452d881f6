// 相关阅读 as a reader sees it, in Chromium, on the judged site (the five samples plus every third
// tw-news article): the article pages list only what the judgments (test/fixtures/related/) call relevant.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Page, Site } from '../../src/model/index.js';
import { previewRenderer } from '../../src/stages/render/preview.js';
import { copyPublic } from '../../src/stages/render/public.js';
import { judgedBuild, readJudgments, type Judgments } from '../helpers/judged-site.js';
import { projectRoot, sharedMissing } from '../helpers/paths.js';
import { chromiumMissing, launchChromium } from './chromium.js';
import { serveStatic } from './server.js';

const artifacts = path.join(projectRoot, 'test-artifacts', 'browser');
const skip = chromiumMissing() || sharedMissing();

let browser: Browser;
let site: Site;
let url: string;
let judgments: Judgments;
const cleanup: (() => Promise<void>)[] = [];

/** Writes the judged articles' pages (as a full build renders them) and the static files, and serves them. */
async function serveJudged(): Promise<string> {
  const built = await judgedBuild();
  site = built.site;
  const slugs = Object.keys(judgments).map((file) => site.articles.find((a) => a.file === file)!.slug);
  const pages: Page[] = [
    ...previewRenderer(site.config)(site, built.facts, { articles: slugs, terms: [] }),
    ...(await copyPublic(site.config)),
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-related-'));
  for (const p of pages) {
    const file = path.join(dir, p.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, p.content);
  }
  const server = await serveStatic(dir);
  cleanup.push(server.close, async () => rmSync(dir, { recursive: true, force: true }));
  return server.url;
}

before(async () => {
  if (skip) return;
  judgments = readJudgments();
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
  url = await serveJudged();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  for (const c of cleanup) await c();
});

/** The files of the articles an article page's 相关阅读 links to, in the order shown. */
async function shownRelated(file: string, screenshot?: string): Promise<string[]> {
  const article = site.articles.find((a) => a.file === file)!;
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(`${url}${site.urls.get(article.slug)}`);
  const hrefs = await tab.locator('.sidebar-related a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  if (screenshot) await tab.locator('.sidebar-related').screenshot({ path: path.join(artifacts, screenshot) });
  await tab.close();
  const bySlugUrl = new Map([...site.urls].map(([slug, u]) => [u, slug]));
  return hrefs.map((h) => site.bySlug.get(bySlugUrl.get(h)!)!.file);
}

test("相关阅读 on the samples' pages: only items judged relevant, and at least one each", { skip }, async () => {
  const samples = Object.keys(judgments).filter((f) => !/^\d+\.txt$/.test(f));
  assert.equal(samples.length, 5);
  for (const [i, file] of samples.entries()) {
    const shown = await shownRelated(file, i === 0 ? 'related-sample.png' : undefined);
    assert.ok(shown.length > 0, `${file} shows related items`);
    for (const other of shown) assert.equal(judgments[file]![other]?.verdict, 'relevant', `${file} -> ${other}`);
  }
});

test('相关阅读 on every judged page: what the page lists is judged, at least 85% relevant', { skip }, async () => {
  let shown = 0;
  let relevant = 0;
  for (const file of Object.keys(judgments)) {
    const list = await shownRelated(file);
    assert.deepEqual(
      list,
      (site.related.get(site.articles.find((a) => a.file === file)!.slug) ?? []).map((s) => site.bySlug.get(s)!.file),
    );
    for (const other of list) {
      const verdict = judgments[file]![other]?.verdict;
      assert.ok(verdict, `${file} -> ${other} is not judged (npm run related-judged -- --show)`);
      shown++;
      if (verdict === 'relevant') relevant++;
    }
  }
  assert.ok(shown > 0 && relevant / shown >= 0.85, `${relevant}/${shown} relevant`);
});
