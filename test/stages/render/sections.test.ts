// 栏目 on the rendered site: the article's breadcrumb, section list pages and the header's section row (issue 19).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite } from '../../../src/stages/site/index.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import { NAV_SECTIONS } from '../../../src/stages/render/context.js';
import type { Page, Site } from '../../../src/model/index.js';
import { renderPages } from '../../helpers/pages.js';
import { makeArticle } from '../../helpers/articles.js';
import { brokenLinks } from './link-walker.js';
import { fixtureConfig, fixtureSite } from './site-fixture.js';
import { sectionSite } from './section-site.js';

const TRADITIONAL = { traditional: { enabled: true, variant: 'tw' as const, dir: 'zh-hant' } };

let built: { site: Site; pages: Page[] } | undefined;
/** The samples and the breadcrumb fixtures, one article per list page, in both scripts. */
async function sections(): Promise<{ site: Site; pages: Page[] }> {
  if (!built) {
    const site = await sectionSite({ pageSize: 1, ...TRADITIONAL });
    built = { site, pages: await renderPages(site) };
  }
  return built;
}

function html(pages: Page[], path: string): string {
  const page = pages.find((p) => p.path === path);
  assert.ok(page, `page ${path}`);
  return String(page.content);
}

/** The element `<tag class="cls"` … its closing tag (no nesting of the same tag inside). */
function element(page: string, tag: string, cls: string): string | null {
  return new RegExp(`<${tag} class="${cls}"[\\s\\S]*?</${tag}>`).exec(page)?.[0] ?? null;
}

const pagePath = (site: Site, file: string): string => {
  const a = site.articles.find((x) => x.file === file)!;
  return `${site.urls.get(a.slug)!.slice(1)}index.html`;
};

test('article page: the breadcrumb 首页 › section › headline, as a labelled nav with an ordered list', async () => {
  const { site, pages } = await sections();
  const crumb = element(html(pages, pagePath(site, '003_a94316a78cdbf75f.txt')), 'nav', 'breadcrumb');
  assert.ok(crumb, 'breadcrumb on the page');
  assert.match(crumb, /aria-label="面包屑导航"/);
  const items = [...crumb.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[0]);
  assert.equal(items.length, 3);
  assert.match(crumb, /^<nav[^>]*>\s*<ol>/);
  assert.match(items[0]!, /<a href="\/">首页<\/a>/);
  assert.match(items[1]!, new RegExp(`<a href="${encodeURI('/sections/财经/')}">财经</a>`));
  assert.match(items[2]!, /aria-current="page">南京江北新区开展“四大行动”/);
});

test('article page: no breadcrumb where the page states no section; where it does, it sits outside the article', async () => {
  const { site, pages } = await sections();
  const plain = html(pages, pagePath(site, '000_9f6095f70a76f921.txt'));
  assert.equal(element(plain, 'nav', 'breadcrumb'), null);
  const page = html(pages, pagePath(site, 'park-news.txt'));
  const body = /<article class="article">[\s\S]*<\/article>/.exec(page)![0];
  assert.ok(!body.includes('面包屑'), 'the breadcrumb is outside the article element');
});

test('section pages: paginated like the other taxonomies, in both editions, with an index, in the sitemap', async () => {
  const { pages } = await sections();
  const paths = pages.map((p) => p.path).filter((p) => p.includes('sections/'));
  assert.deepEqual(paths.filter((p) => !p.startsWith('zh-hant/')).sort(), [
    'sections/index.html',
    'sections/园区动态/index.html',
    'sections/招商引资/index.html',
    'sections/财经/index.html',
    'sections/财经/page/2/index.html',
  ]);
  assert.deepEqual(
    paths.filter((p) => p.startsWith('zh-hant/')),
    paths.filter((p) => !p.startsWith('zh-hant/')).map((p) => `zh-hant/${p}`),
  );
  const first = html(pages, 'sections/财经/index.html');
  assert.match(first, /<p class="kicker">栏目<\/p>\s*<h1>财经<\/h1>/);
  assert.match(first, /苏州工业园区跨境电商产业园/, 'the newest article first');
  assert.match(html(pages, 'sections/财经/page/2/index.html'), /南京江北新区开展/);
  assert.match(html(pages, 'zh-hant/sections/财经/index.html'), /<h1>財經<\/h1>/);
  const index = html(pages, 'sections/index.html');
  assert.deepEqual(
    [...index.matchAll(/<li><a href="[^"]+">([^<]+)<\/a> <span class="count">(\d+)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`),
    ['财经 2', '园区动态 1', '招商引资 1'],
  );
  const sitemap = html(pages, 'sitemap.xml');
  for (const url of ['/sections/', '/sections/财经/', '/sections/财经/page/2/', '/zh-hant/sections/财经/'])
    assert.ok(sitemap.includes(`${encodeURI(url)}</loc>`), `sitemap lists ${url}`);
});

test('header: a 栏目 row of the sections, most articles first, the current one marked', async () => {
  const { pages } = await sections();
  const row = element(html(pages, 'index.html'), 'nav', 'section-nav');
  assert.ok(row, 'section row on the home page');
  assert.match(row, /aria-label="栏目"/);
  assert.deepEqual(
    [...row.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]),
    ['财经', '园区动态', '招商引资'],
  );
  assert.ok(!row.includes('aria-current'), 'no section is current on the home page');
  assert.ok(!row.includes('全部栏目'), 'three sections need no link to all');
  const onSection = element(html(pages, 'sections/财经/page/2/index.html'), 'nav', 'section-nav')!;
  assert.match(onSection, /<a href="[^"]+" aria-current="page">财经<\/a>/);
  assert.equal(onSection.match(/aria-current/g)!.length, 1);
  // The site's own navigation is no longer called 栏目: two landmarks, two names.
  assert.match(html(pages, 'index.html'), /<nav class="site-nav" aria-label="网站导航">/);
});

test('header: with many sections, the biggest NAV_SECTIONS and a link to all of them', async () => {
  const names = Array.from({ length: NAV_SECTIONS + 3 }, (_, i) => `栏目${String.fromCharCode(0x7532 + i)}`);
  // Section i has i + 1 articles: the last names are the biggest.
  const articles = names.flatMap((name, i) =>
    Array.from({ length: i + 1 }, (_, k) =>
      makeArticle({ file: `${i}-${k}.txt`, title: `${name}第${k}篇`, category: name, body: '正文。' }),
    ),
  );
  const site = buildSite(articles, factsOf(articles), fixtureConfig({ search: false }));
  const pages = await renderPages(site);
  const row = element(html(pages, 'index.html'), 'nav', 'section-nav')!;
  const links = [...row.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [decodeURI(m[1]!), m[2]]);
  assert.deepEqual(
    links.slice(0, -1).map(([, name]) => name),
    names.slice(-NAV_SECTIONS).reverse(),
  );
  assert.deepEqual(links.at(-1), ['/sections/', '全部栏目']);
  assert.equal((html(pages, 'sections/index.html').match(/class="count"/g) ?? []).length, names.length);
  assert.deepEqual(brokenLinks(pages), []);
});

test('a site whose pages state no section: no section pages, no 栏目 row, no breadcrumb', async () => {
  const pages = await renderPages(fixtureSite({ ...TRADITIONAL }));
  assert.deepEqual(
    pages.map((p) => p.path).filter((p) => p.includes('sections')),
    [],
  );
  for (const p of pages.filter((x) => x.path.endsWith('.html'))) {
    const page = String(p.content);
    assert.ok(!page.includes('section-nav') && !page.includes('breadcrumb'), p.path);
  }
  assert.ok(!html(pages, 'sitemap.xml').includes('/sections/'));
});

test('every internal link of the site with sections resolves, in both editions', async () => {
  assert.deepEqual(brokenLinks((await sections()).pages), []);
});

test('feeds: an article’s section is its first category', async () => {
  const { pages } = await sections();
  const item = /<item>[\s\S]*?<\/item>/g;
  const rss = [...html(pages, 'feed.xml').matchAll(item)].map((m) => m[0]);
  const finance = rss.find((i) => i.includes('南京江北新区开展'))!;
  const categories = [...finance.matchAll(/<category>([^<]+)<\/category>/g)].map((m) => m[1]);
  assert.equal(categories[0], '财经');
  assert.equal(new Set(categories).size, categories.length, 'each category once');
});
