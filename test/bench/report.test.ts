import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport, medianStages, parseStageTimings, type BenchResult } from '../../scripts/bench/report.js';
import { parseBenchArgs, UsageError } from '../../scripts/bench/args.js';

const sample = (ms: number, maxRssMiB: number) => ({ ms, maxRssMiB, treeRssMiB: maxRssMiB + 10, cpuMs: ms * 2, code: 0, output: '' });

test('the table shows medians and the parkpress/Hugo and parkpress/Eleventy ratios', () => {
  const result: BenchResult = {
    date: '2026-11-24T08:00:00Z',
    machine: 'test machine',
    n: 10,
    runs: 3,
    search: true,
    rawBytes: 1e6,
    markdownBytes: 2e6,
    tools: [
      {
        name: 'parkpress',
        label: 'parkpress',
        version: '0.1.0',
        samples: { cold: [sample(3000, 90), sample(1000, 100), sample(2000, 110)] },
      },
      { name: 'hugo', label: 'Hugo', version: '0.111', samples: { cold: [sample(4000, 200), sample(4000, 200), sample(4000, 200)] } },
      { name: 'eleventy', label: 'Eleventy', version: '3', samples: {}, failure: 'exited 1' },
    ],
    floorMs: [600, 400, 500],
    libraries: { articles: 10, openccMs: 300, jiebaMs: 700 },
  };
  const text = formatReport(result, ['cold']);
  assert.match(text, /\| full build \(cold\): time \| 2\.00 s \| 4\.00 s \| – \| 0\.50 \| – \|/);
  assert.match(text, /\| full build \(cold\): CPU \(user\+sys\) \| 4\.00 s \| 8\.00 s \| – \| 0\.50 \| – \|/);
  assert.match(text, /\| full build \(cold\): peak RSS, largest process \| 100 MiB \| 200 MiB \| – \| 0\.50 \| – \|/);
  assert.match(text, /\| full build \(cold\): peak RSS, process tree \| 110 MiB \| 210 MiB \| – \| 0\.52 \| – \|/);
  assert.match(text, /Eleventy FAILED: exited 1/);
  assert.match(text, /10 articles \(1\.0 MB raw/);
  assert.match(text, /I\/O floor .*: 0\.50 s; parkpress full build \/ floor: 4\.00/);
  // 1 s of library CPU against parkpress's median 4 s of CPU; wall time per the machine's cores.
  assert.match(
    text,
    /CPU floor \(opencc-js tw→cn 0\.30 s \+ one jieba cut 0\.70 s per article, nothing else\): 1\.00 s of CPU, \d\.\d\d s of wall time on \d+ cores; parkpress full build CPU \/ floor: 4\.00/,
  );
});

test('parkpress / Hugo-equivalent sits beside the other ratios; a skipped tool and the peer input are said', () => {
  const result: BenchResult = {
    date: '2026-12-03T08:00:00Z',
    machine: 'test machine',
    n: 10,
    runs: 1,
    search: true,
    rawBytes: 1e6,
    markdownBytes: 2e6,
    tools: [
      { name: 'parkpress', label: 'parkpress', version: '0.1.0', samples: { cold: [sample(6000, 300)], add: [sample(3000, 280)] } },
      {
        name: 'hugo-equivalent',
        label: 'Hugo-equivalent',
        version: '0.111',
        samples: { cold: [sample(4000, 600)], add: [sample(2000, 700)] },
      },
      { name: 'hugo', label: 'Hugo', version: '0.111', samples: { cold: [sample(1000, 150)], add: [sample(1000, 140)] } },
    ],
    skipped: ['Eleventy skipped: test'],
    hugoEquivalent: { articles: 8, bytes: 1.5e6 },
    devReloadMs: [200],
  };
  const text = formatReport(result, ['cold', 'add']);
  assert.match(text, /^\| {2}\| parkpress \| Hugo-equivalent \| Hugo \| parkpress\/Hugo-equivalent \| parkpress\/Hugo \|$/m);
  assert.match(text, /^\| full build \(cold\): time \| 6\.00 s \| 4\.00 s \| 1\.00 s \| 1\.50 \| 6\.00 \|$/m);
  assert.match(text, /^\| full build \(cold\): CPU \(user\+sys\) \| 12\.00 s \| 8\.00 s \| 2\.00 s \| 1\.50 \| 6\.00 \|$/m);
  assert.match(text, /^\| full build \(cold\): peak RSS, largest process \| 300 MiB \| 600 MiB \| 150 MiB \| 0\.50 \| 2\.00 \|$/m);
  assert.match(text, /^\| rebuild after adding 1 article: time \| 3\.00 s \| 2\.00 s \| 1\.00 s \| 1\.50 \| 3\.00 \|$/m);
  assert.match(
    text,
    /^\| rebuild after adding 1 article: peak RSS, largest process \| 280 MiB \| 700 MiB \| 140 MiB \| 0\.40 \| 2\.00 \|$/m,
  );
  assert.match(text, /^\| dev: dropped file to reload \| 200 ms \| not measured \| not measured \| – \| – \|$/m);
  assert.match(text, /^Hugo-equivalent: 8 articles \(1\.5 MB\) written by make-content\.mjs .*only Hugo's build is timed$/m);
  assert.match(text, /^Eleventy skipped: test$/m);
  assert.doesNotMatch(text, /parkpress\/Eleventy/);
});

test('stage timings are read from `build --verbose` and reduced to medians', () => {
  const runs = ['x\ntimings (ms): load 10, normalize 300, render 50\n', 'timings (ms): load 30, normalize 100, render 70'].map((t) =>
    parseStageTimings(t)!,
  );
  assert.deepEqual(runs[0], { load: 10, normalize: 300, render: 50 });
  assert.deepEqual(medianStages(runs), { load: 20, normalize: 200, render: 60 });
  assert.equal(parseStageTimings('built 5 pages'), undefined);
});

test('arguments: defaults, sizes with underscores, and clear usage errors', () => {
  const a = parseBenchArgs([], '/p');
  assert.equal(a.n, 1000);
  assert.equal(a.runs, 3);
  assert.deepEqual(a.tools, ['parkpress', 'hugo-equivalent', 'hugo', 'eleventy']);
  assert.equal(a.workDir, '/p/bench-work');
  assert.equal(a.hugoEquivalentDir, '/shared/peers/hugo-equivalent');
  assert.equal(parseBenchArgs(['--hugo-equivalent', '/elsewhere/peer'], '/p').hugoEquivalentDir, '/elsewhere/peer');
  assert.deepEqual(parseBenchArgs(['--tools', 'hugo,Hugo-Equivalent'], '/p').tools, ['hugo-equivalent', 'hugo']);
  assert.equal(parseBenchArgs(['--n', '10_000', '--tools', 'Eleventy,hugo'], '/p').n, 10000);
  assert.deepEqual(parseBenchArgs(['--tools', 'eleventy,hugo'], '/p').tools, ['hugo', 'eleventy']);
  assert.throws(() => parseBenchArgs(['--n', '0'], '/p'), UsageError);
  assert.throws(() => parseBenchArgs(['--tools', 'jekyll'], '/p'), /choose from/);
  assert.throws(() => parseBenchArgs(['--bogus'], '/p'), UsageError);
  assert.equal(a.search, true);
  assert.equal(parseBenchArgs(['--no-search'], '/p').search, false);
});
