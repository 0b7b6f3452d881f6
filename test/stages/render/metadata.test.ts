import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPages } from '../../helpers/pages.js';
import { readingMinutes, readingUnits } from '../../../src/text/reading.js';
import { plainText } from '../../../src/text/markdown.js';
import { summarize } from '../../../src/text/summary.js';
import { fixtureSite } from './site-fixture.js';
import { brokenLinks } from './link-walker.js';
import { pagerNumbers } from '../../../src/stages/render/view.js';

test('reading time counts CJK characters, not spaces', () => {
  assert.deepEqual(readingUnits('江北新区 2024 年 GDP growth'), { cjk: 5, latin: 3 });
  // A character outside the BMP (𠮷, two UTF-16 units) is one character; kana and hangul count too.
  assert.deepEqual(readingUnits('𠮷野家の牛丼 A1 한국'), { cjk: 8, latin: 1 });
  assert.equal(readingMinutes('字'.repeat(1200)), 3);
  assert.equal(readingMinutes('短'), 1);
});

test('summaries cut at a sentence end within the limit, counting characters', () => {
  const text = `${'甲'.repeat(70)}。${'乙'.repeat(70)}。`;
  assert.equal(summarize(text, 100), `${'甲'.repeat(70)}。`);
  assert.equal(summarize('丙'.repeat(150), 100), `${'丙'.repeat(100)}…`);
  assert.equal(plainText('## 小标题\n\n正文**强调**。'), '小标题\n正文强调。');
});

test('article pages carry canonical and Open Graph tags with absolute URLs', async () => {
  const site = fixtureSite({ search: false, baseUrl: 'https://news.example.cn' });
  const pages = await renderPages(site);
  const slug = site.latest[0]!;
  const html = String(pages.find((p) => p.path === `${site.urls.get(slug)!.slice(1)}index.html`)!.content);
  const url = `https://news.example.cn${site.urls.get(slug)}`;
  assert.ok(html.includes(`<link rel="canonical" href="${url}">`));
  assert.ok(html.includes(`<meta property="og:url" content="${url}">`));
  assert.ok(html.includes('<meta property="og:type" content="article">'));
  assert.ok(html.includes(`<meta property="og:title" content="江北新区集成电路产业再提速">`));
  assert.match(html, /阅读约 1 分钟/);
});

test('list pages are paginated and the pager links resolve', async () => {
  const pages = await renderPages(fixtureSite({ search: false, pageSize: 1 }));
  const paths = pages.map((p) => p.path);
  assert.ok(paths.includes('parks/镇江高新区/page/2/index.html'));
  assert.ok(paths.includes('parks/镇江高新区/page/3/index.html'));
  assert.ok(!paths.includes('parks/镇江高新区/page/4/index.html'));
  const second = String(pages.find((p) => p.path === 'parks/镇江高新区/page/2/index.html')!.content);
  assert.match(second, /rel="prev"/);
  assert.match(second, /rel="next"/);
  assert.deepEqual(brokenLinks(pages), []);
});

test('traditional edition: converted text, same structure under its folder, links between editions', async () => {
  const site = fixtureSite({ search: false, traditional: { enabled: true, variant: 'tw', dir: 'zh-hant' } });
  const pages = await renderPages(site);
  const get = (p: string) => String(pages.find((x) => x.path === p)!.content);
  const home = get('index.html');
  const hant = get('zh-hant/index.html');
  assert.match(hant, /<html lang="zh-TW">/);
  assert.ok(hant.includes('園區新聞') && !hant.includes('园区新闻'));
  assert.ok(hant.includes('鎮江高新區'));
  assert.ok(home.includes('<a href="/zh-hant/" hreflang="zh-TW" lang="zh-TW">繁體</a>'));
  // The label is converted with the rest of the page: a traditional reader sees 簡體.
  assert.ok(hant.includes('<a href="/" hreflang="zh-CN" lang="zh-CN">簡體</a>'));
  assert.ok(
    pages.some((p) => p.path === 'zh-hant/parks/镇江高新区/index.html'),
    'term URLs keep their keys',
  );
  assert.deepEqual(brokenLinks(pages), []);
});

test('a user template replaces only the default template of the same name', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-templates-'));
  try {
    writeFileSync(path.join(dir, '404.njk'), '{% extends "base.njk" %}{% block main %}<h1>走丢了</h1>{% endblock %}');
    const pages = await renderPages(fixtureSite({ search: false, templatesDir: dir }));
    assert.match(String(pages.find((p) => p.path === '404.html')!.content), /<h1>走丢了<\/h1>/);
    assert.match(String(pages.find((p) => p.path === 'index.html')!.content), /class="lead-story"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pagers show first, last and the neighbours of the current page, with gaps', () => {
  assert.deepEqual(pagerNumbers(1, 3), [1, 2, 3]);
  assert.deepEqual(pagerNumbers(10, 40), [1, 0, 8, 9, 10, 11, 12, 0, 40]);
  assert.deepEqual(pagerNumbers(40, 40), [1, 0, 38, 39, 40]);
});

test('a syntax error in an included partial fails the render naming the partial, and nothing throws later', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-templates-'));
  const late: unknown[] = [];
  const onUncaught = (err: unknown) => late.push(err);
  process.on('uncaughtException', onUncaught);
  try {
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'partials', 'term-cloud.njk'), '{% if terms %}\n{% endif oops %}');
    await assert.rejects(renderPages(fixtureSite({ search: false, templatesDir: dir })), /partials[/\\]term-cloud\.njk.*\[Line 2/s);
    await new Promise((resolve) => setTimeout(resolve, 20)); // Nunjucks' own task queue would throw by now
    assert.deepEqual(late, []);
  } finally {
    process.off('uncaughtException', onUncaught);
    rmSync(dir, { recursive: true, force: true });
  }
});
