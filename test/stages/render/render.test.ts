import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPages } from '../../helpers/pages.js';
import type { Page } from '../../../src/model/index.js';
import { fixtureSite } from './site-fixture.js';
import { brokenLinks, linksIn } from './link-walker.js';
import { sitePages } from '../../../src/run/pages.js';
import { factsOf } from '../../../src/run/per-file/facts.js';

const html = (pages: Page[], path: string): string => {
  const page = pages.find((p) => p.path === path);
  assert.ok(page, `page ${path} exists`);
  return String(page.content);
};

test('every internal link of every page resolves to a rendered page', async () => {
  const pages = await renderPages(fixtureSite());
  assert.ok(pages.length > 20);
  assert.deepEqual(brokenLinks(pages), []);
});

test('links still resolve when the site lives under a path prefix', async () => {
  const pages = await renderPages(fixtureSite({ pathPrefix: '/parks-news' }));
  assert.deepEqual(brokenLinks(pages, '/parks-news'), []);
  const internal = linksIn(html(pages, 'index.html')).filter((h) => !/^(?:https?:|#)/.test(h));
  assert.ok(internal.length > 5 && internal.every((h) => h.startsWith('/parks-news/')), internal.join(' '));
});

test('the link walker reports a missing target and a missing anchor', () => {
  const pages: Page[] = [{ path: 'index.html', content: '<a href="/gone/">x</a><a href="/#nope">y</a><a href="/">z</a>' }];
  assert.deepEqual(
    brokenLinks(pages).map((b) => b.reason),
    ['no page gone/index.html', 'no id "nope" in index.html'],
  );
});

test('home, article, keyword and park pages are rendered, in Chinese, with readable URLs', async () => {
  const site = fixtureSite();
  const pages = await renderPages(site);
  const paths = pages.map((p) => p.path);
  for (const p of [
    'index.html',
    '404.html',
    'style.css',
    'keywords/集成电路/index.html',
    'parks/南京江北新区/index.html',
    'sources/新华网/index.html',
    'archive/2024/03/index.html',
    'articles/undated/' + site.bySlug.get(site.latest.at(-1)!)!.slug + '/index.html',
  ]) {
    assert.ok(paths.includes(p), `${p} rendered`);
  }
  for (const p of pages.filter((x) => x.path.endsWith('.html'))) {
    assert.match(String(p.content), /^<!DOCTYPE html>\n<html lang="zh-CN">/, p.path);
    assert.equal(String(p.content).match(/<h1[\s>]/g)?.length, 1, `one h1 in ${p.path}`);
  }
});

test('an article page has the three sidebars filled with links to other articles', async () => {
  const site = fixtureSite();
  const pages = await renderPages(site);
  const slug = site.latest[0]!;
  const page = html(pages, `${site.urls.get(slug)!.slice(1)}index.html`);
  for (const id of ['related', 'ranking', 'latest']) {
    const section = new RegExp(`<section class="sidebar sidebar-${id}"[\\s\\S]*?</section>`).exec(page)?.[0];
    assert.ok(section, `${id} sidebar present`);
    assert.ok(linksIn(section).length > 0, `${id} sidebar has links`);
  }
  const related = /<section class="sidebar sidebar-related"[\s\S]*?<\/section>/.exec(page)![0];
  assert.ok(!linksIn(related).includes(encodeURI(site.urls.get(slug)!)), 'an article is never related to itself');
  assert.match(page, /<h2 id="sidebar-related">相关阅读<\/h2>/);
  assert.match(page, /<h2 id="sidebar-ranking">排行<\/h2>/);
  assert.match(page, /<h2 id="sidebar-latest">最新<\/h2>/);
});

test('no page contains markup that came from article text', async () => {
  const pages = await renderPages(fixtureSite());
  const all = pages
    .filter((p) => p.path.endsWith('.html'))
    .map((p) => String(p.content))
    .join('\n');
  for (const markup of [
    '<b>标题</b>',
    '<script>alert(1)</script>',
    '<i>来源</i>',
    '<img src=x',
    '<span onclick',
    '<div>整块',
    'href="javascript:',
  ]) {
    assert.ok(!all.includes(markup), `no raw ${markup}`);
  }
  assert.ok(all.includes('&lt;b&gt;标题&lt;/b&gt;'), 'the title is shown as text');
  assert.ok(all.includes('&lt;div&gt;整块 HTML&lt;/div&gt;'), 'raw HTML in the body is shown as text');
});

test('near-duplicates get no page of their own', async () => {
  const pages = await renderPages(fixtureSite());
  assert.ok(!pages.some((p) => String(p.content).includes('（转载）')));
});

test('rendering the same site twice gives byte-identical pages', async () => {
  const [one, two] = [await renderPages(fixtureSite()), await renderPages(fixtureSite())];
  assert.deepEqual(one, two);
});

test('the page stream gives each path once, in the same order every time', async () => {
  const paths = async (): Promise<string[]> => {
    const seen: string[] = [];
    const site = fixtureSite({ search: false, traditional: { enabled: true, variant: 'tw', dir: 'zh-hant' } });
    for await (const page of sitePages(site, factsOf(site.articles))) seen.push(page.path);
    return seen;
  };
  const [one, two] = [await paths(), await paths()];
  assert.deepEqual(one, two);
  assert.equal(new Set(one).size, one.length);
  assert.ok(one.includes('zh-hant/index.html') && one.includes('sitemap.xml'));
});
