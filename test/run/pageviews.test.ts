import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/stages/site/index.js';
import { loadPageviews } from '../../src/run/pageviews.js';
import { fixturesDir } from '../helpers/paths.js';
import { fixtureArticles, fixtureConfig } from '../stages/render/site-fixture.js';
import { factsOf } from '../../src/run/per-file/facts.js';

async function load(fixture: string, as: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-data-'));
  try {
    copyFileSync(path.join(fixturesDir, 'site', fixture), path.join(dir, as));
    return await loadPageviews(fixtureConfig({ dataDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('pageviews.csv: rows by URL path or file; a bad row is reported with its line and skipped', async () => {
  const { views, diagnostics } = await load('pageviews-with-bad-row.csv', 'pageviews.csv');
  assert.deepEqual(
    [...views],
    [
      ['articles/2024/02/b-slug/', 300],
      ['c.txt', 5000],
    ],
  );
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.line, 4);
  assert.match(diagnostics[0]!.file, /^\.\.\/.*pageviews\.csv$/, 'named relative to the content dir');
});

test('pageviews.json: numeric strings accepted, negative views reported', async () => {
  const { views, diagnostics } = await load('pageviews-with-bad-value.json', 'pageviews.json');
  assert.deepEqual(
    [...views],
    [
      ['articles/2024/02/b-slug/', 300],
      ['c.txt', 5000],
    ],
  );
  assert.match(diagnostics[0]!.message, /"d\.txt"/);
});

test('no analytics file: no overrides, no messages', async () => {
  const { views, diagnostics } = await loadPageviews(fixtureConfig({ dataDir: path.join(tmpdir(), 'pp-no-such-dir') }));
  assert.equal(views.size, 0);
  assert.equal(diagnostics.length, 0);
});

test('analytics views override page views in the ranking, matched by URL path', async () => {
  const articles = fixtureArticles().map((a) => (a.file === 'b.txt' ? { ...a, slug: 'b-slug' } : a));
  const { views } = await load('pageviews-with-bad-row.csv', 'pageviews.csv');
  const site = buildSite(articles, factsOf(articles), fixtureConfig({ ranking: { count: 10, windowDays: 5000 } }), { pageviews: views });
  assert.deepEqual(
    site.ranking.slice(0, 3).map((s) => site.bySlug.get(s)!.file),
    ['a.txt', 'c.txt', 'b.txt'],
  );
  assert.equal(site.bySlug.get('b-slug')!.views, 300);
});
