import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Builder, BuildResult } from '../../src/build/index.js';
import { suggestNoSearch } from '../../src/commands/dev.js';

/** A builder whose builds report the given total and render milliseconds. */
function timedBuilder(runs: [ms: number, render: number][]): Builder {
  let i = 0;
  return {
    build: async (): Promise<BuildResult> => {
      const [ms, render] = runs[i++]!;
      return {
        articles: 0, pages: 0, files: 0, processed: 0, diagnostics: [], ms,
        report: { written: 0, unchanged: 0, removed: 0 },
        timings: { discover: 0, files: 0, corpus: 0, site: ms - render, render, write: 0 },
      };
    },
  };
}

test('slow rebuilds dominated by rendering and indexing suggest --no-search, once', async () => {
  const said: string[] = [];
  const builder = suggestNoSearch(timedBuilder([[30_000, 29_000], [1500, 1000], [8000, 1000], [9000, 8000], [9000, 8000]]), true, (l) => said.push(l));
  for (let i = 0; i < 5; i++) await builder.build(['x']);
  assert.equal(said.length, 1, 'not for the first build, a fast one, or one slow elsewhere; then only once');
  assert.match(said[0]!, /rebuilds take 9\.0 s.*--no-search/);
  const off: string[] = [];
  const quiet = suggestNoSearch(timedBuilder([[1, 0], [9000, 8000]]), false, (l) => off.push(l));
  await quiet.build();
  await quiet.build(['x']);
  assert.deepEqual(off, [], 'nothing to suggest when the index is already off');
});

test('the suggesting builder still previews (the quick first reload of dev)', async () => {
  const previewed: string[][] = [];
  const inner: Builder = {
    ...timedBuilder([]),
    preview: async (changed) => { previewed.push(changed); return { written: 1, unchanged: 0, removed: 0, paths: ['a/index.html'] }; },
  };
  const wrapped = suggestNoSearch(inner, true, () => undefined);
  assert.deepEqual(await wrapped.preview?.(['/site/content/a.md']), { written: 1, unchanged: 0, removed: 0, paths: ['a/index.html'] });
  assert.deepEqual(previewed, [['/site/content/a.md']]);
  assert.equal(suggestNoSearch(timedBuilder([]), true).preview, undefined, 'no preview where the builder has none');
});
