import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { appendFile, copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from '../../src/run/builder.js';
import { realStages, type Stages } from '../../src/run/stages.js';
import { withPreview } from '../../src/dev/preview.js';
import { devBuilder, twinBuilders } from '../../src/dev/twins.js';
import { projectRoot } from '../helpers/paths.js';
import { assertSameTree, oneOffBuild, sampleSite, serveSampleSite, tree, type ServerEvent } from './helpers.js';

/**
 * The real stages, except that rendering waits while the gate is held; `entered` resolves once a
 * build is waiting there, so the test knows the rebuild is under way and not finished.
 */
function gate(): { stages: Stages; hold(): void; release(): void; entered: () => Promise<void>; finished: () => number } {
  let held: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let arrived: (() => void) | undefined;
  let entered = Promise.resolve();
  let finished = 0;
  const stages: Stages = {
    ...realStages,
    async *renderSite(site, facts) {
      if (held) {
        arrived?.();
        await held;
      }
      yield* realStages.renderSite(site, facts);
      finished++;
    },
  };
  return {
    stages,
    hold() {
      held = new Promise((resolve) => (open = resolve));
      entered = new Promise((resolve) => (arrived = resolve));
    },
    release() {
      held = undefined;
      open?.();
    },
    entered: () => entered,
    finished: () => finished,
  };
}

async function nextReloadNaming(events: { next(event: string, within?: number): Promise<ServerEvent> }, page: string) {
  for (;;) {
    const data = (await events.next('reload', 60_000)).data as { paths?: string[] };
    if (!data.paths || data.paths.includes(page)) return data;
  }
}

test('dev twins: a save made during a full rebuild is previewed before that rebuild ends; the end state is a one-off build', async () => {
  const site = await sampleSite();
  const held = gate();
  const twin = () => withPreview(createBuilder(site.config, { quiet: true, inPlace: true }, held.stages), site.config);
  const { server, events, stop } = await serveSampleSite(site, twinBuilders(twin(), twin()));
  const out = site.config.outDir;
  try {
    await events.next('state');
    await server.idle(); // the second twin's first build
    const before = new Set((await tree(out)).keys());

    // A template edit: every page changes, and the rebuild waits before rendering.
    held.hold();
    const marker = '<!-- edited while dev runs -->';
    await appendFile(path.join(site.config.templatesDir, 'base.njk'), marker);
    await held.entered();
    const rendered = held.finished();

    await copyFile(path.join(projectRoot, 'content', site.dropped), path.join(site.config.contentDir, site.dropped));
    const first = (await events.next('reload', 60_000)).data as { paths: string[] };
    assert.equal(held.finished(), rendered, 'the preview reloaded while the full rebuild was still under way');
    const added = [...(await tree(out)).keys()].filter((p) => !before.has(p) && p.startsWith('articles/'));
    assert.equal(added.length, 1, 'the new article has its page');
    const page = added[0]!;
    assert.ok(first.paths.includes(page) && first.paths.includes('index.html'), 'the reload names its page and home');
    assert.match(await readFile(path.join(out, page), 'utf8'), /<\/html>/, 'the page is complete');

    held.release();
    // The rebuild's output does not have the save; browsers are told only once it is previewed on it.
    const next = await nextReloadNaming(events, page);
    assert.ok(existsSync(path.join(out, page)), 'the saved article is still on screen after the rebuild');
    assert.ok(next.paths === undefined || next.paths.includes('index.html'));
    await server.idle();
    const final = await tree(out);
    assert.ok(final.get(page)!.toString('utf8').includes(marker), 'the full build re-rendered it with the edited template');
    assertSameTree(final, await oneOffBuild(site.config, site.root));
  } finally {
    held.release();
    await stop();
  }
});

test('dev builder threads: builds and previews in worker threads; template errors reach the overlay; the output is a one-off build', async () => {
  const site = await sampleSite();
  const { server, events, stop } = await serveSampleSite(site, devBuilder(site.config));
  const out = site.config.outDir;
  try {
    await events.next('state');
    await server.idle();
    await copyFile(path.join(projectRoot, 'content', site.dropped), path.join(site.config.contentDir, site.dropped));
    const first = (await events.next('reload', 60_000)).data as { paths: string[] };
    const page = first.paths.find((p) => p.startsWith('articles/'));
    assert.ok(page && existsSync(path.join(out, page)), 'the preview wrote the new article page');
    await server.idle();

    const base = path.join(site.config.templatesDir, 'base.njk');
    const text = await readFile(base, 'utf8');
    await writeFile(base, `${text}{% if %}`);
    const broken = (await events.next('problems', 60_000)).data as { problems: { file?: string; message: string }[] };
    assert.ok(broken.problems.length > 0 && broken.problems[0]!.message.length > 0, 'the thread’s error is shown');
    await writeFile(base, text);
    let fixed = (await events.next('problems', 60_000)).data as { problems: unknown[] };
    while (fixed.problems.length > 0) fixed = (await events.next('problems', 60_000)).data as { problems: unknown[] };
    await server.idle();
    assertSameTree(await tree(out), await oneOffBuild(site.config, site.root));
  } finally {
    await stop();
  }
});
