#!/usr/bin/env node
// Runs the compiled test files (lib/test/**/*.test.js) with node's test runner.
// Node 20's `--test DIR` would also run every helper module under test/, so we list files ourselves.
// Usage: node scripts/test.mjs [substring...]   (only files whose path contains one of the substrings)
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.test.js') ? [p] : [];
  });
}

const filters = process.argv.slice(2);
const files = walk('lib/test')
  .sort()
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// A test file that leaves a handle open never exits; end the run with a clear message long before
// CI's own limit instead of hanging there (PARKPRESS_TEST_TIMEOUT_MIN to change it).
const minutes = Number(process.env.PARKPRESS_TEST_TIMEOUT_MIN ?? 30);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  timeout: minutes * 60_000,
  killSignal: 'SIGKILL',
});
if (r.error || r.signal) {
  console.error(`test run stopped after ${minutes} min: a test file did not finish (open handle or hang)`);
  process.exit(1);
}
process.exit(r.status ?? 1);
