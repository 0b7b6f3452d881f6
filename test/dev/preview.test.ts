import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from '../../src/run/builder.js';
import { realStages, type Stages } from '../../src/run/stages.js';
import { projectRoot } from '../helpers/paths.js';
import { fakeBuilder, sampleSite, serveDev, serveSampleSite, tempSite, testTiming } from './helpers.js';
import { withPreview } from '../../src/dev/preview.js';

/**
 * The real stages, except that rendering waits for `release()` while `hold` is on: the full
 * rebuild (phase 2) then cannot finish before the test has looked at what phase 1 wrote.
 */
function gatedStages(): { stages: Stages; hold(): void; release(): void; finished: () => number } {
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let finished = 0;
  const stages: Stages = {
    ...realStages,
    async *renderSite(site, facts) {
      if (gate) await gate;
      yield* realStages.renderSite(site, facts);
      finished++;
    },
  };
  return {
    stages,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = undefined;
      open?.();
    },
    finished: () => finished,
  };
}

/** Site-internal hrefs of a page (no prefix: the test site has none), decoded. */
function internalLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#?]*)"/g)].map((m) => decodeURI(m[1]!));
}

function fileOf(outDir: string, url: string): string {
  return path.join(outDir, url.endsWith('/') ? `${url}index.html` : url);
}

/** The article pages (articles/…/index.html) in dist/. */
async function articlePages(outDir: string): Promise<string[]> {
  const all = await readdir(path.join(outDir, 'articles'), { recursive: true });
  return all
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `articles/${f.split(path.sep).join('/')}`)
    .sort();
}

test('dev preview: a new article is on screen before the full rebuild, complete and linking only to pages that exist; the rebuild then updates every page', async () => {
  const site = await sampleSite();
  const gated = gatedStages();
  const { server, events, stop } = await serveDev({
    builder: withPreview(createBuilder(site.config, { quiet: true, inPlace: true }, gated.stages), site.config),
    outDir: site.config.outDir,
    watch: [site.config.contentDir, site.config.templatesDir, site.config.publicDir],
    timing: testTiming,
    dispose: site.dispose,
  });
  const out = site.config.outDir;
  try {
    await events.next('state');
    const before = await articlePages(out);
    gated.hold();
    await copyFile(path.join(projectRoot, 'content', site.dropped), path.join(site.config.contentDir, site.dropped));

    const first = (await events.next('reload', 60_000)).data as { paths: string[] };
    assert.equal(gated.finished(), 1, 'phase 1 reloaded while the full rebuild was still waiting to render');
    const [page, ...others] = (await articlePages(out)).filter((p) => !before.includes(p));
    assert.ok(page && others.length === 0, 'one new article page');
    assert.ok(first.paths.includes(page) && first.paths.includes('index.html'), 'the reload names the new page and home');
    const url = `/${page.replace(/index\.html$/, '')}`;
    const html = await readFile(path.join(out, page), 'utf8');
    assert.match(html, /<\/html>\s*$/, 'the page is complete');
    assert.match(html, /<article/);
    for (const link of internalLinks(html)) assert.ok(existsSync(fileOf(out, link)), `${url} links to ${link}, which exists`);
    assert.ok((await readFile(path.join(out, 'index.html'), 'utf8')).includes(`href="${encodeURI(url)}"`), 'home lists it');
    const other = path.join(out, before[0]!);
    assert.ok(!(await readFile(other, 'utf8')).includes(`href="${encodeURI(url)}"`), 'other articles wait for phase 2');

    gated.release();
    const second = (await events.next('reload', 60_000)).data as { paths: string[] };
    await server.idle();
    assert.ok(second.paths.includes(before[0]!), 'phase 2 reloads the pages it changed');
    assert.ok(
      (await readFile(other, 'utf8')).includes(`href="${encodeURI(url)}"`),
      'phase 2 put it in the 最新 sidebar of the other articles',
    );
    for (const link of internalLinks(await readFile(path.join(out, page), 'utf8')))
      assert.ok(existsSync(fileOf(out, link)), `${link} exists`);
  } finally {
    gated.release();
    await stop();
  }
});

test('dev preview: deleting an article removes its page and its home link at once; renaming keeps one page', async () => {
  const site = await sampleSite();
  await copyFile(path.join(projectRoot, 'content', site.dropped), path.join(site.config.contentDir, site.dropped));
  const gated = gatedStages();
  const builder = withPreview(createBuilder(site.config, { quiet: true, inPlace: true }, gated.stages), site.config);
  const builds: (string[] | undefined)[] = [];
  const { server, events, stop } = await serveDev({
    builder: {
      preview: builder.preview,
      build: (changed) => {
        builds.push(changed);
        return builder.build(changed);
      },
    },
    outDir: site.config.outDir,
    watch: [site.config.contentDir],
    timing: testTiming,
    dispose: site.dispose,
  });
  const out = site.config.outDir;
  try {
    await events.next('state');
    const all = await articlePages(out);
    const file = path.join(site.config.contentDir, site.dropped);
    const renamed = path.join(site.config.contentDir, `renamed-${site.dropped}`);
    await rename(file, renamed);
    // Same text, same slug: maybe nothing to reload. Wait for the rebuilds themselves.
    const handed = () => new Set(builds.flatMap((b) => b ?? []).map((f) => path.basename(f)));
    while (!(handed().has(site.dropped) && handed().has(`renamed-${site.dropped}`))) await new Promise((r) => setTimeout(r, 20));
    await server.idle();
    assert.deepEqual(await articlePages(out), all, 'a rename keeps the article under the same URL, with one page');
    await events.catchUp(server.build());

    gated.hold();
    const rendered = gated.finished();
    await rm(renamed);
    const first = (await events.next('reload', 60_000)).data as { paths: string[] };
    assert.equal(gated.finished(), rendered, 'phase 1 reloaded before the full rebuild rendered');
    const [gone, ...more] = all.filter((p) => !existsSync(path.join(out, p)));
    assert.ok(gone && more.length === 0, 'its page is removed');
    assert.ok(first.paths.includes(gone));
    const url = encodeURI(`/${gone.replace(/index\.html$/, '')}`);
    assert.ok(!(await readFile(path.join(out, 'index.html'), 'utf8')).includes(`href="${url}"`), 'home no longer lists it');
    gated.release();
    await server.idle();
    for (const p of await articlePages(out))
      assert.ok(!(await readFile(path.join(out, p), 'utf8')).includes(`href="${url}"`), `${p} no longer links to it`);
  } finally {
    gated.release();
    await stop();
  }
});

test('dev preview: a file with errors, a site whose last build failed and a failing preview all fall through to the full rebuild', async () => {
  const site = await sampleSite();
  const lines: string[] = [];
  const real = withPreview(createBuilder(site.config, { quiet: true, inPlace: true }), site.config);
  const builds: (string[] | undefined)[] = [];
  const { server, events, stop } = await serveDev({
    builder: {
      preview: real.preview,
      build: (changed) => {
        builds.push(changed);
        return real.build(changed);
      },
    },
    outDir: site.config.outDir,
    watch: [site.config.contentDir, site.config.templatesDir],
    timing: testTiming,
    log: lines,
    dispose: site.dispose,
  });
  try {
    await events.next('state');
    await writeFile(path.join(site.config.contentDir, 'empty.txt'), '\n\n');
    const problems = (await events.next('problems', 60_000)).data as { problems: { file: string }[] };
    assert.deepEqual(
      problems.problems.map((p) => p.file),
      ['empty.txt'],
    );
    await server.idle();
    assert.ok(!lines.some((l) => l.includes('previewed')), 'no preview of a file with errors');

    // A template broken (one the preview does not use): the full build fails and the last good
    // build is served; a new article must not be previewed into it.
    const template = path.join(site.config.templatesDir, '404.njk');
    await writeFile(template, `${await readFile(template, 'utf8')}{% if %}`);
    await server.idle();
    await events.next('problems', 60_000);
    const dropped = path.join(site.config.contentDir, site.dropped);
    await copyFile(path.join(projectRoot, 'content', site.dropped), dropped);
    while (!builds.some((b) => b?.includes(dropped))) await new Promise((r) => setTimeout(r, 20));
    await server.idle();
    assert.ok(server.problems().length > 0, 'the template is still broken');
    assert.ok(!lines.some((l) => l.includes('previewed')), 'no preview while the last build failed');
  } finally {
    await stop();
  }

  const fake = await tempSite();
  await writeFile(path.join(fake.root, 'templates', 'page.html'), '<html><body>{{title}}</body></html>');
  const builder = Object.assign(fakeBuilder(fake.root), {
    preview: async () => {
      throw new Error('preview broke');
    },
  });
  const log: string[] = [];
  const second = await serveDev({
    builder,
    outDir: path.join(fake.root, 'dist'),
    watch: [path.join(fake.root, 'content')],
    timing: testTiming,
    log,
    dispose: fake.dispose,
  });
  const stream = second.events;
  try {
    await stream.next('state');
    await writeFile(path.join(fake.root, 'content', 'a.md'), '标题\n正文');
    const reload = (await stream.next('reload')).data as { paths: string[] };
    assert.ok(reload.paths.includes('a/index.html'), 'the full rebuild still shows the change');
    assert.ok(log.some((l) => l.includes('quick preview failed (preview broke)')));
  } finally {
    await second.stop();
  }
});

test('dev preview: a template edited while dev runs is used by the next preview', async () => {
  const site = await sampleSite();
  const { server, events, stop } = await serveSampleSite(
    site,
    withPreview(createBuilder(site.config, { quiet: true, inPlace: true }), site.config),
  );
  const out = site.config.outDir;
  try {
    await events.next('state');
    // One preview of an article page first, so the article template has been compiled for previews.
    const edited = path.join(site.config.contentDir, (await readdir(site.config.contentDir)).sort()[0]!);
    await writeFile(edited, `${await readFile(edited, 'utf8')}\n\n编者按：本文已更新。\n`);
    await events.next('reload', 60_000);
    await server.idle();
    await events.catchUp(server.build());

    const marker = '<!-- article template edited -->';
    const template = path.join(site.config.templatesDir, 'article.njk');
    await writeFile(template, (await readFile(template, 'utf8')).replace('</article>', `</article>${marker}`));
    await events.next('reload', 60_000);
    await server.idle();
    await events.catchUp(server.build());

    const before = await articlePages(out);
    await copyFile(path.join(projectRoot, 'content', site.dropped), path.join(site.config.contentDir, site.dropped));
    await events.next('reload', 60_000);
    const [page] = (await articlePages(out)).filter((p) => !before.includes(p));
    assert.ok(page, 'the new article has a page');
    assert.ok((await readFile(path.join(out, page), 'utf8')).includes(marker), 'previewed with the edited template');
  } finally {
    await stop();
  }
});
