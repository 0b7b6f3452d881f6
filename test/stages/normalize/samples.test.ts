import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { normalize } from '../../../src/stages/normalize/index.js';
import { traditionalOnlyIn } from '../../../src/stages/normalize/core/opencc.js';
import { seedsDir, sharedMissing } from '../../helpers/paths.js';

interface Expected {
  original_script: 'zh-Hans' | 'zh-Hant';
  pinyin_annotated: boolean;
  body_must_contain: string[];
  subheadings: string[];
  title: string;
  body_last: string | null;
  flags: string[];
}

const skip = sharedMissing();
const expected = skip ? {} : (JSON.parse(readFileSync(path.join(seedsDir, 'expected.json'), 'utf8')).articles as Record<string, Expected>);
const samples = skip
  ? []
  : readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort();

/** A pinyin annotation left behind: a Han character followed by a parenthesised Latin syllable. */
const LEFT_ANNOTATION = /\p{Script=Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/u;

for (const name of samples) {
  test(`normalize ${name}: simplified, annotation-free, expected strings present`, { skip }, () => {
    const raw = readFileSync(path.join(seedsDir, name), 'utf8');
    const r = normalize(raw, name);
    const want = expected[name]!;
    assert.deepEqual(traditionalOnlyIn(r.text), [], 'traditional-only characters left');
    assert.doesNotMatch(r.text, LEFT_ANNOTATION);
    assert.equal(r.originalScript, want.original_script);
    assert.equal(r.annotationsRemoved > 0, want.pinyin_annotated);
    for (const s of [...want.body_must_contain, ...want.subheadings, want.title, ...(want.body_last ? [want.body_last] : [])]) {
      assert.ok(r.text.includes(s), `missing: ${s}`);
    }
    assert.equal(r.lineMap.length, r.text.split('\n').length);
    const damaged = r.diagnostics.filter((d) => d.rule === 'normalize/mojibake');
    assert.equal(damaged.length > 0, want.flags.includes('mojibake'), JSON.stringify(damaged));
    for (const d of damaged) assert.ok(d.line > 0 && d.column > 0);
  });
}
