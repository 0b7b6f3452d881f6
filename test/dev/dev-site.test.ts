import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from '../../src/run/builder.js';
import { EVENTS_PATH } from '../../src/dev/client.js';
import { createDevServer } from '../../src/dev/server.js';
import { projectRoot } from '../helpers/paths.js';
import { get, openEvents, sampleSite } from './helpers.js';
import { withPreview } from '../../src/dev/preview.js';

/** Output HTML files, relative to dist/. */
async function htmlFiles(dir: string, base = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await htmlFiles(dir, rel)));
    else if (e.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

/** The URL path a page is served at (`a/b/index.html` -> `/a/b/`). */
const urlOf = (rel: string) => `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;

async function pagesLinkingTo(outDir: string, url: string): Promise<string[]> {
  const linking: string[] = [];
  for (const rel of await htmlFiles(outDir)) {
    if (urlOf(rel) === url) continue;
    if ((await readFile(path.join(outDir, rel), 'utf8')).includes(`href="${url}"`)) linking.push(rel);
  }
  return linking;
}

test('dev on a real site: a dropped sample article is served and listed, deleting it removes it everywhere, template errors show and clear', async () => {
  const site = await sampleSite();
  const { config, dropped } = site;
  const lines: string[] = [];
  const server = await createDevServer({
    builder: withPreview(createBuilder(config, { quiet: true, inPlace: true }), config),
    outDir: config.outDir,
    watch: [config.contentDir, config.templatesDir, config.publicDir],
    port: 0,
    timing: { stabilityMs: 60, pollMs: 10, batchMs: 20 },
    log: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
  });
  const events = await openEvents(new URL(EVENTS_PATH, server.url).href);
  const origin = new URL(server.url).origin;
  try {
    assert.deepEqual((await events.next('state')).data, { build: 1, problems: [] });
    const before = new Set(await htmlFiles(config.outDir));

    await copyFile(path.join(projectRoot, 'content', dropped), path.join(site.root, 'content', dropped));
    // Two reloads: the quick preview, then the full rebuild (tested in preview.test.ts); check the end state.
    await events.next('reload', 120_000);
    await server.idle();
    await events.catchUp(server.build());
    const added = (await htmlFiles(config.outDir)).filter((rel) => !before.has(rel));
    assert.ok(added.length > 0, 'the new article has pages');
    const articleUrls: string[] = [];
    for (const rel of added) {
      const page = await get(origin + urlOf(rel));
      assert.equal(page.status, 200, `${urlOf(rel)} is served`);
      if ((await pagesLinkingTo(config.outDir, urlOf(rel))).length > 0) articleUrls.push(urlOf(rel));
    }
    assert.ok(articleUrls.length > 0, 'some page links to the new article');

    await rm(path.join(site.root, 'content', dropped));
    await events.next('reload', 120_000);
    await server.idle();
    await events.catchUp(server.build());
    for (const url of articleUrls) {
      assert.equal((await get(origin + url)).status, 404, `${url} is gone`);
      assert.deepEqual(await pagesLinkingTo(config.outDir, url), [], `no page links to ${url} any more`);
    }

    const templates = (await readdir(config.templatesDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
    const originals = new Map(await Promise.all(templates.map(async (t) => [t, await readFile(t, 'utf8')] as const)));
    for (const [t, text] of originals) await writeFile(t, `${text}{% if %}`);
    const broken = (await events.next('problems', 120_000)).data as { problems: unknown[] };
    assert.ok(broken.problems.length > 0);
    assert.ok(
      lines.some((l) => /problem/.test(l)),
      'the terminal says so',
    );
    assert.equal((await get(server.url)).status, 200, 'the last good build is still served');

    const marker = '<!-- edited while dev runs -->';
    for (const [t, text] of originals) await writeFile(t, text.replace(/<\/body>/i, `${marker}</body>`));
    // Writing the templates one by one may have started more than one broken rebuild: wait through their reports.
    let fixed = (await events.next('problems', 120_000)).data as { problems: unknown[] };
    while (fixed.problems.length > 0) fixed = (await events.next('problems', 120_000)).data as { problems: unknown[] };
    assert.deepEqual(fixed, { problems: [] });
    await events.next('reload', 120_000);
    assert.ok((await get(server.url)).text.includes(marker), 'a template change re-renders the pages using it');
  } finally {
    events.close();
    await server.close();
    await site.dispose();
  }
});
