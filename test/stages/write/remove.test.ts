import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeTree } from '../../../src/stages/write/remove.js';
import { tempDir } from '../../run/temp-dir.js';

test('removes a build tree; links inside it or pointing at it are removed, never followed', async () => {
  const root = await tempDir('pp-remove-');
  const keep = path.join(root, 'live');
  mkdirSync(path.join(keep, 'articles'), { recursive: true });
  writeFileSync(path.join(keep, 'articles', 'index.html'), 'live page');
  const old = path.join(root, 'old');
  mkdirSync(path.join(old, 'articles', 'a'), { recursive: true });
  mkdirSync(path.join(old, 'empty'));
  writeFileSync(path.join(old, 'index.html'), 'x');
  writeFileSync(path.join(old, 'articles', 'a', 'index.html'), 'y');
  symlinkSync(keep, path.join(old, 'to-live'), 'dir');
  symlinkSync(path.join(keep, 'articles', 'index.html'), path.join(old, 'articles', 'file-link'));
  const staleLink = path.join(root, '.link-123'); // a killed build's link, pointing at the live build
  symlinkSync('live', staleLink, 'dir');

  removeTree(old);
  removeTree(staleLink);
  removeTree(path.join(root, 'missing')); // nothing there: fine

  assert.ok(!existsSync(old));
  assert.ok(!existsSync(staleLink));
  assert.equal(readFileSync(path.join(keep, 'articles', 'index.html'), 'utf8'), 'live page');
});
