import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../helpers/paths.js';
import { snapshot, tempContent } from './helpers.js';

const bin = path.join(projectRoot, 'bin', 'parkpress.js');
const run = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, 'ingest', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('parkpress ingest: --dry-run changes nothing, a real run converts, a second run changes nothing', async () => {
  const { dir: root, dispose } = await tempContent();
  try {
    const content = path.join(root, 'content');
    await mkdir(path.join(content, '2021'), { recursive: true });
    await copyFile(path.join(projectRoot, 'content', '001_1464f3ad2492a083.txt'), path.join(content, '2021', 'a.txt'));
    await copyFile(path.join(projectRoot, 'content', '003_a94316a78cdbf75f.txt'), path.join(content, 'b.txt'));
    const before = await snapshot(root);

    const dry = run(root, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /would write content\/2021\/a\.md .*original would move to content\/\.raw\/2021\/a\.txt/);
    assert.match(dry.stdout, /2 converted, 0 completed, 0 unchanged, 0 skipped \(dry run/);
    assert.deepEqual(await snapshot(root), before);

    const real = run(root, 'content/2021', 'content/b.txt');
    assert.equal(real.status, 0, real.stderr);
    assert.match(real.stdout, /2 converted/);
    const after = await snapshot(root);
    assert.deepEqual(Object.keys(after).sort(), ['content/.raw/2021/a.txt', 'content/.raw/b.txt', 'content/2021/a.md', 'content/b.md']);

    const again = run(root);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /0 converted, 0 completed, 2 unchanged, 0 skipped/);
    assert.deepEqual(await snapshot(root), after);

    const missing = run(root, 'content/nope.txt');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.txt/);
  } finally {
    await dispose();
  }
});
