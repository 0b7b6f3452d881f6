import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderPages } from '../../helpers/pages.js';
import { rfc822 } from '../../../src/stages/render/feeds.js';
import { sitemapPages } from '../../../src/stages/render/sitemap.js';
import { editions } from '../../../src/stages/render/edition.js';
import { searchPages } from '../../../src/stages/search/index.js';
import type { Page } from '../../../src/model/index.js';
import { fixtureSite } from './site-fixture.js';

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'url', 'category', 'link', 'author'].includes(name),
});

async function pages(): Promise<Map<string, string>> {
  const out = await renderPages(fixtureSite({ search: false, baseUrl: 'https://news.example.cn', pathPrefix: '/zones' }));
  return new Map(out.map((p: Page) => [p.path, typeof p.content === 'string' ? p.content : '']));
}

function wellFormed(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, JSON.stringify(valid));
  return parser.parse(xml);
}

test('RSS 2.0: well-formed, required channel and item elements, RFC 822 dates, text escaped', async () => {
  const rss = wellFormed((await pages()).get('feed.xml')!).rss;
  assert.equal(rss['@version'], '2.0');
  const ch = rss.channel;
  assert.equal(ch.title, '园区新闻');
  assert.equal(ch.link[0], 'https://news.example.cn/zones/');
  assert.ok(ch.description);
  assert.match(ch.lastBuildDate, RFC822);
  assert.equal(ch['atom:link']['@href'], 'https://news.example.cn/zones/feed.xml');
  assert.equal(ch.item.length, 4, 'dated articles only; the duplicate is left out');
  for (const item of ch.item) {
    assert.match(item.pubDate, RFC822);
    assert.match(item.link[0], /^https:\/\/news\.example\.cn\/zones\/articles\/\d{4}\/\d{2}\/[^/]+\/$/);
    assert.equal(item.guid['#text'], item.link[0]);
  }
  assert.ok(
    ch.item.some((i: any) => i.title === '<b>标题</b><script>alert(1)</script>'),
    'markup in a title travels as text',
  );
});

test('Atom: well-formed, feed and entries carry id, title, updated (RFC 3339) and links', async () => {
  const feed = wellFormed((await pages()).get('atom.xml')!).feed;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.ok(feed.id && feed.title);
  assert.match(feed.updated, RFC3339);
  assert.ok(feed.link.some((l: any) => l['@rel'] === 'self' && l['@href'] === 'https://news.example.cn/zones/atom.xml'));
  assert.equal(feed.entry.length, 4);
  for (const e of feed.entry) {
    assert.ok(e.id && e.title);
    assert.match(e.updated, RFC3339);
    assert.equal(e.link[0]['@rel'], 'alternate');
    assert.equal(e.content['@type'], 'html');
  }
  assert.equal(feed.updated, '2024-03-20T18:44:00+08:00');
});

test('JSON Feed 1.1: version, items with id, url, content and RFC 3339 dates', async () => {
  const feed = JSON.parse((await pages()).get('feed.json')!);
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.feed_url, 'https://news.example.cn/zones/feed.json');
  assert.equal(feed.items.length, 4);
  for (const item of feed.items) {
    assert.ok(typeof item.id === 'string' && item.url === item.id);
    assert.ok(typeof item.content_html === 'string' && item.content_html.length > 0);
    assert.match(item.date_published, RFC3339);
  }
  assert.deepEqual(feed.items[0].tags, ['南京江北新区', '集成电路', '产业项目']);
});

test('sitemap lists every HTML page but 404 and search, with lastmod on articles; robots points at it', async () => {
  const all = await pages();
  const urls = wellFormed(all.get('sitemap.xml')!).urlset.url as { loc: string; lastmod?: string }[];
  const expected = [...all.keys()].filter((p) => p.endsWith('.html') && p !== '404.html' && p !== 'search/index.html');
  assert.equal(urls.length, expected.length);
  assert.ok(urls.every((u) => u.loc.startsWith('https://news.example.cn/zones/')));
  assert.equal(urls.filter((u) => u.lastmod).length, 4);
  assert.match(all.get('robots.txt')!, /^Sitemap: https:\/\/news\.example\.cn\/zones\/sitemap\.xml$/m);
});

test('RFC 822 dates come from the timestamp itself, whatever the machine time zone', () => {
  assert.equal(rfc822('2024-03-20T18:44:00+08:00'), 'Wed, 20 Mar 2024 18:44:00 +0800');
  assert.equal(rfc822('2021-11-21'), 'Sun, 21 Nov 2021 00:00:00 +0800');
});

test('a sitemap above the per-file limit becomes an index of sitemap files', () => {
  const paths = ['index.html', 'a/index.html', 'b/index.html', 'c/index.html', '404.html'];
  const out = sitemapPages(fixtureSite({ search: false }).config, paths, new Map(), 2);
  assert.deepEqual(
    out.map((p) => p.path),
    ['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml'],
  );
  const index = wellFormed(String(out[0]!.content)).sitemapindex;
  assert.equal(index.sitemap.length, 2);
  assert.equal(wellFormed(String(out[2]!.content)).urlset.url.length, 2);
});

test('the JSON files of the site hold no raw markup from an article: feed and search index escape "<", ">" and "&"', async () => {
  const site = fixtureSite({ baseUrl: 'https://news.example.cn' });
  const all = [...(await renderPages(site)), ...searchPages(site, editions(site.config))];
  const jsonFiles = all.filter((p) => p.path.endsWith('.json'));
  assert.ok(jsonFiles.length >= 4, jsonFiles.map((p) => p.path).join(' '));
  for (const p of jsonFiles) {
    const text = typeof p.content === 'string' ? p.content : Buffer.from(p.content).toString('utf8');
    assert.doesNotMatch(text, /[<>&]/, p.path);
    JSON.parse(text);
  }
  const feed = JSON.parse(all.find((p) => p.path === 'feed.json')!.content as string);
  assert.ok(feed.items.some((i: { title: string }) => i.title === '<b>标题</b><script>alert(1)</script>'));
});
