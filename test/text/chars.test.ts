// Character counts as a reader sees them: code points, whatever their UTF-16 length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charLength } from '../../src/text/chars.js';

test('charLength counts code points: a pair of surrogates is one character, a lone one is one too', () => {
  assert.equal(charLength(''), 0);
  assert.equal(charLength('镇江高新区 AI'), 8);
  assert.equal(charLength('𠮷野家'), 3);
  assert.equal(charLength('\ud842'), 1); // lone high surrogate
  assert.equal(charLength('a\udfb7b\ud842'), 4); // lone low, then a lone high at the end
  for (const s of ['𠮷𠮷', '\ud842\ud842\udfb7', '丁\udc00\ud800']) assert.equal(charLength(s), [...s].length, JSON.stringify(s));
});
