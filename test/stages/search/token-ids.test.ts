import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenIds } from '../../../src/stages/search/token-ids.js';

test('token ids are dense, stable and name their token, across table growth', () => {
  const ids = new TokenIds();
  // 200,000 distinct two-code-unit tokens (the table grows several times), words, a unigram, an astral pair.
  const tokens: string[] = [];
  for (let i = 0; i < 200_000; i++) tokens.push(String.fromCharCode(0x4e00 + (i % 400), 0x4e00 + Math.floor(i / 400)));
  tokens.push('danfoss', '5g', '园', '𠀀', '\u0000\u0000');
  tokens.forEach((t, i) => assert.equal(ids.id(t), i, t));
  assert.equal(ids.size, tokens.length);
  tokens.forEach((t, i) => {
    assert.equal(ids.id(t), i, `${t} again`);
    assert.equal(ids.names[i], t);
  });
  assert.equal(ids.size, tokens.length, 'known tokens get no new id');
  assert.equal(ids.pair(0x4e00, 0x4e00), ids.id('\u4e00\u4e00'), 'a pair of code units has the id of its two-unit string');
  const fresh = ids.pair(0x56ed, 0x533a);
  assert.equal(fresh, tokens.length, 'a new pair gets the next id');
  assert.equal(ids.names[fresh], '园区');
  assert.equal(ids.id('园区'), fresh);
});
