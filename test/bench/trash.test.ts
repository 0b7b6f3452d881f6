import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyTrash, setAside } from '../../scripts/bench/trash.js';
import { tempDir } from '../run/temp-dir.js';

test("an old output is moved aside whole, out of the tool's way, and deleted only when the trash is emptied", async () => {
  const workspace = await tempDir('pp-trash-');
  const dist = path.join(workspace, 'parkpress', 'dist');
  await mkdir(path.join(dist, 'articles'), { recursive: true });
  await writeFile(path.join(dist, 'articles', 'index.html'), '<p>旧</p>');
  await setAside(workspace, dist);
  await setAside(workspace, path.join(workspace, 'parkpress', 'never-built')); // a missing output is fine
  await assert.rejects(stat(dist), { code: 'ENOENT' });
  const [moved, ...rest] = await readdir(path.join(workspace, 'trash'));
  assert.equal(rest.length, 0);
  assert.equal(await readFile(path.join(workspace, 'trash', moved!, 'articles', 'index.html'), 'utf8'), '<p>旧</p>');
  // The same name set aside again does not clash with the first.
  await mkdir(dist);
  await setAside(workspace, dist);
  assert.equal((await readdir(path.join(workspace, 'trash'))).length, 2);
  await emptyTrash(workspace);
  assert.deepEqual(await readdir(workspace), ['parkpress']);
});
