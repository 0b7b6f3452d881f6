import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { descendants, parentOf } from '../../scripts/bench/tree-rss.js';
import { GNU_TIME, measure } from '../../scripts/bench/measure.js';

test('the parent pid is read after the command name, even one with spaces and parentheses', () => {
  assert.equal(parentOf('4242 (node) S 17 4242 17 0 -1'), 17);
  assert.equal(parentOf('4243 (weird (name) x) R 4242 1 1 0'), 4242);
  assert.equal(parentOf('garbage'), undefined);
});

test('descendants are the root and everything below it, nothing beside it', () => {
  const parents = new Map([
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 2],
    [6, 1],
    [7, 6],
  ]);
  assert.deepEqual(descendants(2, parents).sort(), [2, 3, 4, 5]);
});

const linuxWithTime = process.platform === 'linux' && existsSync(GNU_TIME) ? false : 'needs Linux /proc and GNU time';

test('a build with a helper process: the tree peak counts both, the largest-process peak one', { skip: linuxWithTime }, async () => {
  // Parent holds ~120 MiB while its child holds ~160 MiB at the same time.
  const child = 'const b = Buffer.alloc(160 * 2 ** 20, 1); setTimeout(() => console.log(b[1]), 1500)';
  const parent = `const { spawnSync } = require('node:child_process'); const b = Buffer.alloc(120 * 2 ** 20, 1);
    spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' }); console.log(b[0]);`;
  const s = await measure({ cmd: process.execPath, args: ['-e', parent], cwd: os.tmpdir() });
  assert.equal(s.code, 0);
  assert.ok(s.maxRssMiB > 160 && s.maxRssMiB < 250, `largest ${s.maxRssMiB} MiB`);
  assert.ok(s.treeRssMiB > 280, `tree ${s.treeRssMiB} MiB`);
});
