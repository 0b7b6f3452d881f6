import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { createBuilder, type BuildResult } from '../../src/build/index.js';
import { traditionalOnlyIn } from '../../src/normalize/opencc.js';
import { brokenLinks } from '../render/link-walker.js';
import type { Page } from '../../src/types.js';
import { projectRoot, seedsDir, sharedMissing } from '../helpers/paths.js';

// The issue-2 promise, checked on the site built from the bundled content/ (the five samples).

let outDir = '';
let pages: Page[] = [];
let result: BuildResult;

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`])));
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
  pages = await Promise.all((await listFiles(root)).map(async (p) => {
    const bytes = await readFile(path.join(root, p));
    return { path: p, content: /\.(html|xml|json|txt|css|js)$/.test(p) ? bytes.toString('utf8') : bytes };
  }));
});

after(async () => { await rm(outDir, { recursive: true, force: true }); });

const html = () => pages.filter((p): p is Page & { content: string } => p.path.endsWith('.html') && typeof p.content === 'string');
const articlePages = () => html().filter((p) => p.path.startsWith('articles/'));

test('the sample site builds: home page and one page per shown article, no errors', () => {
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error').length, 0);
  assert.ok(pages.some((p) => p.path === 'index.html'), 'dist/index.html');
  // Every sample has its own page, or is a near-duplicate whose kept copy has one.
  const dupes = result.diagnostics.filter((d) => /duplicate/.test(d.rule)).length;
  assert.ok(articlePages().length >= 5 - dupes && articlePages().length <= 5, `${articlePages().length} article pages`);
  assert.ok(articlePages().length >= 4);
});

test('the build did not touch content/', async () => {
  assert.equal(await hashTree(contentDir), contentHashBefore);
});

test('every article page has the three sidebars, each with working links', () => {
  for (const page of articlePages()) {
    for (const [cls, heading] of [['related', '相关阅读'], ['ranking', '排行'], ['latest', '最新']] as const) {
      const m = page.content.match(new RegExp(`<section class="sidebar sidebar-${cls}"[\\s\\S]*?</section>`));
      assert.ok(m, `${page.path}: no ${heading} sidebar`);
      assert.ok(m[0].includes(heading), `${page.path}: ${heading} heading`);
      assert.ok((m[0].match(/<a href="/g) ?? []).length >= 1, `${page.path}: ${heading} has no links`);
    }
  }
});

test('every internal link in dist/ resolves', () => {
  assert.deepEqual(brokenLinks(pages), []);
});

test('no page carries a traditional-only character, a pinyin annotation or page furniture', { skip: sharedMissing() }, async () => {
  const expected = JSON.parse(await readFile(path.join(seedsDir, 'expected.json'), 'utf8')) as {
    articles: Record<string, { body_must_not_contain: string[] }>;
  };
  const banned = [...new Set(Object.values(expected.articles).flatMap((a) => a.body_must_not_contain))];
  // The site's own labels (nav 关键词, 来源：...) are not page furniture: the 404 page has nothing else.
  const chrome = html().find((p) => p.path === '404.html')?.content ?? '';
  // A Han character followed by a toned pinyin syllable in parentheses: 鎮(zhèn), 區（qū）.
  const annotation = /\p{Script=Han}[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/u;
  for (const page of html()) {
    const text = page.content;
    assert.deepEqual(traditionalOnlyIn(text), [], `${page.path}: traditional-only characters`);
    assert.ok(!annotation.test(text), `${page.path}: pinyin annotation ${text.match(annotation)?.[0]}`);
    const body = text.match(/<div class="article-body">([\s\S]*?)<\/div>\s*<footer/)?.[1];
    if (page.path.startsWith('articles/')) assert.ok(body, `${page.path}: article body not found`);
    for (const s of banned) assert.ok(!body?.includes(s), `${page.path}: article body contains "${s}"`);
    // Outside the body, the credited fields (作者, 责任编辑 lines, and the same metadata in <head>) name people.
    const rest = text.replace(/<head>[\s\S]*?<\/head>|<p class="meta"[\s\S]*?<\/p>|<footer class="article-footer"[\s\S]*?<\/footer>/g, '');
    for (const s of banned.filter((b) => !chrome.includes(b))) assert.ok(!rest.includes(s), `${page.path} contains "${s}"`);
  }
});
