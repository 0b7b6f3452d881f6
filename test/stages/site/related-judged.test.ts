// 相关阅读 against judgments made by reading both articles (test/fixtures/related/judgments.json), on
// the five samples plus every third tw-news article. `npm run related-judged` prints the same figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgedPrecision, judgedSite, readJudgments, relatedFiles } from '../../helpers/judged-site.js';
import { sharedMissing } from '../../helpers/paths.js';

/** The share of shown items judged relevant that issue 19 asks for. */
const GOAL = 0.85;

test('相关阅读 on the judged set: every shown pair judged, at least 85% of them relevant', { skip: sharedMissing() }, async () => {
  const judgments = readJudgments();
  const sources = Object.keys(judgments);
  assert.ok(sources.length >= 45, `${sources.length} judged articles`);
  const site = await judgedSite();
  const { shown, relevant, unjudged, perArticle } = judgedPrecision(relatedFiles(site, sources), judgments);
  assert.deepEqual(unjudged, [], 'pairs nobody judged: read both articles and judge them (npm run related-judged -- --show)');
  // Showing nothing would be precise: the articles must still get related items.
  assert.ok(shown >= sources.length, `${shown} items shown for ${sources.length} articles`);
  assert.ok(perArticle.filter((n) => n > 0).length >= sources.length / 2, `articles with related items: ${perArticle.join(' ')}`);
  assert.ok(relevant / shown >= GOAL, `precision@5 ${relevant}/${shown}`);
});
