import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webJson } from '../../src/text/json.js';

test('webJson: no raw "<", ">", "&" or line separators; the value parses back the same', () => {
  const value = { title: '"><img src=x onerror=alert(1)></script><script>a&&b', lines: 'a\u2028b\u2029c', n: [1, null, '江北新区'] };
  for (const indent of [undefined, 2]) {
    const text = webJson(value, indent);
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(text), value);
  }
  assert.equal(webJson('<b>'), '"\\u003cb\\u003e"');
  assert.equal(webJson({ a: '江北' }, 2), JSON.stringify({ a: '江北' }, null, 2), 'ordinary text is unchanged');
});
