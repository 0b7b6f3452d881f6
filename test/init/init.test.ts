import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { runParkpress, treeHashes } from '../run/site-fixture.js';
import { tempDir } from '../run/temp-dir.js';

test('parkpress init makes a site that builds: a config, content/ with a sample article, a .gitignore', async () => {
  const parent = await tempDir('pp-init-');
  const r = await runParkpress(['init', 'my-site'], parent);
  assert.equal(r.code, 0, r.stderr);
  const site = path.join(parent, 'my-site');
  assert.deepEqual([...(await treeHashes(site)).keys()], ['.gitignore', 'content/sample-article.md', 'parkpress.config.json']);
  assert.match(r.stdout, /created my-site\/parkpress\.config\.json/);
  assert.match(r.stdout, /cd my-site && npx parkpress build/);
  await loadConfig(site);
  const ignored = (await readFile(path.join(site, '.gitignore'), 'utf8')).split('\n');
  for (const line of ['/dist', '/dist.builds/', '/.parkpress-cache/']) assert.ok(ignored.includes(line), line);

  const build = await runParkpress(['build'], site);
  assert.equal(build.code, 0, build.stderr);
  assert.match(build.stdout, /^built 1 article, \d+ pages, 0 warnings, 0 errors/m);
  const check = await runParkpress(['check', '--strict', 'content'], site);
  assert.equal(check.code, 0, check.stdout + check.stderr);
});

test('parkpress init overwrites nothing: with any of its files (or another config) there, it writes nothing and exits 2 naming them', async () => {
  const site = await tempDir('pp-init-');
  assert.equal((await runParkpress(['init'], site)).code, 0);
  const before = await treeHashes(site);
  const again = await runParkpress(['init'], site);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already there: \.gitignore, content\/sample-article\.md, parkpress\.config\.json/);
  assert.deepEqual(await treeHashes(site), before);

  const other = await tempDir('pp-init-');
  await writeFile(path.join(other, 'parkpress.config.js'), 'export default {};\n');
  const clash = await runParkpress(['init', '.'], other);
  assert.equal(clash.code, 2);
  assert.match(clash.stderr, /already there: parkpress\.config\.js/);
  assert.deepEqual(await readdir(other), ['parkpress.config.js'], 'nothing written');
});
