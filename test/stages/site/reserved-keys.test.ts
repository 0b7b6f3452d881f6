// Term keys and article slugs never take a name the site writes its own files under (issue 18).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyChange, pathKey } from '../../../src/model/index.js';
import { buildSite } from '../../../src/stages/site/index.js';
import { urlKeyDiagnostics } from '../../../src/stages/site/urls.js';
import { articleTerms } from '../../../src/stages/site/taxonomies.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import { makeArticle } from '../../helpers/articles.js';
import { fixtureConfig } from '../render/site-fixture.js';

test('pathKey: a key that is a file name of the site, or the pagination folder, gets a trailing "-"', () => {
  for (const [name, key] of [
    ['index.html', 'index.html-'],
    ['INDEX.HTML', 'index.html-'],
    [' index.html ', 'index.html-'],
    ['feed.xml', 'feed.xml-'],
    ['feed.json', 'feed.json-'],
    ['sitemap-2.xml', 'sitemap-2.xml-'],
    ['404.html', '404.html-'],
    ['default.htm', 'default.htm-'],
    ['page', 'page-'],
    ['Page', 'page-'],
  ])
    assert.equal(pathKey(name), key, name);
});

test('pathKey: ordinary keys are unchanged, so readers links keep working', () => {
  for (const [name, key] of [
    ['江北新区', '江北新区'],
    ['南京 江北新区/集成电路?', '南京-江北新区-集成电路'],
    ['index', 'index'],
    ['pages', 'pages'],
    ['html', 'html'],
    ['index-html', 'index-html'],
    ['node.js', 'node.js'],
    ['5.0', '5.0'],
    ['2024-03', '2024-03'],
  ])
    assert.equal(pathKey(name), key, name);
});

test('pathKey: an escaped key is one no ordinary name gives, and escaping is idempotent', () => {
  // Ordinary keys never end in "-" (it is trimmed), so "index.html-" belongs to index.html alone.
  for (const name of ['index.html-', 'index.html -', 'index.html/', 'index.html?']) assert.equal(pathKey(name), 'index.html-', name);
  for (const name of ['index.html', 'page', 'feed.xml', '江北新区']) assert.equal(pathKey(pathKey(name)), pathKey(name), name);
  assert.equal(keyChange('index.html'), 'reserved');
  assert.equal(keyChange('江北新区'), undefined);
});

test('site: terms and slugs named like the site files get escaped URLs and one warning per value', () => {
  const articles = [
    makeArticle({ file: 'a.md', date: '2024-03-01', source: 'index.html', keywords: ['index.html', '集成电路'] }),
    makeArticle({ file: 'b.md', date: '2024-03-02', source: '新华网', keywords: ['index.html', '集成电路'], parks: ['page'] }),
    makeArticle({ file: 'c.md', date: '2024-03-03', slug: 'index.html' }),
    makeArticle({ file: 'd.md', date: '2024-03-04', slug: 'index.html' }),
  ];
  const site = buildSite(articles, factsOf(articles), fixtureConfig());
  const urls = (tax: 'keywords' | 'sources' | 'parks') => site.taxonomies[tax].map((t) => t.url).sort();
  assert.deepEqual(urls('keywords'), ['/keywords/index.html-/', '/keywords/集成电路/']);
  assert.deepEqual(urls('sources'), ['/sources/index.html-/', '/sources/新华网/']);
  assert.deepEqual(urls('parks'), ['/parks/page-/']);
  const slugOf = new Map(site.articles.map((a) => [a.file, a.slug]));
  assert.equal(slugOf.get('c.md'), 'index.html-');
  assert.equal(slugOf.get('d.md'), 'index.html--2');
  assert.equal(site.urls.get('index.html-'), '/articles/2024/03/index.html-/');
  const reserved = site.diagnostics.filter((d) => d.rule === 'site/reserved-name');
  assert.deepEqual(
    reserved.map((d) => [d.file, d.severity, /"(.*?)"/.exec(d.message)![1]]),
    [
      ['a.md', 'warning', 'index.html'],
      ['a.md', 'warning', 'index.html'],
      ['b.md', 'warning', 'index.html'],
      ['b.md', 'warning', 'page'],
      ['c.md', 'warning', 'index.html'],
      ['d.md', 'warning', 'index.html'],
    ],
  );
});

test('articleTerms and urlKeyDiagnostics agree with the site on escaped keys', () => {
  const a = makeArticle({ file: 'a.md', source: 'feed.xml', keywords: ['sitemap.xml'] });
  const terms = articleTerms(a);
  assert.deepEqual(
    terms.sources.map((t) => t.url),
    ['/sources/feed.xml-/'],
  );
  assert.deepEqual(
    terms.keywords.map((t) => t.url),
    ['/keywords/sitemap.xml-/'],
  );
  assert.deepEqual(
    urlKeyDiagnostics([a]).map((d) => d.message),
    [
      'keyword "sitemap.xml" is a name the site uses for its own files; its URL is /keywords/sitemap.xml-/ instead.',
      'source "feed.xml" is a name the site uses for its own files; its URL is /sources/feed.xml-/ instead.',
    ],
  );
  assert.deepEqual(urlKeyDiagnostics([makeArticle({ file: 'ok.md', source: '新华网', keywords: ['page 2'] })]), []);
});

test('urlKeyDiagnostics: a computed keyword is escaped without a warning (nobody typed it)', () => {
  const a = makeArticle({ file: 'a.md', computedKeywords: ['index.html', '集成电路'] });
  assert.deepEqual(
    articleTerms(a).keywords.map((t) => t.url),
    ['/keywords/index.html-/', '/keywords/集成电路/'],
  );
  assert.deepEqual(urlKeyDiagnostics([a]), []);
});

test('pathKey: a key too long for a folder name is cut on a character boundary and keeps a hash of the whole', () => {
  const bytes = (key: string) => Buffer.byteLength(key);
  assert.equal(pathKey('园'.repeat(85)), '园'.repeat(85), '255 bytes is still a folder name');
  const long = pathKey('园'.repeat(200));
  assert.ok(bytes(long) <= 255, `${bytes(long)} bytes`);
  assert.match(long, /^园{82}-[0-9a-f]{8}$/);
  assert.notEqual(pathKey(`${'园'.repeat(200)}甲`), long, 'names sharing a long beginning keep apart');
  assert.equal(pathKey(long), long, 'idempotent');
  const astral = pathKey('𝧻'.repeat(100));
  assert.ok(bytes(astral) <= 255 && !astral.includes('\ufffd'), 'no surrogate pair is split');
  assert.equal(pathKey(`${'a'.repeat(300)}.html`), `${'a'.repeat(246)}-${pathKey(`${'a'.repeat(300)}.html`).slice(-8)}`);
  assert.equal(keyChange('园'.repeat(86)), 'too long');
});

test('site: a source too long for a folder name gets a short URL and a site/long-name warning', () => {
  const source = `${'新签约项目'.repeat(30)}来源`;
  const articles = [makeArticle({ file: 'a.md', date: '2024-03-01', source })];
  const site = buildSite(articles, factsOf(articles), fixtureConfig());
  const url = site.taxonomies.sources[0]!.url;
  assert.ok(Buffer.byteLength(url.split('/')[2]!) <= 255, url);
  assert.equal(site.taxonomies.sources[0]!.name, source, 'the page still shows the whole value');
  const warnings = site.diagnostics.filter((d) => d.rule === 'site/long-name');
  assert.deepEqual(
    warnings.map((d) => [d.file, d.severity]),
    [['a.md', 'warning']],
  );
  assert.ok(warnings[0]!.message.includes(`its URL is ${url} instead`), warnings[0]!.message);
});
