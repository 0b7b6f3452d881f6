import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_STAGE, libraryOf, stageOf, summarizeProfile, type CpuProfile } from '../../scripts/bench/profile.js';

const root = 'file:///w/pp';
const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

test('frames map to parkpress stages and to libraries', () => {
  assert.equal(stageOf(`${root}/lib/src/stages/normalize/rules.js`), 'normalize');
  assert.equal(stageOf(`${root}/lib/src/cli.js`), 'cli');
  assert.equal(stageOf(`${root}/node_modules/opencc-js/dist/esm/full.js`), undefined);
  assert.equal(libraryOf(`${root}/node_modules/@node-rs/jieba/index.js`, 'cut'), '@node-rs/jieba');
  assert.equal(libraryOf('node:fs', 'readFileSync'), 'node internals');
  assert.equal(libraryOf('', '(garbage collector)'), '(garbage collector)');
});

test('library time is charged to the innermost parkpress stage that called it', () => {
  // root -> build -> normalize -> opencc (leaf);  root -> build -> render (leaf);  root -> (garbage collector)
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 6] },
      { id: 2, callFrame: frame('build', `${root}/lib/src/run/builder.js`), children: [3, 5] },
      { id: 3, callFrame: frame('normalize', `${root}/lib/src/stages/normalize/index.js`), children: [4] },
      { id: 4, callFrame: frame('convert', `${root}/node_modules/opencc-js/dist/esm/full.js`) },
      { id: 5, callFrame: frame('renderSite', `${root}/lib/src/stages/render/index.js`) },
      { id: 6, callFrame: frame('(garbage collector)', '') },
    ],
    samples: [4, 4, 5, 6, 4],
    // Microseconds before each sample; the time after a sample is the next delta.
    timeDeltas: [0, 1000, 1000, 2000, 3000],
  };
  const s = summarizeProfile(profile);
  // Durations per sample: 1, 1, 2, 3, 0 ms (the last sample has no next delta).
  assert.deepEqual(s.byStage, [
    { area: '(garbage collector)', ms: 3 },
    { area: 'normalize', ms: 2 },
    { area: 'render', ms: 2 },
  ]);
  assert.deepEqual(
    s.byLibrary.find((e) => e.area === 'opencc-js'),
    { area: 'opencc-js', ms: 2 },
  );
  assert.equal(s.totalMs, 7);
  assert.deepEqual(
    s.top.map((f) => [f.fn, f.where, f.ms]),
    [
      ['(garbage collector)', '–', 3],
      ['convert', 'opencc-js/dist/esm/full.js:1', 2],
      ['renderSite', 'lib/src/stages/render/index.js:1', 2],
    ],
  );
});

test('samples with no parkpress frame on the stack are grouped apart', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2] },
      { id: 2, callFrame: frame('readFile', 'node:fs') },
    ],
    samples: [2, 2],
    timeDeltas: [0, 5000],
  };
  assert.deepEqual(summarizeProfile(profile).byStage, [{ area: NO_STAGE, ms: 5 }]);
});
