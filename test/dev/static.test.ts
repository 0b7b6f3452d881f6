import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDevServer } from '../../src/dev/server.js';
import { sameOrigin } from '../../src/dev/serve.js';
import { injectClient } from '../../src/dev/client.js';
import { isIgnoredPath } from '../../src/dev/watch-protocol.js';
import type { DevBuilder } from '../../src/dev/preview.js';
import { get, tempSite } from './helpers.js';
import http from 'node:http';

/** fetch() normalises `..` and `.` away; a hostile client need not, so send the path as is. */
function rawGet(port: number, rawPath: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: rawPath }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
      .on('error', reject);
  });
}

async function rawStatus(port: number, rawPath: string): Promise<number> {
  return (await rawGet(port, rawPath)).status;
}

/** A builder whose output is already in place: these tests are about serving. */
const idleBuilder: DevBuilder = {
  build: async () => ({
    articles: 0,
    pages: 0,
    files: 0,
    processed: 0,
    diagnostics: [],
    report: { written: 0, unchanged: 0, removed: 0 },
    ms: 0,
    timings: { discover: 0, files: 0, corpus: 0, site: 0, render: 0, write: 0 },
  }),
};

async function serveDist(root: string, pathPrefix = '') {
  const outDir = path.join(root, 'dist');
  await mkdir(path.join(outDir, 'articles', 'a'), { recursive: true });
  await writeFile(path.join(outDir, 'index.html'), '<html><body>首页</body></html>');
  await writeFile(path.join(outDir, 'articles', 'a', 'index.html'), '<html><body>文章</body></html>');
  await writeFile(path.join(outDir, 'style.css'), 'body{}');
  await writeFile(path.join(root, 'secret.txt'), 'outside the site');
  return createDevServer({
    builder: idleBuilder,
    outDir,
    watch: [path.join(root, 'content')],
    port: 0,
    pathPrefix,
    log: { info() {}, error() {} },
  });
}

test('serves folders through index.html, redirects folder URLs without a slash, and never leaves dist/', async () => {
  const site = await tempSite();
  const server = await serveDist(site.root);
  try {
    const base = server.url.replace(/\/$/, '');
    assert.equal((await get(`${base}/articles/a/`)).status, 200);
    const redirect = await get(`${base}/articles/a`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.location, '/articles/a/');
    const css = await get(`${base}/style.css`);
    assert.equal(css.type, 'text/css; charset=utf-8');
    assert.equal(css.text, 'body{}', 'only HTML gets the client');
    assert.equal(await rawStatus(server.port, '/articles/..%2f..%2f..%2fsecret.txt'), 404);
    assert.equal(await rawStatus(server.port, '/../secret.txt'), 404);
    assert.equal((await get(`${base}/articles/%E0%A4%A/`)).status, 400);
    assert.equal((await get(`${base}/nope/`)).status, 404);
    assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 405);
  } finally {
    await server.close();
    await site.dispose();
  }
});

test('serves the site under its path prefix, as it will be deployed', async () => {
  const site = await tempSite();
  const server = await serveDist(site.root, '/parks');
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/parks\/$/);
    const origin = new URL(server.url).origin;
    assert.match((await get(`${origin}/parks/articles/a/`)).text, /文章/);
    assert.equal((await get(`${origin}/`)).location, '/parks/');
    assert.equal((await get(`${origin}/parks`)).location, '/parks/');
    assert.equal((await get(`${origin}/articles/a/`)).status, 404);
  } finally {
    await server.close();
    await site.dispose();
  }
});

// A Location of `//host/…` (or `/\\host/…`) is another origin to a browser: an open redirect.
const HOSTILE_PATHS = [
  '/.//evil.com/x%2F..%2F..%2Farticles/a',
  '/.//evil.com/x%2F..%2F..%2Farticles',
  '///evil.com/..%2Farticles/a',
  '/%2F%2Fevil.com/..%2F..%2Farticles/a',
  '/.%2F%2Fevil.com%2F..%2Farticles/a',
];

test('redirects only to the same origin: a folder URL is redirected to its own path, with one leading slash', async () => {
  const site = await tempSite();
  const server = await serveDist(site.root);
  const prefixed = await serveDist(site.root, '/parks');
  try {
    await mkdir(path.join(site.root, 'dist', 'keywords', '园区'), { recursive: true });
    const chinese = '/keywords/%E5%9B%AD%E5%8C%BA';
    assert.deepEqual(await rawGet(server.port, chinese), { status: 301, location: `${chinese}/` });
    for (const raw of HOSTILE_PATHS) {
      const found = await rawGet(server.port, raw);
      const expected = raw.endsWith('/a') ? '/articles/a/' : '/articles/';
      assert.deepEqual(found, { status: 301, location: expected }, raw);
      assert.deepEqual(await rawGet(prefixed.port, `/parks${raw}`), { status: 301, location: `/parks${expected}` }, raw);
    }
  } finally {
    await server.close();
    await prefixed.close();
    await site.dispose();
  }
});

test('a redirect target keeps one leading slash, whatever its prefix made of it', () => {
  assert.equal(sameOrigin('//evil.com/a/'), '/evil.com/a/');
  assert.equal(sameOrigin('/\\evil.com/a/'), '/evil.com/a/');
  assert.equal(sameOrigin('/parks/a/'), '/parks/a/');
});

test('the client goes before the last </body>, or at the end of a page without one', () => {
  assert.equal(injectClient('<body><p>x</p></BODY></html>', '<s>'), '<body><p>x</p><s></BODY></html>');
  assert.equal(injectClient('<p>x</p>', '<s>'), '<p>x</p><s>');
});

test('ignores dot-folders and editor leftovers only below the watched roots', () => {
  const roots = ['/home/u/.sites/news/content'];
  assert.equal(isIgnoredPath(roots, '/home/u/.sites/news/content/a.md'), false);
  assert.equal(isIgnoredPath(roots, '/home/u/.sites/news/content/.raw/a.txt'), true);
  assert.equal(isIgnoredPath(roots, '/home/u/.sites/news/content/2024/.a.md.swp'), true);
  assert.equal(isIgnoredPath(roots, '/home/u/.sites/news/content/a.md~'), true);
  assert.equal(isIgnoredPath(roots, '/home/u/.sites/news/content/#a.md#'), true);
});
