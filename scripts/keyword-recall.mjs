#!/usr/bin/env node
// Keyword recall: for every article whose page (or editor) states keywords, hide them, compute
// keywords as parkpress does for pages that state none, and report how many stated keywords the
// computed ones recover.
//
//   npm run compile && node scripts/keyword-recall.mjs [content-dir] [--background DIR]
//
// `--background DIR` adds DIR's articles to the corpus the IDF is computed from (they are not scored),
// to show how recall changes when the site's own IDF has more documents behind it.
// A stated keyword counts as `exact` when a computed keyword equals it, and as `covered` when one
// contains the other (镇江高新区 vs 高新区).
import path from 'node:path';
import { defaultConfig } from '../lib/src/config/defaults.js';
import { discoverSources } from '../lib/src/stages/load/discover.js';
import { processFile } from '../lib/src/run/process.js';
import { computeKeywords } from '../lib/src/stages/corpus/keywords.js';

const args = process.argv.slice(2);
const bgAt = args.indexOf('--background');
const background = bgAt >= 0 ? args.splice(bgAt, 2)[1] : undefined;
const contentDir = path.resolve(args[0] ?? 'content');
const config = defaultConfig(process.cwd());

async function articlesIn(dir) {
  const out = [];
  for (const file of await discoverSources(dir)) {
    const r = await processFile(file, dir, config);
    if (r.article) out.push({ ...r.article, counts: r.facts.terms.keywords });
  }
  return out;
}

const scored = await articlesIn(contentDir);
const extra = background ? await articlesIn(path.resolve(background)) : [];
const computed = computeKeywords([...scored, ...extra].map((a) => a.counts));

let stated = 0;
let exact = 0;
let covered = 0;
let articles = 0;
for (const [i, a] of scored.entries()) {
  if (a.keywords.length === 0) continue;
  articles++;
  const mine = computed[i];
  const hitExact = a.keywords.filter((k) => mine.includes(k));
  const hitCovered = a.keywords.filter((k) => mine.some((c) => c.includes(k) || k.includes(c)));
  stated += a.keywords.length;
  exact += hitExact.length;
  covered += hitCovered.length;
  console.log(
    `${a.file}\n  stated:   ${a.keywords.join(' ')}\n  computed: ${mine.join(' ')}\n  exact ${hitExact.length}/${a.keywords.length}, covered ${hitCovered.length}/${a.keywords.length}`,
  );
}
const pct = (n) => (stated ? `${((100 * n) / stated).toFixed(1)}%` : 'n/a');
console.log(`\n${articles} articles with stated keywords, ${stated} keywords; corpus for IDF: ${scored.length + extra.length} articles`);
console.log(`recall: exact ${exact}/${stated} (${pct(exact)}), covered ${covered}/${stated} (${pct(covered)})`);
