// Search as a reader meets it: the judged reader queries of test/fixtures/search/reader-queries.json
// on the reader corpus (content/ samples + every third tw-news file, both editions), each typed into
// the built search page in Chromium. Prints precision@5 against the judgments and the bytes each
// query downloads (decoded, and as sent gzipped by the test server, as a static host sends them),
// median and p90, and the index's size on disk.
//
//   npm run compile && node lib/scripts/search-quality.js [--judge]
//   --judge: also prints the title and snippet of every unjudged result in a top 5, for judging.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sitePages } from '../src/run/pages.js';
import { factsOf } from '../src/run/per-file/facts.js';
import { fixturesDir } from '../test/helpers/paths.js';
import { launchChromium } from '../test/browser/chromium.js';
import { readerCorpusSite } from '../test/browser/reader-corpus.js';
import { visitSearch } from '../test/browser/search-page.js';
import { serveStatic } from '../test/browser/server.js';

/** One judged query: what a reader types on which edition, and the articles judged for it. */
interface JudgedQuery {
  q: string;
  /** '' for the simplified edition, 'zh-hant' for the traditional one. */
  edition: string;
  /** What the reader is after (the judging rule). */
  need: string;
  relevant: string[];
  irrelevant: string[];
}

const judge = process.argv.includes('--judge');
const fixture = JSON.parse(readFileSync(path.join(fixturesDir, 'search', 'reader-queries.json'), 'utf8')) as { queries: JudgedQuery[] };
const { site, names } = await readerCorpusSite();
const slugByUrl = new Map([...site.urls].map(([slug, url]) => [url, slug]));
const dist = mkdtempSync(path.join(tmpdir(), 'pp-search-quality-'));
const index = { files: 0, bytes: 0, gzip: 0 };
for await (const p of sitePages(site, factsOf(site.articles))) {
  const file = path.join(dist, p.path);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, p.content);
  if (/(^|\/)search\/.+\.json$/.test(p.path)) {
    index.files++;
    index.bytes += Buffer.byteLength(p.content);
    index.gzip += gzipSync(p.content).length;
  }
}
const server = await serveStatic(dist);
const browser = await launchChromium();
const kib = (b: number): string => (b / 1024).toFixed(1);
const decoded: number[] = [];
const sent: number[] = [];
const precisions: number[] = [];
let unjudged = 0;
try {
  for (const item of fixture.queries) {
    const edition = item.edition ? `/${item.edition}` : '';
    const visit = await visitSearch(browser, server.url, edition, item.q);
    const top = visit.hrefs.slice(0, 5).map((href) => names.get(slugByUrl.get(decodeURI(href.slice(edition.length)))!) ?? href);
    const good = top.filter((n) => item.relevant.includes(n)).length;
    const open = top.filter((n) => !item.relevant.includes(n) && !item.irrelevant.includes(n));
    const p5 = top.length ? good / top.length : 0;
    precisions.push(p5);
    decoded.push(visit.decoded);
    sent.push(visit.transferred);
    unjudged += open.length;
    const parts = [...visit.kinds].map(([k, b]) => `${k} ${kib(b)}`).join(', ');
    console.log(
      `${(edition || '/').padEnd(9)} ${item.q.padEnd(8, '　')} P@5 ${p5.toFixed(2)} (${good}/${top.length})  ` +
        `${kib(visit.decoded)} KiB decoded, ${kib(visit.transferred)} KiB sent  [${parts}]${open.length ? `  unjudged: ${open.join(' ')}` : ''}`,
    );
    if (judge)
      for (const [i, n] of top.entries())
        if (open.includes(n)) console.log(`    ? ${n}  ${visit.titles[i]}\n        ${visit.snippets[i]?.slice(0, 160)}`);
    if (visit.errors.length) console.log(`    page errors: ${visit.errors.join('; ')}`);
    await visit.tab.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dist, { recursive: true, force: true });
}
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const mean = precisions.reduce((a, b) => a + b, 0) / precisions.length;
console.log(
  `\n${fixture.queries.length} queries on ${site.articles.length} articles; mean P@5 ${mean.toFixed(2)}${unjudged ? ` (${unjudged} results unjudged)` : ''}`,
);
console.log(`bytes per query, decoded: median ${kib(quantile(decoded, 0.5))} KiB, p90 ${kib(quantile(decoded, 0.9))} KiB`);
console.log(`bytes per query, sent gzipped: median ${kib(quantile(sent, 0.5))} KiB, p90 ${kib(quantile(sent, 0.9))} KiB`);
console.log(`index on disk (both editions): ${index.files} files, ${kib(index.bytes)} KiB (${kib(index.gzip)} KiB gzipped)`);
