// Related-articles quality on a corpus with known groups, built from real news text.
//
// ../shared/corpus/tw-news has no topic labels, so the groups are made from the text itself
// (a split-half test): each article's body is cut in two at a sentence end near its middle and
// both halves become articles with no title, keywords or park. The known group of a half is its
// other half. We report how often the other half is among the top 5 related (hit@5), at rank 1
// (hit@1), the mean reciprocal rank, and how many halves get any related article at all.
// Only the body-terms index can match here, so this measures the part of related that is
// computed from text, on text nobody here wrote.
//
// Usage: npm run compile && node lib/scripts/related-quality.js [--limit N] [--corpus DIR] [--threshold X] [--max-share X] [--scale N]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Converter } from 'opencc-js/t2cn';
import { defaultConfig } from '../src/config/defaults.js';
import { relatedArticles } from '../src/stages/site/related.js';
import type { Article } from '../src/model/index.js';
import { makeArticle } from '../test/helpers/articles.js';
import { corpusDir, projectRoot } from '../test/helpers/paths.js';
import { articleFacts } from '../src/run/per-file/facts.js';
import type { TermCounts } from '../src/text/terms.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Cuts at the sentence end (。！？) closest to the middle; null when the text is too short to halve. */
function halves(body: string): [string, string] | null {
  const mid = body.length / 2;
  let best = -1;
  for (const m of body.matchAll(/[。！？]/g)) if (best < 0 || Math.abs(m.index - mid) < Math.abs(best - mid)) best = m.index;
  if (best < 0) return null;
  const a = body.slice(0, best + 1).trim();
  const b = body.slice(best + 1).trim();
  return a.length >= 100 && b.length >= 100 ? [a, b] : null;
}

const dir = option('corpus') ?? corpusDir;
const limit = Number(option('limit') ?? Infinity);
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, limit);
const articles: Article[] = [];
for (const f of files) {
  const [, ...rest] = toSimplified(readFileSync(path.join(dir, f), 'utf8')).split('\n');
  const parts = halves(rest.join('\n'));
  if (!parts) continue;
  parts.forEach((body, i) => articles.push(makeArticle({ file: `${f}#${i}`, slug: `${f.replace(/\.txt$/, '')}-${i}`, title: '', body })));
}

// --scale N: time related on N synthetic articles (each a first half joined to another article's
// second half, so every one is distinct while term frequencies stay those of real news).
const scale = Number(option('scale') ?? 0);
/** An article's body words as the per-file stage counts them. */
const bodyWords = (a: Article): TermCounts => articleFacts(a).terms.words;
if (scale > 0) {
  const firsts = articles.filter((_, i) => i % 2 === 0);
  const seconds = articles.filter((_, i) => i % 2 === 1);
  const synthetic = Array.from({ length: scale }, (_, k) => {
    const a = firsts[k % firsts.length]!;
    const b = seconds[(k * 7919 + Math.floor(k / firsts.length)) % seconds.length]!;
    return makeArticle({ file: `s${k}`, slug: `s${k}`, title: '', body: `${a.body}\n\n${b.body}` });
  });
  const t = performance.now();
  relatedArticles(synthetic, synthetic.map(bodyWords), defaultConfig(projectRoot));
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`scale: related for ${scale} articles in ${((performance.now() - t) / 1000).toFixed(1)} s, rss ${rss.toFixed(0)} MiB`);
  process.exit(0);
}

const config = defaultConfig(projectRoot);
if (option('threshold')) config.related.threshold = Number(option('threshold'));
if (option('max-share')) config.related.maxShare = Number(option('max-share'));
const t0 = performance.now();
const related = relatedArticles(articles, articles.map(bodyWords), config);
const ms = performance.now() - t0;

let hit1 = 0,
  hit5 = 0,
  rr = 0,
  any = 0;
for (const a of articles) {
  const sibling = a.slug.replace(/-(\d)$/, (_, d) => `-${1 - Number(d)}`);
  const list = related.get(a.slug) ?? [];
  const rank = list.indexOf(sibling);
  if (list.length) any++;
  if (rank === 0) hit1++;
  if (rank >= 0 && rank < 5) {
    hit5++;
    rr += 1 / (rank + 1);
  }
}
const n = articles.length;
const pct = (x: number): string => `${((100 * x) / n).toFixed(1)}%`;
console.log(`corpus: ${dir} (${files.length} files -> ${n} halves)`);
console.log(`config: count=${config.related.count} threshold=${config.related.threshold} maxShare=${config.related.maxShare}`);
console.log(`hit@5 ${pct(hit5)}  hit@1 ${pct(hit1)}  MRR@5 ${(rr / n).toFixed(3)}  with any related ${pct(any)}`);
console.log(`related for ${n} articles: ${ms.toFixed(0)} ms (segmentation included)`);
