import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultTemplatesDir } from '../../../src/stages/render/environment.js';
import { renderPages } from '../../helpers/pages.js';
import { traditionalOnlyIn } from '../../../src/stages/normalize/core/opencc.js';
import type { Page, Site } from '../../../src/model/index.js';
import { seedsDir, sharedMissing } from '../../helpers/paths.js';
import { brokenLinks, linksIn } from './link-walker.js';
import { sampleSite } from './sample-site.js';

let built: { site: Site; pages: Page[] } | undefined;
async function samples(): Promise<{ site: Site; pages: Page[] }> {
  if (!built) {
    const site = await sampleSite({ search: false });
    built = { site, pages: await renderPages(site) };
  }
  return built;
}

const html = (pages: Page[]): Page[] => pages.filter((p) => p.path.endsWith('.html'));

test('the sample site: a page per sample with all three sidebars filled', async () => {
  const { site, pages } = await samples();
  assert.equal(site.articles.length, 5);
  for (const a of site.articles) {
    const page = String(pages.find((p) => p.path === `${site.urls.get(a.slug)!.slice(1)}index.html`)!.content);
    for (const id of ['related', 'ranking', 'latest']) {
      const section = new RegExp(`<section class="sidebar sidebar-${id}"[\\s\\S]*?</section>`).exec(page)![0];
      assert.ok(linksIn(section).length > 0, `${a.file}: ${id} sidebar has links`);
    }
  }
});

test('the sample site: every internal link resolves', async () => {
  assert.deepEqual(brokenLinks((await samples()).pages), []);
});

/** Text of the element with class `cls` (the first `<div class="cls">` … `</div>` block). */
function block(html: string, cls: string): string {
  return new RegExp(`<div class="${cls}">([\\s\\S]*?)</div>`).exec(html)?.[1] ?? '';
}

const text = (html: string): string => html.replace(/<[^>]*>/g, ' ');

test('the sample site: no traditional-only character or pinyin annotation on any page', async () => {
  for (const page of html((await samples()).pages)) {
    const t = text(String(page.content));
    assert.deepEqual(traditionalOnlyIn(t), [], `${page.path}: traditional-only characters`);
    assert.doesNotMatch(t, /\p{Script=Han}\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/u, `${page.path}: pinyin annotation`);
  }
});

test(
  'the sample site: page furniture from expected.json appears nowhere, except as a label or field the site prints',
  { skip: sharedMissing() },
  async () => {
    const { site, pages } = await samples();
    const expected = JSON.parse(readFileSync(path.join(seedsDir, 'expected.json'), 'utf8')).articles as Record<
      string,
      { body_must_not_contain: string[] }
    >;
    // 来源 and 关键词 are also the site's own labels, and a byline name (高轩) is shown as the author:
    // those may appear outside the article body, nothing else may appear anywhere.
    const templates = readdirSync(defaultTemplatesDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.njk'))
      .map((f) => readFileSync(path.join(defaultTemplatesDir, f), 'utf8'))
      .join('\n');
    const fields = site.articles.flatMap((a) => [
      ...a.authors,
      ...a.editors,
      ...a.keywords,
      ...a.computedKeywords,
      ...a.parks,
      a.source ?? '',
    ]);
    const printed = (s: string): boolean => templates.includes(s) || fields.some((f) => f.includes(s));
    for (const [file, e] of Object.entries(expected)) {
      const a = site.articles.find((x) => x.file === file)!;
      const body = block(String(pages.find((p) => p.path === `${site.urls.get(a.slug)!.slice(1)}index.html`)!.content), 'article-body');
      for (const s of e.body_must_not_contain) assert.ok(!text(body).includes(s), `${file}: body contains "${s}"`);
    }
    const furniture = [...new Set(Object.values(expected).flatMap((e) => e.body_must_not_contain))].filter((s) => !printed(s));
    for (const page of html(pages)) {
      const t = text(String(page.content));
      for (const s of furniture) assert.ok(!t.includes(s), `${page.path} contains "${s}"`);
    }
  },
);
