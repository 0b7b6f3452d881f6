import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fnv1a, shardOf } from '../../../src/stages/search/hash.js';
import { fold, tokenize } from '../../../src/stages/search/tokens.js';
import { projectRoot } from '../../helpers/paths.js';
import { queryModule } from './helpers.js';

test('CJK runs become overlapping bigrams; punctuation ends a run', () => {
  assert.deepEqual(tokenize('江北新区'), ['江北', '北新', '新区']);
  assert.deepEqual(tokenize('江北，新区。'), ['江北', '新区']);
});

test('a lone CJK character between non-CJK text is a unigram; Latin and digit runs are words', () => {
  assert.deepEqual(tokenize('5G的ABC'), ['5g', '的', 'abc']);
  assert.deepEqual(tokenize('2021年11月'), ['2021', '年', '11', '月']);
  assert.deepEqual(tokenize('iPhone15发布会 3.5亿元'), ['iphone15', '发布', '布会', '3', '5', '亿元']);
});

test('fullwidth letters and digits fold to ASCII and case folds to lower', () => {
  assert.equal(fold('ＡＢＣ１２３'), 'abc123');
  assert.deepEqual(tokenize('ＤＡＮＦＯＳＳ Danfoss danfoss'), ['danfoss', 'danfoss', 'danfoss']);
});

test('characters outside the BMP pair by code point, never by half a surrogate pair', () => {
  assert.deepEqual(tokenize('𠀀𠀁中'), ['𠀀𠀁', '𠀁中']);
  assert.deepEqual(tokenize('a𠀀b'), ['a', '𠀀', 'b']);
});

test('FNV-1a matches the published test vectors; shard assignment is fixed', () => {
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  assert.equal(fnv1a('foobar'), 0xbf9cf968);
  // A token's shard must never change between builds or between node and the browser.
  assert.deepEqual(
    ['江北', '新区', 'danfoss'].map((t) => shardOf(t, 1024)),
    ['江北', '新区', 'danfoss'].map((t) => fnv1a(t) % 1024),
  );
  assert.equal(shardOf('江北', 1), 0);
  for (let shards = 1; shards <= 4096; shards *= 2) assert.ok(shardOf('高新区', shards) < shards);
});

test('the browser module tokenizes and hashes exactly like the build (samples and generated text)', async () => {
  const q = await queryModule();
  const dir = path.join(projectRoot, 'content');
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    assert.deepEqual(q.tokenize(text), tokenize(text), f);
  }
  const pieces = fc.constantFrom(
    '江',
    '北',
    '新区',
    '𠀀',
    'Ａ',
    'ｂ',
    'X',
    '9',
    '９',
    '，',
    ' ',
    '\n',
    'é',
    'ß',
    'ﬁ',
    'か',
    '한',
    '·',
    '-',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(q.tokenize(text), tokenize(text));
      for (const t of tokenize(text)) assert.equal(q.fnv1a(t), fnv1a(t));
    }),
  );
});
