#!/usr/bin/env node
// Precision of inferred dates: every page of the extraction dev set is copied to a temp folder with
// its date lines removed, checked like the original, and each date parkpress then infers is
// compared with the page's gold date. A wrong date is worse than none: the figure that matters is
// the share of inferred dates that are right, beside how many pages get one at all.
//
// Removed from each page: every line that reads as a dateline (parseDateline), and every short line
// (no 。, at most 80 characters) holding the page's gold date in a common written form, unless the
// line is part of the article's own text (the gold content): the text stays whole, only the page's
// statement of its date goes.
//
// Usage (after `npm run compile`): node scripts/inferred-date-precision.mjs [DEV_SET] [--list]
//   DEV_SET: the folder with pages/ and gold.json (default ../shared/extraction-dev)
//   --list:  print each page that got an inferred date, right or wrong
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDateline } from '../lib/src/stages/extract/rules/dateline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const list = args.includes('--list');
const devSet = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '..', 'shared', 'extraction-dev'));
if (!existsSync(path.join(devSet, 'gold.json'))) {
  console.error(`no extraction dev set at ${devSet} (gold.json missing); pass its folder as the first argument`);
  process.exit(2);
}

const gold = JSON.parse(readFileSync(path.join(devSet, 'gold.json'), 'utf8'));

/** The ways a page may write its day: 2019-09-24, 2019-9-24, 2019/09/24, 2019.9.24, 2019年9月24日, 24/09/2019, 108/09/24. */
function writtenForms(day) {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  const p = (n) => String(n).padStart(2, '0');
  const forms = new Set();
  for (const mm of [String(m), p(m)]) {
    for (const dd of [String(d), p(d)]) {
      for (const sep of ['-', '/', '.']) forms.add(`${y}${sep}${mm}${sep}${dd}`);
      forms.add(`${y}年${mm}月${dd}日`);
      forms.add(`${dd}/${mm}/${y}`);
      forms.add(`${mm}/${dd}/${y}`);
      forms.add(`${y - 1911}/${mm}/${dd}`);
      forms.add(`${y - 1911}年${mm}月${dd}日`);
    }
  }
  return [...forms];
}

function isDateLine(line, forms, content) {
  const text = line.trim();
  if (!text || content.has(text)) return false;
  if (parseDateline(text)) return true;
  const compact = text.replace(/\s+/gu, '');
  return !text.includes('。') && [...text].length <= 80 && forms.some((f) => compact.includes(f));
}

const work = mkdtempSync(path.join(os.tmpdir(), 'parkpress-undated-'));
const pages = path.join(work, 'pages');
mkdirSync(pages);
let removed = 0;
for (const file of readdirSync(path.join(devSet, 'pages')).sort()) {
  const text = readFileSync(path.join(devSet, 'pages', file), 'utf8');
  const day = gold[file]?.date;
  const forms = day ? writtenForms(day) : [];
  const content = new Set(
    (gold[file]?.content ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const kept = text.split('\n').filter((line) => {
    const drop = isDateLine(line, forms, content);
    if (drop) removed++;
    return !drop;
  });
  writeFileSync(path.join(pages, file), kept.join('\n'));
}

let checked;
try {
  const out = execFileSync(process.execPath, [path.join(root, 'bin', 'parkpress.js'), 'check', '--json', pages], {
    cwd: root,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  checked = JSON.parse(out);
} catch (err) {
  // check exits 1 when a page has an error diagnostic; its JSON is still complete.
  checked = JSON.parse(err.stdout);
} finally {
  rmSync(work, { recursive: true, force: true });
}

let inferred = 0;
let right = 0;
let stated = 0;
let withGold = 0;
const rows = [];
for (const entry of checked) {
  const file = path.basename(entry.file);
  const want = gold[file]?.date;
  if (!want) continue;
  withGold++;
  if (entry.date && entry.date_source === 'explicit') {
    stated++;
    if (list) rows.push(`stated ${file}  ${entry.date.slice(0, 10)}  gold ${want.slice(0, 10)}`);
  }
  if (!entry.date || entry.date_source !== 'inferred') continue;
  inferred++;
  const ok = entry.date.slice(0, 10) === want.slice(0, 10);
  if (ok) right++;
  rows.push(`${ok ? 'right' : 'WRONG'}  ${file}  inferred ${entry.date.slice(0, 10)}  gold ${want.slice(0, 10)}`);
}

if (list) for (const row of rows.sort()) console.log(row);
const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`pages with a gold date: ${withGold}; date lines removed: ${removed}`);
console.log(`inferred dates: ${inferred} pages (${pct(inferred, withGold)}), right ${right}: precision ${pct(right, inferred)}`);
console.log(`still stated (a date line the removal missed): ${stated}`);
