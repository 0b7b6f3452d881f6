import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instrument } from '../../scripts/bench/stages.js';
import { realStages, type Stages } from '../../src/run/stages.js';
import type { Article, Config, OutputPage, Page, Site } from '../../src/model/index.js';

test('each stage is passed through unchanged and followed by one measurement, in build order', async () => {
  const calls: string[] = [];
  const fake: Stages = {
    ...realStages,
    discover: async () => {
      calls.push('discover');
      return ['a'];
    },
    enrichCorpus: (articles: Article[]) => {
      calls.push('corpus');
      return { articles, facts: new Map() };
    },
    buildSite: () => {
      calls.push('site');
      return { articles: [] } as unknown as Site;
    },
    renderSite: async function* () {
      calls.push('render');
      yield* [{ path: 'index.html', content: 'x' }] as Page[];
    },
    writeSite: async () => {
      calls.push('write');
      return { written: 1, unchanged: 0, removed: 0, paths: [] } as never;
    },
  };
  let gcs = 0;
  const { stages, marks } = instrument(fake, () => {
    gcs++;
  });
  assert.deepEqual(await stages.discover('/c'), ['a']);
  stages.enrichCorpus([], new Map(), {} as Config);
  stages.buildSite([], new Map(), {} as Config);
  const pages: OutputPage[] = [];
  for await (const p of stages.renderSite({} as Site, new Map())) pages.push(p);
  assert.equal(pages.length, 1);
  await stages.writeSite((async function* () {})(), '/out');
  assert.deepEqual(calls, ['discover', 'corpus', 'site', 'render', 'write']);
  assert.deepEqual(
    marks.map((m) => m.stage),
    ['discover', 'files (load, normalize, extract)', 'corpus', 'site', 'render', 'write'],
  );
  assert.equal(gcs, marks.length);
  assert.ok(marks.every((m) => m.ms >= 0 && m.heapMiB > 0 && m.rssMiB >= m.heapMiB));
});

test('time write spends on streamed pages is charged to write, not to render', async () => {
  const fake: Stages = {
    ...realStages,
    renderSite: async function* () {
      yield* [
        { path: 'a.html', content: 'a' },
        { path: 'b.html', content: 'b' },
      ] as Page[];
    },
    writeSite: async (pages) => {
      for await (const _ of pages) await new Promise((r) => setTimeout(r, 60));
      return { written: 2, unchanged: 0, removed: 0, paths: [] };
    },
  };
  const { stages, marks } = instrument(fake, () => {});
  await stages.writeSite(stages.renderSite({} as Site, new Map()), '/out');
  const [render, write] = marks;
  assert.deepEqual(
    marks.map((m) => m.stage),
    ['render', 'write'],
  );
  // The consumer waited 120 ms in all; rendering two literal pages takes next to nothing.
  assert.ok(write!.ms >= 110, `write ${write!.ms} ms`);
  assert.ok(render!.ms < write!.ms / 2, `render ${render!.ms} ms`);
});
