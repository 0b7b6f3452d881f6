// Computed keywords (jieba segmentation + TF-IDF with an IDF from the corpus) on the real samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { processFile } from '../../../src/run/per-file/process.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { enrich } from '../../helpers/articles.js';
import { MAX_KEYWORDS, MIN_KEYWORDS, topKeywords } from '../../../src/stages/corpus/keywords.js';
import { KEYWORD_STOP_WORDS } from '../../../src/text/stopwords.js';
import { eachKeywordTerm, tagOf, termTag } from '../../../src/text/keyword-terms.js';
import { jieba } from '../../../src/text/segmenter.js';
import type { Article } from '../../../src/model/index.js';
import { projectRoot, seedsDir, sharedMissing } from '../../helpers/paths.js';

const skip = sharedMissing();
const config = defaultConfig(projectRoot);

async function samples(): Promise<Article[]> {
  const out: Article[] = [];
  for (const f of readdirSync(seedsDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const r = await processFile(path.join(seedsDir, f), seedsDir, config);
    out.push(r.article!);
  }
  return out;
}

test('articles that state no keywords get 3–8 computed ones; stated keywords are left alone', { skip }, async () => {
  const out = enrich(await samples(), config).articles;
  for (const a of out) {
    if (a.keywords.length > 0) {
      assert.deepEqual(a.computedKeywords, [], a.file);
      continue;
    }
    assert.ok(a.computedKeywords.length >= MIN_KEYWORDS && a.computedKeywords.length <= MAX_KEYWORDS, `${a.file}: ${a.computedKeywords}`);
    assert.equal(a.provenance.computed_keywords, 'computed');
    assert.ok(
      a.computedKeywords.every((k) => !KEYWORD_STOP_WORDS.has(k) && [...k].length >= 2),
      a.computedKeywords.join(' '),
    );
  }
  const zhenjiang = out.find((a) => a.file.startsWith('002'))!;
  assert.ok(zhenjiang.computedKeywords.includes('镇江高新区'), 'park names count whole');
  const jiangbei = out.find((a) => a.file.startsWith('003'))!;
  assert.equal(jiangbei.computedKeywords[0], '南京江北新区', 'mentions as 江北新区 count for the park');
  assert.ok(jiangbei.computedKeywords.includes('进度条'), `the story's own word ranks high: ${jiangbei.computedKeywords}`);
});

test('topKeywords: ranking by score, nested terms dropped, ties broken by the term', () => {
  const idf = (t: string): number => (({ 镇江高新区: 5, 高新区: 4, 人才: 2, 公寓: 2, 园区: 1 }) as Record<string, number>)[t] ?? 1;
  const counts = new Map([
    ['镇江高新区', 3],
    ['高新区', 5],
    ['人才', 2],
    ['公寓', 2],
    ['园区', 1],
  ]);
  assert.deepEqual(topKeywords(counts, idf), ['镇江高新区', '人才', '公寓']);
  // The shorter term ranks first here; the longer one containing it takes its place.
  const split = new Map([
    ['镇江', 6],
    ['高新区', 6],
    ['镇江高新区', 1],
    ['人才', 2],
    ['公寓', 2],
  ]);
  const flat = (): number => 2;
  assert.deepEqual(topKeywords(split, flat), ['镇江高新区', '人才', '公寓']);
});

test('eachKeywordTerm: content words by part of speech, no stop words, and two-noun compounds jieba cuts apart', () => {
  const words = jieba().cut('全区上下要以项目建设为抓手，推动产业集群加快发展。', true);
  const t: string[] = [];
  eachKeywordTerm(
    words,
    (i) => termTag(words[i]!),
    (term) => t.push(term),
  );
  assert.ok(t.includes('项目建设') && t.includes('产业集群'), t.join(' '));
  assert.ok(t.includes('集群'), 'the parts stay candidates too');
  assert.ok(!t.includes('项目') && !t.includes('发展') && !t.includes('要'), 'stop words and function words are out');
});

test("tagOf gives exactly jieba's tag() for the words it cuts: dictionary words, HMM-joined words, Latin, digits", () => {
  const texts = [
    '镇江高新区2023年引进5G项目和AI企业，张三表示，产业集群加快发展。',
    '台北市长表示，北市将推动COVID-19疫后振兴。',
    '北市',
    'DT-300与MX-5，12.5%增长',
  ];
  for (const text of texts) {
    const cut = jieba().cut(text, true);
    assert.deepEqual(
      cut.map((word) => ({ word, tag: tagOf(word) })),
      jieba().tag(text, true),
      text,
    );
  }
});
