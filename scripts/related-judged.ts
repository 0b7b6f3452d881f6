// Precision of 相关阅读 against judgments made by reading (test/fixtures/related/judgments.json).
//
// Builds the judged site (the five samples of content/ plus every third tw-news article, see
// test/helpers/judged-site.ts), computes each judged article's 相关阅读 with the current code and
// prints precision@5 (relevant shown / shown), the items shown per article, and the pairs nobody
// has judged yet. Unjudged pairs make it exit 1: judge them (read both articles) and add them.
//
// Usage: npm run related-judged [-- --show] [-- --pick K]
//   --show    prints title and lead of both sides of every unjudged pair, to read them
//   --misses  lists the shown pairs judged unrelated, with the reason
//   --pick K  adds to the fixture the samples and every K-th tw-news article on the site (file
//             order) not judged yet, with empty judgments (how the judged set was chosen: K = 36)
import { writeFileSync } from 'node:fs';
import type { Article, Site } from '../src/model/index.js';
import { judgedPrecision, judgedSite, judgmentsFile, readJudgments, relatedFiles, type Judgments } from '../test/helpers/judged-site.js';
import { corpusDir } from '../test/helpers/paths.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? '') : undefined;
}

/** Title and the first characters of the summary: what a reader sees of a related item. */
function glance(a: Article): string {
  return `${a.title} | ${a.summary.slice(0, 160)}`;
}

/** Samples, then every k-th tw-news article in file order. */
function pick(site: Site, k: number): string[] {
  const files = site.articles.map((a) => a.file).sort();
  const news = files.filter((f) => /^\d+\.txt$/.test(f)).sort((x, y) => parseInt(x) - parseInt(y));
  return [...files.filter((f) => !/^\d+\.txt$/.test(f)), ...news.filter((_, i) => i % k === 0)];
}

const judgments: Judgments = readJudgments();
const site = await judgedSite();
if (option('pick')) {
  for (const f of pick(site, Number(option('pick')))) judgments[f] ??= {};
  writeFileSync(judgmentsFile, `${JSON.stringify(judgments, null, 2)}\n`);
}
const byFile = new Map(site.articles.map((a) => [a.file, a]));
const sources = Object.keys(judgments);
const related = relatedFiles(site, sources);

const { shown, relevant, unjudged, perArticle } = judgedPrecision(related, judgments);
if (option('misses') !== undefined) {
  for (const [source, list] of related) {
    for (const target of list) {
      const j = judgments[source]?.[target];
      if (j?.verdict === 'unrelated') console.log(`unrelated: ${source} -> ${target} (${j.reason})`);
    }
  }
}
const mean = perArticle.reduce((s, n) => s + n, 0) / perArticle.length;
const none = perArticle.filter((n) => n === 0).length;
console.log(`judged site: ${site.articles.length} articles (content/ samples + every third of ${corpusDir})`);
console.log(`judged articles: ${sources.length}; items shown per article: ${mean.toFixed(2)} (none for ${none})`);
console.log(`precision@5: ${relevant}/${shown} = ${((100 * relevant) / (shown || 1)).toFixed(1)}% (judged pairs shown)`);
if (unjudged.length) {
  console.log(`UNJUDGED pairs: ${unjudged.length} (judge them by reading both articles; --show prints them)`);
  for (const [s, t] of unjudged) {
    console.log(`  ${s} -> ${t}`);
    if (option('show') !== undefined) console.log(`    A: ${glance(byFile.get(s)!)}\n    B: ${glance(byFile.get(t)!)}`);
  }
  process.exitCode = 1;
} else console.log('unjudged pairs: 0');
