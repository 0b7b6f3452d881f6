import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrichCorpus } from '../../../src/stages/corpus/index.js';
import { editions } from '../../../src/stages/render/edition.js';
import { buildSite } from '../../../src/stages/site/index.js';
import { articleTerms } from '../../../src/stages/site/taxonomies.js';
import type { Article, Config, Page, Site } from '../../../src/model/index.js';
import { renderPages } from '../../helpers/pages.js';
import { corpusDir, projectRoot, sharedMissing } from '../../helpers/paths.js';
import { brokenLinks } from './link-walker.js';
import { fixtureSite } from './site-fixture.js';
import { processed } from '../../helpers/pipeline.js';

const html = (pages: Page[], p: string): string => {
  const page = pages.find((x) => x.path === p);
  assert.ok(page, `page ${p} exists`);
  return String(page.content);
};

/** Keyword key -> the shown articles carrying it, counted from the articles themselves (not from site.taxonomies). */
function keywordCounts(site: Site): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of site.articles) for (const t of articleTerms(a).keywords) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  return counts;
}

/** Keys of the keyword list pages rendered (first pages only: `keywords/<key>/index.html`). */
function keywordPageKeys(pages: Page[], dir = ''): string[] {
  const re = new RegExp(`^${dir ? `${dir}/` : ''}keywords/([^/]+)/index\\.html$`);
  return pages.flatMap((p) => re.exec(p.path)?.[1] ?? []).sort();
}

const keysWithAtLeast = (counts: Map<string, number>, min: number): string[] =>
  [...counts]
    .filter(([, n]) => n >= min)
    .map(([k]) => k)
    .sort();

/** The page of the article carrying `key`, first in latest order. */
function carrierPage(site: Site, pages: Page[], key: string, dir = ''): string {
  const a = site.articles.find((x) => articleTerms(x).keywords.some((t) => t.key === key))!;
  const url = site.urls.get(a.slug)!;
  return html(pages, `${dir ? `${dir}/` : ''}${url.slice(1)}index.html`);
}

test('keyword pages: only keywords with minArticles (default 2) articles get a page, index entry and sitemap entry', async () => {
  const site = fixtureSite();
  const pages = await renderPages(site);
  const counts = keywordCounts(site);
  const paged = keysWithAtLeast(counts, 2);
  const thin = [...counts.keys()].filter((k) => !paged.includes(k));
  assert.ok(paged.length >= 2 && thin.length >= 2, `paged ${paged.join(' ')}; thin ${thin.join(' ')}`);
  assert.deepEqual(keywordPageKeys(pages), paged);
  assert.deepEqual(site.thinKeywords!.map((t) => t.key).sort(), thin.sort());
  const index = html(pages, 'keywords/index.html');
  const cloud = /<ul class="term-cloud">[\s\S]*?<\/ul>/.exec(index)?.[0] ?? '';
  assert.equal([...cloud.matchAll(/<li>/g)].length, paged.length, 'the index lists the keywords with pages');
  const sitemap = html(pages, 'sitemap.xml');
  for (const key of thin) {
    assert.ok(!index.includes(encodeURI(`/keywords/${key}/`)), `${key} not in the keywords index`);
    assert.ok(!sitemap.includes(encodeURI(`/keywords/${key}/`)), `${key} not in the sitemap`);
  }
  assert.deepEqual(brokenLinks(pages), []);
});

test('keyword pages: an article links a keyword without a page to the search page for it, or prints it when search is off', async () => {
  const site = fixtureSite();
  const pages = await renderPages(site);
  const thin = site.thinKeywords!.filter((t) => /^\p{Script=Han}+$/u.test(t.name));
  assert.ok(thin.length > 0);
  for (const t of thin) {
    const page = carrierPage(site, pages, t.key);
    assert.ok(page.includes(`href="/search/?q=${encodeURIComponent(t.name)}"`), `${t.name} links to search`);
    assert.ok(!page.includes(encodeURI(t.url)), `${t.name}: no link to ${t.url}`);
  }
  for (const t of site.taxonomies.keywords)
    assert.ok(carrierPage(site, pages, t.key).includes(`href="${encodeURI(t.url)}"`), `${t.name} links to its page`);

  const off = fixtureSite({ search: false });
  const offPages = await renderPages(off);
  assert.deepEqual(brokenLinks(offPages), []);
  for (const t of thin) {
    const page = carrierPage(off, offPages, t.key);
    assert.ok(!page.includes('/search/'), 'no link to a search page that was not written');
    assert.match(page, new RegExp(`关键词：[^\\n]*${t.name}`), `${t.name} shown as text`);
  }
});

test('keyword pages: the traditional edition searches its own script', async () => {
  const site = fixtureSite({ traditional: { enabled: true, variant: 'tw', dir: 'zh-hant' } });
  const pages = await renderPages(site);
  const hant = editions(site.config).find((e) => e.dir === 'zh-hant')!;
  const t = site.thinKeywords!.find((x) => hant.convert(x.name) !== x.name);
  assert.ok(t, 'a thin keyword that differs in traditional script');
  const page = carrierPage(site, pages, t.key, 'zh-hant');
  assert.ok(
    page.includes(`href="/zh-hant/search/?q=${encodeURIComponent(hant.convert(t.name))}"`),
    `${t.name} searched as ${hant.convert(t.name)}`,
  );
  assert.deepEqual(keywordPageKeys(pages, 'zh-hant'), keywordPageKeys(pages));
  assert.deepEqual(brokenLinks(pages), []);
});

test('keyword pages: minArticles 1 gives every keyword its page, as before', async () => {
  const site = fixtureSite({ keywords: { minArticles: 1 } });
  const pages = await renderPages(site);
  assert.deepEqual(keywordPageKeys(pages), [...keywordCounts(site).keys()].sort());
  assert.deepEqual(site.thinKeywords, []);
  assert.ok(!pages.some((p) => p.path.endsWith('.html') && String(p.content).includes('/search/?q=')));
  assert.deepEqual(brokenLinks(pages), []);
});

/** Every 30th tw-news file (about 155), in a fixed order, through the real stages. */
async function corpusSite(overrides: Partial<Config> = {}): Promise<{ articles: Article[]; site: (o?: Partial<Config>) => Site }> {
  const config = { ...defaultConfig(projectRoot), contentDir: corpusDir, ...overrides };
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % 30 === 0);
  const { articles, facts } = await processed(corpusDir, files, config);
  const enriched = enrichCorpus(articles, facts, config);
  return { articles: enriched.articles, site: (o = {}) => buildSite(enriched.articles, enriched.facts, { ...config, ...o }) };
}

test(
  'tw-news: keyword pages exactly for the keywords of two or more articles, every link resolves; minArticles 1 restores every page',
  { skip: sharedMissing() },
  async () => {
    const corpus = await corpusSite();
    const site = corpus.site();
    assert.ok(site.articles.length > 120, `${site.articles.length} articles`);
    const pages = await renderPages(site);
    const counts = keywordCounts(site);
    const paged = keysWithAtLeast(counts, 2);
    assert.ok(paged.length > 20 && counts.size - paged.length > 100, `${paged.length} of ${counts.size} keywords have pages`);
    assert.deepEqual(keywordPageKeys(pages), paged);
    assert.deepEqual(brokenLinks(pages), []);

    const three = corpus.site({ keywords: { minArticles: 3 } });
    assert.deepEqual(keywordPageKeys(await renderPages(three)), keysWithAtLeast(counts, 3));

    const all = corpus.site({ keywords: { minArticles: 1 } });
    const allPages = await renderPages(all);
    assert.deepEqual(keywordPageKeys(allPages), [...counts.keys()].sort());
    assert.deepEqual(brokenLinks(allPages), []);
  },
);
