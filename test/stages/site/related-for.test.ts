import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite } from '../../../src/stages/site/index.js';
import { relatedFor, type RelatedModel } from '../../../src/stages/site/related.js';
import type { Article } from '../../../src/model/index.js';
import { makeArticle } from '../../helpers/articles.js';
import { fixtureArticles, fixtureConfig } from '../render/site-fixture.js';
import { articleFacts, factsOf } from '../../../src/run/per-file/facts.js';
import type { TermCounts } from '../../../src/text/terms.js';

/** An article's body words, as the per-file stage counts them. */
const wordsOf = (a: Article): TermCounts => articleFacts(a).terms.words;

/** The related model of a site built from `articles` (what dev keeps after a build). */
function modelOf(articles: Article[]): RelatedModel {
  let model: RelatedModel | undefined;
  buildSite(articles, factsOf(articles), fixtureConfig(), {
    keepRelated: (m) => {
      model = m;
    },
  });
  return model!;
}

test('relatedFor: an article added to a built site finds the best match a full build finds for it', () => {
  const all = fixtureArticles();
  const full = buildSite(all, factsOf(all), fixtureConfig());
  for (const file of ['a.txt', 'b.txt']) {
    const added = all.find((a) => a.file === file)!;
    const slug = full.articles.find((a) => a.file === file)!.slug;
    const found = relatedFor(modelOf(all.filter((a) => a !== added)), { ...added, slug }, wordsOf(added), new Set([slug]));
    // The other articles keep the weights of the smaller site, so weaker matches may differ.
    assert.ok(found.length > 0, `${file} has related articles`);
    assert.equal(found[0], full.related.get(slug)![0], file);
    assert.ok(found.every((s) => s !== slug && full.bySlug.has(s)));
  }
});

test('relatedFor: excluded slugs (removed or replaced articles) are never picked; a term most articles share says nothing', () => {
  const articles = ['一', '二', '三', '四'].map((n, i) =>
    makeArticle({
      file: `${i}.txt`,
      title: `第${n}篇`,
      keywords: ['高新区', ...(i < 2 ? ['光伏'] : [])],
    }),
  );
  const model = modelOf(articles.filter((a) => a.file !== '1.txt'));
  const added = articles[1]!;
  assert.deepEqual(relatedFor(model, added, wordsOf(added), new Set()), [articles[0]!.slug]);
  assert.deepEqual(relatedFor(model, added, wordsOf(added), new Set([articles[0]!.slug])), []);
});
