import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { createBuilder, type BuildResult } from '../../src/run/builder.js';
import { brokenLinks } from '../stages/render/link-walker.js';
import type { Page } from '../../src/model/index.js';
import { projectRoot } from '../helpers/paths.js';

// `parkpress build` on the bundled content/ (the five samples), through the real builder and file system.
// What the pages say is checked in memory by test/render/samples.test.ts; this checks the build on disk.

let outDir = '';
let pages: Page[] = [];
let result: BuildResult;

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]),
    ),
  );
  return nested.flat();
}

async function hashTree(dir: string): Promise<string> {
  const h = createHash('sha256');
  for (const f of (await listFiles(dir)).sort()) h.update(f).update(await readFile(path.join(dir, f)));
  return h.digest('hex');
}

const contentDir = path.join(projectRoot, 'content');
let contentHashBefore = '';

before(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'pp-e2e-'));
  contentHashBefore = await hashTree(contentDir);
  const config = await loadConfig(projectRoot, { outDir: path.join(outDir, 'dist') });
  result = await createBuilder(config, { quiet: true }).build();
  const root = path.join(outDir, 'dist');
  pages = await Promise.all(
    (await listFiles(root)).map(async (p) => {
      const bytes = await readFile(path.join(root, p));
      return { path: p, content: /\.(html|xml|json|txt|css|js)$/.test(p) ? bytes.toString('utf8') : bytes };
    }),
  );
});

after(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const html = () => pages.filter((p): p is Page & { content: string } => p.path.endsWith('.html') && typeof p.content === 'string');
const articlePages = () => html().filter((p) => p.path.startsWith('articles/'));

test('the sample site builds: home page and one page per shown article, no errors', () => {
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error').length, 0);
  assert.ok(
    pages.some((p) => p.path === 'index.html'),
    'dist/index.html',
  );
  // Every sample has its own page, or is a near-duplicate whose kept copy has one.
  const dupes = result.diagnostics.filter((d) => /duplicate/.test(d.rule)).length;
  assert.ok(articlePages().length >= 5 - dupes && articlePages().length <= 5, `${articlePages().length} article pages`);
  assert.ok(articlePages().length >= 4);
});

test('the build did not touch content/', async () => {
  assert.equal(await hashTree(contentDir), contentHashBefore);
});

test('every internal link in dist/ resolves', () => {
  assert.deepEqual(brokenLinks(pages), []);
});
