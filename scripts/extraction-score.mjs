#!/usr/bin/env node
// The extraction dev-set score: checks ../shared/extraction-dev/pages with this checkout (as a folder,
// so the site template is counted over it) and prints the table of its own scorer, score.mjs
// (headline, date, source, body P/R/F1, furniture, per site and overall).
// Usage (after `npm run compile`): node scripts/extraction-score.mjs [score.mjs options: --worst N, --site SITE, --json OUT]
//   PARKPRESS_DEV_SET: the dev set's folder (default ../shared/extraction-dev)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devSet = path.resolve(process.env.PARKPRESS_DEV_SET ?? path.join(root, '..', 'shared', 'extraction-dev'));
const scorer = path.join(devSet, 'score.mjs');
if (!existsSync(scorer) || !existsSync(path.join(devSet, 'pages'))) {
  console.error(`extraction-score: no dev set at ${devSet} (pages/ and score.mjs are needed).`);
  console.error('It lives in ../shared/extraction-dev beside the checkout; set PARKPRESS_DEV_SET to use another folder.');
  process.exit(2);
}

let json;
try {
  json = execFileSync(process.execPath, [path.join(root, 'bin', 'parkpress.js'), 'check', '--json', path.join(devSet, 'pages')], {
    cwd: root,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (err) {
  // check exits 1 when a page has an error diagnostic (a page with no article); the JSON is complete.
  if (typeof err.stdout !== 'string' || err.stdout === '') throw err;
  json = err.stdout;
}
const work = mkdtempSync(path.join(os.tmpdir(), 'parkpress-score-'));
try {
  const file = path.join(work, 'check.json');
  writeFileSync(file, json);
  const r = spawnSync(process.execPath, [scorer, file, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
