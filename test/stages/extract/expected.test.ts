// The real pipeline (load -> normalize -> extract) on the five sample pages, field by field
// against ../shared/seeds/expected.json, a careful editor's reading of each page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processFile } from '../../../src/run/per-file/process.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import type { Article } from '../../../src/model/index.js';
import { projectRoot, seedsDir, sharedMissing } from '../../helpers/paths.js';

interface Expected {
  title: string;
  date: string | null;
  source: string | null;
  keywords: string[];
  park: string | null;
  category: string | null;
  series: string | null;
  authors: string[];
  editors: string[];
  views: number | null;
  original_script: string;
  pinyin_annotated: boolean;
  subheadings: string[];
  body_first: string | null;
  body_last: string | null;
  body_must_contain: string[];
  body_must_not_contain: string[];
  optional: { date_inferred?: string; captions?: string[] };
}

const skip = sharedMissing();
const expected: Record<string, Expected> = skip
  ? {}
  : (JSON.parse(readFileSync(path.join(seedsDir, 'expected.json'), 'utf8')) as { articles: Record<string, Expected> }).articles;

/** Body paragraphs as a reader sees them: no headings, notes or captions. */
function paragraphs(article: Article): string[] {
  return article.body
    .split(/\n{2,}/u)
    .map((p) => p.trim())
    .filter((p) => p && !/^(?:##|>|\*)/u.test(p));
}

async function run(file: string): Promise<Article> {
  const result = await processFile(path.join(seedsDir, file), seedsDir, defaultConfig(projectRoot));
  assert.ok(result.article, `no article for ${file}: ${JSON.stringify(result.diagnostics)}`);
  return result.article;
}

test('expected.json lists the five samples', { skip }, () => {
  assert.equal(Object.keys(expected).length, 5);
});

for (const [file, want] of Object.entries(expected)) {
  test(`sample ${file} matches expected.json`, { skip }, async (t) => {
    const a = await run(file);
    const stated = a.provenance.date === 'inferred' ? null : a.date;
    await t.test('stated fields', () => {
      assert.equal(a.title, want.title, 'title');
      assert.equal(stated, want.date, 'date');
      assert.equal(a.source, want.source, 'source');
      assert.deepEqual(a.keywords, want.keywords, 'keywords');
      assert.equal(a.park, want.park, 'park');
      assert.equal(a.parks[0] ?? null, want.park, 'parks[0] is park');
      assert.equal(a.category, want.category, 'category');
      assert.equal(a.series, want.series, 'series');
      assert.deepEqual(a.authors, want.authors, 'authors');
      assert.deepEqual(a.editors, want.editors, 'editors');
      assert.equal(a.views, want.views, 'views');
      assert.equal(a.originalScript, want.original_script, 'original_script');
      assert.equal(a.pinyinAnnotated, want.pinyin_annotated, 'pinyin_annotated');
      assert.deepEqual(a.subheadings, want.subheadings, 'subheadings');
    });
    await t.test('optional fields, when present', () => {
      if (want.optional.date_inferred !== undefined) {
        assert.equal(a.provenance.date, 'inferred');
        assert.equal(a.date, want.optional.date_inferred);
      }
      if (want.optional.captions !== undefined) assert.deepEqual(a.captions, want.optional.captions);
    });
    await t.test('body', () => {
      const paras = paragraphs(a);
      if (want.body_first !== null) assert.ok(paras[0]?.startsWith(want.body_first), `first paragraph: ${paras[0]}`);
      if (want.body_last !== null) assert.ok(paras.at(-1)?.startsWith(want.body_last), `last paragraph: ${paras.at(-1)}`);
      for (const s of want.body_must_contain) assert.ok(a.body.includes(s), `body lacks ${s}`);
      for (const s of want.body_must_not_contain) assert.ok(!a.body.includes(s), `body contains ${s}`);
      for (const h of want.subheadings) assert.ok(a.body.includes(`\n## ${h}\n`), `subheading ${h} is a ## line`);
      assert.ok(!a.body.includes(want.title), 'the title is not repeated in the body');
    });
  });
}
