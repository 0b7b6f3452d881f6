// A page path the builder cannot write beside the others costs that page and an error on the
// articles behind it, never the whole build (issue 18).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { outputPath, type Page, type Site } from '../../src/model/index.js';
import { createBuilder } from '../../src/run/builder.js';
import { realStages, type Stages } from '../../src/run/stages.js';
import { sampleSite } from './site-fixture.js';

test('clashing page paths are left out with a build/path-clash error naming the articles; the rest is written', async () => {
  const root = await sampleSite();
  const config = await loadConfig(root);
  let site: Site | undefined;
  let victim = '';
  let sourcePage = '';
  const stages: Stages = {
    ...realStages,
    buildSite: (...args) => (site = realStages.buildSite(...args)),
    // Clashes no real URL can make any more: a file where one article's folder must be (written
    // first, so the article's own page is the one refused), and, last, a file where a source's
    // folder is (refused itself, but a term's folder is what it clashes with).
    async *renderSite(s, facts) {
      const article = s.articles[0]!;
      victim = article.file;
      yield { path: outputPath(s.urls.get(article.slug)!).replace(/\/index\.html$/, ''), content: 'in the way' } satisfies Page;
      yield* realStages.renderSite(s, facts);
      sourcePage = s.taxonomies.sources[0]!.url.slice(1, -1);
      yield { path: sourcePage, content: 'in the way' } satisfies Page;
    },
  };
  const result = await createBuilder(config, {}, stages).build();
  const clashes = result.diagnostics.filter((d) => d.rule === 'build/path-clash');
  const sourceFiles = site!.taxonomies.sources[0]!.slugs.map((slug) => site!.bySlug.get(slug)!.file);
  assert.deepEqual(clashes.map((d) => d.file).sort(), [victim, ...sourceFiles].sort());
  for (const d of clashes) assert.equal(d.severity, 'error');
  const victimPage = clashes.find((d) => d.file === victim && d.message.includes('index.html'))!;
  assert.match(victimPage.message, /is both a file and a folder/);
  assert.ok(clashes.some((d) => d.message.includes(`"${sourcePage}"`)));

  const dist = path.join(root, 'dist');
  const victimSlug = site!.articles.find((a) => a.file === victim)!.slug;
  assert.equal(existsSync(path.join(dist, outputPath(site!.urls.get(victimSlug)!))), false, 'the clashing page is left out');
  for (const a of site!.articles.filter((x) => x.file !== victim))
    assert.ok(existsSync(path.join(dist, outputPath(site!.urls.get(a.slug)!))), `${a.file} is published`);
  assert.ok(existsSync(path.join(dist, outputPath(site!.taxonomies.sources[0]!.url))), 'the source page is kept');
  assert.ok(existsSync(path.join(dist, 'index.html')));
});
