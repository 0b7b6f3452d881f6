import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem } from '../../src/dev/problems.js';
import { escapeUnsafe, printableName } from '../../src/model/index.js';

test('a file name that could forge or disguise a terminal line is printed as an escaped JSON string', () => {
  assert.equal(printableName('2024/园区新闻.txt'), '2024/园区新闻.txt');
  assert.equal(printableName('a\nb.txt: error: fake'), '"a\\nb.txt: error: fake"');
  assert.equal(printableName('\u202etxt.exe.txt'), '"\\u202etxt.exe.txt"');
  assert.equal(printableName('bell\u0007\u009b.md'), '"bell\\u0007\\u009b.md"');
  assert.equal(escapeUnsafe('one\ntwo\u2028three'), 'one\\ntwo\\u2028three');
  const line = formatProblem({ file: 'a\nfake.txt:1:1  forged  (load/binary)', line: 2, rule: 'load/binary', message: 'binary' });
  assert.equal(line.split('\n').length, 1, line);
  assert.ok(line.startsWith('"a\\nfake.txt:1:1  forged  (load/binary)":2  '), line);
});
