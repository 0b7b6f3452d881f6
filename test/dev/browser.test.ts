import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDevServer } from '../../src/dev/server.js';
import { chromiumMissing, openBrowser, waitFor } from './browser.js';
import { fakeBuilder, tempSite } from './helpers.js';

const PAGE = '<!doctype html><html><head><title>{{title}}</title></head><body><h1>{{title}}</h1>{{body}}</body></html>';

test(
  'in a real browser: the page reloads itself after a save, and shows then clears the error overlay',
  { skip: chromiumMissing() },
  async () => {
    const site = await tempSite();
    const template = path.join(site.root, 'templates', 'page.html');
    const article = path.join(site.root, 'content', 'a.md');
    await writeFile(template, PAGE);
    await writeFile(article, '旧标题\n正文');
    const server = await createDevServer({
      builder: fakeBuilder(site.root),
      outDir: path.join(site.root, 'dist'),
      watch: [path.join(site.root, 'content'), path.join(site.root, 'templates')],
      port: 0,
      timing: { stabilityMs: 60, pollMs: 10, batchMs: 20 },
      log: { info() {}, error() {} },
    });
    const browser = await openBrowser();
    try {
      const tab = await browser.open(new URL('a/', server.url).href);
      await waitFor(tab, `document.querySelector('h1')?.textContent === '旧标题'`);
      await tab.evaluate('window.notReloaded = true');

      await writeFile(article, '新标题\n正文');
      await waitFor(tab, `document.querySelector('h1')?.textContent === '新标题'`);
      assert.equal(await tab.evaluate('window.notReloaded'), undefined, 'the page was reloaded');

      await writeFile(template, PAGE.replace('<body>', '<body>{% if'));
      await waitFor(tab, `document.querySelector('parkpress-overlay')?.shadowRoot.textContent.includes('unexpected end of block tag')`);
      const overlayText = await tab.evaluate<string>(`document.querySelector('parkpress-overlay').shadowRoot.textContent`);
      assert.match(overlayText, /templates\/page\.html:1:1/);

      await writeFile(template, PAGE.replace('<h1>', '<h1 id="fixed">'));
      await waitFor(tab, `document.getElementById('fixed') && !document.querySelector('parkpress-overlay')`);
    } finally {
      try {
        await browser.close();
      } finally {
        await server.close();
        await site.dispose();
      }
    }
  },
);
