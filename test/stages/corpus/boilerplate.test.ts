// Sentences glued into every page by a site are found by repetition across the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enrichCorpus } from '../../../src/stages/corpus/index.js';
import { articleTerms } from '../../../src/text/terms.js';
import { bodyFingerprints } from '../../../src/stages/corpus/duplicates.js';
import { bodyMinutes } from '../../../src/text/reading.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrich, makeArticle } from '../../helpers/articles.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import { projectRoot } from '../../helpers/paths.js';

const config = defaultConfig(projectRoot);
const NOTICE = '为达最佳浏览效果，建议使用新版浏览器浏览本站。';
const PLACES = ['合肥', '苏州', '无锡', '常州', '南通', '扬州', '镇江', '泰州', '盐城', '淮安', '宿迁', '徐州'];

/** Articles with their own story, the site's notice glued to the front, and a form line without 。. */
function corpus(n: number) {
  return PLACES.slice(0, n).map((place, i) =>
    makeArticle({
      file: `${i}.txt`,
      title: `${place}高新区新项目开工`,
      body: `${NOTICE}${place}高新区第${i + 1}个重点项目今天开工，总投资${10 + i}亿元。\n\n1.发生变动日期：不适用\n`,
      summary: `${NOTICE}${place}高新区…`,
    }),
  );
}

test('a sentence repeated verbatim in many articles is removed, with a note; the summary follows', () => {
  const out = enrich(corpus(12), config).articles;
  for (const [i, a] of out.entries()) {
    assert.ok(!a.body.includes(NOTICE), a.body);
    assert.ok(a.body.startsWith(`${PLACES[i]}高新区第${i + 1}个`));
    assert.ok(a.summary.startsWith(PLACES[i]!), a.summary);
    assert.ok(a.body.includes('1.发生变动日期：不适用'), 'a form line (no 。) is content');
    const note = a.diagnostics.find((d) => d.rule === 'corpus/boilerplate');
    assert.ok(note && note.severity === 'info' && note.message.includes('12 articles'));
  }
});

test('a small corpus keeps its sentences: ten articles are the least evidence', () => {
  const out = enrich(corpus(9), config).articles;
  assert.ok(out.every((a) => a.body.startsWith(NOTICE)));
  assert.ok(out.every((a) => !a.diagnostics.some((d) => d.rule === 'corpus/boilerplate')));
});

test('the terms of removed sentences are subtracted: the same counts as segmenting the stripped article', () => {
  const input = corpus(12).map((a) => ({ ...a, parks: [`${a.title.slice(0, 2)}高新区`] }));
  const facts = factsOf(input);
  assert.ok(facts.get(input[0]!.file)!.terms.words.terms.includes('浏览器'), 'the notice is counted before the corpus step');
  const out = enrichCorpus(input, facts, config);
  for (const a of out.articles) {
    assert.deepEqual(out.facts.get(a.file)!.terms, articleTerms(a), a.file);
    assert.ok(!out.facts.get(a.file)!.terms.words.terms.includes('浏览器'));
  }
});

test("a stripped body gets facts of its own; an unchanged body keeps the per-file stage's", () => {
  const input = corpus(12);
  const out = enrich(input, config);
  for (const a of out.articles) {
    assert.ok(!a.body.includes(NOTICE));
    assert.deepEqual(out.facts.get(a.file)!.fingerprints, bodyFingerprints(a.body), a.file);
    assert.equal(out.facts.get(a.file)!.readingMinutes, bodyMinutes(a.body), a.file);
  }
  const facts = factsOf(input.slice(0, 9));
  const kept = enrichCorpus(input.slice(0, 9), facts, config);
  assert.ok(
    input.slice(0, 9).every((a) => kept.facts.get(a.file) === facts.get(a.file)),
    'an unchanged body keeps them',
  );
});

test('words either side of an ideographic space stay apart when a sentence beside them is removed', () => {
  const articles = corpus(12).map((a) => ({ ...a, body: a.body.replace('\n\n', `FinTech\u3000Space 加速器第${a.file}期开放申请。\n\n`) }));
  for (const a of enrich(articles, config).articles) {
    assert.ok(!a.body.includes(NOTICE));
    assert.ok(a.body.includes('FinTech\u3000Space'), a.body);
  }
});
